package se.samtrygg.activity;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activity types and observation categories")
public final class CategoryResource {
    private final CategoryService categories;

    public CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    @Operation(summary = "Activity types or observation categories, retired ones too (active=false), in the admins' order")
    public List<Category> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("kind") String kind) {
        return categories.all(kind(kind));
    }

    @POST
    @Operation(summary = "Add an activity type or observation category (admins)")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, CategoryInput input) {
        Category category = categories.create(actor, Api.body(input));
        return Api.created("categories", category.id(), category);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Rename, reorder, retire (active=false) or reactivate an entry (admins)",
            description = "Left-out fields stay as they were. A retired entry is no longer offered; records that name it keep it.")
    public Category update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, CategoryInput input) {
        return categories.update(actor, id, Api.body(input));
    }

    private static CategoryKind kind(String kind) {
        try {
            return CategoryKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "error.categoryKind");
        }
    }
}
