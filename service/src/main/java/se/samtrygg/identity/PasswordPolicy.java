package se.samtrygg.identity;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import se.samtrygg.common.FieldError;

/**
 * What a password must be: at least 12 characters, and not one that an attacker tries early.
 * zxcvbn checks it against lists of common passwords, names and keyboard patterns, and against
 * the user's own e-mail and name.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    /** zxcvbn's score 3: "safely unguessable" against an online attack (about 10^8 guesses). */
    private static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

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
                inputs.add(word);
                inputs.addAll(List.of(word.split("[@.\\s]+")));
            }
        }
        Strength strength = zxcvbn.measure(password, inputs);
        if (strength.getScore() < MIN_SCORE) {
            problems.add(new FieldError(field, "error.passwordCommon"));
        }
        return problems;
    }
}
