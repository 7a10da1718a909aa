package se.samtrygg.home;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationService;

/** The start page after sign-in: who you are, your organisations, and where to go from here. */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class HomePages {
    private final PageContextFactory pages;
    private final OrganisationService organisations;

    public HomePages(PageContextFactory pages, OrganisationService organisations) {
        this.pages = pages;
        this.organisations = organisations;
    }

    public record HomeModel(String name, List<Organisation> organisations, boolean admin) {
        public boolean hasOrganisations() {
            return !organisations.isEmpty();
        }
    }

    @GET
    public HtmlPage home(@Context HttpServletRequest request, @Auth CurrentUser user) {
        HomeModel model = new HomeModel(user.name(), organisations.findAll(user.organisationIds()), user.isAdmin());
        return new HtmlPage("/se/samtrygg/home/home.mustache", pages.create(request, user), "home.title", model);
    }
}
