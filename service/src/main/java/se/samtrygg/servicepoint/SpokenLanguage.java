package se.samtrygg.servicepoint;

import java.util.Optional;

/**
 * A language by its ISO 639-1 code, named in Swedish ("arabiska") and in itself ("العربية"), with its writing direction so
 * pages can mark it up with lang and dir. Names come from the JDK's locale data (CLDR), so no list is kept by hand.
 * {@code nativeName} is empty when the JDK has no name for the language in itself (it would answer with the English name).
 */
public record SpokenLanguage(String code, String swedishName, String englishName, Optional<String> nativeName, boolean rightToLeft) {
    /**
     * The name in the language itself to show, marked up with lang and dir, beside {@code name} (its Swedish or English name):
     * empty when there is none or it reads the same ("svenska" needs no "svenska" beside it).
     */
    public Optional<String> nativeNameBeside(String name) {
        return nativeName.filter(n -> !n.equalsIgnoreCase(name));
    }
}
