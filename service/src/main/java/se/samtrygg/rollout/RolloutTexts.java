package se.samtrygg.rollout;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.Option;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;

/**
 * What the rollout pages say, in the reader's language: dates the Swedish way ("12 mars 2026"), a step's state in words
 * with a symbol, progress as figures beside its bars, and the fields of the forms. For {@link RolloutPages} and
 * {@link RolloutPropertyPages} only.
 */
public final class RolloutTexts {
    private final Messages messages;
    private final Language language;
    private final LocalDate today;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter shortDate;

    RolloutTexts(Messages messages, Language language, LocalDate today) {
        this.messages = messages;
        this.language = language;
        this.today = today;
        this.longDate = DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale());
        this.shortDate = DateTimeFormatter.ofPattern("d MMMM", language.locale());
    }

    String get(String key, Object... args) {
        return messages.get(language, key, args);
    }

    LocalDate today() {
        return today;
    }

    /** "12 mars 2026". */
    String date(LocalDate day) {
        return day == null ? "" : longDate.format(day);
    }

    /** "12 mars" this year, "12 mars 2025" another year: short enough for a cell of the board. */
    String shortDate(LocalDate day) {
        if (day == null) {
            return "";
        }
        return day.getYear() == today.getYear() ? shortDate.format(day) : longDate.format(day);
    }

    // Progress

    /**
     * A rollout's (or an area's) progress as the pages show it: each figure in words beside a bar, so that nothing
     * depends on seeing the bar. {@code key} makes the element ids unique on a page with several.
     */
    public record ProgressView(String key, int stepsPercent, String stepsText, int coveragePercent, String coverageText, boolean hasOverdue,
                        String overdueText, String propertiesText) {
    }

    ProgressView progress(String key, Progress progress) {
        int applicable = progress.steps() - progress.stepsNotApplicable();
        String overdue = progress.stepsOverdue() == 0 ? get("rollouts.progress.noOverdue")
                : progress.stepsOverdue() == 1 ? get("rollouts.progress.oneOverdue")
                : get("rollouts.progress.overdue", progress.stepsOverdue());
        return new ProgressView(key, progress.stepsDonePercent(),
                get("rollouts.progress.steps", progress.stepsDonePercent(), progress.stepsDone(), applicable),
                progress.apartmentsCoveredPercent(),
                get("rollouts.progress.coverage", progress.apartmentsCovered(), progress.apartments(), progress.apartmentsCoveredPercent()),
                progress.stepsOverdue() > 0, overdue,
                get("rollouts.progress.properties", progress.propertiesCovered(), progress.properties()));
    }

    // Steps

    /** Who answers for a rollout step: its organisation, or each property's owner. */
    String responsible(RolloutStep step) {
        return step.organisationName() == null ? get("rollouts.ownerResponsible") : step.organisationName();
    }

    /** One cell of the board, or the state on a step's page: a symbol (hidden from screen readers) and the state in words. */
    public record StateView(String symbol, String text, String css) {
    }

    StateView state(PropertyStep step) {
        if (step.overdue()) {
            return new StateView("!", get("rollouts.cell.overdue", shortDate(step.dueDate())), "state-overdue");
        }
        return switch (step.state()) {
            case DONE -> new StateView("✓", step.completedOn() == null ? get("rollouts.state.DONE")
                    : get("rollouts.cell.done", shortDate(step.completedOn())), "state-done");
            case IN_PROGRESS -> new StateView("◐", get("rollouts.state.IN_PROGRESS"), "state-in-progress");
            case NOT_APPLICABLE -> new StateView("–", get("rollouts.state.NOT_APPLICABLE"), "state-not-applicable");
            case NOT_STARTED -> new StateView("○", get("rollouts.state.NOT_STARTED"), "state-not-started");
        };
    }

    /** "24 st." for a counted step with a count; null otherwise. */
    String count(PropertyStep step) {
        return step.counted() && step.count() != null ? get("rollouts.cell.count", step.count()) : null;
    }

    // Form fields

    /**
     * One field of a form, rendered by the partial {@code rollout-field}: a text, number or date input, a textarea, or a
     * select with optional groups. The message beside it and the hint are tied to it with aria-describedby.
     */
    public record Field(String id, String name, String label, String hint, String value, String error, String type, boolean textarea,
                 boolean select, String emptyOption, List<Option> options, List<OptionGroup> groups, Integer maxlength, String min,
                 String max, boolean required) {

        public boolean input() {
            return !textarea && !select;
        }

        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (hint != null) {
                ids.add(id + "-hint");
            }
            if (error != null) {
                ids.add(id + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        Field hinted(String text) {
            return new Field(id, name, label, text, value, error, type, textarea, select, emptyOption, options, groups, maxlength, min,
                    max, required);
        }

        Field withId(String newId) {
            return new Field(newId, name, label, hint, value, error, type, textarea, select, emptyOption, options, groups, maxlength, min,
                    max, required);
        }

        Field mandatory() {
            return new Field(id, name, label, hint, value, error, type, textarea, select, emptyOption, options, groups, maxlength, min,
                    max, true);
        }
    }

    /** Options under a heading: an {@code <optgroup>}. */
    public record OptionGroup(String label, List<Option> options) {
    }

    Field text(String name, String labelKey, FormState form, int maxlength) {
        return new Field(name, name, get(labelKey), null, form.values().get(name), form.errors().get(name), "text", false, false, null,
                List.of(), List.of(), maxlength, null, null, false);
    }

    Field number(String name, String labelKey, FormState form, int min, int max) {
        return new Field(name, name, get(labelKey), null, form.values().get(name), form.errors().get(name), "number", false, false, null,
                List.of(), List.of(), null, Integer.toString(min), Integer.toString(max), false);
    }

    Field date(String name, String labelKey, FormState form) {
        return new Field(name, name, get(labelKey), null, form.values().get(name), form.errors().get(name), "date", false, false, null,
                List.of(), List.of(), null, null, null, false);
    }

    Field textarea(String name, String labelKey, FormState form, int maxlength) {
        return new Field(name, name, get(labelKey), null, form.values().get(name), form.errors().get(name), null, true, false, null,
                List.of(), List.of(), maxlength, null, null, false);
    }

    Field select(String name, String labelKey, FormState form, String emptyOption, List<Option> options) {
        return new Field(name, name, get(labelKey), null, null, form.errors().get(name), null, false, true, emptyOption, options,
                List.of(), null, null, null, false);
    }

    Field groupedSelect(String name, String labelKey, FormState form, String emptyOption, List<OptionGroup> groups) {
        return new Field(name, name, get(labelKey), null, null, form.errors().get(name), null, false, true, emptyOption, List.of(),
                groups, null, null, null, false);
    }

    /** Active organisations to choose an owner or a responsible one from: housing companies first, as they own the properties. */
    List<OptionGroup> organisationGroups(List<Organisation> organisations, String chosen) {
        List<Option> housing = new ArrayList<>();
        List<Option> others = new ArrayList<>();
        for (Organisation organisation : organisations) {
            Option option = new Option(Long.toString(organisation.id()), organisation.name(),
                    Long.toString(organisation.id()).equals(chosen));
            (organisation.type() == OrganisationType.HOUSING_COMPANY ? housing : others).add(option);
        }
        List<OptionGroup> groups = new ArrayList<>();
        if (!housing.isEmpty()) {
            groups.add(new OptionGroup(get("organisationType.HOUSING_COMPANY"), housing));
        }
        if (!others.isEmpty()) {
            groups.add(new OptionGroup(get(housing.isEmpty() ? "rollouts.allOrganisations" : "rollouts.otherOrganisations"), others));
        }
        return groups;
    }
}
