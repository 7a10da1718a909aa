package se.samtrygg.servicepoint;

/**
 * A language by its ISO 639-1 code, named in Swedish ("arabiska") and in itself ("العربية"), with its writing direction so
 * pages can mark it up with lang and dir. Names come from the JDK's locale data (CLDR), so no list is kept by hand.
 */
public record SpokenLanguage(String code, String swedishName, String englishName, String nativeName, boolean rightToLeft) {
}
