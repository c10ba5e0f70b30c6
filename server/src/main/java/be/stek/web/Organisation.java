package be.stek.web;

/**
 * The organisation running this Stek ({@code --org-name}, {@code --org-logo}): shown in every page's header (and the
 * name on certificates). {@code name} is null when none is set; {@code logo} says whether a logo is served at
 * {@value #LOGO_PATH}.
 */
public record Organisation(String name, boolean logo) {
    public static final String LOGO_PATH = "/organisation/logo";
    public static final Organisation NONE = new Organisation(null, false);
}
