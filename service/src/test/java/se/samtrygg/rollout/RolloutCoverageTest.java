package se.samtrygg.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * Coverage, the figure the programme follows: the apartments of the properties whose covering steps are done (the
 * rest of them not applicable). The test sets the steps of several rollouts itself, keeps what it set, and counts
 * the expected figures from that alone; the service's figures (its API progress, the board's rows, the area's
 * progress and coveredApartments on a day) must agree.
 */
class RolloutCoverageTest {
    /** Huskurage's covering steps: the letter to every household and the posters in every stairwell (migration 014). */
    private static final List<Integer> COVERING = List.of(3, 4);

    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final RolloutService rollouts = server.services().rollouts();
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Vårby"), "Huddinge", null));
    private final Organisation owner = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
    private final CurrentUser actor = Fixtures.principal(coordinator);
    private final Http api = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), owner)));
    private final LocalDate today = rollouts.today();

    /** What the test set on one covering step: its state and, when done, the day. */
    private record Cell(StepState state, LocalDate completedOn) {
        boolean doneBy(LocalDate day) {
            return state == StepState.DONE && !completedOn.isAfter(day);
        }
    }

    /** One property as the test built it: its apartments and its covering steps by position. */
    private record Built(long id, int apartments, Map<Integer, Cell> covering) {
        /** The rule, as the issue states it: every covering step done or not applicable, at least one done (by the day). */
        boolean coveredOn(LocalDate day) {
            boolean anyDone = covering.values().stream().anyMatch(c -> c.doneBy(day));
            boolean restNotApplicable = covering.values().stream().allMatch(c -> c.doneBy(day) || c.state() == StepState.NOT_APPLICABLE);
            return anyDone && restNotApplicable;
        }
    }

    @Test
    void coverageIsTheApartmentsOfThePropertiesWhoseCoveringStepsAreDoneOrNotApplicable() {
        Random random = new Random(20261124L);
        Map<Long, List<Built>> built = new HashMap<>();
        for (int r = 0; r < 3; r++) {
            long rollout = rollouts.create(actor, new RolloutInput(templateId(), area.id(), "Huskurage, etapp " + (r + 1),
                    today.minusDays(60), today.plusDays(300), null, null, List.of(
                    new PropertyInput("Körsbärsvägen " + (r * 10 + 1), owner.id(), 2, 18),
                    new PropertyInput("Körsbärsvägen " + (r * 10 + 3), owner.id(), 3, 27)))).id();
            List<Built> properties = new ArrayList<>();
            List<RolloutProperty> board = rollouts.properties(actor, rollout, null, 200).items();
            // The edge cases, in every rollout: both covering steps done on different days; one done, one not applicable
            set(board.get(0), properties, Map.of(3, done(12), 4, done(3)));
            set(board.get(1), properties, Map.of(3, done(20), 4, notApplicable()));
            // Both not applicable: nothing was done, so not covered
            set(addProperty(rollout, "Körsbärsvägen " + (r * 10 + 5), 1, 9), properties, Map.of(3, notApplicable(), 4, notApplicable()));
            // One done, the other still open: not covered
            set(addProperty(rollout, "Körsbärsvägen " + (r * 10 + 7), 2, 14), properties, Map.of(3, done(1), 4, inProgress()));
            // Added late, done today
            set(addProperty(rollout, "Körsbärsvägen " + (r * 10 + 9), 4, 40), properties, Map.of(3, done(0), 4, done(0)));
            // Added late, never touched
            set(addProperty(rollout, "Körsbärsvägen " + (r * 10 + 11), 1, 7), properties, Map.of());
            // And a handful more, at random
            for (int i = 0; i < 6; i++) {
                Map<Integer, Cell> cells = new HashMap<>();
                for (int position : COVERING) {
                    int pick = random.nextInt(5);
                    cells.put(position, pick <= 1 ? done(random.nextInt(40)) : pick == 2 ? notApplicable()
                            : pick == 3 ? inProgress() : new Cell(StepState.NOT_STARTED, null));
                }
                set(addProperty(rollout, "Lövvägen " + (r * 100 + i), 1 + random.nextInt(4), 1 + random.nextInt(60)), properties, cells);
            }
            // Steps that do not decide coverage change nothing: the first step done everywhere, the last not applicable in one
            for (Built property : properties) {
                update(stepAt(property.id(), 1), StepState.DONE, today, null);
            }
            update(stepAt(properties.get(2).id(), 6), StepState.NOT_APPLICABLE, null, "Ingen uppföljning behövs");
            built.put(rollout, properties);
        }

        int areaApartments = 0;
        int areaCovered = 0;
        for (Map.Entry<Long, List<Built>> entry : built.entrySet()) {
            long rollout = entry.getKey();
            List<Built> properties = entry.getValue();
            JsonNode progress = api.getJson("/api/v1/rollouts/" + rollout).json().get("progress");
            int apartments = properties.stream().mapToInt(Built::apartments).sum();
            int covered = coveredApartments(properties, today);
            assertThat(covered).as("the test covers something and leaves something uncovered").isBetween(1, apartments - 1);
            assertThat(progress.get("apartments").asInt()).isEqualTo(apartments);
            assertThat(progress.get("apartmentsCovered").asInt()).isEqualTo(covered);
            assertThat(progress.get("propertiesCovered").asInt()).isEqualTo((int) properties.stream().filter(p -> p.coveredOn(today)).count());
            assertThat(progress.get("properties").asInt()).isEqualTo(properties.size());
            assertThat(progress.get("apartmentsCoveredPercent").asInt()).isEqualTo(100 * covered / apartments);
            assertThat(rollouts.coveredApartments(rollout, today)).isEqualTo(covered);
            for (int daysAgo : List.of(1, 5, 12, 25, 45)) {
                LocalDate earlier = today.minusDays(daysAgo);
                assertThat(rollouts.coveredApartments(rollout, earlier)).as("covered %d days ago", daysAgo)
                        .isEqualTo(coveredApartments(properties, earlier));
            }
            Map<Long, Boolean> rows = new HashMap<>();
            api.getJson("/api/v1/rollouts/" + rollout + "/properties?limit=200").json().get("items")
                    .forEach(row -> rows.put(row.get("id").asLong(), row.get("covered").asBoolean()));
            for (Built property : properties) {
                assertThat(rows.get(property.id())).as("the board's row of property %d", property.id()).isEqualTo(property.coveredOn(today));
            }
            areaApartments += apartments;
            areaCovered += covered;
        }
        JsonNode inArea = api.getJson("/api/v1/rollouts/progress?areaId=" + area.id()).json().get("items").get(0);
        assertThat(inArea.get("rollouts").asInt()).isEqualTo(3);
        assertThat(inArea.at("/progress/apartments").asInt()).isEqualTo(areaApartments);
        assertThat(inArea.at("/progress/apartmentsCovered").asInt()).isEqualTo(areaCovered);
        assertThat(coveredApartments(built.values().stream().flatMap(List::stream).toList(), today.minusDays(30)))
                .as("earlier, less was covered").isLessThan(areaCovered);
    }

    @Test
    void aRolloutWithNothingDoneCoversNothingAndOneWithoutPropertiesHasNoFigures() {
        long empty = rollouts.create(actor, new RolloutInput(templateId(), area.id(), null, today, today.plusDays(100), null, null, null)).id();
        JsonNode progress = api.getJson("/api/v1/rollouts/" + empty).json().get("progress");
        assertThat(progress.get("properties").asInt()).isZero();
        assertThat(progress.get("apartmentsCoveredPercent").asInt()).isZero();
        assertThat(progress.get("stepsDonePercent").asInt()).isZero();
        assertThat(rollouts.coveredApartments(empty, today)).isZero();

        RolloutProperty property = rollouts.addProperty(actor, empty, new PropertyInput("Ekvägen 2", owner.id(), 2, 20));
        assertThat(property.covered()).isFalse();
        assertThat(rollouts.coveredApartments(empty, today)).isZero();
        update(stepAt(property.id(), 3), StepState.DONE, today, null);
        update(stepAt(property.id(), 4), StepState.DONE, today, null);
        assertThat(rollouts.property(actor, property.id()).covered()).isTrue();
        assertThat(rollouts.coveredApartments(empty, today)).isEqualTo(20);
        assertThat(rollouts.coveredApartments(empty, today.minusDays(1))).as("it was done today").isZero();
        // Reopening a covering step uncovers the property.
        update(stepAt(property.id(), 4), StepState.IN_PROGRESS, null, null);
        assertThat(rollouts.get(actor, empty).progress().apartmentsCovered()).isZero();
    }

    // Building

    private long templateId() {
        return server.services().methodTemplates().list(actor, false).stream().filter(t -> t.name().equals("Huskurage")).findFirst()
                .orElseThrow().id();
    }

    private RolloutProperty addProperty(long rollout, String address, int stairwells, int apartments) {
        return rollouts.addProperty(actor, rollout, new PropertyInput(address, owner.id(), stairwells, apartments));
    }

    /** Sets the covering steps of a property as given and remembers what was set. */
    private void set(RolloutProperty property, List<Built> properties, Map<Integer, Cell> cells) {
        Map<Integer, Cell> covering = new HashMap<>();
        for (int position : COVERING) {
            Cell cell = cells.getOrDefault(position, new Cell(StepState.NOT_STARTED, null));
            covering.put(position, cell);
            if (cell.state() != StepState.NOT_STARTED) {
                update(stepAt(property.id(), position), cell.state(), cell.completedOn(),
                        cell.state() == StepState.NOT_APPLICABLE ? "Fastigheten har redan egna affischer" : null);
            }
        }
        properties.add(new Built(property.id(), property.apartments(), covering));
    }

    private Cell done(int daysAgo) {
        return new Cell(StepState.DONE, today.minusDays(daysAgo));
    }

    private static Cell notApplicable() {
        return new Cell(StepState.NOT_APPLICABLE, null);
    }

    private static Cell inProgress() {
        return new Cell(StepState.IN_PROGRESS, null);
    }

    private long stepAt(long property, int position) {
        return rollouts.property(actor, property).steps().stream().filter(s -> s.position() == position).findFirst().orElseThrow().id();
    }

    private void update(long step, StepState state, LocalDate completedOn, String reason) {
        rollouts.updateStep(actor, step, new PropertyStepInput(state, completedOn, null, null, null, null, null, reason));
    }

    private static int coveredApartments(List<Built> properties, LocalDate day) {
        return properties.stream().filter(p -> p.coveredOn(day)).mapToInt(Built::apartments).sum();
    }
}
