package se.samtrygg.publicsite;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.PageContextFactory;

/** The pages residents read without signing in: per municipality and area, the poster, the feed, the accessibility statement. */
public final class PublicSiteModule {
    private PublicSiteModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        PublicSiteService site = new PublicSiteService(services.areas(), services.activities(), services.servicePoints(), messages);
        env.jersey().register(new PublicSitePages(site, pages));
    }
}
