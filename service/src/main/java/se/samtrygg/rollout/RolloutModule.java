package se.samtrygg.rollout;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.NavItem;
import se.samtrygg.common.web.Navigation;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.identity.CurrentUser;

/** Rollouts' part of the application: the API, the pages and the navigation links of rollouts and method templates. */
public final class RolloutModule {
    private RolloutModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new RolloutPages(services.rollouts(), services.methodTemplates(), services.areas(), services.organisations(),
                services.users(), services.programmes(), pages));
        env.jersey().register(new RolloutPropertyPages(services.rollouts(), services.organisations(), services.users(), pages));
        env.jersey().register(new RolloutResource(services.rollouts()));
        env.jersey().register(new MethodTemplateResource(services.methodTemplates()));
        env.jersey().register(new MethodTemplatePages(services.methodTemplates(), pages));
    }

    public static void navigation(Navigation navigation) {
        navigation.add(new NavItem("/rollouts", "nav.rollouts", user -> true));
    }

    public static void adminNavigation(Navigation navigation) {
        navigation.add(new NavItem("/admin/method-templates", "nav.methodTemplates", CurrentUser::isAdmin));
    }
}
