package se.samtrygg.organisation;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;

/** Admin pages for partner organisations. */
@Hidden
@Path("/admin/organisations")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class OrganisationPages {
    private final OrganisationService organisations;
    private final PageContextFactory pages;
    private final Messages messages;

    public OrganisationPages(OrganisationService organisations, PageContextFactory pages) {
        this.organisations = organisations;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record Row(long id, String name, String type, boolean active) {
    }

    public record ListModel(List<Row> organisations, String q, String nextQuery) {
        public boolean hasOrganisations() {
            return !organisations.isEmpty();
        }
    }

    public record FormModel(Long id, boolean creating, boolean active, FormState form, List<Option> types, String notice) {
    }

    public record ConfirmModel(long id, String name) {
    }

    @GET
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("q") String q,
                         @QueryParam("after") Long after) {
        Access.requireAdmin(actor);
        Page<Organisation> page = organisations.list(actor, q, after, 100);
        PageContext context = pages.create(request, actor);
        List<Row> rows = page.items().stream()
                .map(o -> new Row(o.id(), o.name(), typeName(o.type(), context.language()), o.active())).toList();
        return new HtmlPage("/se/samtrygg/organisation/organisations.mustache", context, "admin.organisations.title",
                new ListModel(rows, q == null ? "" : q, page.nextAfter() == null ? null
                        : "?q=" + java.net.URLEncoder.encode(q == null ? "" : q, java.nio.charset.StandardCharsets.UTF_8)
                        + "&after=" + page.nextAfter()));
    }

    @GET
    @Path("new")
    public HtmlPage newForm(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        Access.requireAdmin(actor);
        return formPage(request, actor, null, FormState.empty(), null);
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor,
                           @FormParam("name") String name, @FormParam("type") String type) {
        try {
            Organisation created = organisations.create(actor, new OrganisationInput(name, parseType(type)));
            return Redirect.to("/admin/organisations/" + created.id() + "?created=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("name", name).with("type", type)
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(formPage(request, actor, null, form, null)).build();
        }
    }

    @GET
    @Path("{id}")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("created") boolean created, @QueryParam("saved") boolean saved) {
        Access.requireAdmin(actor);
        Organisation organisation = organisations.get(actor, id);
        Language language = pages.create(request, actor).language();
        String notice = created ? messages.get(language, "admin.organisations.created")
                : saved ? messages.get(language, "common.saved") : null;
        FormState form = FormState.empty().with("name", organisation.name()).with("type", organisation.type());
        return formPage(request, actor, organisation, form, notice);
    }

    @POST
    @Path("{id}")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("name") String name, @FormParam("type") String type) {
        try {
            organisations.update(actor, id, new OrganisationInput(name, parseType(type)));
            return Redirect.to("/admin/organisations/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("name", name).with("type", type)
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(formPage(request, actor, organisations.get(actor, id), form, null)).build();
        }
    }

    @GET
    @Path("{id}/deactivate")
    public HtmlPage confirmDeactivate(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireAdmin(actor);
        Organisation organisation = organisations.get(actor, id);
        return new HtmlPage("/se/samtrygg/organisation/organisation-deactivate.mustache", pages.create(request, actor),
                "admin.organisations.deactivateTitle", new ConfirmModel(organisation.id(), organisation.name()));
    }

    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@Auth CurrentUser actor, @PathParam("id") long id) {
        organisations.setActive(actor, id, false);
        return Redirect.to("/admin/organisations/" + id + "?saved=true");
    }

    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@Auth CurrentUser actor, @PathParam("id") long id) {
        organisations.setActive(actor, id, true);
        return Redirect.to("/admin/organisations/" + id + "?saved=true");
    }

    private HtmlPage formPage(HttpServletRequest request, CurrentUser actor, Organisation organisation, FormState form, String notice) {
        PageContext context = pages.create(request, actor);
        String chosen = form.values().get("type");
        List<Option> types = Arrays.stream(OrganisationType.values())
                .map(t -> new Option(t.name(), typeName(t, context.language()), t.name().equals(chosen)))
                .toList();
        FormModel model = new FormModel(organisation == null ? null : organisation.id(), organisation == null,
                organisation == null || organisation.active(), form, types, notice);
        return new HtmlPage("/se/samtrygg/organisation/organisation-form.mustache", context,
                organisation == null ? "admin.organisations.newTitle" : "admin.organisations.editTitle", model);
    }

    private String typeName(OrganisationType type, Language language) {
        return messages.get(language, "organisationType." + type.name());
    }

    private static OrganisationType parseType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OrganisationType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "error.unknownValue");
        }
    }
}
