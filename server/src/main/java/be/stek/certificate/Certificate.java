package be.stek.certificate;

import java.util.Locale;

/**
 * An issued certificate. It keeps what it says (name, course title and version, dates, study time) as they were
 * when it was issued, so every later download and the public verification page show the same facts.
 */
public record Certificate(String code, long learnerId, String course, String courseTitle, String courseVersion,
                          String learnerName, String completedAt, int minutes, String issuedAt) {
    /** Characters in a code; {@link be.stek.web.Tokens#code} leaves out look-alikes such as 0/O and 1/I/l. */
    static final int CODE_LENGTH = 12;

    /** The code as printed and shown, in groups of four: {@code K7QM-4RTX-9PZC}. */
    public String displayCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            sb.append(i == 0 ? "" : "-").append(code, i, Math.min(i + 4, code.length()));
        }
        return sb.toString();
    }

    /** The public page that confirms this certificate. */
    public String verifyUrl(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/verify/" + displayCode();
    }

    Certificate withCode(String newCode) {
        return new Certificate(newCode, learnerId, course, courseTitle, courseVersion, learnerName, completedAt,
                minutes, issuedAt);
    }

    /** A code as someone typed it, in stored form: case, spaces and dashes do not matter. */
    static String normalize(String typed) {
        if (typed == null || typed.length() > 100) {
            return "";
        }
        return typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
