package se.samtrygg.common.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages of the user interface. Swedish first: it is the municipality's language. */
public enum Language {
    sv, en;

    public static final Language DEFAULT = sv;

    public Locale locale() {
        return Locale.forLanguageTag(name());
    }

    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.name().equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
