package se.samtrygg;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;
import se.samtrygg.common.scheduler.SchedulerConfiguration;
import se.samtrygg.identity.FirstAdminConfiguration;
import se.samtrygg.identity.SecurityConfiguration;
import se.samtrygg.notification.MailConfiguration;
import se.samtrygg.programme.ProgrammeConfiguration;
import se.samtrygg.reminder.ReminderConfiguration;
import se.samtrygg.retention.RetentionConfiguration;

/** config.yml, grouped by concern; every default serves the embedded run. */
public class SamtryggConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    /** Off for operators who run {@code db migrate} themselves before starting the service. */
    private boolean migrateOnStart = true;

    @Valid
    @NotNull
    private SchedulerConfiguration scheduler = new SchedulerConfiguration();

    @Valid
    @NotNull
    private SecurityConfiguration security = new SecurityConfiguration();

    @Valid
    @NotNull
    private FirstAdminConfiguration firstAdmin = new FirstAdminConfiguration();

    @Valid
    @NotNull
    private MailConfiguration mail = new MailConfiguration();

    @Valid
    @NotNull
    private ReminderConfiguration reminders = new ReminderConfiguration();

    @Valid
    @NotNull
    private RetentionConfiguration retention = new RetentionConfiguration();

    @Valid
    @NotNull
    private ProgrammeConfiguration programme = new ProgrammeConfiguration();

    @NotNull
    private Map<String, Map<String, String>> views = new HashMap<>();

    @JsonProperty
    public DataSourceFactory getDatabase() {
        // The URL says which database it is; operators need not name the driver as well.
        if (database.getDriverClass() == null && database.getUrl() != null) {
            database.setDriverClass(isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
        }
        // Every borrower gets a connection in auto-commit mode, whatever the last one left behind
        // (Liquibase and Quartz turn it off). JDBI takes a connection without auto-commit for one
        // that is already inside a transaction, and would then never commit.
        if (database.getAutoCommitByDefault() == null) {
            database.setAutoCommitByDefault(true);
        }
        if (database.getJdbcInterceptors().isEmpty()) {
            database.setJdbcInterceptors(java.util.Optional.of("ConnectionState"));
        }
        return database;
    }

    @JsonProperty
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public SchedulerConfiguration getScheduler() {
        return scheduler;
    }

    @JsonProperty
    public void setScheduler(SchedulerConfiguration scheduler) {
        this.scheduler = scheduler;
    }

    @JsonProperty
    public SecurityConfiguration getSecurity() {
        return security;
    }

    @JsonProperty
    public void setSecurity(SecurityConfiguration security) {
        this.security = security;
    }

    @JsonProperty
    public FirstAdminConfiguration getFirstAdmin() {
        return firstAdmin;
    }

    @JsonProperty
    public void setFirstAdmin(FirstAdminConfiguration firstAdmin) {
        this.firstAdmin = firstAdmin;
    }

    @JsonProperty
    public MailConfiguration getMail() {
        return mail;
    }

    @JsonProperty
    public void setMail(MailConfiguration mail) {
        this.mail = mail;
    }

    @JsonProperty
    public ReminderConfiguration getReminders() {
        return reminders;
    }

    @JsonProperty
    public void setReminders(ReminderConfiguration reminders) {
        this.reminders = reminders;
    }

    @JsonProperty
    public RetentionConfiguration getRetention() {
        return retention;
    }

    @JsonProperty
    public void setRetention(RetentionConfiguration retention) {
        this.retention = retention;
    }

    @JsonProperty
    public ProgrammeConfiguration getProgramme() {
        return programme;
    }

    @JsonProperty
    public void setProgramme(ProgrammeConfiguration programme) {
        this.programme = programme;
    }

    @JsonProperty
    public Map<String, Map<String, String>> getViews() {
        return views;
    }

    @JsonProperty
    public void setViews(Map<String, Map<String, String>> views) {
        this.views = views;
    }

    public boolean isPostgres() {
        String url = database == null ? null : database.getUrl();
        return url != null && url.startsWith("jdbc:postgresql:");
    }
}
