package se.samtrygg.identity;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.samtrygg.common.FieldError;

/**
 * What a password must be: at least 12 characters, and not one that an attacker tries early.
 * zxcvbn checks it against lists of common passwords, names and keyboard patterns, and against
 * the user's own e-mail and name.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    /**
     * zxcvbn's top score (at least 10^10 guesses). Score 3 (10^8) still lets through a common
     * word twice around a year, such as "sommar2026sommar"; a sentence of a few words scores 4 easily.
     */
    private static final int MIN_SCORE = 4;

    private final Zxcvbn zxcvbn;

    public PasswordPolicy() {
        try {
            List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
            dictionaries.add(new Dictionary("swedish", swedishWords()));
            this.zxcvbn = new ZxcvbnBuilder().dictionaries(dictionaries).keyboards(StandardKeyboards.loadAllKeyboards()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the password dictionaries", e);
        }
    }

    private static List<String> swedishWords() throws IOException {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/se/samtrygg/identity/common-words-sv.txt")) {
            if (in == null) {
                throw new IOException("common-words-sv.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    public List<FieldError> problems(String field, String password, String... personalWords) {
        List<FieldError> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(new FieldError(field, "error.required"));
            return problems;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add(new FieldError(field, "error.passwordTooShort", MIN_LENGTH));
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(new FieldError(field, "error.tooLong", MAX_LENGTH));
            return problems;
        }
        List<String> inputs = new ArrayList<>(List.of("samtrygg", "gävle", "gavle", "sättra", "sattra"));
        for (String word : personalWords) {
            if (word != null) {
                String lower = word.toLowerCase(Locale.ROOT);
                inputs.add(lower);
                inputs.addAll(List.of(lower.split("[@.\\s_-]+")));
            }
        }
        Strength strength = zxcvbn.measure(password, inputs);
        if (strength.getScore() < MIN_SCORE) {
            problems.add(new FieldError(field, "error.passwordCommon"));
        }
        return problems;
    }
}
