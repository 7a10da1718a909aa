package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import se.samtrygg.common.web.FormValues;

/** Decimal numbers as people type them into a form: with a comma or a point, grouped by spaces, within the column's digits. */
class FormValuesTest {

    @Test
    void aDecimalIsReadWithACommaOrAPointAndSpacesBetweenDigitGroups() {
        assertThat(FormValues.decimal("42,5", "value", 14, 4)).isEqualByComparingTo("42.5");
        assertThat(FormValues.decimal("42.5", "value", 14, 4)).isEqualByComparingTo("42.5");
        assertThat(FormValues.decimal(" 1 250,75 ", "value", 14, 4)).isEqualByComparingTo("1250.75");
        assertThat(FormValues.decimal("−3,5", "value", 14, 4)).as("a typographic minus").isEqualByComparingTo("-3.5");
        assertThat(FormValues.decimal(",5", "value", 14, 4)).isEqualByComparingTo("0.5");
        assertThat(FormValues.decimal("1200", "value", 4, 0)).isEqualByComparingTo("1200");
        assertThat(FormValues.decimal("  ", "value", 14, 4)).isNull();
    }

    @Test
    void whatIsNotOneNumberOrHasTooManyDigitsIsRefusedOnItsField() {
        for (String typed : new String[] {"tolv", "1,2.3", "1e5", "12,5 %", "--1"}) {
            assertThatThrownBy(() -> FormValues.decimal(typed, "targetValue", 14, 4)).as(typed)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("targetValue");
                        assertThat(e.errors()).extracting(FieldError::messageKey).containsExactly("error.decimal");
                    });
        }
        assertThatThrownBy(() -> FormValues.decimal("0,12345", "value", 14, 4))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("error.decimalDigits"));
        assertThatThrownBy(() -> FormValues.decimal("123456789012345", "value", 14, 4))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("error.decimalDigits"));
        assertThat(FormValues.decimal("1,50000", "value", 14, 4)).as("trailing zeros are no digits of substance").isEqualByComparingTo("1.5");
    }

    @Test
    void aVeryLongRunOfDigitsIsRefusedAtOnceAndZerosThatSayNothingDoNotCount() {
        assertThat(FormValues.decimal("0012,50000", "value", 14, 4)).isEqualByComparingTo("12.5");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(1), () -> {
            for (String typed : new String[] {"1" + "0".repeat(200_000), "1" + "0".repeat(200_000) + ",5", "0," + "1".repeat(200_000),
                    "0," + "0".repeat(200_000) + "1"}) {
                assertThatThrownBy(() -> FormValues.decimal(typed, "value", 14, 4)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::messageKey).containsExactly("error.decimalDigits"));
            }
        });
    }
}
