package be.stek.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * UI strings per language from the bundles in {@link #BUNDLES} (UTF-8 properties under {@code i18n/}): one per
 * feature, looked up in order. Dutch is each base bundle; English overrides it. Arguments replace {@code {0}},
 * {@code {1}}, … literally, so apostrophes need no escaping.
 */
public final class Messages {
    public static final String DUTCH = "nl";
    public static final String ENGLISH = "en";

    private static final Map<String, Locale> LOCALES = Map.of(DUTCH, Locale.forLanguageTag("nl-BE"),
            ENGLISH, Locale.ENGLISH);

    /** Base names of the bundles: the core, then one per feature that has its own strings. */
    public static final List<String> BUNDLES = List.of("i18n.messages", "i18n.cohort", "i18n.scorm",
            "i18n.privacy", "i18n.review", "i18n.handout", "i18n.mail");

    private final String language;
    /** Every key of the bundles with its text, the first bundle that has a key winning (a page looks up hundreds). */
    private final Map<String, String> texts;

    private Messages(String language) {
        this.language = language;
        Map<String, String> texts = new java.util.HashMap<>();
        BUNDLES.stream()
                .filter(name -> Messages.class.getResource("/" + name.replace('.', '/') + ".properties") != null)
                .map(name -> ResourceBundle.getBundle(name, LOCALES.get(language),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)))
                .forEach(b -> b.keySet().forEach(key -> texts.putIfAbsent(key, b.getString(key))));
        this.texts = Map.copyOf(texts);
    }

    private static final Messages NL = new Messages(DUTCH);
    private static final Messages EN = new Messages(ENGLISH);

    /** The messages for a language code; anything but "en" gets Dutch. */
    public static Messages of(String language) {
        return ENGLISH.equals(language) ? EN : NL;
    }

    public static boolean isSupported(String language) {
        return DUTCH.equals(language) || ENGLISH.equals(language);
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return LOCALES.get(language);
    }

    /**
     * The text for a key with its arguments filled in; a missing key shows as the key itself (and tests catch it).
     * A text with a plural (<code>{0, plural, one {# antwoord} other {# antwoorden}}</code>) is formatted with ICU's
     * MessageFormat in the visitor's language; other texts only have their {@code {n}} replaced, so that apostrophes
     * ("baby's") need no escaping.
     */
    public String get(String key, Object... args) {
        String text = lookup(key);
        if (text == null) {
            return key;
        }
        if (text.contains(", plural,") || text.contains(",plural,")) {
            return new com.ibm.icu.text.MessageFormat(text, locale()).format(args);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    public boolean has(String key) {
        return lookup(key) != null;
    }

    private String lookup(String key) {
        return texts.get(key);
    }
}
