package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.samtrygg.common.web.LogSafe;

class LogSafeTest {
    @Test
    void lineBreaksAndControlCharactersCannotStartANewLogLine() {
        String safe = LogSafe.of("eve@example.se\r\nINFO  [2026-01-01] admin logged in\u2028\u0007");
        assertThat(safe).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u2028").doesNotContain("\u0007");
        assertThat(safe).contains("\\r\\nINFO");
    }

    @Test
    void longInputIsCut() {
        assertThat(LogSafe.of("x".repeat(10_000))).hasSizeLessThan(210);
    }
}
