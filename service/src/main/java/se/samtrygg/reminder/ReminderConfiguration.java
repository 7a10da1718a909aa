package se.samtrygg.reminder;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/**
 * The {@code reminders} block of config.yml. Reminders tied to a day (due soon, due today, overdue,
 * agenda or minutes missing, the day before a meeting) are sent at {@code sendAt}, Europe/Stockholm
 * local time, on both sides of a daylight-saving change. The weekly digest goes on Mondays at the same time.
 */
public class ReminderConfiguration {

    @NotNull
    private LocalTime sendAt = LocalTime.of(7, 0);

    @JsonProperty
    public LocalTime getSendAt() {
        return sendAt;
    }

    @JsonProperty
    public void setSendAt(LocalTime sendAt) {
        this.sendAt = sendAt;
    }
}
