package be.stek.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads course sources so that no file can stop the server: a file that is not valid UTF-8, cannot be read, or is a
 * symbolic link to a place outside its folder is a reported problem ({@code file:line: message}), never an
 * exception. Also finds every symbolic link under the courses and media folders that leads outside them: Stek
 * neither reads nor serves what such a link points to.
 */
final class SourceFiles {
    private SourceFiles() {
    }

    /** The text of {@code file}, which must lie (really, links followed) inside {@code root}; else a problem. */
    static Optional<String> read(Path root, Path file, String shown, Problems problems) {
        byte[] bytes;
        try {
            if (!inside(root, file)) {
                problems.add(shown, 1, "a symbolic link to a file outside " + root.getFileName()
                        + "/: Stek does not read it (copy the file in instead)");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(shown, 1, "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return Optional.empty();
        }
        return decode(bytes, shown, problems);
    }

    /** UTF-8 text, or a problem at the line and column of the first byte that is not UTF-8. */
    static Optional<String> decode(byte[] bytes, String shown, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.add(shown, line, String.format("the file is not valid UTF-8 (byte 0x%02X in column %d): save it as"
                    + " UTF-8; the course is left out until then", bytes[at] & 0xff, at - lineStart + 1));
            return Optional.empty();
        }
        return Optional.of(out.flip().toString());
    }

    /** True when {@code file} exists and its real path (links followed) lies inside {@code root}'s real path. */
    static boolean inside(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Reports every symbolic link under {@code root} that leads outside it, or nowhere. */
    static void reportOutsideLinks(Path root, Function<Path, String> display, Problems problems) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root.toRealPath())) {
            Path realRoot = root.toRealPath();
            all.filter(Files::isSymbolicLink).sorted().forEach(link -> {
                Path shown = root.resolve(realRoot.relativize(link));
                if (!Files.exists(link)) {
                    problems.warn(display.apply(shown), 1, "a symbolic link that leads nowhere");
                } else if (!inside(realRoot, link)) {
                    problems.add(display.apply(shown), 1, "a symbolic link to a file outside " + root.getFileName()
                            + "/: Stek does not serve or read it (copy the file in instead)");
                }
            });
        } catch (IOException | UncheckedIOException e) {
            problems.add(display.apply(root), 1, "cannot look through the folder for symbolic links (" + e.getMessage()
                    + ")");
        }
    }
}
