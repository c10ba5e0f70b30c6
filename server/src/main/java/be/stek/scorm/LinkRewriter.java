package be.stek.scorm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the links in Stek's rendered lesson HTML into links inside an exported package (pages sit in
 * {@code pages/}): lessons and the glossary become sibling pages, media and course files are copied into the
 * package, external links open in a new window, and links to other courses keep their text without a link.
 * Remembers which media and files it saw, so the exporter can copy exactly those.
 */
final class LinkRewriter {
    private static final Pattern ATTR = Pattern.compile("(href|src)=\"([^\"]*)\"");
    private static final Pattern DEAD_LINK = Pattern.compile("<a href=\"#stek-dead\"[^>]*>(.*?)</a>", Pattern.DOTALL);

    private final String course;
    private final Map<String, String> pageFiles;
    private final Map<String, String> media = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    /** {@code pageFiles}: lesson slug → page file name; the key {@code ""} is the course introduction. */
    LinkRewriter(String course, Map<String, String> pageFiles) {
        this.course = course;
        this.pageFiles = pageFiles;
    }

    String rewrite(String html) {
        if (html == null) {
            return null;
        }
        Matcher m = ATTR.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(attribute(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return DEAD_LINK.matcher(out.toString()).replaceAll("<span class=\"stek-unlinked\">$1</span>");
    }

    private String attribute(String name, String url) {
        String mapped = map(url);
        if (mapped.startsWith("http://") || mapped.startsWith("https://")) {
            return name + "=\"" + mapped + "\"" + ("href".equals(name) ? " target=\"_blank\" rel=\"noopener\"" : "");
        }
        return name + "=\"" + mapped + "\"";
    }

    /** One URL (an image or audio source), mapped like a link; null stays null. */
    String url(String url) {
        return url == null ? null : map(url);
    }

    private String map(String url) {
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        if (path.startsWith("/media/")) {
            String rel = path.substring("/media/".length());
            media.put(rel, "media/" + rel);
            return "../media/" + rel;
        }
        String prefix = "/courses/" + course;
        if (path.startsWith(prefix + "/files/")) {
            String rel = path.substring((prefix + "/files/").length());
            files.put(rel, "files/" + rel);
            return "../files/" + rel;
        }
        if (path.startsWith(prefix + "/lessons/") && pageFiles.containsKey(path.substring((prefix + "/lessons/").length()))) {
            return pageFiles.get(path.substring((prefix + "/lessons/").length())) + fragment;
        }
        if (path.equals(prefix)) {
            return pageFiles.get("") + fragment;
        }
        if (path.equals("/woordenlijst")) {
            return ExportPages.GLOSSARY + fragment;
        }
        return path.startsWith("/") ? "#stek-dead" : url;
    }

    /** Media files seen so far: path under the media folder → path in the package. */
    Map<String, String> media() {
        return media;
    }

    /** Course files seen so far: path under the course folder → path in the package. */
    Map<String, String> files() {
        return files;
    }
}
