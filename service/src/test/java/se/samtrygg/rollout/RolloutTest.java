package se.samtrygg.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestServer;

/**
 * Rollouts over the API: who answers for each step and when it is due, who may change what, the board's bulk "done",
 * overdue steps, moving the start, late properties, and the rollout's own copy of its template.
 */
class RolloutTest {
    /** The Huskurage steps' offsets in days, by position (migration 014). */
    private static final int[] OFFSETS = {0, 30, 45, 45, 60, 180};
    private static final int POSTERS = 4;

    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final Organisation tenants = fixtures.organisation(OrganisationType.TENANTS_ASSOCIATION);
    private final Organisation gavlegardarna = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final Organisation privateLandlord = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
    private final User otherCoordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
    private final User housingPartner = fixtures.user(Set.of(Role.PARTNER), gavlegardarna);
    private final User housingColleague = fixtures.user(Set.of(Role.PARTNER), gavlegardarna);
    private final User policePartner = fixtures.user(Set.of(Role.PARTNER), police);
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private Http coordinatorApi = new Http(server).bearer(fixtures.token(coordinator));
    private final Http otherCoordinatorApi = new Http(server).bearer(fixtures.token(otherCoordinator));
    private Http housingApi = new Http(server).bearer(fixtures.token(housingPartner));
    private final Http policeApi = new Http(server).bearer(fixtures.token(policePartner));
    private final Http adminApi = new Http(server).bearer(fixtures.token(admin));
    private final RolloutService rollouts = server.services().rollouts();

