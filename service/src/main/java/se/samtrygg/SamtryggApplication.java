package se.samtrygg;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.dropwizard.views.common.ViewBundle;
import io.dropwizard.views.mustache.MustacheViewRenderer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.activity.ActivityModule;
import se.samtrygg.publicsite.PublicSiteModule;
import se.samtrygg.rollout.MethodTemplateResource;
import se.samtrygg.rollout.RolloutResource;
import se.samtrygg.programme.ProgrammeModule;
import se.samtrygg.programme.ProgrammeResource;
import se.samtrygg.common.scheduler.JobHealthCheck;
import se.samtrygg.generator.GenerateCommand;
import se.samtrygg.notification.NotificationModule;
import se.samtrygg.notification.NotificationResource;
import se.samtrygg.notification.OutboxResource;
import se.samtrygg.operations.OperationsPages;
import se.samtrygg.reminder.GroupReminderSettingsResource;
import se.samtrygg.reminder.NotificationSettingsResource;
import se.samtrygg.reminder.ReminderModule;
import se.samtrygg.reminder.ReminderResource;
import se.samtrygg.reminder.ReminderSettingsModule;
import se.samtrygg.retention.RetentionModule;
import se.samtrygg.rollout.RolloutModule;
import se.samtrygg.servicepoint.ServicePointModule;
import se.samtrygg.servicepoint.ServicePointResource;
import se.samtrygg.activity.ActivityResource;
import se.samtrygg.activity.CategoryResource;
import se.samtrygg.area.AreaPages;
import se.samtrygg.area.AreaResource;
import se.samtrygg.audit.AuditPages;
import se.samtrygg.audit.AuditResource;
import se.samtrygg.calendar.CalendarFeedDownload;
import se.samtrygg.calendar.CalendarFeedResource;
import se.samtrygg.calendar.CalendarPages;
import se.samtrygg.calendar.CalendarResource;
import se.samtrygg.common.Futures;
import se.samtrygg.common.db.ConnectionPool;
import se.samtrygg.common.db.Migrations;
import se.samtrygg.common.db.NamedSqlTemplates;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.scheduler.JobRegistry;
import se.samtrygg.common.scheduler.RecurringJob;
import se.samtrygg.common.scheduler.SchedulerHealthCheck;
import se.samtrygg.common.scheduler.Scheduling;
import se.samtrygg.common.web.CsrfProtection;
import se.samtrygg.common.web.ExceptionMapping;
import se.samtrygg.common.web.NavItem;
import se.samtrygg.common.web.Navigation;
import se.samtrygg.common.web.OpenApiDocument;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.SecurityHeadersFilter;
import se.samtrygg.demo.DemoCommand;
import se.samtrygg.home.HomePages;
import se.samtrygg.identity.AccountPages;
import se.samtrygg.identity.ApiTokenResource;
import se.samtrygg.identity.AuthenticationFilter;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.LoginPages;
import se.samtrygg.identity.MembershipResource;
import se.samtrygg.identity.SessionPurgeJob;
import se.samtrygg.identity.UserPages;
import se.samtrygg.identity.UserResource;
import se.samtrygg.meeting.ActionItemPages;
import se.samtrygg.meeting.ActionItemResource;
import se.samtrygg.meeting.AttendanceResource;
import se.samtrygg.meeting.MeetingPages;
import se.samtrygg.meeting.MeetingResource;
import se.samtrygg.meeting.MinutesPages;
import se.samtrygg.meeting.MinutesResource;
import se.samtrygg.meeting.NetworkGroupPages;
import se.samtrygg.meeting.NetworkGroupResource;
import se.samtrygg.observation.ObservationPages;
import se.samtrygg.observation.ObservationResource;
import se.samtrygg.organisation.ContactResource;
import se.samtrygg.organisation.DirectoryPages;
import se.samtrygg.organisation.OrganisationPages;
import se.samtrygg.organisation.OrganisationResource;
import se.samtrygg.placereport.PlaceReportPages;
import se.samtrygg.placereport.PlaceReportResource;
import se.samtrygg.situation.SituationPages;
import se.samtrygg.situation.SituationResource;

