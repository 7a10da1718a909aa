package se.samtrygg.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.samtrygg.Services;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.rollout.MethodTemplate;
import se.samtrygg.rollout.PropertyInput;
import se.samtrygg.rollout.PropertyStep;
import se.samtrygg.rollout.PropertyStepInput;
import se.samtrygg.rollout.Rollout;
import se.samtrygg.rollout.RolloutInput;
import se.samtrygg.rollout.RolloutProperty;
import se.samtrygg.rollout.StepState;
import se.samtrygg.rollout.StepsDone;

/**
 * Huskurage in Sättra, as a coordinator would find it some five months in: Gavlegårdarna's properties, the owner's decision
 * taken everywhere, the staff trained in most, letters and posters out in about half the properties (so that coverage is
 * partial), one seniors' house where letters do not apply, the police's information meeting held for the first three
 * houses and late for the rest, the municipality's follow-up still ahead, and one property that joined this week. Each
 * step is updated by a person of the organisation that answers for it, through the services.
 */
final class HuskurageDemo {
    /** Address, stairwells, apartments: Gavlegårdarna's houses along Sättragatan and Sättravägen. */
    private static final Object[][] PROPERTIES = {
        {"Sättragatan 12", 3, 36}, {"Sättragatan 14", 3, 36}, {"Sättragatan 16", 4, 48}, {"Sättravägen 3", 2, 24},
        {"Sättravägen 5", 6, 90}, {"Sättravägen 7 (seniorboende)", 2, 30}, {"Sättragatan 18", 4, 54}};
    private static final Object[] JOINED_LATE = {"Sättragatan 20", 3, 42};
    private static final int DECISION = 1;
    private static final int TRAINING = 2;
    private static final int LETTERS = 3;
    private static final int POSTERS = 4;
    private static final int MEETING = 5;
    private static final int FOLLOW_UP = 6;

    private final Services services;
    private final long areaId;
    private final Map<String, Organisation> organisations;
    private final Map<String, Long> userIds;

    HuskurageDemo(Services services, long areaId, Map<String, Organisation> organisations, Map<String, Long> userIds) {
        this.services = services;
        this.areaId = areaId;
        this.organisations = organisations;
        this.userIds = userIds;
    }

    Rollout load() {
        CurrentUser coordinator = person("anna.lindqvist");
        CurrentUser housing = person("sara.nyberg");
        CurrentUser police = person("maria.holm");
        LocalDate today = services.rollouts().today();
        LocalDate start = today.minusMonths(5);
        MethodTemplate huskurage = services.methodTemplates().list(coordinator, false).stream()
                .filter(t -> t.name().equals("Huskurage")).findFirst().orElseThrow();
        long owner = organisations.get("Gavlegårdarna").id();
        List<PropertyInput> properties = new ArrayList<>();
        for (Object[] property : PROPERTIES) {
            properties.add(new PropertyInput((String) property[0], owner, (Integer) property[1], (Integer) property[2]));
        }
        Rollout rollout = services.rollouts().create(coordinator, new RolloutInput(huskurage.id(), areaId, null, start,
                start.plusMonths(10), coordinator.id(), List.of(
                        new RolloutInput.StepOrganisation(MEETING, organisations.get("Polisen, lokalpolisområde Gävle").id()),
                        new RolloutInput.StepOrganisation(FOLLOW_UP, organisations.get("Gävle kommun, enheten för social hållbarhet").id())),
                properties));
        // In the order of PROPERTIES, whatever order the board lists them in.
        Map<String, RolloutProperty> byAddress = new HashMap<>();
        services.rollouts().properties(coordinator, rollout.id(), null, 100).items().forEach(p -> byAddress.put(p.address(), p));
        List<RolloutProperty> houses = java.util.Arrays.stream(PROPERTIES).map(p -> byAddress.get((String) p[0])).toList();

        // The owner decided for all its houses in the first week, and trained the staff of most within the month.
        markDone(housing, rollout, houses, DECISION, List.of(0, 1, 2, 3, 4, 5, 6), start.plusDays(5));
        markDone(housing, rollout, houses, TRAINING, List.of(0, 1, 2, 3, 5), start.plusDays(26));
        update(housing, step(houses, 4, TRAINING), StepState.IN_PROGRESS, null, null,
                "Utbildningen för bovärdarna på Sättravägen 5 är bokad; två av tre har gått den.");
        update(housing, step(houses, 6, TRAINING), StepState.IN_PROGRESS, null, null, null);

        // Letters to every household, then posters in every stairwell: the two steps that make a house covered.
        for (int house : List.of(0, 1, 2, 3)) {
            update(housing, step(houses, house, LETTERS), StepState.DONE, start.plusDays(40 + house * 3),
                    (Integer) PROPERTIES[house][2], null);
        }
        update(housing, step(houses, 4, LETTERS), StepState.IN_PROGRESS, null, 45, "Hälften av breven utdelade, resten nästa vecka.");
        update(coordinator, step(houses, 5, LETTERS), StepState.NOT_APPLICABLE, null, null, null,
                "Seniorboende: informationen ges vid husmötet i stället för med brev.");
        for (int house : List.of(0, 1, 2, 4, 5)) {
            update(housing, step(houses, house, POSTERS), StepState.DONE, start.plusDays(50 + house * 4),
                    (Integer) PROPERTIES[house][1] * 2, house == 0 ? "En affisch i varje trapphus och en i tvättstugan." : null);
        }

        // The police held one information meeting for the first three houses; the others are waiting for theirs.
        for (int house : List.of(0, 1, 2)) {
            services.rollouts().updateStep(police, step(houses, house, MEETING).id(), new PropertyStepInput(StepState.DONE,
                    start.plusDays(68), house == 0 ? "Gemensamt möte i Sättra träffpunkt med Hyresgästföreningen, ett trettiotal boende kom."
                    : null, null, police.id(), null, null, null));
        }
        update(police, step(houses, 3, MEETING), StepState.IN_PROGRESS, null, null, "Datum föreslaget till hyresgästföreningen.");

        // Gavlegårdarna took over one more house this week: its steps are due counted from today.
        services.rollouts().addProperty(coordinator, rollout.id(), new PropertyInput((String) JOINED_LATE[0], owner,
                (Integer) JOINED_LATE[1], (Integer) JOINED_LATE[2]));
        return services.rollouts().get(coordinator, rollout.id());
    }

    private void markDone(CurrentUser actor, Rollout rollout, List<RolloutProperty> houses, int position, List<Integer> which,
                          LocalDate on) {
        long stepId = houses.get(0).steps().stream().filter(s -> s.position() == position).findFirst().orElseThrow().stepId();
        services.rollouts().markDone(actor, rollout.id(), new StepsDone(stepId, which.stream().map(i -> houses.get(i).id()).toList(),
                on, null));
    }

    private void update(CurrentUser actor, PropertyStep step, StepState state, LocalDate completedOn, Integer count, String note) {
        update(actor, step, state, completedOn, count, note, null);
    }

    private void update(CurrentUser actor, PropertyStep step, StepState state, LocalDate completedOn, Integer count, String note,
                        String notApplicableReason) {
        services.rollouts().updateStep(actor, step.id(), new PropertyStepInput(state, completedOn, note, count, null, null, null,
                notApplicableReason));
    }

    private static PropertyStep step(List<RolloutProperty> houses, int house, int position) {
        return houses.get(house).steps().stream().filter(s -> s.position() == position).findFirst().orElseThrow();
    }

    private CurrentUser person(String name) {
        return services.users().principalOf(userIds.get(name + "@demo.samtrygg.se"));
    }
}
