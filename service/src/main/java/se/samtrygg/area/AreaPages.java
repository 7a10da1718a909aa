package se.samtrygg.area;

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
import java.util.List;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;

/** Areas and their places: readable by everyone signed in; admins manage areas, coordinators places too. */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class AreaPages {
    private final AreaService areas;
    private final PageContextFactory pages;
    private final Messages messages;

    public AreaPages(AreaService areas, PageContextFactory pages) {
        this.areas = areas;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record ListModel(List<Area> areas, boolean canCreate) {
        public boolean hasAreas() {
            return !areas.isEmpty();
        }
    }

    public record AreaModel(Area area, List<Place> places, boolean canEditArea, boolean canEditPlaces, FormState placeForm,
                            String notice) {
        public boolean hasPlaces() {
            return !places.isEmpty();
        }
    }

    public record AreaFormModel(Long id, boolean creating, FormState form) {
    }

    public record PlaceFormModel(Place place, Area area, FormState form) {
    }

    @GET
    @Path("areas")
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        return new HtmlPage("/se/samtrygg/area/areas.mustache", pages.create(request, actor), "areas.title",
                new ListModel(areas.all(), actor.isAdmin()));
    }

    @GET
    @Path("areas/new")
    public HtmlPage newArea(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        Access.requireAdmin(actor);
        return areaForm(request, actor, null, FormState.empty().with("municipality", "Gävle"));
    }

    @POST
    @Path("areas")
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("name") String name,
                           @FormParam("municipality") String municipality, @FormParam("description") String description) {
        try {
            Area area = areas.create(actor, new AreaInput(name, municipality, description));
            return Redirect.to("/areas/" + area.id() + "?created=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("name", name).with("municipality", municipality).with("description", description)
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(areaForm(request, actor, null, form)).build();
        }
    }

    @GET
    @Path("areas/{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("created") boolean created, @QueryParam("saved") boolean saved) {
        PageContext context = pages.create(request, actor);
        String notice = created ? messages.get(context.language(), "areas.created")
                : saved ? messages.get(context.language(), "common.saved") : null;
        return areaPage(request, actor, id, FormState.empty(), notice);
    }

    @GET
    @Path("areas/{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireAdmin(actor);
        Area area = areas.get(actor, id);
        return areaForm(request, actor, area.id(), FormState.empty().with("name", area.name())
                .with("municipality", area.municipality()).with("description", area.description()));
    }

    @POST
    @Path("areas/{id}")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("name") String name, @FormParam("municipality") String municipality,
                           @FormParam("description") String description) {
        try {
            areas.update(actor, id, new AreaInput(name, municipality, description));
            return Redirect.to("/areas/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("name", name).with("municipality", municipality).with("description", description)
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(areaForm(request, actor, id, form)).build();
        }
    }

    @POST
    @Path("areas/{id}/places")
    public Response addPlace(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                             @FormParam("name") String name, @FormParam("address") String address) {
        try {
            areas.addPlace(actor, id, new PlaceInput(name, address));
            return Redirect.to("/areas/" + id + "?saved=true#places");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("name", name).with("address", address)
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(areaPage(request, actor, id, form, null)).build();
        }
    }

    @GET
    @Path("places/{id}/edit")
    public HtmlPage editPlace(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireAdminOrCoordinator(actor);
        Place place = areas.getPlace(actor, id);
        return placeForm(request, actor, place, FormState.empty().with("name", place.name()).with("address", place.address()));
    }

    @POST
    @Path("places/{id}")
    public Response updatePlace(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                @FormParam("name") String name, @FormParam("address") String address) {
        try {
            Place place = areas.updatePlace(actor, id, new PlaceInput(name, address));
            return Redirect.to("/areas/" + place.areaId() + "?saved=true#places");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("name", name).with("address", address)
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(placeForm(request, actor, areas.getPlace(actor, id), form)).build();
        }
    }

    private HtmlPage areaPage(HttpServletRequest request, CurrentUser actor, long id, FormState placeForm, String notice) {
        Area area = areas.get(actor, id);
        AreaModel model = new AreaModel(area, areas.places(actor, id), actor.isAdmin(), actor.isAdmin() || actor.isCoordinator(),
                placeForm, notice);
        return new HtmlPage("/se/samtrygg/area/area.mustache", pages.create(request, actor), "areas.title", model).titled(area.name());
    }

    private HtmlPage areaForm(HttpServletRequest request, CurrentUser actor, Long id, FormState form) {
        return new HtmlPage("/se/samtrygg/area/area-form.mustache", pages.create(request, actor),
                id == null ? "areas.newTitle" : "areas.editTitle", new AreaFormModel(id, id == null, form));
    }

    private HtmlPage placeForm(HttpServletRequest request, CurrentUser actor, Place place, FormState form) {
        return new HtmlPage("/se/samtrygg/area/place-form.mustache", pages.create(request, actor), "areas.editPlaceTitle",
                new PlaceFormModel(place, areas.get(actor, place.areaId()), form));
    }
}
