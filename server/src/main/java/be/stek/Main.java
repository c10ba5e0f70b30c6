package be.stek;

import picocli.CommandLine;

/** Starts the command line; {@code java -jar stek.jar} with no command serves. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Cli()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
