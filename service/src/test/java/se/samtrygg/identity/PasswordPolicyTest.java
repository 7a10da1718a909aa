package se.samtrygg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samtrygg.common.FieldError;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "qwertyuiop123", "123456789012", "aaaaaaaaaaaa", "sommar2026sommar", "Samtrygg2026!"})
    void commonOrPatternedPasswordsAreRefused(String password) {
        assertThat(policy.problems("password", password)).extracting(FieldError::messageKey).containsExactly("error.passwordCommon");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kort", "elva tecken"})
    void passwordsUnderTwelveCharactersAreRefused(String password) {
        assertThat(policy.problems("password", password)).extracting(FieldError::messageKey).containsExactly("error.passwordTooShort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nattvandring i Sättra varje fredag", "korvgubbe-ekorre-tältpinne", "Hk7#qpL2!vXz9wR"})
    void longUnusualPasswordsAreAccepted(String password) {
        assertThat(policy.problems("password", password)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.lindqvist2026", "lindqvistanna2026"})
    void aPasswordMadeOfTheUsersOwnNameIsRefused(String password) {
        assertThat(policy.problems("password", password, "anna.lindqvist@gavle.se", "Anna Lindqvist")).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void hashesAreArgon2idAndVerify() {
        PasswordHasher hasher = new PasswordHasher(19456, 2);
        String hash = hasher.hash("Nattvandring i Sättra varje fredag");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(hasher.verify("Nattvandring i Sättra varje fredag", hash)).isTrue();
        assertThat(hasher.verify("Nattvandring i Sättra varje lördag", hash)).isFalse();
        assertThat(hasher.hash("Nattvandring i Sättra varje fredag")).as("salted").isNotEqualTo(hash);
    }
}
