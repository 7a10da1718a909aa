package se.samtrygg.placereport;

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
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/place-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Place reports (EST)")
public final class PlaceReportResource {
    private final PlaceReportService placeReports;

    public PlaceReportResource(PlaceReportService placeReports) {
        this.placeReports = placeReports;
    }

    @GET
    @Operation(summary = "Weekly place reports of an area you may read",
            description = "Keyset-paged by id. week=2026-W48 gives one ISO week; from and to (ISO weeks, both included) a range; "
                    + "without either, the current week (Europe/Stockholm).")
    public Page<PlaceReport> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("areaId") Long areaId,
                                  @QueryParam("week") String week, @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        new Checks().required("areaId", areaId).throwIfInvalid();
        IsoWeek first;
        IsoWeek last;
        if (Checks.clean(week) != null) {
            if (Checks.clean(from) != null || Checks.clean(to) != null) {
                throw new InvalidInputException("week", "error.placeReport.weekOrRange");
            }
            first = IsoWeek.parse(week, "week");
            last = first;
        } else {
            first = Checks.clean(from) == null ? placeReports.currentWeek() : IsoWeek.parse(from, "from");
            last = Checks.clean(to) == null ? (Checks.clean(from) == null ? first : placeReports.currentWeek()) : IsoWeek.parse(to, "to");
        }
        return placeReports.list(actor, areaId, first, last, after, limit);
    }

    @POST
    @Operation(summary = "Report a place for a week (members of an organisation)",
            description = "Creates the organisation's report of the place for the ISO week (default: the current week), or replaces it "
                    + "when the organisation already reported that place and week: 201 when created, 200 when replaced. Signs are 0-3 "
                    + "(inget, lite, en del, mycket). Visibility NETWORK (default) or ORGANISATION; PUBLIC is refused.")
    public Response report(@Parameter(hidden = true) @Auth CurrentUser actor, PlaceReportInput input) {
        PlaceReportService.Reported reported = placeReports.report(actor, Api.body(input));
        return reported.created() ? Api.created("place-reports", reported.report().id(), reported.report())
                : Response.ok(reported.report()).build();
    }

    @GET
    @Path("quarterly")
    @Operation(summary = "Places and areas ranked by how their reports develop",
            description = "score = the sum of a report's five signs (0-15); level = the mean score of the readable reports of a quarter "
                    + "(a week belongs to the quarter of its Thursday); development = this quarter's level minus the previous one's. "
                    + "Ranked by development (worsening first), then by this quarter's level; those with reports in one quarter only "
                    + "follow, by level; those with none have no rank. hiddenReports counts the reports of the two quarters you may "
                    + "not read, which do not count. quarter defaults to the current one.")
    public QuarterlyRanking quarterly(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("quarter") String quarter,
                                      @QueryParam("areaId") Long areaId) {
        Quarter chosen = Checks.clean(quarter) == null ? placeReports.currentQuarter() : Quarter.parse(quarter, "quarter");
        return placeReports.quarterly(actor, chosen, areaId);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One place report (404 when you may not read it)")
    public PlaceReport get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return placeReports.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Correct a place report's signs, texts or visibility (members of its organisation)",
            description = "The organisation, place and week stay; sent, they must be the report's own.")
    public PlaceReport update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, PlaceReportInput input) {
        return placeReports.update(actor, id, Api.body(input));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a place report (members of its organisation)")
    public Response delete(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        placeReports.delete(actor, id);
        return Response.noContent().build();
    }
}
