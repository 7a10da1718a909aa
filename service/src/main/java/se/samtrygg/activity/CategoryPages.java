package se.samtrygg.activity;

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
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;

/** The admins' lists of activity types and observation categories: one page for either list. */
@Hidden
@Path("/admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class CategoryPages {
    static final String TYPES = "activity-types";
    static final String OBSERVATION_CATEGORIES = "observation-categories";

    private final CategoryService categories;
    private final PageContextFactory pages;

    public CategoryPages(CategoryService categories, PageContextFactory pages) {
        this.categories = categories;
        this.pages = pages;
    }

    public record ListModel(String path, String titleKey, String otherPath, boolean types, List<Category> entries, FormState form,
                            Long failedId, String notice) {
    }

    @GET
    @Path(TYPES)
    public HtmlPage activityTypes(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("saved") boolean saved) {
        return page(request, actor, CategoryKind.ACTIVITY_TYPE, FormState.empty(), null, saved);
    }

    @GET
    @Path(OBSERVATION_CATEGORIES)
    public HtmlPage observationCategories(@Context HttpServletRequest request, @Auth CurrentUser actor,
                                          @QueryParam("saved") boolean saved) {
        return page(request, actor, CategoryKind.OBSERVATION_CATEGORY, FormState.empty(), null, saved);
    }

    @POST
    @Path(TYPES)
    public Response addActivityType(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("name") String name,
                                    @FormParam("sortOrder") String sortOrder) {
        return add(request, actor, CategoryKind.ACTIVITY_TYPE, name, sortOrder);
    }

    @POST
    @Path(OBSERVATION_CATEGORIES)
    public Response addObservationCategory(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("name") String name,
                                           @FormParam("sortOrder") String sortOrder) {
        return add(request, actor, CategoryKind.OBSERVATION_CATEGORY, name, sortOrder);
    }

    @POST
    @Path(TYPES + "/{id}")
    public Response updateActivityType(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                       @FormParam("name") String name, @FormParam("sortOrder") String sortOrder,
                                       @FormParam("active") String active) {
        return update(request, actor, CategoryKind.ACTIVITY_TYPE, id, name, sortOrder, active);
    }

    @POST
    @Path(OBSERVATION_CATEGORIES + "/{id}")
    public Response updateObservationCategory(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                              @FormParam("name") String name, @FormParam("sortOrder") String sortOrder,
                                              @FormParam("active") String active) {
        return update(request, actor, CategoryKind.OBSERVATION_CATEGORY, id, name, sortOrder, active);
    }

    private Response add(HttpServletRequest request, CurrentUser actor, CategoryKind kind, String name, String sortOrder) {
        Access.requireAdmin(actor);
        FormState form = FormState.empty().with("name", name).with("sortOrder", sortOrder);
        try {
            categories.create(actor, new CategoryInput(kind, name, number(sortOrder), null));
            return Redirect.to("/admin/" + path(kind) + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), pages.messages(), PageContextFactory.language(request, actor));
            return Response.status(422).entity(page(request, actor, kind, form, null, false)).build();
        }
    }

    /** One row's form: its name, its place in the order, and in use or retired ({@code active} "true" or "false"). */
    private Response update(HttpServletRequest request, CurrentUser actor, CategoryKind kind, long id, String name, String sortOrder,
                            String active) {
        Access.requireAdmin(actor);
        Category entry = categories.get(id);
        if (entry.kind() != kind) {
            throw new se.samtrygg.common.NotFoundException(CategoryService.ENTITY, id);
        }
        FormState form = FormState.empty().with("name", name).with("sortOrder", sortOrder);
        try {
            Boolean activeValue = active == null || active.isBlank() ? null : Boolean.valueOf(active.strip());
            categories.update(actor, id, new CategoryInput(null, name, number(sortOrder), activeValue));
            return Redirect.to("/admin/" + path(kind) + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), pages.messages(), PageContextFactory.language(request, actor));
            return Response.status(422).entity(page(request, actor, kind, form, id, false)).build();
        }
    }

    private static Integer number(String value) {
        Long n = FormValues.optionalLong(value, "sortOrder", "error.number");
        if (n != null && (n < 0 || n > CategoryService.MAX_SORT_ORDER)) {
            throw new InvalidInputException("sortOrder", "error.between", 0, CategoryService.MAX_SORT_ORDER);
        }
        return n == null ? null : n.intValue();
    }

    private static String path(CategoryKind kind) {
        return kind == CategoryKind.ACTIVITY_TYPE ? TYPES : OBSERVATION_CATEGORIES;
    }

    private HtmlPage page(HttpServletRequest request, CurrentUser actor, CategoryKind kind, FormState form, Long failedId, boolean saved) {
        Access.requireAdmin(actor);
        PageContext context = pages.create(request, actor);
        boolean types = kind == CategoryKind.ACTIVITY_TYPE;
        String titleKey = types ? "categories.activityTypesTitle" : "categories.observationCategoriesTitle";
        ListModel model = new ListModel(path(kind), titleKey, path(types ? CategoryKind.OBSERVATION_CATEGORY : CategoryKind.ACTIVITY_TYPE),
                types, categories.all(kind), form, failedId, saved ? pages.messages().get(context.language(), "common.saved") : null);
        return new HtmlPage("/se/samtrygg/activity/categories.mustache", context, titleKey, model);
    }
}
