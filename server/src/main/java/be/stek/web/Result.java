package be.stek.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler returns; the front servlet writes it. */
public sealed interface Result {

    /** A FreeMarker page. The servlet adds the common model (visitor, csrf token, language, flash message). */
    record Page(String template, Map<String, Object> model, int status) implements Result {
        /** The same page with another status (429 for a form sent too often, for example). */
        public Page withStatus(int other) {
            return new Page(template, model, other);
        }
    }

    /** A redirect after a POST, with an optional flash message key shown on the next page. */
    record Redirect(String location, String flashKey) implements Result {
    }

    record Json(Object body, int status) implements Result {
    }

    /** A file to download (attachment) or show inline. */
    record Download(String filename, String contentType, byte[] bytes, boolean inline) implements Result {
    }

    /**
     * A download written while it is sent (no length known beforehand, so chunked): for exports that grow with a
     * group, which then never sit whole in memory. Whatever can fail with a clear answer must be checked before
     * returning it; once the body has started, an error can only cut the download short (and is logged).
     */
    record Stream(String filename, String contentType, Body body) implements Result {
    }

    /** Writes a {@link Stream}'s bytes. */
    @FunctionalInterface
    interface Body {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    /**
     * A file from a folder, streamed with ranges and cache validators; not found when its real path leaves
     * {@code folder} (a symbolic link to somewhere else, for example). A null {@code contentType} is taken from the
     * file name.
     */
    record File(java.nio.file.Path folder, java.nio.file.Path file, String contentType) implements Result {
    }

    /** Builds a page from key/value pairs: {@code page("course/show", "course", c, "lessons", l)}. */
    static Page page(String template, Object... keyValues) {
        return new Page(template, model(keyValues), 200);
    }

    static Redirect redirect(String location) {
        return new Redirect(location, null);
    }

    static Redirect redirect(String location, String flashKey) {
        return new Redirect(location, flashKey);
    }

    static Json json(Object body) {
        return new Json(body, 200);
    }

    static Download download(String filename, String contentType, byte[] bytes) {
        return new Download(filename, contentType, bytes, false);
    }

    static Map<String, Object> model(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("model needs key/value pairs");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            model.put((String) keyValues[i], keyValues[i + 1]);
        }
        return model;
    }
}
