package se.samtrygg.rollout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.OrganisationType;

/**
 * Method templates. Everyone signed in reads them (coordinators choose one); admins create and change them. A change
 * replaces the steps and raises the version; rollouts keep the copy they started with.
 */
public final class MethodTemplateService {
    static final String ENTITY = "method_template";
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_STEPS = 50;
    static final int MAX_STEP_NAME = 200;
    static final int MAX_STEP_DESCRIPTION = 2000;
    static final int MAX_OFFSET_DAYS = 3650;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final Clock clock;

    public MethodTemplateService(Jdbi jdbi, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Active templates first by name; retired ones too when {@code includeRetired}. Not paged: a handful exist. */
    public List<MethodTemplate> list(CurrentUser actor, boolean includeRetired) {
        return jdbi.withHandle(h -> {
            MethodTemplateDao dao = h.attach(MethodTemplateDao.class);
            List<MethodTemplateDao.Row> rows = dao.list(includeRetired);
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, List<TemplateStep>> steps = dao.steps(rows.stream().map(MethodTemplateDao.Row::id).toList()).stream()
                    .collect(Collectors.groupingBy(MethodTemplateDao.StepRow::templateId,
                            Collectors.mapping(MethodTemplateDao.StepRow::step, Collectors.toList())));
            return rows.stream().map(row -> row.with(steps.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    public MethodTemplate get(CurrentUser actor, long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    /** An active template by id for a new rollout, or a field error on {@code field}. For {@link RolloutService}. */
    MethodTemplate requireActive(long id, String field) {
        return jdbi.withHandle(h -> h.attach(MethodTemplateDao.class).find(id).filter(MethodTemplateDao.Row::active)
                .map(row -> withSteps(h, row))
                .orElseThrow(() -> new InvalidInputException(field, "error.methodTemplateNotActive")));
    }

    /** @param actor null when the system creates it (demo data) */
    public MethodTemplate create(CurrentUser actor, MethodTemplateInput input) {
        if (actor != null) {
            Access.requireAdmin(actor);
        }
        Valid valid = validate(input);
        return jdbi.inTransaction(h -> {
            MethodTemplateDao dao = h.attach(MethodTemplateDao.class);
            if (dao.findByName(valid.name()).isPresent()) {
                throw new InvalidInputException("name", "error.methodTemplateNameTaken");
            }
            Instant now = clock.instant();
            long id = dao.insert(valid.name(), valid.description(), valid.active(), now);
            insertSteps(dao, id, valid.steps());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Added method template \"" + valid.name() + "\" ("
                    + valid.steps().size() + " steps" + (valid.active() ? "" : ", retired") + ")");
            return load(h, id);
        });
    }

    /** Replaces the whole template, steps included, and raises its version; retiring is {@code active} false. */
    public MethodTemplate update(CurrentUser actor, long id, MethodTemplateInput input) {
        Access.requireAdmin(actor);
        Valid valid = validate(input);
        return jdbi.inTransaction(h -> {
            MethodTemplateDao dao = h.attach(MethodTemplateDao.class);
            MethodTemplateDao.Row before = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            dao.findByName(valid.name()).filter(other -> other.id() != id).ifPresent(other -> {
                throw new InvalidInputException("name", "error.methodTemplateNameTaken");
            });
            dao.update(id, valid.name(), valid.description(), valid.active(), clock.instant());
            dao.deleteSteps(id);
            insertSteps(dao, id, valid.steps());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed method template \"" + before.name() + "\""
                    + (before.name().equals(valid.name()) ? "" : " → \"" + valid.name() + "\"") + " to version " + (before.version() + 1)
                    + " (" + valid.steps().size() + " steps" + (valid.active() ? "" : ", retired") + ")");
            return load(h, id);
        });
    }

    /** The input cleaned and checked: every broken rule at once, steps named {@code steps[i].field} like agenda points. */
    private static Valid validate(MethodTemplateInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        String name = Checks.clean(input.name());
        String description = Checks.clean(input.description());
        List<TemplateStepInput> given = input.steps() == null ? List.of() : input.steps();
        Checks checks = new Checks().required("name", name).freeText("name", name, MAX_NAME)
                .freeText("description", description, MAX_DESCRIPTION)
                .check(!given.isEmpty(), "steps", "error.methodTemplateNoSteps")
                .check(given.size() <= MAX_STEPS, "steps", "error.tooMany", MAX_STEPS);
        List<TemplateStep> steps = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            TemplateStepInput step = given.get(i);
            String field = "steps[" + i + "]";
            String stepName = step == null ? null : Checks.clean(step.name());
            String stepDescription = step == null ? null : Checks.clean(step.description());
            OrganisationType type = step == null ? null : step.responsibleType();
            int offset = step == null || step.offsetDays() == null ? 0 : step.offsetDays();
            checks.required(field + ".name", stepName).freeText(field + ".name", stepName, MAX_STEP_NAME)
                    .freeText(field + ".description", stepDescription, MAX_STEP_DESCRIPTION)
                    .required(field + ".responsibleType", type)
                    .check(offset >= 0 && offset <= MAX_OFFSET_DAYS, field + ".offsetDays", "error.between", 0, MAX_OFFSET_DAYS);
            steps.add(new TemplateStep(0, i + 1, stepName, stepDescription, type, offset,
                    step != null && Boolean.TRUE.equals(step.covering()), step != null && Boolean.TRUE.equals(step.counted())));
        }
        checks.check(given.isEmpty() || steps.stream().anyMatch(TemplateStep::covering), "steps", "error.methodTemplateNoCoveringStep");
        checks.throwIfInvalid();
        return new Valid(name, description, input.active() == null || input.active(), steps);
    }

    private record Valid(String name, String description, boolean active, List<TemplateStep> steps) {
    }

    private static void insertSteps(MethodTemplateDao dao, long templateId, List<TemplateStep> steps) {
        for (TemplateStep step : steps) {
            dao.insertStep(templateId, step.position(), step.name(), step.description(), step.responsibleType(), step.offsetDays(),
                    step.covering(), step.counted());
        }
    }

    private static MethodTemplate load(Handle h, long id) {
        return h.attach(MethodTemplateDao.class).find(id).map(row -> withSteps(h, row))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private static MethodTemplate withSteps(Handle h, MethodTemplateDao.Row row) {
        return row.with(h.attach(MethodTemplateDao.class).steps(List.of(row.id())).stream().map(MethodTemplateDao.StepRow::step).toList());
    }
}
