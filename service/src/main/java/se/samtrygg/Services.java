package se.samtrygg;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.activity.ActivityService;
import se.samtrygg.activity.CategoryService;
import se.samtrygg.area.AreaService;
import se.samtrygg.audit.AuditService;
import se.samtrygg.calendar.CalendarFeedService;
import se.samtrygg.calendar.CalendarService;
import se.samtrygg.common.db.LazySqlObjects;
import se.samtrygg.common.db.SqlObjectMetadata;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.scheduler.JobRuns;
import se.samtrygg.identity.ApiTokenService;
import se.samtrygg.identity.FirstAdmin;
import se.samtrygg.identity.LoginService;
import se.samtrygg.identity.PasswordHasher;
import se.samtrygg.identity.PasswordPolicy;
import se.samtrygg.identity.SecurityConfiguration;
import se.samtrygg.identity.SessionService;
import se.samtrygg.identity.UserService;
import se.samtrygg.meeting.ActionItemService;
import se.samtrygg.meeting.AttendanceService;
import se.samtrygg.meeting.MeetingService;
import se.samtrygg.meeting.MinutesService;
import se.samtrygg.meeting.NetworkGroupService;
import se.samtrygg.notification.NotificationService;
import se.samtrygg.observation.ObservationService;
import se.samtrygg.reminder.ReminderService;
import se.samtrygg.reminder.ReminderSettingsService;
import se.samtrygg.organisation.OrganisationService;
import se.samtrygg.placereport.PlaceReportService;
import se.samtrygg.programme.DerivedIndicators;
import se.samtrygg.programme.ProgrammeService;
import se.samtrygg.rollout.MethodTemplateService;
import se.samtrygg.rollout.RolloutService;
import se.samtrygg.servicepoint.ServicePointService;
import se.samtrygg.situation.SituationService;

/**
 * Every feature's service, wired once. The server and the commands ({@code demo}) build the same
 * graph, so data loaded by a command obeys the same rules and is audited the same way.
 */
