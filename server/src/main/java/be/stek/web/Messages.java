package be.stek.web;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI strings per language from {@code i18n/messages*.properties} (UTF-8). Dutch is the base bundle; English
 * overrides it. Arguments replace {@code {0}}, {@code {1}}, … literally, so apostrophes need no escaping.
 */
public final class Messages {
    public static final String DUTCH = "nl";
    public static final String ENGLISH = "en";

    private static final Map<String, Locale> LOCALES = Map.of(DUTCH, Locale.forLanguageTag("nl-BE"),
            ENGLISH, Locale.ENGLISH);

    private final String language;
    private final ResourceBundle bundle;

    private Messages(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("i18n.messages", LOCALES.get(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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

    /** The text for a key with its arguments filled in; a missing key shows as the key itself (and tests catch it). */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
