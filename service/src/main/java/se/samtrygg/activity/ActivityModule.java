package se.samtrygg.activity;

import io.dropwizard.core.setup.Environment;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.NavItem;
import se.samtrygg.common.web.Navigation;
import se.samtrygg.common.web.PageContextFactory;

/** The activity log's part of the application: its API, its pages and its navigation links. */
public final class ActivityModule {
    static final int IMPORTS_WAITING = 20;

    private ActivityModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new ActivityResource(services.activities(), messages));
        env.jersey().register(new CategoryResource(services.categories()));
        // Imports from the page run here, two at a time; up to IMPORTS_WAITING more wait in line, and beyond that an import
        // is refused as "busy, try again" rather than holding its rows in memory in an endless queue. Stopped with the
        // server: an import cut short stores nothing (one transaction) and its status page says so once it has stood still.
        ExecutorService imports = env.lifecycle().executorService("activity-import-%d").minThreads(2).maxThreads(2)
                .workQueue(new ArrayBlockingQueue<>(IMPORTS_WAITING)).build();
        ActivityPages activityPages = new ActivityPages(services.activities(), services.categories(), services.areas(),
                services.organisations(), pages, imports);
        env.jersey().register(activityPages);
        env.jersey().register(new ImportUploadLimit(activityPages));
        env.jersey().register(new CategoryPages(services.categories(), pages));
    }

    /** The log for those who can log (who belong to an organisation); the lists of types and categories for admins. */
    public static void navigation(Navigation navigation) {
        navigation.add(new NavItem("/activities", "nav.activities", user -> !user.organisationIds().isEmpty()));
    }

    public static void adminNavigation(Navigation navigation) {
        navigation.add(new NavItem("/admin/activity-types", "nav.activityTypes", se.samtrygg.identity.CurrentUser::isAdmin));
    }
}
