package se.samtrygg.audit;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.identity.CurrentUser;

/** Admins browse the audit log, filtered by record type, record id, action and date range. */
@Hidden
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class AuditPages {
    private final AuditService audit;
    private final PageContextFactory pages;

    public AuditPages(AuditService audit, PageContextFactory pages) {
        this.audit = audit;
        this.pages = pages;
    }

    public record Row(long id, String at, String actor, String action, String entity, String summary) {
    }

    public record Model(List<Row> entries, FormState filter, List<Option> entityTypes, List<Option> actions, String nextQuery) {
        public boolean hasEntries() {
            return !entries.isEmpty();
        }
    }

    @GET
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor,
                         @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
                         @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("before") Long before) {
        PageContext context = pages.create(request, actor);
        FormState filterForm = FormState.empty().with("entityType", entityType).with("entityId", entityId)
                .with("action", action).with("from", from).with("to", to);
        LocalDate toDay = FormValues.date(to, "to");
        Long recordId = FormValues.optionalLong(entityId, "entityId", "error.number");
        AuditFilter filter = new AuditFilter(blankToNull(entityType), recordId, null, parseAction(action),
                startOf(FormValues.date(from, "from")), toDay == null ? null : startOf(toDay.plusDays(1)));
        Page<AuditEntry> page = audit.search(actor, filter, before, 50);
        Messages messages = pages.messages();
        Language language = context.language();
        String system = messages.get(language, "admin.audit.system");
        List<Row> rows = page.items().stream().map(e -> new Row(e.id(), Dates.dateTime(e.occurredAt()),
                e.actorName() == null ? system : e.actorName(), messages.get(language, "audit.action." + e.action().name()),
                entityName(messages, language, e.entityType()) + (e.entityId() == null ? "" : " #" + e.entityId()), e.summary()))
                .toList();
        List<Option> types = audit.entityTypes(actor).stream()
                .map(t -> new Option(t, entityName(messages, language, t), t.equals(entityType))).toList();
        List<Option> actions = Stream.of(AuditAction.values())
                .map(a -> new Option(a.name(), messages.get(language, "audit.action." + a.name()), a.name().equals(action))).toList();
        String next = page.nextAfter() == null ? null : "?" + query(entityType, entityId, action, from, to) + "before=" + page.nextAfter();
        return new HtmlPage("/se/samtrygg/audit/audit.mustache", context, "admin.audit.title",
                new Model(rows, filterForm, types, actions, next));
    }

    private static String query(String... values) {
        String[] names = {"entityType", "entityId", "action", "from", "to"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                sb.append(names[i]).append('=').append(java.net.URLEncoder.encode(values[i], java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        return sb.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static AuditAction parseAction(String value) {
        try {
            return value == null || value.isBlank() ? null : AuditAction.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new se.samtrygg.common.InvalidInputException("action", "error.unknownValue");
        }
    }

    /** Record types are named in the log by code ("user"); a page shows them in the reader's language when it can. */
    private static String entityName(Messages messages, Language language, String type) {
        String key = "audit.entity." + type;
        return messages.has(language, key) ? messages.get(language, key) : type;
    }

    /** Midnight in Stockholm, which is not always 24 hours after the one before. */
    private static java.time.Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Dates.ZONE).toInstant();
    }
}
