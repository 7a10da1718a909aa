package se.samtrygg.retention;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;

/**
 * The {@code retention} block of config.yml (gallring): how long each record type is kept. A
 * period left out (null) keeps that record type for good; the municipality's records plan decides.
 * The defaults cover the records that exist only to deliver or trace something.
 */
public class RetentionConfiguration {
    /** Inbox entries, counted from when they were written. */
    private Duration notifications = Duration.days(365);
    /** Sent and failed e-mails in the outbox. */
    private Duration outboxMessages = Duration.days(90);
    /** Dispatched or skipped reminder occurrences. */
    private Duration reminders = Duration.days(90);
    /** Activity imports (the uploaded file's rows and their report). */
    private Duration activityImports = Duration.days(30);
    /** The audit log. */
    private Duration auditEntries = Duration.days(3650);
    /** Place reports from residents. */
    private Duration placeReports;
    /** Activities with their observations. */
    private Duration activities;

    @JsonProperty public Duration getNotifications() { return notifications; }
    @JsonProperty public void setNotifications(Duration notifications) { this.notifications = notifications; }
    @JsonProperty public Duration getOutboxMessages() { return outboxMessages; }
    @JsonProperty public void setOutboxMessages(Duration outboxMessages) { this.outboxMessages = outboxMessages; }
    @JsonProperty public Duration getReminders() { return reminders; }
    @JsonProperty public void setReminders(Duration reminders) { this.reminders = reminders; }
    @JsonProperty public Duration getActivityImports() { return activityImports; }
    @JsonProperty public void setActivityImports(Duration activityImports) { this.activityImports = activityImports; }
    @JsonProperty public Duration getAuditEntries() { return auditEntries; }
    @JsonProperty public void setAuditEntries(Duration auditEntries) { this.auditEntries = auditEntries; }
    @JsonProperty public Duration getPlaceReports() { return placeReports; }
    @JsonProperty public void setPlaceReports(Duration placeReports) { this.placeReports = placeReports; }
    @JsonProperty public Duration getActivities() { return activities; }
    @JsonProperty public void setActivities(Duration activities) { this.activities = activities; }
}
