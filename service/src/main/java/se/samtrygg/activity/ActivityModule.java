package se.samtrygg.activity;

import io.dropwizard.core.setup.Environment;
import java.util.concurrent.ExecutorService;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.NavItem;
import se.samtrygg.common.web.Navigation;
import se.samtrygg.common.web.PageContextFactory;

/** The activity log's part of the application: its API, its pages and its navigation links. */
public final class ActivityModule {
    private ActivityModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new ActivityResource(services.activities(), messages));
        env.jersey().register(new CategoryResource(services.categories()));
        // Imports from the page run here, two at a time; the rest wait in line. Stopped with the server: an import cut
        // short stores nothing (one transaction) and its status page says so once it has stood still too long.
        ExecutorService imports = env.lifecycle().executorService("activity-import-%d").minThreads(2).maxThreads(2).build();
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