    RolloutTest() {
        // Two housing companies in the network: neither is "the" one, so the housing steps fall to each property's owner.
        server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Trygghetsnätverket"),
                List.of(municipality.id(), police.id(), gavlegardarna.id(), privateLandlord.id()), List.of(coordinator.id())));
    }

    @Test
    void aCoordinatorStartsARolloutOverPropertiesAndEveryStepGetsItsOwnerAndDueDate() {
        LocalDate start = rollouts.today().plusDays(10);
        Http.Response created = coordinatorApi.postJson("/api/v1/rollouts", rollout(start, List.of(Map.of("position", 6,
                "organisationId", tenants.id())), property("Sätragatan 1", gavlegardarna, 3, 24), property("Sätragatan 3", privateLandlord, 2, 16)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode rollout = created.json();
        assertThat(created.location()).endsWith("/api/v1/rollouts/" + rollout.get("id").asLong());
        assertThat(rollout.get("name").asText()).isEqualTo("Huskurage i " + area.name());
        assertThat(rollout.get("coordinatorId").asLong()).as("the one who starts it coordinates it").isEqualTo(coordinator.id());
        assertThat(rollout.get("templateVersion").asInt()).isEqualTo(huskurage().version());
        List<String> stepOrganisations = new ArrayList<>();
        rollout.get("steps").forEach(s -> stepOrganisations.add(s.get("position").asInt() + ":" + s.get("organisationId").asText()));
        // 1-4 housing: two housing companies in the network, so each owner; 5 the one police; 6 named; municipal units: one
        assertThat(stepOrganisations).containsExactly("1:null", "2:null", "3:null", "4:null", "5:" + police.id(), "6:" + tenants.id());
        assertThat(rollout.at("/progress/properties").asInt()).isEqualTo(2);
        assertThat(rollout.at("/progress/apartments").asInt()).isEqualTo(40);
        assertThat(rollout.at("/progress/steps").asInt()).isEqualTo(12);
        assertThat(rollout.at("/progress/stepsDone").asInt()).isZero();

        JsonNode board = housingApi.getJson("/api/v1/rollouts/" + rollout.get("id").asLong() + "/properties").json().get("items");
        assertThat(board).hasSize(2);
        JsonNode first = board.get(0);
        assertThat(first.get("address").asText()).isEqualTo("Sätragatan 1");
        assertThat(first.get("addedOn").asText()).isEqualTo(rollouts.today().toString());
        List<Long> owners = new ArrayList<>();
        List<String> dueDates = new ArrayList<>();
        for (JsonNode step : first.get("steps")) {
            owners.add(step.get("organisationId").asLong());
            dueDates.add(step.get("dueDate").asText());
            assertThat(step.get("state").asText()).isEqualTo("NOT_STARTED");
            assertThat(step.get("overdue").asBoolean()).isFalse();
        }
        assertThat(owners).containsExactly(gavlegardarna.id(), gavlegardarna.id(), gavlegardarna.id(), gavlegardarna.id(), police.id(),
                tenants.id());
        assertThat(dueDates).containsExactly(start.toString(), start.plusDays(30).toString(), start.plusDays(45).toString(),
                start.plusDays(45).toString(), start.plusDays(60).toString(), start.plusDays(180).toString());
        assertThat(board.get(1).at("/steps/0/organisationId").asLong()).as("the other owner's property").isEqualTo(privateLandlord.id());
        assertThat(board.get(1).at("/steps/3/stepName").asText()).isEqualTo("Affischer eller dekaler i alla trapphus");

        // The one municipal unit in the network gets the follow-up when no one is named for it.
        JsonNode unnamed = coordinatorApi.postJson("/api/v1/rollouts", rollout(start, List.of())).json();
        assertThat(unnamed.at("/steps/5/organisationId").asLong()).isEqualTo(municipality.id());
        assertThat(unnamed.at("/steps/5/organisationName").asText()).isEqualTo(municipality.name());
    }

    @Test
    void theRolloutsOwnCoordinatorManagesItButAnotherCoordinatorCannot() {
        long id = start(rollouts.today(), property("Sätragatan 1", gavlegardarna, 3, 24));
        long property = properties(id).get(0).get("id").asLong();
        long posters = stepId(id, POSTERS);
        Map<String, Object> rename = Map.of("name", "Huskurage i Sättra, etapp 1");

        assertThat(otherCoordinatorApi.putJson("/api/v1/rollouts/" + id, rename).status()).isEqualTo(403);
        assertThat(otherCoordinatorApi.postJson("/api/v1/rollouts/" + id + "/properties", property("Sätragatan 5", gavlegardarna, 1, 8))
                .status()).isEqualTo(403);
        assertThat(otherCoordinatorApi.putJson("/api/v1/rollouts/" + id + "/steps/" + posters, Map.of("organisationId", tenants.id()))
                .status()).isEqualTo(403);
        assertThat(otherCoordinatorApi.putJson("/api/v1/rollout-properties/" + property, property("Sätragatan 1A", gavlegardarna, 3, 24))
                .status()).isEqualTo(403);
        assertThat(otherCoordinatorApi.delete("/api/v1/rollout-properties/" + property).status()).isEqualTo(403);
        assertThat(housingApi.putJson("/api/v1/rollouts/" + id, rename).status()).as("a partner").isEqualTo(403);
        assertThat(housingApi.postJson("/api/v1/rollouts", rollout(rollouts.today(), List.of())).status())
                .as("partners do not start rollouts").isEqualTo(403);
        assertThat(otherCoordinatorApi.getJson("/api/v1/rollouts/" + id).status()).as("but everyone reads it").isEqualTo(200);

        Http.Response renamed = coordinatorApi.putJson("/api/v1/rollouts/" + id, rename);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Huskurage i Sättra, etapp 1");
        assertThat(coordinatorApi.postJson("/api/v1/rollouts/" + id + "/properties", property("Sätragatan 5", gavlegardarna, 1, 8))
                .status()).isEqualTo(201);
        assertThat(adminApi.putJson("/api/v1/rollouts/" + id + "/steps/" + posters, Map.of("organisationId", tenants.id())).status())
                .as("admins manage every rollout").isEqualTo(200);
        assertThat(properties(id).get(0).at("/steps/3/organisationId").asLong()).as("the open steps follow the assignment")
                .isEqualTo(tenants.id());

        // Handing the rollout to another coordinator hands over managing it.
        assertThat(coordinatorApi.putJson("/api/v1/rollouts/" + id, Map.of("coordinatorId", otherCoordinator.id())).status()).isEqualTo(200);
        assertThat(coordinatorApi.putJson("/api/v1/rollouts/" + id, rename).status()).isEqualTo(403);
        assertThat(otherCoordinatorApi.delete("/api/v1/rollout-properties/" + property).status()).isEqualTo(204);
        assertThat(otherCoordinatorApi.getJson("/api/v1/rollout-properties/" + property).status()).isEqualTo(404);
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM property_step WHERE property_id = ?", property)).isZero();
    }

    @Test
    void aPartnerUpdatesTheirOrganisationsStepsButNotOthersAndCannotDecideWhatAppliesOrWhoAnswers() {
        long id = start(rollouts.today(), property("Sätragatan 1", gavlegardarna, 3, 24), property("Sätragatan 3", privateLandlord, 2, 16));
        List<JsonNode> board = properties(id);
        JsonNode own = board.get(0).get("steps").get(POSTERS - 1);
        JsonNode otherOwners = board.get(1).get("steps").get(POSTERS - 1);
        JsonNode polices = board.get(0).get("steps").get(4);
        assertThat(rollouts.canUpdate(Fixtures.principal(housingPartner), rollouts.step(null, own.get("id").asLong()))).isTrue();
        assertThat(rollouts.canUpdate(Fixtures.principal(housingPartner), rollouts.step(null, polices.get("id").asLong()))).isFalse();

        Http.Response done = housingApi.putJson("/api/v1/property-steps/" + own.get("id").asLong(),
                Map.of("state", "DONE", "count", 6, "note", "Affischer i båda trapphusen", "personId", housingColleague.id(),
                        "dueDate", own.get("dueDate").asText(), "organisationId", gavlegardarna.id()));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("state").asText()).isEqualTo("DONE");
        assertThat(done.json().get("completedOn").asText()).as("done today unless told").isEqualTo(rollouts.today().toString());
        assertThat(done.json().get("count").asInt()).isEqualTo(6);
        assertThat(done.json().get("personName").asText()).isEqualTo(housingColleague.name());

        Map<String, Object> inProgress = Map.of("state", "IN_PROGRESS");
        assertThat(housingApi.putJson("/api/v1/property-steps/" + otherOwners.get("id").asLong(), inProgress).status())
                .as("another owner's step").isEqualTo(403);
        assertThat(housingApi.putJson("/api/v1/property-steps/" + polices.get("id").asLong(), inProgress).status())
                .as("the police's step").isEqualTo(403);
        long letters = board.get(0).get("steps").get(2).get("id").asLong();
        assertThat(housingApi.putJson("/api/v1/property-steps/" + letters, Map.of("state", "NOT_APPLICABLE",
                "notApplicableReason", "Inga brevlådor")).status()).as("not applicable is the coordinator's call").isEqualTo(403);
        assertThat(housingApi.putJson("/api/v1/property-steps/" + letters, Map.of("state", "IN_PROGRESS", "organisationId", police.id()))
                .status()).as("reassigning").isEqualTo(403);
        assertThat(housingApi.putJson("/api/v1/property-steps/" + letters, Map.of("state", "IN_PROGRESS", "dueDate",
                rollouts.today().plusDays(100).toString())).status()).as("moving the due date").isEqualTo(403);
        Http.Response stranger = housingApi.putJson("/api/v1/property-steps/" + letters, Map.of("state", "IN_PROGRESS",
                "personId", policePartner.id()));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(fields(stranger)).containsExactly("personId");
        assertThat(rollouts.step(null, letters).state()).isEqualTo(StepState.NOT_STARTED);

        // The coordinator decides what does not apply, with a reason, and who answers.
        Http.Response noReason = coordinatorApi.putJson("/api/v1/property-steps/" + letters, Map.of("state", "NOT_APPLICABLE"));
        assertThat(fields(noReason)).containsExactly("notApplicableReason");
        Http.Response notApplicable = coordinatorApi.putJson("/api/v1/property-steps/" + letters, Map.of("state", "NOT_APPLICABLE",
                "notApplicableReason", "Hyresgästerna fick brevet förra året"));
        assertThat(notApplicable.status()).as(notApplicable.body()).isEqualTo(200);
        assertThat(notApplicable.json().get("notApplicableReason").asText()).isEqualTo("Hyresgästerna fick brevet förra året");
        assertThat(housingApi.putJson("/api/v1/property-steps/" + letters, inProgress).status())
                .as("nor may a partner undo it").isEqualTo(403);
        Http.Response reassigned = coordinatorApi.putJson("/api/v1/property-steps/" + polices.get("id").asLong(),
                Map.of("state", "NOT_STARTED", "organisationId", tenants.id(), "dueDate", "2031-01-15"));
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
        assertThat(reassigned.json().get("organisationName").asText()).isEqualTo(tenants.name());
        assertThat(policeApi.putJson("/api/v1/property-steps/" + polices.get("id").asLong(), inProgress).status())
                .as("the police no longer answer for it").isEqualTo(403);

        // What a partner's organisation has to do, earliest due first
        JsonNode mine = housingApi.getJson("/api/v1/property-steps/mine?limit=200").json().get("items");
        List<Long> mineIds = new ArrayList<>();
        mine.forEach(s -> mineIds.add(s.get("id").asLong()));
        assertThat(mineIds).contains(board.get(0).at("/steps/0/id").asLong())
                .doesNotContain(own.get("id").asLong(), letters, otherOwners.get("id").asLong());
        for (int i = 1; i < mine.size(); i++) {
            assertThat(mine.get(i).get("dueDate").asText()).isGreaterThanOrEqualTo(mine.get(i - 1).get("dueDate").asText());
        }
    }

    @Test
    void markingAStepDoneForManyPropertiesIsAllOrNothing() {
        long id = start(rollouts.today(), property("Sätragatan 1", gavlegardarna, 3, 24), property("Sätragatan 3", gavlegardarna, 2, 16),
                property("Sätragatan 5", privateLandlord, 2, 12));
        List<Long> properties = properties(id).stream().map(p -> p.get("id").asLong()).toList();
        long posters = stepId(id, POSTERS);
        long elsewhere = properties(start(rollouts.today(), property("Sätragatan 1", gavlegardarna, 3, 24))).get(0).get("id").asLong();

        Http.Response refused = housingApi.postJson("/api/v1/rollouts/" + id + "/steps-done", Map.of("stepId", posters,
                "propertyIds", properties, "count", 4));
        assertThat(refused.status()).as("one of them is another owner's").isEqualTo(403);
        Http.Response foreign = housingApi.postJson("/api/v1/rollouts/" + id + "/steps-done", Map.of("stepId", posters,
                "propertyIds", List.of(properties.get(0), elsewhere)));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(fields(foreign)).containsExactly("propertyIds");
        assertThat(stateOfStep(id, POSTERS)).as("nothing was changed").containsOnly("NOT_STARTED");

        Http.Response marked = housingApi.postJson("/api/v1/rollouts/" + id + "/steps-done", Map.of("stepId", posters,
                "propertyIds", properties.subList(0, 2), "count", 4, "completedOn", rollouts.today().minusDays(2).toString()));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().get("marked").asInt()).isEqualTo(2);
        assertThat(stateOfStep(id, POSTERS)).containsExactly("DONE", "DONE", "NOT_STARTED");
        JsonNode first = properties(id).get(0).get("steps").get(POSTERS - 1);
        assertThat(first.get("completedOn").asText()).isEqualTo(rollouts.today().minusDays(2).toString());
        assertThat(first.get("count").asInt()).isEqualTo(4);

        Http.Response all = coordinatorApi.postJson("/api/v1/rollouts/" + id + "/steps-done", Map.of("stepId", posters,
                "propertyIds", properties));
        assertThat(all.json().get("marked").asInt()).as("those already done stay as they were").isEqualTo(1);
        assertThat(properties(id).get(0).get("steps").get(POSTERS - 1).get("completedOn").asText())
                .isEqualTo(rollouts.today().minusDays(2).toString());
        assertThat(fields(coordinatorApi.postJson("/api/v1/rollouts/" + id + "/steps-done", Map.of("stepId", stepId(id, 1),
                "propertyIds", properties, "count", 3, "completedOn", rollouts.today().plusDays(1).toString()))))
                .as("a step without a count, done tomorrow").containsExactlyInAnyOrder("count", "completedOn");
    }

    @Test
    void stepsBecomeOverdueAsTheDaysPass() {
        LocalDate today = rollouts.today();
        long id = start(today.minusDays(40), property("Sätragatan 1", gavlegardarna, 3, 24), property("Sätragatan 3", gavlegardarna, 2, 16));
        // Due 40 and 10 days ago (steps 1, 2); in 5 days (3, 4), in 20 days (5), in 140 days (6).
        assertThat(progress(id).get("stepsOverdue").asInt()).isEqualTo(4);
        assertThat(properties(id).get(0).at("/steps/1/overdue").asBoolean()).isTrue();
        assertThat(properties(id).get(0).at("/steps/2/overdue").asBoolean()).isFalse();
        try {
            server.clock().advance(Duration.ofDays(6));
            // API tokens last a day: new ones, made "six days later"
            housingApi = new Http(server).bearer(fixtures.token(housingPartner));
            coordinatorApi = new Http(server).bearer(fixtures.token(coordinator));
            assertThat(progress(id).get("stepsOverdue").asInt()).isEqualTo(8);
            assertThat(properties(id).get(0).at("/steps/2/overdue").asBoolean()).isTrue();
            housingApi.postJson("/api/v1/rollouts/" + id + "/steps-done", Map.of("stepId", stepId(id, 1),
                    "propertyIds", properties(id).stream().map(p -> p.get("id").asLong()).toList()));
            assertThat(progress(id).get("stepsOverdue").asInt()).as("done is not overdue").isEqualTo(6);
            assertThat(progress(id).get("stepsDone").asInt()).isEqualTo(2);
            AreaProgress inArea = rollouts.areaProgress(Fixtures.principal(housingPartner), area.id()).get(0);
            assertThat(inArea.progress().stepsOverdue()).isEqualTo(6);
        } finally {
            server.clock().reset();
        }
        assertThat(progress(id).get("stepsOverdue").asInt()).isEqualTo(2);
    }

    @Test
    void movingTheStartMovesTheDueDatesOfTheOpenSteps() {
        LocalDate start = rollouts.today().minusDays(5);
        long id = start(start, property("Sätragatan 1", gavlegardarna, 3, 24));
        JsonNode steps = properties(id).get(0).get("steps");
        coordinatorApi.putJson("/api/v1/property-steps/" + steps.get(0).get("id").asLong(), Map.of("state", "DONE"));
        coordinatorApi.putJson("/api/v1/property-steps/" + steps.get(1).get("id").asLong(), Map.of("state", "NOT_APPLICABLE",
                "notApplicableReason", "Personalen utbildades i våras"));
        coordinatorApi.putJson("/api/v1/property-steps/" + steps.get(2).get("id").asLong(), Map.of("state", "IN_PROGRESS"));

        Http.Response moved = coordinatorApi.putJson("/api/v1/rollouts/" + id, Map.of("startDate", start.plusDays(14).toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("startDate").asText()).isEqualTo(start.plusDays(14).toString());
        List<String> dueDates = new ArrayList<>();
        properties(id).get(0).get("steps").forEach(s -> dueDates.add(s.get("dueDate").asText()));
        assertThat(dueDates).as("done and not applicable stay; open ones move").containsExactly(start.toString(),
                start.plusDays(30).toString(), start.plusDays(45 + 14).toString(), start.plusDays(45 + 14).toString(),
                start.plusDays(60 + 14).toString(), start.plusDays(180 + 14).toString());

        assertThat(coordinatorApi.putJson("/api/v1/rollouts/" + id, Map.of("startDate", start.minusDays(7).toString())).status())
                .isEqualTo(200);
        assertThat(properties(id).get(0).at("/steps/3/dueDate").asText()).isEqualTo(start.plusDays(45 - 7).toString());
    }

    @Test
    void aPropertyAddedLateHasItsDueDatesCountedFromTheDayItWasAdded() {
        LocalDate today = rollouts.today();
        long id = start(today.minusDays(20), property("Sätragatan 1", gavlegardarna, 3, 24));
        Http.Response added = coordinatorApi.postJson("/api/v1/rollouts/" + id + "/properties", property("Sätragatan 7", gavlegardarna, 4, 32));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.location()).endsWith("/api/v1/rollout-properties/" + added.json().get("id").asLong());
        JsonNode late = added.json();
        assertThat(late.get("addedOn").asText()).isEqualTo(today.toString());
        for (int i = 0; i < OFFSETS.length; i++) {
            assertThat(late.get("steps").get(i).get("dueDate").asText()).isEqualTo(today.plusDays(OFFSETS[i]).toString());
            assertThat(late.get("steps").get(i).get("overdue").asBoolean()).isFalse();
        }
        assertThat(properties(id).get(0).at("/steps/1/dueDate").asText()).as("those from the start count from the start")
                .isEqualTo(today.minusDays(20).plusDays(30).toString());

        // Added before a start that is still to come, a property counts from the start like the others.
        long future = start(today.plusDays(30));
        JsonNode early = coordinatorApi.postJson("/api/v1/rollouts/" + future + "/properties", property("Sätragatan 9", gavlegardarna, 1, 6))
                .json();
        assertThat(early.at("/steps/0/dueDate").asText()).isEqualTo(today.plusDays(30).toString());
    }

    @Test
    void refusedInputNamesItsFields() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "x".repeat(201));
        bad.put("startDate", "2031-05-01");
        bad.put("targetDate", "2031-04-01");
        bad.put("coordinatorId", housingPartner.id());
        bad.put("properties", List.of(Map.of("address", " ", "ownerOrganisationId", gavlegardarna.id(), "stairwells", 0, "apartments", -1),
                property("Sätragatan 1", gavlegardarna, 1, 8), property("sätragatan 1", gavlegardarna, 1, 8),
                Map.of("address", "Sätragatan 3", "ownerOrganisationId", 0, "stairwells", 1001, "apartments", 100_001)));
        Http.Response refused = coordinatorApi.postJson("/api/v1/rollouts", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("templateId", "areaId", "name", "targetDate", "coordinatorId",
                "properties[0].address", "properties[0].stairwells", "properties[0].apartments", "properties[2].address",
                "properties[3].ownerOrganisationId", "properties[3].stairwells", "properties[3].apartments");

        Map<String, Object> farOff = rollout(LocalDate.of(1999, 12, 31), List.of(Map.of("position", 9, "organisationId", tenants.id())));
        assertThat(fields(coordinatorApi.postJson("/api/v1/rollouts", farOff))).containsExactlyInAnyOrder("startDate",
                "stepOrganisations[0].position");

        long id = start(rollouts.today(), property("Sätragatan 1", gavlegardarna, 3, 24));
        assertThat(fields(coordinatorApi.postJson("/api/v1/rollouts/" + id + "/properties", property("SÄTRAGATAN 1", gavlegardarna, 3, 24))))
                .as("an address is unique in its rollout").containsExactly("address");
        JsonNode steps = properties(id).get(0).get("steps");
        Http.Response step = coordinatorApi.putJson("/api/v1/property-steps/" + steps.get(0).get("id").asLong(), Map.of("state", "DONE",
                "completedOn", rollouts.today().plusDays(1).toString(), "note", "x".repeat(2001), "count", 3));
        assertThat(fields(step)).containsExactlyInAnyOrder("completedOn", "note", "count");
        assertThat(fields(coordinatorApi.putJson("/api/v1/property-steps/" + steps.get(3).get("id").asLong(), Map.of("state", "DONE",
                "count", 100_001)))).containsExactly("count");
        assertThat(fields(coordinatorApi.putJson("/api/v1/property-steps/" + steps.get(3).get("id").asLong(), Map.of()))).containsExactly("state");
        assertThat(fields(coordinatorApi.putJson("/api/v1/rollouts/" + id, Map.of("name", " ", "targetDate", "2000-01-01"))))
                .containsExactlyInAnyOrder("name", "targetDate");
    }

    /** The template-change test: a running rollout keeps the template as it started with it. */
    @Test
    void changingTheTemplateDoesNotChangeARunningRollout() {
        MethodTemplateService templates = server.services().methodTemplates();
        MethodTemplate huskurage = huskurage();
        List<TemplateStepInput> original = huskurage.steps().stream().map(s -> new TemplateStepInput(s.name(), s.description(),
                s.responsibleType(), s.offsetDays(), s.covering(), s.counted())).toList();
        MethodTemplate copy = templates.create(Fixtures.principal(admin), new MethodTemplateInput(Fixtures.unique("Huskurage"),
                huskurage.description(), true, original));
        Map<String, Object> input = new HashMap<>(rollout(rollouts.today(), List.of(), property("Sätragatan 1", gavlegardarna, 3, 24)));
        input.put("templateId", copy.id());
        JsonNode started = coordinatorApi.postJson("/api/v1/rollouts", input).json();
        long id = started.get("id").asLong();

        MethodTemplate changed = templates.update(Fixtures.principal(admin), copy.id(), new MethodTemplateInput(copy.name(),
                "Ny version", true, List.of(
                        new TemplateStepInput("Avtal med fastighetsägaren", null, OrganisationType.HOUSING_COMPANY, 5, false, false),
                        new TemplateStepInput("Dekaler på alla dörrar", null, OrganisationType.TENANTS_ASSOCIATION, 10, true, true))));
        assertThat(changed.version()).isGreaterThan(copy.version());

        JsonNode after = coordinatorApi.getJson("/api/v1/rollouts/" + id).json();
        assertThat(after.get("templateVersion").asInt()).isEqualTo(copy.version());
        assertThat(after.get("steps")).isEqualTo(started.get("steps"));
        List<String> names = new ArrayList<>();
        after.get("steps").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(original.stream().map(TemplateStepInput::name).toList());

        JsonNode late = coordinatorApi.postJson("/api/v1/rollouts/" + id + "/properties", property("Sätragatan 3", gavlegardarna, 2, 16))
                .json();
        List<String> lateSteps = new ArrayList<>();
        late.get("steps").forEach(s -> lateSteps.add(s.get("stepName").asText() + " +" + s.get("dueDate").asText()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            expected.add(original.get(i).name() + " +" + rollouts.today().plusDays(original.get(i).offsetDays()));
        }
        assertThat(lateSteps).as("the rollout's steps, not the template's new ones").containsExactlyElementsOf(expected);
        assertThat(after.at("/progress/steps").asInt()).isEqualTo(original.size());
    }

    // Helpers

    private MethodTemplate huskurage() {
        return server.services().methodTemplates().list(Fixtures.principal(admin), false).stream()
                .filter(t -> t.name().equals("Huskurage")).findFirst().orElseThrow();
    }

    @SafeVarargs
    private Map<String, Object> rollout(LocalDate start, List<Map<String, Object>> stepOrganisations, Map<String, Object>... properties) {
        Map<String, Object> body = new HashMap<>();
        body.put("templateId", huskurage().id());
        body.put("areaId", area.id());
        body.put("startDate", start.toString());
        body.put("targetDate", start.plusYears(1).toString());
        body.put("stepOrganisations", stepOrganisations);
        body.put("properties", List.of(properties));
        return body;
    }

    private static Map<String, Object> property(String address, Organisation owner, int stairwells, int apartments) {
        return Map.of("address", address, "ownerOrganisationId", owner.id(), "stairwells", stairwells, "apartments", apartments);
    }

    @SafeVarargs
    private long start(LocalDate start, Map<String, Object>... properties) {
        Http.Response created = coordinatorApi.postJson("/api/v1/rollouts", rollout(start, List.of(), properties));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private List<JsonNode> properties(long rollout) {
        Http.Response page = housingApi.getJson("/api/v1/rollouts/" + rollout + "/properties?limit=200");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }

    private long stepId(long rollout, int position) {
        for (JsonNode step : coordinatorApi.getJson("/api/v1/rollouts/" + rollout).json().get("steps")) {
            if (step.get("position").asInt() == position) {
                return step.get("id").asLong();
            }
        }
        throw new AssertionError("no step " + position);
    }

    private List<String> stateOfStep(long rollout, int position) {
        return properties(rollout).stream().map(p -> p.get("steps").get(position - 1).get("state").asText()).toList();
    }

    private JsonNode progress(long rollout) {
        return housingApi.getJson("/api/v1/rollouts/" + rollout).json().get("progress");
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        return response.json().get("errors").findValuesAsText("field");
    }
}