public class SamtryggApplication extends Application<SamtryggConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(SamtryggApplication.class);

    private final Clock clock;
    private Services services;
    private Scheduling scheduling;

    public SamtryggApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a clock they can move. */
    public SamtryggApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new SamtryggApplication().run(args);
    }

    @Override
    public String getName() {
        return "samtrygg";
    }

    @Override
    public void initialize(Bootstrap<SamtryggConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new ViewBundle<>(List.of(new MustacheViewRenderer())) {
            @Override
            public Map<String, Map<String, String>> getViewConfiguration(SamtryggConfiguration configuration) {
                return configuration.getViews();
            }
        });
        bootstrap.addBundle(new AssetsBundle("/se/samtrygg/assets", "/assets", null, "assets"));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(SamtryggConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return Migrations.CHANGELOG;
            }
        });
        bootstrap.addCommand(new DemoCommand(clock));
        bootstrap.addCommand(new GenerateCommand(clock));
    }

    @Override
    public void run(SamtryggConfiguration config, Environment env) {
        // The API speaks ISO-8601 instants and refuses fields it does not know, rather than ignoring a typo.
        env.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        ManagedDataSource dataSource = ConnectionPool.build(config.getDatabase(), env.metrics(), "database");
        // Liquibase's check of the schema (about a second) runs beside the wiring of the services, which describes
        // every DAO (half a second of the other core) and touches no table; nothing reads the database before both end.
        CompletableFuture<Void> migrated = config.isMigrateOnStart()
                ? CompletableFuture.runAsync(() -> Migrations.apply(dataSource))
                : CompletableFuture.completedFuture(null);
        Jdbi jdbi = new JdbiFactory().build(env, config.getDatabase(), dataSource, "database")
                .setTemplateEngine(new NamedSqlTemplates()); // names each statement and parses its SQL once
        services = Services.create(jdbi, config, clock);
        Futures.join(migrated); // a failed migration fails the start with its own exception
        services.firstAdmin().ensureExists();

        JobRegistry jobs = new JobRegistry();
        jobs.register(SessionPurgeJob.class, () -> new SessionPurgeJob(services.sessions()));
        scheduling = new Scheduling(config.getScheduler(), dataSource, config.isPostgres(), jobs);
        scheduling.addRecurring(new RecurringJob(SessionPurgeJob.NAME, SessionPurgeJob.class, SessionPurgeJob.CRON, false));
        NotificationModule.schedule(jobs, scheduling, services, config);
        ReminderModule.schedule(jobs, scheduling, services, config);
        ReminderSettingsModule.schedule(jobs, scheduling, services, config);
        RetentionModule.schedule(jobs, scheduling, services, config, jdbi, clock);
        env.lifecycle().manage(scheduling);
        env.healthChecks().register("scheduler", new SchedulerHealthCheck(scheduling.scheduler()));
        env.healthChecks().register("jobs", new JobHealthCheck(jdbi, config.getScheduler()));

        Messages messages = new Messages();
        Navigation navigation = navigation();
        PageContextFactory pages = new PageContextFactory(messages, navigation, services.notifications()::unreadCount);

        env.servlets().addFilter("security-headers", new SecurityHeadersFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), true, "/*");
        env.jersey().register(new AuthDynamicFeature(new AuthenticationFilter(services.sessions(), services.tokens())));
        env.jersey().register(new AuthValueFactoryProvider.Binder<>(CurrentUser.class));
        env.jersey().register(MultiPartFeature.class); // file uploads (the activity import); CsrfProtection reads their token
        env.jersey().register(new CsrfProtection());
        env.jersey().register(new ExceptionMapping(pages));

        env.jersey().register(new UserResource(services.users()));
        env.jersey().register(new MembershipResource(services.users()));
        env.jersey().register(new ApiTokenResource(services.tokens()));
        env.jersey().register(new OrganisationResource(services.organisations()));
        env.jersey().register(new AuditResource(services.audit()));
        env.jersey().register(new AreaResource(services.areas()));
        env.jersey().register(new ContactResource(services.organisations()));
        env.jersey().register(new NetworkGroupResource(services.networkGroups()));
        env.jersey().register(new MeetingResource(services.meetings()));
        env.jersey().register(new ActionItemResource(services.actionItems()));
        env.jersey().register(new MinutesResource(services.minutes()));
        env.jersey().register(new AttendanceResource(services.attendance()));
        env.jersey().register(new CalendarResource(services.calendar()));
        env.jersey().register(new CalendarFeedResource(services.calendarFeeds()));
        env.jersey().register(new SituationResource(services.situation()));
        env.jersey().register(new PlaceReportResource(services.placeReports()));
        env.jersey().register(new ObservationResource(services.observations()));
        ActivityModule.register(env, services, messages, pages);
        RolloutModule.register(env, services, messages, pages);
        ServicePointModule.register(env, services, messages, pages);
        PublicSiteModule.register(env, services, messages, pages);
        ProgrammeModule.register(env, services, messages, pages);
        NotificationModule.register(env, services, messages, pages);
        ReminderModule.register(env, services, messages, pages);
        ReminderSettingsModule.register(env, services, messages, pages);
        env.jersey().register(OpenApiDocument.forResources(UserResource.class, MembershipResource.class, ApiTokenResource.class,
                OrganisationResource.class, ContactResource.class, AreaResource.class, NetworkGroupResource.class, MeetingResource.class,
                ActionItemResource.class, MinutesResource.class, AttendanceResource.class, CalendarResource.class, CalendarFeedResource.class,
                AuditResource.class, ActivityResource.class, CategoryResource.class, ObservationResource.class, PlaceReportResource.class,
                SituationResource.class, MethodTemplateResource.class, RolloutResource.class, ServicePointResource.class,
                ProgrammeResource.class, NotificationResource.class, OutboxResource.class, GroupReminderSettingsResource.class,
                NotificationSettingsResource.class, ReminderResource.class));

        env.jersey().register(new LoginPages(services.logins(), services.sessions(), services.users(), pages));
        env.jersey().register(new HomePages(pages, services.organisations()));
        env.jersey().register(new AccountPages(services.users(), services.tokens(), pages));
        env.jersey().register(new UserPages(services.users(), services.organisations(), pages));
        env.jersey().register(new OrganisationPages(services.organisations(), pages));
        env.jersey().register(new AuditPages(services.audit(), pages));
        env.jersey().register(OperationsPages.of(services, scheduling, messages, pages));
        env.jersey().register(new AreaPages(services.areas(), pages));
        env.jersey().register(new DirectoryPages(services.organisations(), pages));
        env.jersey().register(new NetworkGroupPages(services.networkGroups(), services.meetings(), services.areas(),
                services.organisations(), pages));
        env.jersey().register(new MeetingPages(services.meetings(), services.actionItems(), services.networkGroups(), services.areas(),
                services.organisations(), services.users(), services.minutes(), services.attendance(), pages));
        env.jersey().register(new MinutesPages(services.meetings(), services.minutes(), services.attendance(), services.organisations(),
                pages));
        env.jersey().register(new ActionItemPages(services.actionItems(), pages));
        env.jersey().register(new CalendarPages(services.calendar(), services.calendarFeeds(), services.networkGroups(), pages));
        env.jersey().register(new CalendarFeedDownload(services.calendarFeeds()));
        env.jersey().register(new SituationPages(services.situation(), services.areas(), pages));
        env.jersey().register(new PlaceReportPages(services.placeReports(), services.areas(), pages));
        env.jersey().register(new ObservationPages(services.observations(), services.activities(), services.categories(), services.areas(),
                pages));

        env.lifecycle().addServerLifecycleListener(server ->
                LOG.info("Samtrygg is running: open http://localhost:{}/login", getLocalPort(server)));
    }

    private static Navigation navigation() {
        Navigation navigation = new Navigation();
        navigation.add(new NavItem("/", "nav.home", user -> true));
        navigation.add(new NavItem("/observations", "nav.observations", user -> true));
        navigation.add(new NavItem("/action-items/mine", "nav.myActionItems", user -> true));
        ActivityModule.navigation(navigation);
        navigation.add(new NavItem("/calendar", "nav.calendar", user -> true));
        navigation.add(new NavItem("/network-groups", "nav.networkGroups", user -> true));
        navigation.add(new NavItem("/areas", "nav.areas", user -> true));
        navigation.add(new NavItem("/place-reports", "nav.placeReports", user -> true));
        RolloutModule.navigation(navigation);
        ServicePointModule.navigation(navigation);
        ProgrammeModule.navigation(navigation);
        navigation.add(new NavItem("/organisations", "nav.directory", user -> true));
        navigation.add(new NavItem("/admin/users", "nav.users", CurrentUser::isAdmin));
        navigation.add(new NavItem("/admin/organisations", "nav.organisations", CurrentUser::isAdmin));
        navigation.add(new NavItem("/admin/audit", "nav.audit", CurrentUser::isAdmin));
        navigation.add(new NavItem("/admin/notifications", "nav.operations", CurrentUser::isAdmin));
        ActivityModule.adminNavigation(navigation);
        RolloutModule.adminNavigation(navigation);
        navigation.add(new NavItem("/account/tokens", "nav.tokens", user -> true));
        navigation.add(new NavItem("/account/password", "nav.password", user -> true));
        navigation.add(new NavItem("/account/notifications", "nav.notificationSettings", user -> true));
        return navigation;
    }

    private static int getLocalPort(org.eclipse.jetty.server.Server server) {
        for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.NetworkConnector network && !"admin".equals(connector.getName())) {
                return network.getLocalPort();
            }
        }
        return -1;
    }

    /** For tests and commands that need to reach the wired services of a running application. */
    public Services services() {
        return services;
    }

    public Scheduling scheduling() {
        return scheduling;
    }
}
