package se.samtrygg.servicepoint;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.NavItem;
import se.samtrygg.common.web.Navigation;
import se.samtrygg.common.web.PageContextFactory;

/** Service points' part of the application: the API and the pages where they and their presence slots are kept. */
public final class ServicePointModule {
    private ServicePointModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new ServicePointResource(services.servicePoints()));
        env.jersey().register(new ServicePointPages(services.servicePoints(), services.areas(), pages));
    }

    public static void navigation(Navigation navigation) {
        navigation.add(new NavItem("/service-points", "nav.servicePoints", user -> true));
    }
}
