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
    // ckb (Sorani) has no two-letter code and so is never accepted; it is listed so the rule reads as decided. Uyghur, Sindhi
    // and Kashmiri are written in Arabic script. Any other language whose name in itself begins in a right-to-left script is
    // right-to-left too (see byCode); the list is for those, like Divehi, that the JDK cannot name in themselves.
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "ug", "sd", "ks");
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
        String english = locale.getDisplayLanguage(Locale.ENGLISH);
        String inItself = locale.getDisplayLanguage(locale);
        // For some sixty languages (Divehi, Abkhazian, Haitian Creole...) the JDK has no name in the language itself and answers
        // with the English name or the code: marked up as that language, it would be English text with lang="dv" (WCAG 3.1.2).
        boolean unnamed = inItself.isBlank() || (!current.equals("en") && (inItself.equalsIgnoreCase(english)
                || inItself.equalsIgnoreCase(current) || inItself.equalsIgnoreCase(typed)));
        Optional<String> nativeName = unnamed ? Optional.empty() : Optional.of(inItself);
        boolean rightToLeft = RIGHT_TO_LEFT.contains(current) || nativeName.map(SpokenLanguages::beginsRightToLeft).orElse(false);
        return Optional.of(new SpokenLanguage(current, locale.getDisplayLanguage(SWEDISH), english, nativeName, rightToLeft));
    }

    /** Whether the first letter with a writing direction of its own is written right to left (Arabic, Hebrew, Thaana...). */
    private static boolean beginsRightToLeft(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            byte direction = Character.getDirectionality(text.codePointAt(i));
            if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
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
                    || language.get().englishName().equalsIgnoreCase(name)
                    || language.get().nativeName().filter(n -> n.equalsIgnoreCase(name)).isPresent())) {
                return language;
            }
        }
        return Optional.empty();
    }
}
