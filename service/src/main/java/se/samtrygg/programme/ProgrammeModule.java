package se.samtrygg.programme;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.NavItem;
import se.samtrygg.common.web.Navigation;
import se.samtrygg.common.web.PageContextFactory;

/** Programme follow-up's part of the application: its API, its pages, its metrics and its navigation link. */
public final class ProgrammeModule {
    private ProgrammeModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new ProgrammePages(services.programmes(), services.areas(), pages));
        env.jersey().register(new ProgrammeResource(services.programmes(), messages));
        env.jersey().register(new ProgrammeFormPages(services.programmes(), services.organisations(), services.areas(), services.categories(),
                services.rollouts(), pages));
        // se.samtrygg.programme.derived.sourceQueries and .cacheHits: how well the cache of ended periods serves.
        env.metrics().registerAll("se.samtrygg.programme.derived", services.programmes().derivedMetrics());
    }

    public static void navigation(Navigation navigation) {
        navigation.add(new NavItem("/programmes", "nav.programmes", user -> true));
    }
}
