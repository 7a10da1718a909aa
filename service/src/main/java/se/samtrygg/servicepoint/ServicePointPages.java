package se.samtrygg.servicepoint;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
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

/**
 * The signed-in pages where service points are kept: the list, one service point with its weekly hours and its days
 * without presence, and the forms. Coordinators and admins keep service points and close them on a day; members of an
 * organisation keep its hours and cancel them on a day. Residents read all of it on the public pages.
 */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ServicePointPages {
    private static final String TEMPLATES = "/se/samtrygg/servicepoint/";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** Strict: the lenient default reads "24:00" as 00:00 (and so as the start of the day). */
    private static final DateTimeFormatter TYPED_CLOCK = DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final java.util.regex.Pattern END_OF_DAY = java.util.regex.Pattern.compile("24[:.]00");

    private final ServicePointService servicePoints;
    private final AreaService areas;
    private final PageContextFactory pages;
    private final Messages messages;

    public ServicePointPages(ServicePointService servicePoints, AreaService areas, PageContextFactory pages) {
        this.servicePoints = servicePoints;
        this.areas = areas;
        this.pages = pages;
        this.messages = pages.messages();
    }

    // Models

    public record PointLine(long id, String name, String kind, String areaName, String municipality, String address, boolean inactive) {
    }

    public record ListModel(List<Option> areas, List<PointLine> points, boolean canCreate, String nextHref) {
        public boolean hasPoints() {
            return !points.isEmpty();
        }
    }

    public record PointFormModel(String action, boolean creating, List<Option> areas, List<Option> kinds, FormState form,
                                 String cancelHref) {
        public boolean stepFree() {
            return "true".equals(form.values().get("stepFree"));
        }

        public boolean hearingLoop() {
            return "true".equals(form.values().get("hearingLoop"));
        }

        public boolean active() {
            return !"false".equals(form.values().get("active"));
        }
    }

    /**
     * A language as the pages show it: its name in the reader's language, and in itself marked up with lang and dir
     * ({@code nativeName} null when there is no such name to show beside it).
     */
    public record LanguageLabel(String code, String name, String nativeName, boolean rightToLeft) {
        public String dir() {
            return rightToLeft ? "rtl" : "ltr";
        }

        public boolean nameDiffers() {
            return nativeName != null;
        }
    }

    public record SlotLine(long id, String organisation, String hours, String validity, List<String> help, String helpNote,
                           List<LanguageLabel> languages, boolean canEdit) {
    }

    public record DayBlock(String heading, List<SlotLine> slots) {
    }

    public record ExceptionLine(long id, String date, String what, String reason, boolean canRemove) {
    }

    public record ShowModel(ServicePoint point, String kind, String stepFree, String hearingLoop, String notice, boolean canManage,
                            boolean canAddSlots, List<DayBlock> days, List<ExceptionLine> exceptions, FormState closureForm,
                            FormState cancelForm, List<Option> cancellableSlots, String publicHref) {
        public boolean hasDays() {
            return !days.isEmpty();
        }

        public boolean hasExceptions() {
            return !exceptions.isEmpty();
        }

        public boolean canCancel() {
            return !cancellableSlots.isEmpty();
        }
    }

    /** A language to tick on the slot form; {@code nativeName} as in {@link LanguageLabel}. */
    public record LanguageChoice(String id, String code, String name, String nativeName, boolean rightToLeft, boolean checked) {
        public String dir() {
            return rightToLeft ? "rtl" : "ltr";
        }

        public boolean nameDiffers() {
            return nativeName != null;
        }
    }

    public record SlotFormModel(String action, boolean creating, long pointId, String pointName, String organisationName,
                                List<Option> organisations, List<Option> weekdays, List<Option> help, List<LanguageChoice> languages,
                                FormState form, String cancelHref) {
        public boolean chooseOrganisation() {
            return !organisations.isEmpty();
        }
    }

    public record DeleteSlotModel(PresenceSlot slot, String pointName, String when, String cancelHref) {
    }

    // Service points

    @GET
    @Path("service-points")
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("areaId") String areaIdText,
                         @QueryParam("after") Long after) {
        PageContext context = pages.create(request, actor);
        Long areaId = parsedOrNull(areaIdText);
        boolean manager = servicePoints.canManagePoints(actor);
        Page<ServicePoint> page = servicePoints.list(areaId, manager, after, Page.DEFAULT_LIMIT);
        List<PointLine> lines = page.items().stream().map(p -> new PointLine(p.id(), p.name(), kind(p.kind(), context.language()),
                p.areaName(), p.municipality(), p.address(), !p.active())).toList();
        String next = page.nextAfter() == null ? null
                : "/service-points?" + (areaId == null ? "" : "areaId=" + areaId + "&") + "after=" + page.nextAfter();
        return new HtmlPage(TEMPLATES + "list.mustache", context, "servicePoints.title",
                new ListModel(areaOptions(areaId), lines, manager, next));
    }

    @GET
    @Path("service-points/new")
    public HtmlPage newPoint(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("areaId") String areaIdText) {
        servicePoints.requireCanManagePoints(actor);
        return pointForm(request, actor, null, FormState.empty().with("areaId", parsedOrNull(areaIdText)).with("kind", "SERVICE_CENTRE"));
    }

    /** The same as POST /api/v1/service-points. */
    @POST
    @Path("service-points")
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor, Form posted) {
        FormState form = formOf(posted);
        try {
            ServicePoint point = servicePoints.create(actor, pointInput(form, null));
            return Redirect.to("/service-points/" + point.id() + "?saved=created");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(pointForm(request, actor, null, form)).build();
        }
    }

    @GET
    @Path("service-points/{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("saved") String saved) {
        return pointPage(request, actor, id, FormState.empty(), FormState.empty(), saved);
    }

    @GET
    @Path("service-points/{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        servicePoints.requireCanManagePoints(actor);
        ServicePoint point = servicePoints.get(id);
        FormState form = FormState.empty().with("areaId", point.areaId()).with("name", point.name()).with("kind", point.kind().name())
                .with("address", point.address()).with("stepFree", point.stepFree()).with("hearingLoop", point.hearingLoop())
                .with("accessibilityNote", point.accessibilityNote()).with("description", point.description())
                .with("active", point.active());
        return pointForm(request, actor, id, form);
    }

    /** The same change as PUT /api/v1/service-points/{id}; a refused one comes back with every value kept. */
    @POST
    @Path("service-points/{id}/edit")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        servicePoints.requireCanManagePoints(actor);
        servicePoints.get(id);
        FormState form = formOf(posted);
        // An unticked box sends nothing: on this form that means "not in use".
        form.with("active", Boolean.toString("true".equals(form.values().get("active"))));
        try {
            servicePoints.update(actor, id, pointInput(form, "true".equals(form.values().get("active"))));
            return Redirect.to("/service-points/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(pointForm(request, actor, id, form)).build();
        }
    }

    // Presence slots

    @GET
    @Path("service-points/{id}/slots/new")
    public HtmlPage newSlot(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                            @QueryParam("organisationId") String organisationIdText) {
        requireCanAddSlots(actor);
        ServicePoint point = servicePoints.get(id);
        Long organisationId = parsedOrNull(organisationIdText);
        if (organisationId != null && !servicePoints.canAddSlotsFor(actor, organisationId)) {
            throw new AccessDeniedException("user " + actor.id() + " is not in organisation " + organisationId,
                    "You add hours for your own organisation only.");
        }
        FormState form = FormState.empty().with("organisationId", organisationId).with("weekday", DayOfWeek.MONDAY.name())
                .with("validFrom", servicePoints.today());
        return slotForm(request, actor, point, null, form, List.of(), List.of("sv"));
    }

    /** The same as POST /api/v1/service-points/{id}/slots. */
    @POST
    @Path("service-points/{id}/slots")
    public Response addSlot(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        requireCanAddSlots(actor);
        ServicePoint point = servicePoints.get(id);
        FormState form = formOf(posted);
        List<String> help = values(posted, "help");
        List<String> languages = typedLanguages(posted);
        try {
            PresenceSlot slot = servicePoints.addSlot(actor, slotInput(id, form, help, languages));
            return Redirect.to("/service-points/" + point.id() + "?saved=slotAdded#slot-" + slot.id());
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(slotForm(request, actor, point, null, form, help, languages)).build();
        }
    }

    @GET
    @Path("presence-slots/{id}/edit")
    public HtmlPage editSlot(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        PresenceSlot slot = servicePoints.editableSlot(actor, id);
        FormState form = FormState.empty().with("organisationId", slot.organisationId()).with("weekday", slot.weekday().name())
                .with("startsAt", CLOCK.format(slot.startsAt())).with("endsAt", CLOCK.format(slot.endsAt()))
                .with("validFrom", slot.validFrom()).with("validUntil", slot.validUntil()).with("helpNote", slot.helpNote());
        return slotForm(request, actor, servicePoints.get(slot.servicePointId()), slot, form,
                slot.help().stream().map(Enum::name).toList(), slot.languages());
    }

    /** The same change as PUT /api/v1/presence-slots/{id}. */
    @POST
    @Path("presence-slots/{id}/edit")
    public Response updateSlot(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        PresenceSlot slot = servicePoints.editableSlot(actor, id);
        FormState form = formOf(posted);
        List<String> help = values(posted, "help");
        List<String> languages = typedLanguages(posted);
        try {
            servicePoints.updateSlot(actor, id, slotInput(slot.servicePointId(), form, help, languages));
            return Redirect.to("/service-points/" + slot.servicePointId() + "?saved=true#slot-" + id);
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(slotForm(request, actor, servicePoints.get(slot.servicePointId()), slot, form, help,
                    languages)).build();
        }
    }

    @GET
    @Path("presence-slots/{id}/delete")
    public HtmlPage confirmRemoveSlot(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        PresenceSlot slot = servicePoints.editableSlot(actor, id);
        PageContext context = pages.create(request, actor);
        ServicePoint point = servicePoints.get(slot.servicePointId());
        return new HtmlPage(TEMPLATES + "slot-delete.mustache", context, "servicePoints.removeSlotTitle",
                new DeleteSlotModel(slot, point.name(), weekdayPlural(slot.weekday(), context.language()) + " " + hours(slot),
                        "/service-points/" + point.id()));
    }

    @POST
    @Path("presence-slots/{id}/delete")
    public Response removeSlot(@Auth CurrentUser actor, @PathParam("id") long id) {
        PresenceSlot slot = servicePoints.editableSlot(actor, id);
        servicePoints.removeSlot(actor, id);
        return Redirect.to("/service-points/" + slot.servicePointId() + "?saved=slotRemoved");
    }

    // Days without presence

    /**
     * The same as POST /api/v1/service-points/{id}/exceptions, from one of two forms: closing the whole service point
     * ({@code kind=closure}) or cancelling one slot ({@code kind=cancellation}, where a slot must be chosen).
     */
    @POST
    @Path("service-points/{id}/exceptions")
    public Response addException(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        servicePoints.get(id);
        FormState form = formOf(posted);
        boolean cancellation = "cancellation".equals(form.values().get("kind"));
        try {
            List<FieldError> problems = new ArrayList<>();
            Long slotId = null;
            if (cancellation) {
                slotId = FormValues.parsed(problems, () -> FormValues.optionalLong(form.values().get("slotId"), "slotId",
                        "error.presenceSlot.unknown"));
                if (slotId == null && problems.isEmpty()) {
                    problems.add(new FieldError("slotId", "error.required"));
                }
            }
            LocalDate date = FormValues.parsed(problems, () -> FormValues.date(form.values().get("date"), "date"));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            servicePoints.addException(actor, id, new PresenceExceptionInput(slotId, date, form.values().get("reason")));
            return Redirect.to("/service-points/" + id + "?saved=" + (cancellation ? "cancelled" : "closed") + "#exceptions");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(pointPage(request, actor, id, cancellation ? FormState.empty() : form,
                    cancellation ? form : FormState.empty(), null)).build();
        }
    }

    @POST
    @Path("presence-exceptions/{id}/delete")
    public Response removeException(@Auth CurrentUser actor, @PathParam("id") long id) {
        PresenceException exception = servicePoints.exception(id);
        servicePoints.removeException(actor, id);
        return Redirect.to("/service-points/" + exception.servicePointId() + "?saved=exceptionRemoved#exceptions");
    }

    // Building the pages

    private HtmlPage pointPage(HttpServletRequest request, CurrentUser actor, long id, FormState closureForm, FormState cancelForm,
                               String saved) {
        ServicePoint point = servicePoints.get(id);
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        LocalDate today = servicePoints.today();
        List<PresenceSlot> slots = servicePoints.slots(id);
        Map<DayOfWeek, List<SlotLine>> byDay = new EnumMap<>(DayOfWeek.class);
        List<Option> cancellable = new ArrayList<>();
        String chosenSlot = cancelForm.values().get("slotId");
        for (PresenceSlot slot : slots) {
            byDay.computeIfAbsent(slot.weekday(), d -> new ArrayList<>()).add(new SlotLine(slot.id(), slot.organisationName(), hours(slot),
                    validity(slot, today, language), slot.help().stream().map(h -> help(h, language)).toList(), slot.helpNote(),
                    slot.languages().stream().map(code -> label(code, language)).toList(), servicePoints.canEditSlot(actor, slot)));
            if (servicePoints.canCancel(actor, slot) && (slot.validUntil() == null || !slot.validUntil().isBefore(today))) {
                String label = capitalised(weekday(slot.weekday(), language)) + " " + hours(slot) + ", " + slot.organisationName();
                cancellable.add(new Option(Long.toString(slot.id()), label, Long.toString(slot.id()).equals(chosenSlot)));
            }
        }
        List<DayBlock> days = new ArrayList<>();
        byDay.forEach((day, lines) -> days.add(new DayBlock(capitalised(weekdayPlural(day, language)), lines)));
        List<ExceptionLine> exceptions = new ArrayList<>();
        for (PresenceException exception : servicePoints.exceptions(id, today)) {
            PresenceSlot slot = exception.slotId() == null ? null
                    : slots.stream().filter(s -> s.id() == exception.slotId()).findFirst().orElse(null);
            String what = slot == null ? messages.get(language, "servicePoints.closedAllDay")
                    : messages.get(language, "servicePoints.slotCancelled", slot.organisationName(), hours(slot));
            exceptions.add(new ExceptionLine(exception.id(), capitalised(weekday(exception.date().getDayOfWeek(), language)) + " "
                    + exception.date(), what, exception.reason(), servicePoints.canRemoveException(actor, exception, slot)));
        }
        String notice = switch (saved == null ? "" : saved) {
            case "created" -> messages.get(language, "servicePoints.created");
            case "slotAdded" -> messages.get(language, "servicePoints.slotAdded");
            case "slotRemoved" -> messages.get(language, "servicePoints.slotRemoved");
            case "closed" -> messages.get(language, "servicePoints.closedSaved");
            case "cancelled" -> messages.get(language, "servicePoints.cancelledSaved");
            case "exceptionRemoved" -> messages.get(language, "servicePoints.exceptionRemoved");
            case "true" -> messages.get(language, "common.saved");
            default -> null;
        };
        ShowModel model = new ShowModel(point, kind(point.kind(), language),
                messages.get(language, point.stepFree() ? "servicePoints.stepFree.yes" : "servicePoints.stepFree.no"),
                messages.get(language, point.hearingLoop() ? "servicePoints.hearingLoop.yes" : "servicePoints.hearingLoop.no"),
                notice, servicePoints.canManagePoints(actor), servicePoints.canAddSlots(actor), days, exceptions, closureForm, cancelForm,
                cancellable, "/public/areas/" + point.areaId());
        return new HtmlPage(TEMPLATES + "point.mustache", context, "servicePoints.title", model).titled(point.name());
    }

    private HtmlPage pointForm(HttpServletRequest request, CurrentUser actor, Long id, FormState form) {
        PageContext context = pages.create(request, actor);
        String chosenKind = form.values().get("kind");
        List<Option> kinds = java.util.Arrays.stream(ServicePointKind.values()).map(k -> new Option(k.name(),
                kind(k, context.language()), k.name().equals(chosenKind))).toList();
        PointFormModel model = new PointFormModel(id == null ? "/service-points" : "/service-points/" + id + "/edit", id == null,
                areaOptions(parsedOrNull(form.values().get("areaId"))), kinds, form,
                id == null ? "/service-points" : "/service-points/" + id);
        return new HtmlPage(TEMPLATES + "point-form.mustache", context, id == null ? "servicePoints.newTitle" : "servicePoints.editTitle",
                model);
    }

    private HtmlPage slotForm(HttpServletRequest request, CurrentUser actor, ServicePoint point, PresenceSlot slot, FormState form,
                              List<String> help, List<String> languages) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        String organisationName = null;
        List<Option> organisations = List.of();
        if (slot != null && !actor.isAdmin() && actor.organisationIds().size() < 2) {
            organisationName = slot.organisationName();
        } else {
            List<Organisation> own = servicePoints.slotOrganisations(actor);
            String chosen = form.values().get("organisationId");
            if (own.size() == 1 && slot == null) {
                organisationName = own.get(0).name();
                form.with("organisationId", own.get(0).id());
            } else {
                organisations = own.stream().map(o -> new Option(Long.toString(o.id()), o.name(), Long.toString(o.id()).equals(chosen)))
                        .toList();
            }
        }
        String chosenDay = form.values().get("weekday");
        List<Option> weekdays = java.util.Arrays.stream(DayOfWeek.values()).map(d -> new Option(d.name(),
                capitalised(weekday(d, language)), d.name().equals(chosenDay))).toList();
        List<Option> helpOptions = java.util.Arrays.stream(HelpKind.values()).map(h -> new Option(h.name(), help(h, language),
                help.contains(h.name()))).toList();
        Set<String> chosenLanguages = new LinkedHashSet<>();
        languages.forEach(code -> chosenLanguages.add(SpokenLanguages.byCode(code).map(SpokenLanguage::code).orElse(code.strip())));
        List<LanguageChoice> choices = new ArrayList<>();
        for (String code : SpokenLanguages.COMMON) {
            SpokenLanguage spoken = SpokenLanguages.byCode(code).orElseThrow();
            String name = capitalised(language == Language.en ? spoken.englishName() : spoken.swedishName());
            choices.add(new LanguageChoice("language-" + code, code, name, spoken.nativeNameBeside(name).orElse(null),
                    spoken.rightToLeft(), chosenLanguages.contains(code)));
        }
        if (form.values().get("otherLanguages") == null) {
            form.with("otherLanguages", String.join(", ", chosenLanguages.stream()
                    .filter(c -> !SpokenLanguages.COMMON.contains(c)).toList()));
        }
        String action = slot == null ? "/service-points/" + point.id() + "/slots" : "/presence-slots/" + slot.id() + "/edit";
        SlotFormModel model = new SlotFormModel(action, slot == null, point.id(), point.name(), organisationName, organisations, weekdays,
                helpOptions, choices, form, "/service-points/" + point.id());
        return new HtmlPage(TEMPLATES + "slot-form.mustache", context,
                slot == null ? "servicePoints.newSlotTitle" : "servicePoints.editSlotTitle", model).titled(messages.get(language, slot == null ? "servicePoints.newSlotHeading" : "servicePoints.editSlotHeading",
                point.name()));
    }

    // Reading the forms

    private static FormState formOf(Form posted) {
        FormState form = FormState.empty();
        posted.asMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !values.isEmpty()) {
                form.with(name, values.get(0));
            }
        });
        return form;
    }

    private static List<String> values(Form posted, String name) {
        MultivaluedMap<String, String> all = posted.asMap();
        List<String> values = all.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /**
     * The ticked languages and those typed in "other languages": codes, or names the JDK knows, separated by commas or
     * semicolons. A name may have several words ("norskt bokmål", "Scottish Gaelic"); only what is not a known name as a
     * whole is split at spaces too ("ti so").
     */
    private static List<String> typedLanguages(Form posted) {
        List<String> codes = new ArrayList<>(values(posted, "languages"));
        for (String other : values(posted, "otherLanguages")) {
            for (String phrase : other.split("[,;]")) {
                if (phrase.isBlank()) {
                    continue;
                }
                Optional<SpokenLanguage> whole = SpokenLanguages.byCodeOrName(phrase);
                if (whole.isPresent()) {
                    codes.add(whole.get().code());
                    continue;
                }
                for (String token : phrase.strip().split("\\s+")) {
                    codes.add(SpokenLanguages.byCodeOrName(token).map(SpokenLanguage::code).orElse(token));
                }
            }
        }
        return codes;
    }

    /** A service point as typed; {@code active} null on the new form (a new service point is in use). */
    private static ServicePointInput pointInput(FormState form, Boolean active) {
        List<FieldError> problems = new ArrayList<>();
        Map<String, String> v = form.values();
        Long areaId = FormValues.parsed(problems, () -> FormValues.optionalLong(v.get("areaId"), "areaId", "error.unknownArea"));
        ServicePointKind kind = FormValues.parsed(problems, () -> choice(ServicePointKind.class, v.get("kind"), "kind"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ServicePointInput(areaId, v.get("name"), kind, v.get("address"), "true".equals(v.get("stepFree")),
                "true".equals(v.get("hearingLoop")), v.get("accessibilityNote"), v.get("description"), active);
    }

    /** A slot as typed; what cannot be read (a time as "kl tio") is refused on its field before the service sees the rest. */
    private static PresenceSlotInput slotInput(long pointId, FormState form, List<String> help, List<String> languages) {
        List<FieldError> problems = new ArrayList<>();
        Map<String, String> v = form.values();
        Long organisationId = FormValues.parsed(problems, () -> FormValues.optionalLong(v.get("organisationId"), "organisationId",
                "error.unknownValue"));
        DayOfWeek weekday = FormValues.parsed(problems, () -> choice(DayOfWeek.class, v.get("weekday"), "weekday"));
        LocalTime startsAt = FormValues.parsed(problems, () -> time(v.get("startsAt"), "startsAt"));
        LocalTime endsAt = FormValues.parsed(problems, () -> time(v.get("endsAt"), "endsAt"));
        LocalDate validFrom = FormValues.parsed(problems, () -> FormValues.date(v.get("validFrom"), "validFrom"));
        LocalDate validUntil = FormValues.parsed(problems, () -> FormValues.date(v.get("validUntil"), "validUntil"));
        List<HelpKind> kinds = new ArrayList<>();
        for (String kind : help) {
            Optional.ofNullable(FormValues.parsed(problems, () -> choice(HelpKind.class, kind, "help"))).ifPresent(kinds::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PresenceSlotInput(pointId, organisationId, weekday, startsAt, endsAt, validFrom, validUntil, kinds, v.get("helpNote"),
                languages);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "error.unknownValue");
        }
    }

    /** "10:00", also "9:00" and "10.00" as people write it; blank is null. A slot ends the same day, at 23:59 at the latest. */
    private static LocalTime time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (END_OF_DAY.matcher(value.strip()).matches()) {
            throw new InvalidInputException(field, "error.presenceSlot.endOfDay");
        }
        try {
            return LocalTime.parse(value.strip().replace('.', ':'), TYPED_CLOCK);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "error.time");
        }
    }

    private static Long parsedOrNull(String id) {
        try {
            return FormValues.optionalLong(id, "areaId", "error.unknownArea");
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private void requireCanAddSlots(CurrentUser actor) {
        if (!servicePoints.canAddSlots(actor)) {
            throw new AccessDeniedException("user " + actor.id() + " belongs to no active organisation",
                    "Members of an active organisation add its hours.");
        }
    }

    // Words

    private List<Option> areaOptions(Long chosen) {
        return areas.all().stream().map(a -> new Option(Long.toString(a.id()), a.name() + " (" + a.municipality() + ")",
                chosen != null && chosen == a.id())).toList();
    }

    private String kind(ServicePointKind kind, Language language) {
        return messages.get(language, "servicePoint.kind." + kind.name());
    }

    private String help(HelpKind kind, Language language) {
        return messages.get(language, "servicePoint.help." + kind.name());
    }

    private static LanguageLabel label(String code, Language language) {
        return SpokenLanguages.byCode(code).map(l -> {
            String name = capitalised(language == Language.en ? l.englishName() : l.swedishName());
            return new LanguageLabel(l.code(), name, l.nativeNameBeside(name).orElse(null), l.rightToLeft());
        }).orElse(new LanguageLabel(code, code, null, false));
    }

    private static String weekday(DayOfWeek day, Language language) {
        return day.getDisplayName(TextStyle.FULL, language.locale());
    }

    /** "tisdagar", "Tuesdays": the slot comes back every week. */
    private String weekdayPlural(DayOfWeek day, Language language) {
        return messages.get(language, "servicePoints.weekdays." + day.name());
    }

    private static String hours(PresenceSlot slot) {
        return CLOCK.format(slot.startsAt()) + "–" + CLOCK.format(slot.endsAt());
    }

    private String validity(PresenceSlot slot, LocalDate today, Language language) {
        if (slot.validUntil() != null && slot.validUntil().isBefore(today)) {
            return messages.get(language, "servicePoints.validity.ended", slot.validUntil().toString());
        }
        if (slot.validFrom().isAfter(today)) {
            return slot.validUntil() == null ? messages.get(language, "servicePoints.validity.from", slot.validFrom().toString())
                    : messages.get(language, "servicePoints.validity.between", slot.validFrom().toString(), slot.validUntil().toString());
        }
        return slot.validUntil() == null ? null : messages.get(language, "servicePoints.validity.until", slot.validUntil().toString());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }
}
