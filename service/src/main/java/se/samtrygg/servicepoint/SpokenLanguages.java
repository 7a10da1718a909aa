package se.samtrygg.servicepoint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Languages by ISO 639-1 code, named from the JDK's locale data, and the short list the forms offer: the languages most
 * spoken in Swedish suburbs besides Swedish and English (Dari is written as Persian, "fa", which has a two-letter code).
 */
public final class SpokenLanguages {
    /** The languages the slot form offers as checkboxes, in this order; others are typed as codes. */
    public static final List<String> COMMON = List.of("sv", "en", "ar", "so", "ti", "fa", "ku", "tr", "bs", "sr", "hr", "pl", "ru", "uk",
            "es", "fi", "sq", "am");

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    // ckb (Sorani) has no two-letter code and so is never accepted; it is listed so the rule reads as decided.
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private SpokenLanguages() {
    }

    /** A language by code ("ar", " AR "), or empty when it is not an ISO 639-1 code the JDK knows. */
    public static Optional<SpokenLanguage> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String typed = code.strip().toLowerCase(Locale.ROOT);
        if (typed.length() != 2 || !ISO_639_1.contains(typed)) {
            return Optional.empty();
        }
        // The JDK also knows the withdrawn codes iw, ji and in; they are stored as he, yi and id.
        Locale locale = Locale.forLanguageTag(typed);
        String current = locale.getLanguage();
        String nativeName = locale.getDisplayLanguage(locale);
        return Optional.of(new SpokenLanguage(current, locale.getDisplayLanguage(SWEDISH), locale.getDisplayLanguage(Locale.ENGLISH),
                nativeName.isBlank() ? locale.getDisplayLanguage(Locale.ENGLISH) : nativeName, RIGHT_TO_LEFT.contains(current)));
    }

    /**
     * A language by code, or by its name in Swedish, English or itself ("tyska", "German", "Deutsch"), for the form's field
     * of other languages; empty when nothing matches.
     */
    public static Optional<SpokenLanguage> byCodeOrName(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<SpokenLanguage> byCode = byCode(text);
        if (byCode.isPresent()) {
            return byCode;
        }
        String name = text.strip();
        for (String code : ISO_639_1) {
            Optional<SpokenLanguage> language = byCode(code);
            if (language.isPresent() && (language.get().swedishName().equalsIgnoreCase(name)
                    || language.get().englishName().equalsIgnoreCase(name) || language.get().nativeName().equalsIgnoreCase(name))) {
                return language;
            }
        }
        return Optional.empty();
    }
}