public record Services(
        AuditService audit,
        OrganisationService organisations,
        AreaService areas,
        UserService users,
        LoginService logins,
        SessionService sessions,
        ApiTokenService tokens,
        NetworkGroupService networkGroups,
        MeetingService meetings,
        ActionItemService actionItems,
        MinutesService minutes,
        AttendanceService attendance,
        CalendarService calendar,
        CalendarFeedService calendarFeeds,
        CategoryService categories,
        ActivityService activities,
        SituationService situation,
        PlaceReportService placeReports,
        ObservationService observations,
        MethodTemplateService methodTemplates,
        RolloutService rollouts,
        ServicePointService servicePoints,
        ProgrammeService programmes,
        NotificationService notifications,
        ReminderSettingsService reminderSettings,
        ReminderService reminders,
        FirstAdmin firstAdmin,
        JobRuns jobRuns) {

    /**
     * Every DAO interface of the service: each is described once on the Jdbi ({@link SqlObjectMetadata}) and makes its
     * methods' handlers as they are called ({@link LazySqlObjects}).
     */
    public static final List<Class<?>> DAOS = List.of(
            se.samtrygg.activity.ActivityDao.class,
            se.samtrygg.activity.ActivityImportDao.class,
            se.samtrygg.activity.CategoryDao.class,
            se.samtrygg.area.AreaDao.class,
            se.samtrygg.audit.AuditDao.class,
            se.samtrygg.calendar.CalendarFeedDao.class,
            se.samtrygg.identity.ApiTokenDao.class,
            se.samtrygg.identity.SessionDao.class,
            se.samtrygg.identity.UserDao.class,
            se.samtrygg.meeting.ActionItemDao.class,
            se.samtrygg.meeting.AttendanceDao.class,
            se.samtrygg.meeting.MeetingDao.class,
            se.samtrygg.meeting.MinutesDao.class,
            se.samtrygg.meeting.NetworkGroupDao.class,
            se.samtrygg.notification.NotificationDao.class,
            se.samtrygg.observation.ObservationDao.class,
            se.samtrygg.organisation.ContactDao.class,
            se.samtrygg.organisation.OrganisationDao.class,
            se.samtrygg.placereport.PlaceReportDao.class,
            se.samtrygg.programme.ProgrammeDao.class,
            se.samtrygg.reminder.ReminderDao.class,
            se.samtrygg.reminder.ReminderSettingsDao.class,
            se.samtrygg.reminder.ReminderSourceDao.class,
            se.samtrygg.rollout.MethodTemplateDao.class,
            se.samtrygg.rollout.RolloutDao.class,
            se.samtrygg.servicepoint.ServicePointDao.class,
            se.samtrygg.situation.SituationDao.class);

    public static Services create(Jdbi jdbi, SamtryggConfiguration config, Clock clock) {
        SqlObjectMetadata.describe(jdbi, DAOS);
        LazySqlObjects.install(jdbi, DAOS);
        SecurityConfiguration security = config.getSecurity();
        PasswordHasher hasher = new PasswordHasher(security.getArgon2MemoryKib(), security.getArgon2Iterations());
        AuditService audit = new AuditService(jdbi, clock);
        NotificationService notifications = new NotificationService(jdbi, config.getMail(), new Messages(), audit, clock);
        ReminderSettingsService reminderSettings = new ReminderSettingsService(jdbi, audit, notifications, new Messages(), config.getMail(), clock);
        ReminderService reminders = new ReminderService(jdbi, reminderSettings, notifications, new Messages(), config.getReminders(),
                config.getMail(), clock);
        OrganisationService organisations = new OrganisationService(jdbi, audit, clock);
        AreaService areas = new AreaService(jdbi, audit, clock);
        UserService users = new UserService(jdbi, audit, organisations, hasher, new PasswordPolicy(), clock);
        LoginService logins = new LoginService(jdbi, hasher, security, clock);
        SessionService sessions = new SessionService(jdbi, security, clock);
        ApiTokenService tokens = new ApiTokenService(jdbi, logins, audit, security, clock);
        NetworkGroupService networkGroups = new NetworkGroupService(jdbi, audit, areas, organisations, users, reminders, clock);
        MeetingService meetings = new MeetingService(jdbi, audit, networkGroups, areas, organisations, users, reminders, clock);
        ActionItemService actionItems = new ActionItemService(jdbi, audit, networkGroups, organisations, users, reminders, clock);
        MinutesService minutes = new MinutesService(jdbi, audit, meetings, reminders, clock);
        AttendanceService attendance = new AttendanceService(jdbi, audit, meetings, users);
        CalendarService calendar = new CalendarService(meetings, actionItems, networkGroups, new Messages(), clock);
        CalendarFeedService calendarFeeds = new CalendarFeedService(jdbi, calendar, networkGroups, users, audit, clock);
        CategoryService categories = new CategoryService(jdbi, audit, clock);
        ActivityService activities = new ActivityService(jdbi, audit, categories, areas, clock);
        ObservationService observations = new ObservationService(jdbi, audit, activities, categories, areas, organisations, actionItems, clock);
        PlaceReportService placeReports = new PlaceReportService(jdbi, audit, areas, organisations, clock);
        MethodTemplateService methodTemplates = new MethodTemplateService(jdbi, audit, clock);
        RolloutService rollouts = new RolloutService(jdbi, audit, methodTemplates, areas, organisations, users, networkGroups, reminders, clock);
        DerivedIndicators derived = new DerivedIndicators(activities, rollouts, meetings, actionItems, areas,
                config.getProgramme().getDerivedCacheTtl().toJavaDuration(), clock);
        ProgrammeService programmes = new ProgrammeService(jdbi, audit, organisations, areas, derived, clock);
        return new Services(audit, organisations, areas, users, logins, sessions, tokens, networkGroups, meetings, actionItems,
                minutes, attendance, calendar, calendarFeeds, categories, activities, new SituationService(jdbi, areas, categories, clock),
                placeReports, observations, methodTemplates, rollouts,
                new ServicePointService(jdbi, audit, areas, organisations, clock), programmes,
                notifications, reminderSettings, reminders, new FirstAdmin(users, config.getFirstAdmin()),
                new JobRuns(jdbi, clock));
    }
}
