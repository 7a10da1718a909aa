package se.samtrygg.programme;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

/** Programme follow-up: the tree, indicators and their values, status overrides, comments and the annual report. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programme follow-up")
public final class ProgrammeResource {
    private static final String EDITORS = " (admins, officials)";
    private static final String OVERRIDE = "status (ON_TRACK, AT_RISK or OFF_TRACK) and justification required. The answer shows the "
            + "status that holds and the computed one beside it. The audit log records the status, not the justification.";

    private final ProgrammeService programmes;
    private final Messages messages;

    public ProgrammeResource(ProgrammeService programmes, Messages messages) {
        this.programmes = programmes;
        this.messages = messages;
    }

    // Programmes

    @GET
    @Path("programmes")
    @Operation(summary = "All programmes, newest period first", description = "Not paged: a municipality has a handful.")
    public Page<Programme> list(@Parameter(hidden = true) @Auth CurrentUser actor) {
        return new Page<>(programmes.list(actor), null);
    }

    @POST
    @Path("programmes")
    @Operation(summary = "Create a programme" + EDITORS, description = "name (unique), periodStart and periodEnd required.")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, ProgrammeInput input) {
        Programme programme = programmes.create(actor, Api.body(input));
        return Api.created("programmes", programme.id(), programme);
    }

    @GET
    @Path("programmes/{id}")
    @Operation(summary = "The programme overview: the tree with every status and latest value as of today",
            description = "Status rule: docs/architecture.md, \"Programme status\". Derived values are counts only.")
    public ProgrammeOverview overview(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.overview(actor, id);
    }

    @PUT
    @Path("programmes/{id}")
    @Operation(summary = "Change a programme" + EDITORS, description = "Every field is replaced.")
    public Programme update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, ProgrammeInput input) {
        return programmes.update(actor, id, Api.body(input));
    }

    @DELETE
    @Path("programmes/{id}")
    @Operation(summary = "Delete a programme without focus areas" + EDITORS, description = "422 on id while something lies under it.")
    public Response delete(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        programmes.delete(actor, id);
        return Response.noContent().build();
    }

    @GET
    @Path("programmes/{id}/report")
    @Operation(summary = "The annual follow-up report for a year",
            description = "year from 2000 up to the current year. Statuses as they stood on the year's last day (today for the year "
                    + "under way), every indicator's values within the year, the year's comments.")
    public AnnualReport report(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                               @QueryParam("year") String year) {
        return programmes.report(actor, id, year(year));
    }

    @GET
    @Path("programmes/{id}/report.csv")
    @Produces({"text/csv;charset=UTF-8", MediaType.APPLICATION_JSON})
    @Operation(summary = "The annual follow-up report as CSV for Excel (UTF-8 with BOM, semicolons)",
            description = "One row per indicator: focus area, goal, measure, indicator, unit, direction, baseline, target, the year's "
                    + "values (date: value), latest value, status, set by hand; then one row per comment of the year.")
    public Response reportCsv(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, @QueryParam("year") String year) {
        AnnualReport report = programmes.report(actor, id, year(year));
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ReportCsv.write(report, messages, actor.language(), writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"uppfoljning-" + report.year() + ".csv\"").build();
    }

    // Focus areas

    @POST
    @Path("programmes/{id}/focus-areas")
    @Operation(summary = "Add a focus area" + EDITORS, description = "position left out puts it last.")
    public Response addFocusArea(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, FocusAreaInput input) {
        FocusArea focusArea = programmes.addFocusArea(actor, id, Api.body(input));
        return Api.created("focus-areas", focusArea.id(), focusArea);
    }

    @GET
    @Path("focus-areas/{id}")
    @Operation(summary = "One focus area")
    public FocusArea focusArea(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.getFocusArea(actor, id);
    }

    @PUT
    @Path("focus-areas/{id}")
    @Operation(summary = "Change a focus area" + EDITORS, description = "position left out keeps it where it is.")
    public FocusArea updateFocusArea(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, FocusAreaInput input) {
        return programmes.updateFocusArea(actor, id, Api.body(input));
    }

    @DELETE
    @Path("focus-areas/{id}")
    @Operation(summary = "Delete a focus area without goals" + EDITORS)
    public Response deleteFocusArea(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        programmes.deleteFocusArea(actor, id);
        return Response.noContent().build();
    }

    // Goals

    @POST
    @Path("focus-areas/{id}/goals")
    @Operation(summary = "Add a goal to a focus area" + EDITORS)
    public Response addGoal(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, GoalInput input) {
        Goal goal = programmes.addGoal(actor, id, Api.body(input));
        return Api.created("goals", goal.id(), goal);
    }

    @GET
    @Path("goals/{id}")
    @Operation(summary = "A goal with its status, indicators, measures and comments")
    public GoalDetail goal(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.goal(actor, id);
    }

    @PUT
    @Path("goals/{id}")
    @Operation(summary = "Change a goal" + EDITORS)
    public Goal updateGoal(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, GoalInput input) {
        return programmes.updateGoal(actor, id, Api.body(input));
    }

    @DELETE
    @Path("goals/{id}")
    @Operation(summary = "Delete a goal without measures and indicators, with its comments" + EDITORS)
    public Response deleteGoal(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        programmes.deleteGoal(actor, id);
        return Response.noContent().build();
    }

    // Measures

    @POST
    @Path("goals/{id}/measures")
    @Operation(summary = "Add a measure to a goal" + EDITORS,
            description = "responsibleOrganisationId (active) and startDate required; areaIds, rolloutIds (each serves at most one "
                    + "measure) and activityTypeIds may be empty.")
    public Response addMeasure(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, MeasureInput input) {
        Measure measure = programmes.addMeasure(actor, id, Api.body(input));
        return Api.created("measures", measure.id(), measure);
    }

    @GET
    @Path("measures/{id}")
    @Operation(summary = "A measure with its status, indicators and comments")
    public MeasureDetail measure(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.measure(actor, id);
    }

    @PUT
    @Path("measures/{id}")
    @Operation(summary = "Change a measure" + EDITORS, description = "The lists are replaced (null: empty).")
    public Measure updateMeasure(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, MeasureInput input) {
        return programmes.updateMeasure(actor, id, Api.body(input));
    }

    @DELETE
    @Path("measures/{id}")
    @Operation(summary = "Delete a measure without indicators, with its comments" + EDITORS)
    public Response deleteMeasure(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        programmes.deleteMeasure(actor, id);
        return Response.noContent().build();
    }

    // Indicators

    @POST
    @Path("indicators")
    @Operation(summary = "Add an indicator to a goal or a measure" + EDITORS,
            description = "Exactly one of goalId and measureId. MANUAL: values are entered as measurements. DERIVED: source and period "
                    + "required; it counts over its areaIds, activityTypeIds and rolloutIds, an empty list falling back to its measure's.")
    public Response createIndicator(@Parameter(hidden = true) @Auth CurrentUser actor, IndicatorInput input) {
        Indicator indicator = programmes.createIndicator(actor, Api.body(input));
        return Api.created("indicators", indicator.id(), indicator);
    }

    @GET
    @Path("indicators/{id}")
    @Operation(summary = "An indicator with its series, latest value, status, breakdown by area, measurements and comments")
    public IndicatorDetail indicator(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.indicator(actor, id);
    }

    @PUT
    @Path("indicators/{id}")
    @Operation(summary = "Change an indicator" + EDITORS, description = "goalId, measureId and kind stay as they were (left out: unchanged).")
    public Indicator updateIndicator(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, IndicatorInput input) {
        return programmes.updateIndicator(actor, id, Api.body(input));
    }

    @DELETE
    @Path("indicators/{id}")
    @Operation(summary = "Delete an indicator with its measurements and comments" + EDITORS)
    public Response deleteIndicator(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        programmes.deleteIndicator(actor, id);
        return Response.noContent().build();
    }

    // Measurements

    @POST
    @Path("indicators/{id}/measurements")
    @Operation(summary = "Enter a value of a MANUAL indicator" + EDITORS,
            description = "measuredOn (not in the future) and value required; areaId for one area's value. 422 on indicatorId for a "
                    + "DERIVED indicator.")
    public Response addMeasurement(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, MeasurementInput input) {
        Measurement measurement = programmes.addMeasurement(actor, id, Api.body(input));
        return Api.created("measurements", measurement.id(), measurement);
    }

    @GET
    @Path("measurements/{id}")
    @Operation(summary = "One measurement")
    public Measurement measurement(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.getMeasurement(actor, id);
    }

    @DELETE
    @Path("measurements/{id}")
    @Operation(summary = "Delete a measurement" + EDITORS)
    public Response deleteMeasurement(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        programmes.deleteMeasurement(actor, id);
        return Response.noContent().build();
    }

    // Status overrides

    @PUT
    @Path("goals/{id}/status-override")
    @Operation(summary = "Set a goal's status by hand" + EDITORS, description = OVERRIDE)
    public Assessment overrideGoal(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, StatusOverrideInput input) {
        return programmes.overrideStatus(actor, ProgressSubject.GOAL, id, Api.body(input));
    }

    @DELETE
    @Path("goals/{id}/status-override")
    @Operation(summary = "Let a goal's computed status hold again" + EDITORS)
    public Assessment clearGoal(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.clearOverride(actor, ProgressSubject.GOAL, id);
    }

    @PUT
    @Path("measures/{id}/status-override")
    @Operation(summary = "Set a measure's status by hand" + EDITORS, description = OVERRIDE)
    public Assessment overrideMeasure(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                      StatusOverrideInput input) {
        return programmes.overrideStatus(actor, ProgressSubject.MEASURE, id, Api.body(input));
    }

    @DELETE
    @Path("measures/{id}/status-override")
    @Operation(summary = "Let a measure's computed status hold again" + EDITORS)
    public Assessment clearMeasure(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.clearOverride(actor, ProgressSubject.MEASURE, id);
    }

    @PUT
    @Path("indicators/{id}/status-override")
    @Operation(summary = "Set an indicator's status by hand" + EDITORS, description = OVERRIDE)
    public Assessment overrideIndicator(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                        StatusOverrideInput input) {
        return programmes.overrideStatus(actor, ProgressSubject.INDICATOR, id, Api.body(input));
    }

    @DELETE
    @Path("indicators/{id}/status-override")
    @Operation(summary = "Let an indicator's computed status hold again" + EDITORS)
    public Assessment clearIndicator(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.clearOverride(actor, ProgressSubject.INDICATOR, id);
    }

    // Comments

    @GET
    @Path("progress-comments")
    @Operation(summary = "The comments on a goal, measure or indicator", description = "Newest year and quarter first, then newest first.")
    public Page<ProgressComment> comments(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("subjectType") String type,
                                          @QueryParam("subjectId") String subjectId) {
        ProgressSubject subject;
        long id;
        try {
            subject = ProgressSubject.valueOf(type == null ? "" : type.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("subjectType", type == null ? "error.required" : "error.unknownValue");
        }
        try {
            id = Long.parseLong(subjectId == null ? "" : subjectId.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("subjectId", subjectId == null ? "error.required" : "error.number");
        }
        return new Page<>(programmes.comments(actor, subject, id), null);
    }

    @POST
    @Path("progress-comments")
    @Operation(summary = "Comment on progress for a year or a quarter (admins, officials, coordinators)",
            description = "subjectType, subjectId, year (2000–2100) and text required; quarter 1–4 or left out for the whole year.")
    public Response comment(@Parameter(hidden = true) @Auth CurrentUser actor, ProgressCommentInput input) {
        ProgressComment comment = programmes.comment(actor, Api.body(input));
        return Api.created("progress-comments", comment.id(), comment);
    }

    @GET
    @Path("progress-comments/{id}")
    @Operation(summary = "One comment")
    public ProgressComment getComment(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return programmes.getComment(actor, id);
    }

    @DELETE
    @Path("progress-comments/{id}")
    @Operation(summary = "Delete a comment (its author, admins)")
    public Response deleteComment(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        programmes.deleteComment(actor, id);
        return Response.noContent().build();
    }

    /** The year asked for; missing or not a number is a 422 on "year", as a year out of range is. */
    private static int year(String year) {
        try {
            return Integer.parseInt(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", year == null || year.isBlank() ? "error.required" : "error.number");
        }
    }
}
