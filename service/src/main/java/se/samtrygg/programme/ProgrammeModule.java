package se.samtrygg.programme;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.NavItem;
import se.samtrygg.common.web.Navigation;
import se.samtrygg.common.web.PageContextFactory;

/** Programme follow-up's part of the application: its API, its pages and its navigation link. */
public final class ProgrammeModule {
    private ProgrammeModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new ProgrammeResource(services.programmes(), messages));
    }

    public static void navigation(Navigation navigation) {
        navigation.add(new NavItem("/programmes", "nav.programmes", user -> true));
    }
}
