package be.stek.scorm;

/** A package Stek will not import, with the message key (in {@code scorm.properties}) that says why. */
final class ImportRefused extends Exception {
    private final String key;
    private final transient Object[] args;

    ImportRefused(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
