package be.stek.scorm;

/** The two run-time versions Stek plays; 2004 covers the 2nd, 3rd and 4th editions. */
public enum ScormVersion {
    SCORM_12("1.2"), SCORM_2004("2004");

    private final String code;

    ScormVersion(String code) {
        this.code = code;
    }

    /** As stored and shown: {@code 1.2} or {@code 2004}. */
    public String code() {
        return code;
    }

    static ScormVersion of(String code) {
        return "1.2".equals(code) ? SCORM_12 : SCORM_2004;
    }
}
