package se.samtrygg.placereport;

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
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.area.Place;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.Organisation;

/** The week's place reports of an area, the short report form (made for a phone), one report, and the quarterly ranking. */
@Hidden
@Path("/place-reports")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class PlaceReportPages {
    private static final String TEMPLATES = "/se/samtrygg/placereport/";

    private final PlaceReportService placeReports;
    private final AreaService areas;
    private final PageContextFactory pages;
    private final Messages messages;

    public PlaceReportPages(PlaceReportService placeReports, AreaService areas, PageContextFactory pages) {
        this.placeReports = placeReports;
        this.areas = areas;
        this.pages = pages;
        this.messages = pages.messages();
    }

    // Models

    /** A sign in words: "Skadegörelse: mycket". */
    public record SignLine(String label, String value) {
    }

    public record ReportLine(long id, String organisation, List<SignLine> signs, String upcomingEvents, String comment,
                             String visibility) {
    }

    public record ReportLink(String href, String label) {
    }

    public record PlaceBlock(long id, String name, String address, List<ReportLine> reports, List<ReportLink> links) {
        public boolean hasReports() {
            return !reports.isEmpty();
        }
    }

    public record WeekModel(List<Option> areas, String week, String weekError, boolean hasArea, String areaName, String weekHeading,
                            String previousHref, String nextHref, String quarterlyHref, List<PlaceBlock> places, String hiddenNotice,
                            boolean canReport) {
        public boolean hasPlaces() {
            return !places.isEmpty();
        }
    }

    public record SignChoice(String id, String value, String label, boolean checked) {
    }

    public record SignField(String field, String legend, String hint, String error, List<SignChoice> choices) {
    }

    public record FormModel(String action, boolean isNew, String placeName, String areaName, String placeId, String weekText,
                            String weekAfterText, boolean weekFixed, String organisationName, List<Option> organisations,
                            List<SignField> signs, FormState form, String existingNotice, String cancelHref) {
        public boolean chooseOrganisation() {
            return organisations != null && !organisations.isEmpty();
        }

        public boolean organisationVisibilityChosen() {
            return "ORGANISATION".equals(form.values().get("visibility"));
        }
    }

    public record ShowModel(PlaceReport report, String weekText, List<SignLine> signs, String visibility, boolean canEdit,
                            String notice, String weekHref) {
    }

    public record DeleteModel(PlaceReport report, String weekText) {
    }

    public record RankRow(String rank, String name, String areaName, String reports, String current, String previous,
                          String development, List<String> signChanges, boolean noReports) {
        public boolean hasSignChanges() {
            return !signChanges.isEmpty();
        }
    }

    public record QuarterModel(String quarter, String quarterError, List<Option> areas, String heading, String period,
                               String previousHref, String nextHref, String hiddenNotice, List<RankRow> places, List<RankRow> areaRows,
                               String placesCaption, String areasCaption) {
        public boolean hasPlaces() {
            return !places.isEmpty();
        }
    }

    // The week of an area

    @GET
    public HtmlPage week(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("areaId") String areaIdText,
                         @QueryParam("week") String weekText) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        String weekError = null;
        IsoWeek week = placeReports.currentWeek();
        try {
            if (Checks.clean(weekText) != null) {
                week = IsoWeek.parse(weekText, "week");
            }
        } catch (InvalidInputException e) {
            weekError = message(language, e);
        }
        Long areaId = null;
        try {
            areaId = FormValues.optionalLong(areaIdText, "areaId", "error.unknownArea");
        } catch (InvalidInputException e) {
            weekError = weekError == null ? message(language, e) : weekError;
        }
        List<Option> areaOptions = areaOptions(areaId);
        if (areaId == null) {
            return new HtmlPage(TEMPLATES + "week.mustache", context, "placeReports.title", new WeekModel(areaOptions, week.toString(),
                    weekError, false, null, null, null, null, "/place-reports/quarterly", List.of(), null, false));
        }
        PlaceReportService.AreaWeek view = placeReports.week(actor, areaId, week);
        List<Organisation> own = placeReports.reportingOrganisations(actor);
        List<PlaceBlock> blocks = new ArrayList<>();
        for (Place place : view.places()) {
            List<PlaceReport> reports = view.reports().stream().filter(r -> r.placeId() == place.id()).toList();
            List<ReportLink> links = new ArrayList<>();
            for (Organisation organisation : own) {
                boolean reported = reports.stream().anyMatch(r -> r.organisationId() == organisation.id());
                String label = messages.get(language, reported ? "placeReports.updateLink" : "placeReports.reportLink", place.name())
                        + (own.size() > 1 ? " (" + organisation.name() + ")" : "");
                links.add(new ReportLink("/place-reports/new?placeId=" + place.id() + "&week=" + week + "&organisationId="
                        + organisation.id(), label));
            }
            blocks.add(new PlaceBlock(place.id(), place.name(), place.address(),
                    reports.stream().map(r -> line(r, language)).toList(), links));
        }
        IsoWeek current = placeReports.currentWeek();
        String base = "/place-reports?areaId=" + areaId + "&week=";
        String hidden = view.hiddenReports() == 0 ? null
                : messages.get(language, "placeReports.hiddenInWeek", view.hiddenReports());
        WeekModel model = new WeekModel(areaOptions, week.toString(), weekError, true, view.area().name(), weekText(week, language),
                base + week.previous(), week.compareTo(current) < 0 ? base + week.next() : null,
                "/place-reports/quarterly?areaId=" + areaId + "&quarter=" + Quarter.of(week.monday().plusDays(3)), blocks, hidden,
                !own.isEmpty());
        return new HtmlPage(TEMPLATES + "week.mustache", context, "placeReports.title", model)
                .titled(messages.get(language, "placeReports.weekTitle", view.area().name(), weekText(week, language)));
    }

    // Reporting

    @GET
    @Path("new")
    public HtmlPage newReport(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("placeId") String placeIdText,
                              @QueryParam("week") String weekText, @QueryParam("organisationId") String organisationIdText) {
        requireReporter(actor);
        Place place = placeOf(actor, placeIdText);
        Long organisationId = organisationOf(actor, organisationIdText);
        FormState form = FormState.empty().with("placeId", place.id()).with("organisationId", organisationId).with("visibility", "NETWORK");
        IsoWeek week = placeReports.currentWeek();
        try {
            if (Checks.clean(weekText) != null) {
                week = IsoWeek.parse(weekText, "week");
            }
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, actor.language());
        }
        form.with("week", week.toString());
        Optional<PlaceReport> existing = organisationId == null ? Optional.empty()
                : placeReports.findOfWeek(actor, organisationId, place.id(), week);
        existing.ifPresent(r -> {
            for (Sign sign : Sign.values()) {
                form.with(sign.field(), sign.of(r));
            }
            form.with("upcomingEvents", r.upcomingEvents()).with("comment", r.comment()).with("visibility", r.visibility().name());
        });
        return formPage(request, actor, place, null, form, existing.isPresent());
    }

    /** The same as POST /api/v1/place-reports: creates the week's report, or updates the one already there. */
    @POST
    public Response report(@Context HttpServletRequest request, @Auth CurrentUser actor, Form posted) {
        requireReporter(actor);
        FormState form = FormState.empty();
        posted.asMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !values.isEmpty()) {
                form.with(name, values.get(0));
            }
        });
        Place place = placeOf(actor, form.values().get("placeId"));
        try {
            Long organisationId = FormValues.optionalLong(form.values().get("organisationId"), "organisationId", "error.unknownValue");
            PlaceReportService.Reported reported = placeReports.report(actor, input(form, organisationId, place.id(), true));
            return Redirect.to("/place-reports/" + reported.report().id() + (reported.created() ? "?saved=created" : "?saved=updated"));
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(formPage(request, actor, place, null, form, false)).build();
        }
    }

    @GET
    @Path("{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("saved") String saved) {
        PlaceReport report = placeReports.get(actor, id);
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        String notice = switch (saved == null ? "" : saved) {
            case "created" -> messages.get(language, "placeReports.created");
            case "updated" -> messages.get(language, "placeReports.updated");
            case "true" -> messages.get(language, "common.saved");
            default -> null;
        };
        ShowModel model = new ShowModel(report, weekText(report.isoWeek(), language), signLines(report, language),
                visibility(report.visibility(), language), placeReports.canEdit(actor, report), notice,
                "/place-reports?areaId=" + report.areaId() + "&week=" + report.week());
        return new HtmlPage(TEMPLATES + "report.mustache", context, "placeReports.reportTitle", model)
                .titled(messages.get(language, "placeReports.reportHeading", report.placeName(), weekText(report.isoWeek(), language)));
    }

    @GET
    @Path("{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        PlaceReport report = placeReports.getEditable(actor, id);
        FormState form = FormState.empty().with("upcomingEvents", report.upcomingEvents()).with("comment", report.comment())
                .with("visibility", report.visibility().name());
        for (Sign sign : Sign.values()) {
            form.with(sign.field(), sign.of(report));
        }
        return formPage(request, actor, placeReports.place(actor, report.placeId()), report, form, false);
    }

    /** The same change as PUT /api/v1/place-reports/{id}; a refused one comes back with every value kept. */
    @POST
    @Path("{id}/edit")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           Form posted) {
        PlaceReport report = placeReports.getEditable(actor, id);
        FormState form = FormState.empty();
        posted.asMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !values.isEmpty()) {
                form.with(name, values.get(0));
            }
        });
        try {
            placeReports.update(actor, id, input(form, null, null, false));
            return Redirect.to("/place-reports/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(formPage(request, actor, placeReports.place(actor, report.placeId()), report, form, false))
                    .build();
        }
    }

    @GET
    @Path("{id}/delete")
    public HtmlPage confirmDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        PlaceReport report = placeReports.getEditable(actor, id);
        PageContext context = pages.create(request, actor);
        return new HtmlPage(TEMPLATES + "delete.mustache", context, "placeReports.deleteTitle",
                new DeleteModel(report, weekText(report.isoWeek(), context.language())));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@Auth CurrentUser actor, @PathParam("id") long id) {
        PlaceReport report = placeReports.getEditable(actor, id);
        placeReports.delete(actor, id);
        return Redirect.to("/place-reports?areaId=" + report.areaId() + "&week=" + report.week());
    }

    // The quarterly ranking

    @GET
    @Path("quarterly")
    public HtmlPage quarterly(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("quarter") String quarterText,
                              @QueryParam("areaId") String areaIdText) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        String error = null;
        Quarter quarter = placeReports.currentQuarter();
        try {
            if (Checks.clean(quarterText) != null) {
                quarter = Quarter.parse(quarterText, "quarter");
            }
        } catch (InvalidInputException e) {
            error = message(language, e);
        }
        Long areaId = null;
        try {
            areaId = FormValues.optionalLong(areaIdText, "areaId", "error.unknownArea");
        } catch (InvalidInputException e) {
            error = error == null ? message(language, e) : error;
        }
        QuarterlyRanking ranking = placeReports.quarterly(actor, quarter, areaId);
        Area area = areaId == null ? null : areas.get(actor, areaId);
        String scope = area == null ? messages.get(language, "placeReports.quarterly.allAreas") : area.name();
        String base = "/place-reports/quarterly?" + (areaId == null ? "" : "areaId=" + areaId + "&") + "quarter=";
        String hidden = ranking.hiddenReports() == 0 ? null
                : messages.get(language, "placeReports.quarterly.hidden", ranking.hiddenReports());
        QuarterModel model = new QuarterModel(quarter.toString(), error, areaOptions(areaId),
                messages.get(language, "placeReports.quarterly.heading", quarter.toString(), scope),
                messages.get(language, "placeReports.quarterly.period", quarter.toString(), quarter.firstWeek().toString(),
                        quarter.lastWeek().toString(), quarter.previous().toString(), quarter.previous().firstWeek().toString(),
                        quarter.previous().lastWeek().toString()),
                base + quarter.previous(), base + quarter.next(), hidden,
                ranking.places().stream().map(r -> row(r, language)).toList(),
                ranking.areas().stream().map(r -> row(r, language)).toList(),
                messages.get(language, "placeReports.quarterly.placesCaption", quarter.toString(), scope),
                messages.get(language, "placeReports.quarterly.areasCaption", quarter.toString(), scope));
        return new HtmlPage(TEMPLATES + "quarterly.mustache", context, "placeReports.quarterly.title", model).titled(model.heading());
    }

    // Helpers

    private HtmlPage formPage(HttpServletRequest request, CurrentUser actor, Place place, PlaceReport report, FormState form,
                              boolean alreadyReported) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        Area area = areas.get(actor, place.areaId());
        List<SignField> signs = new ArrayList<>();
        for (Sign sign : Sign.values()) {
            String chosen = form.values().get(sign.field());
            List<SignChoice> choices = new ArrayList<>();
            for (int level = Sign.MIN; level <= Sign.MAX; level++) {
                String value = Integer.toString(level);
                choices.add(new SignChoice(sign.field() + "-" + level, value, messages.get(language, "placeReports.level." + level),
                        value.equals(chosen)));
            }
            String hint = sign == Sign.LIGHTING ? messages.get(language, "placeReports.lightingHint") : null;
            signs.add(new SignField(sign.field(), messages.get(language, "placeReports.sign." + sign.name()), hint,
                    form.errors().get(sign.field()), choices));
        }
        if (report != null) {
            FormModel model = new FormModel("/place-reports/" + report.id() + "/edit", false, place.name(), area.name(),
                    Long.toString(place.id()), weekText(report.isoWeek(), language), null, true, report.organisationName(), List.of(),
                    signs, form, null, "/place-reports/" + report.id());
            return new HtmlPage(TEMPLATES + "form.mustache", context, "placeReports.editTitle", model);
        }
        List<Organisation> own = placeReports.reportingOrganisations(actor);
        String chosenOrganisation = form.values().get("organisationId");
        String organisationName = null;
        List<Option> organisations = List.of();
        if (own.size() == 1) {
            organisationName = own.get(0).name();
            form.with("organisationId", own.get(0).id());
        } else {
            organisations = own.stream().map(o -> new Option(Long.toString(o.id()), o.name(),
                    Long.toString(o.id()).equals(chosenOrganisation))).toList();
        }
        String existing = alreadyReported ? messages.get(language, "placeReports.alreadyReported") : null;
        FormModel model = new FormModel("/place-reports", true, place.name(), area.name(), Long.toString(place.id()), null, null, false,
                organisationName, organisations, signs, form, existing,
                "/place-reports?areaId=" + area.id() + "&week=" + Optional.ofNullable(form.values().get("week")).orElse(""));
        return new HtmlPage(TEMPLATES + "form.mustache", context, "placeReports.newTitle", model)
                .titled(messages.get(language, "placeReports.newHeading", place.name()));
    }

    /** A report as typed in the form; a sign that is not 0-3 is left for the service to refuse, with the others. */
    private static PlaceReportInput input(FormState form, Long organisationId, Long placeId, boolean isNew) {
        Integer[] signs = new Integer[Sign.values().length];
        List<FieldError> problems = new ArrayList<>();
        for (Sign sign : Sign.values()) {
            String text = form.values().get(sign.field());
            if (text != null && !text.isBlank()) {
                try {
                    signs[sign.ordinal()] = Integer.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    problems.add(new FieldError(sign.field(), "error.placeReport.sign"));
                    signs[sign.ordinal()] = -1;
                }
            }
        }
        Visibility visibility = null;
        String chosen = form.values().get("visibility");
        if (chosen != null && !chosen.isBlank()) {
            try {
                visibility = Visibility.valueOf(chosen.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("visibility", "error.unknownValue"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PlaceReportInput(organisationId, placeId, isNew ? form.values().get("week") : null, signs[0], signs[1], signs[2],
                signs[3], signs[4], form.values().get("upcomingEvents"), form.values().get("comment"), visibility);
    }

    private static void requireReporter(CurrentUser actor) {
        if (actor.organisationIds().isEmpty()) {
            throw new AccessDeniedException("user " + actor.id() + " belongs to no organisation",
                    "Only members of an organisation report places.");
        }
    }

    private Place placeOf(CurrentUser actor, String placeIdText) {
        Long placeId;
        try {
            placeId = FormValues.optionalLong(placeIdText, "placeId", "error.unknownPlace");
        } catch (InvalidInputException e) {
            throw new se.samtrygg.common.NotFoundException("place", placeIdText);
        }
        if (placeId == null) {
            throw new se.samtrygg.common.NotFoundException("place", "(none)");
        }
        return placeReports.place(actor, placeId);
    }

    /** The organisation named in the link, which must be the viewer's; otherwise their only one (null when they choose). */
    private static Long organisationOf(CurrentUser actor, String organisationIdText) {
        Long organisationId;
        try {
            organisationId = FormValues.optionalLong(organisationIdText, "organisationId", "error.unknownValue");
        } catch (InvalidInputException e) {
            organisationId = null;
        }
        if (organisationId != null && !actor.isMemberOf(organisationId)) {
            throw new AccessDeniedException("user " + actor.id() + " is not in organisation " + organisationId,
                    "You report for your own organisation only.");
        }
        if (organisationId == null && actor.organisationIds().size() == 1) {
            return actor.organisationIds().iterator().next();
        }
        return organisationId;
    }

    private List<Option> areaOptions(Long chosen) {
        return areas.all().stream().map(a -> new Option(Long.toString(a.id()), a.name() + " (" + a.municipality() + ")",
                chosen != null && chosen == a.id())).toList();
    }

    private ReportLine line(PlaceReport report, Language language) {
        return new ReportLine(report.id(), report.organisationName(), signLines(report, language), report.upcomingEvents(),
                report.comment(), visibility(report.visibility(), language));
    }

    private List<SignLine> signLines(PlaceReport report, Language language) {
        List<SignLine> lines = new ArrayList<>();
        for (Sign sign : Sign.values()) {
            lines.add(new SignLine(messages.get(language, "placeReports.sign." + sign.name()),
                    messages.get(language, "placeReports.level." + sign.of(report))));
        }
        return lines;
    }

    private String visibility(Visibility visibility, Language language) {
        return messages.get(language, "placeReports.visibility." + visibility.name());
    }

    private String weekText(IsoWeek week, Language language) {
        return messages.get(language, "placeReports.weekText", Integer.toString(week.number()), Integer.toString(week.year()),
                week.monday().toString(), week.sunday().toString());
    }

    private RankRow row(QuarterlyRanking.Ranked ranked, Language language) {
        boolean none = ranked.rank() == null;
        String noReports = messages.get(language, "placeReports.quarterly.noReports");
        String reports = ranked.current().reports() + " / " + ranked.previous().reports();
        String current = ranked.current().meanScore() == null ? noReports : number(ranked.current().meanScore(), language);
        String previous = ranked.previous().meanScore() == null ? noReports : number(ranked.previous().meanScore(), language);
        String development = switch (ranked.trend()) {
            case NO_REPORTS -> noReports;
            case NO_COMPARISON -> messages.get(language, "placeReports.quarterly.trend.NO_COMPARISON");
            default -> String.format(language.locale(), "%+.2f", ranked.development()) + " "
                    + messages.get(language, "placeReports.quarterly.trend." + ranked.trend().name());
        };
        List<String> changes = new ArrayList<>();
        for (QuarterlyRanking.SignTrend sign : ranked.signs()) {
            if (sign.trend() == QuarterlyRanking.Trend.WORSENING || sign.trend() == QuarterlyRanking.Trend.IMPROVING) {
                changes.add(messages.get(language, "placeReports.quarterly.sign." + sign.trend().name(),
                        messages.get(language, "placeReports.sign." + sign.sign().name()),
                        number(sign.previous(), language), number(sign.current(), language)));
            }
        }
        return new RankRow(none ? "–" : Integer.toString(ranked.rank()), ranked.placeName() == null ? ranked.areaName() : ranked.placeName(),
                ranked.areaName(), reports, current, previous, development, changes, none);
    }

    private static String number(double value, Language language) {
        return String.format(language.locale(), "%.2f", value);
    }

    private String message(Language language, InvalidInputException e) {
        return e.errors().stream().map(f -> messages.get(language, f.messageKey(), f.args()))
                .reduce((a, b) -> a + " " + b).orElse("");
    }
}
