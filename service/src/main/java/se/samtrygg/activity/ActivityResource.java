package se.samtrygg.activity;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activities")
public final class ActivityResource {
    private final ActivityService activities;
    private final Messages messages;

    public ActivityResource(ActivityService activities, Messages messages) {
        this.activities = activities;
        this.messages = messages;
    }

    /** One refused value of an import, as the API reports it. */
    public record RowProblem(int row, String column, String message) {
    }

    public record ImportReport(int rows, boolean stored, List<RowProblem> errors) {
    }

    @GET
    @Operation(summary = "The activity log: the activities you may see, newest first",
            description = "Keyset-paged by id (?after= is the last id of the previous page). areaId, organisationId, typeId, "
                    + "from and to (YYYY-MM-DD, Europe/Stockholm, both included), q (words in the description) and "
                    + "mine=true (your organisations' only) narrow it.")
    public Page<Activity> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("areaId") String areaId,
                               @QueryParam("organisationId") String organisationId, @QueryParam("typeId") String typeId,
                               @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
                               @QueryParam("mine") boolean mine, @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return activities.list(actor, ActivityFilter.parse(areaId, organisationId, typeId, from, to, q, mine), after, limit);
    }

    @POST
    @Operation(summary = "Log an activity for your organisation (anyone who belongs to one)",
            description = "startsAt and endsAt are ISO 8601 date-times with an offset or Z. organisationId is needed only "
                    + "by someone in several organisations. visibility defaults to NETWORK.")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, ActivityInput input) {
        Activity activity = activities.create(actor, Api.body(input));
        return Api.created("activities", activity.id(), activity);
    }

    @GET
    @Path("export.csv")
    @Produces({"text/csv;charset=UTF-8", MediaType.APPLICATION_JSON})
    @Operation(summary = "The activity log as CSV for Excel (UTF-8 with BOM, semicolons), with the filters of the list")
    public Response export(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("areaId") String areaId,
                           @QueryParam("organisationId") String organisationId, @QueryParam("typeId") String typeId,
                           @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
                           @QueryParam("mine") boolean mine) {
        ActivityFilter filter = ActivityFilter.parse(areaId, organisationId, typeId, from, to, q, mine);
        return ActivityExport.response(activities, messages, actor, actor.language(), filter);
    }

    @POST
    @Path("import")
    @ImportUploadLimit.Limited
    @Consumes({"text/csv", MediaType.WILDCARD})
    @Operation(summary = "Import activities for your organisation from CSV (the columns of the export)",
            description = "Every row is checked with the rules of POST; with dryRun=false the rows are stored in one "
                    + "transaction only if every row is valid, otherwise nothing is stored and the answer is 422 with "
                    + "every row's problems. dryRun defaults to true. Synchronous: the answer comes when the rows are stored "
                    + "(the import page stores in the background and shows progress instead). A body over 10 MB is refused "
                    + "unread with 422.")
    public Response importCsv(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("organisationId") Long organisationId,
                              @QueryParam("dryRun") Boolean dryRun, String csv) {
        boolean store = Boolean.FALSE.equals(dryRun);
        ActivityService.ImportResult result = activities.importRows(actor, organisationId, ActivityCsv.rows(csv), store);
        List<RowProblem> problems = result.errors().stream().map(e -> new RowProblem(e.row(), e.column(),
                messages.get(Language.en, e.error().messageKey(), e.error().args()))).toList();
        ImportReport report = new ImportReport(result.rows(), result.stored(), problems);
        return Response.status(result.valid() ? 200 : 422).type(MediaType.APPLICATION_JSON_TYPE).entity(report).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One activity (404 when it does not exist or you may not see it)")
    public Activity get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return activities.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Correct an activity (its organisation's members)", description = "The organisation stays the owner's.")
    public Activity update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, ActivityInput input) {
        return activities.update(actor, id, Api.body(input));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an activity (its organisation's members); refused while observations are attached to it")
    public Response delete(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        activities.delete(actor, id);
        return Response.noContent().build();
    }
}
