package se.samtrygg.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * The rollout pages beyond the browser test's path: the new rollout form's property rows, the coordinator's forms (the
 * rollout, a new property, a step's organisation, removing a property), marking a step not applicable, the bulk form's
 * answers to a partner, and the board's paging.
 */
class RolloutPagesTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final Organisation otherOwner = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), fixtures.organisation(OrganisationType.MUNICIPAL_UNIT));
    private final User caretaker = fixtures.user(Set.of(Role.PARTNER), housing);
    private final Http asCoordinator = signedIn(coordinator);
    private final LocalDate today = server.services().rollouts().today();
    private final long huskurage = server.services().methodTemplates().list(Fixtures.principal(coordinator), false).stream()
            .filter(t -> t.name().equals("Huskurage")).findFirst().orElseThrow().id();

    @Test
    void theNewRolloutFormSkipsBlankRowsAndShowsEachMessageBesideTheRowAsTyped() {
        asCoordinator.get("/rollouts/new");
        Map<String, String> form = new HashMap<>(Map.of("templateId", Long.toString(huskurage), "areaId", Long.toString(area.id()),
                "startDate", today.toString(), "targetDate", today.plusMonths(6).toString(), "name", ""));
        form.putAll(row(0, "", "", "", ""));
        form.putAll(row(1, "Sättragatan 12", Long.toString(housing.id()), "3", ""));
        form.putAll(row(2, "", "", "", ""));
        form.putAll(row(3, "Sättragatan 14", Long.toString(housing.id()), "2", "24"));
        Http.Response refused = asCoordinator.postForm("/rollouts", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).as("the message of the second property sent is beside the second row typed")
                .contains("id=\"properties[1].apartments-error\"").doesNotContain("id=\"properties[0].apartments-error\"")
                .contains("value=\"Sättragatan 14\"");

        form.putAll(row(1, "Sättragatan 12", Long.toString(housing.id()), "3", "36"));
        Http.Response started = asCoordinator.postForm("/rollouts", form);
        assertThat(started.status()).isEqualTo(303);
        long id = idIn(started.location(), "rollouts");
        Rollout rollout = server.services().rollouts().get(Fixtures.principal(coordinator), id);
        assertThat(rollout.name()).isEqualTo("Huskurage i " + area.name());
        assertThat(rollout.coordinatorId()).isEqualTo(coordinator.id());
        assertThat(rollout.progress().properties()).isEqualTo(2);
        assertThat(rollout.progress().apartments()).isEqualTo(60);
    }

    @Test
    void theCoordinatorChangesTheRolloutAddsAPropertyHandsAStepOnAndRemovesAProperty() {
        Rollout rollout = start(List.of(property("Sättragatan 12", housing, 36), property("Sättragatan 14", housing, 24)));
        String base = "/rollouts/" + rollout.id();
        assertThat(asCoordinator.get(base + "/edit").body()).contains("value=\"" + rollout.name() + "\"");
        Http.Response refused = asCoordinator.postForm(base + "/edit", Map.of("name", "Huskurage längs Sättragatan",
                "startDate", today.toString(), "targetDate", today.minusDays(1).toString(), "coordinatorId",
                Long.toString(coordinator.id())));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Måldatumet kan inte ligga före startdatumet.").contains("value=\"Huskurage längs Sättragatan\"");
        Http.Response changed = asCoordinator.postForm(base + "/edit", Map.of("name", "Huskurage längs Sättragatan",
                "startDate", today.toString(), "targetDate", today.plusMonths(8).toString(), "coordinatorId",
                Long.toString(coordinator.id())));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(asCoordinator.get(local(changed.location())).body()).contains("Huskurage längs Sättragatan").contains("Ändringarna är sparade.");

        assertThat(asCoordinator.get(base + "/properties/new").status()).isEqualTo(200);
        Http.Response taken = asCoordinator.postForm(base + "/properties", Map.of("address", "Sättragatan 12", "ownerOrganisationId",
                Long.toString(housing.id()), "stairwells", "3", "apartments", "36"));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("Det finns redan en fastighet med den här adressen i införandet.");
        Http.Response added = asCoordinator.postForm(base + "/properties", Map.of("address", "Sättragatan 16", "ownerOrganisationId",
                Long.toString(otherOwner.id()), "stairwells", "4", "apartments", "48"));
        assertThat(added.status()).isEqualTo(303);
        assertThat(asCoordinator.get(local(added.location())).body()).contains("Fastigheten är tillagd.").contains("Sättragatan 16");

        RolloutStep posters = step(rollout, 4);
        assertThat(asCoordinator.get(base + "/steps/" + posters.id()).body()).contains("Affischer eller dekaler i alla trapphus")
                .contains("fastighetsägaren");
        assertThat(asCoordinator.postForm(base + "/steps/" + posters.id(), Map.of("organisationId", Long.toString(otherOwner.id())))
                .status()).isEqualTo(303);
        Rollout reassigned = server.services().rollouts().get(Fixtures.principal(coordinator), rollout.id());
        assertThat(step(reassigned, 4).organisationId()).isEqualTo(otherOwner.id());

        RolloutProperty second = properties(rollout).stream().filter(p -> p.address().equals("Sättragatan 14")).findFirst().orElseThrow();
        assertThat(asCoordinator.get("/rollout-properties/" + second.id() + "/edit").body()).contains("value=\"Sättragatan 14\"");
        assertThat(asCoordinator.postForm("/rollout-properties/" + second.id() + "/edit", Map.of("address", "Sättragatan 14 A",
                "ownerOrganisationId", Long.toString(housing.id()), "stairwells", "2", "apartments", "26")).status()).isEqualTo(303);
        assertThat(asCoordinator.get("/rollout-properties/" + second.id() + "/delete").body())
                .contains("Ta bort fastigheten: Sättragatan 14 A").contains("Det går inte att ångra.");
        Http.Response removed = asCoordinator.postForm("/rollout-properties/" + second.id() + "/delete", Map.of());
        assertThat(removed.status()).isEqualTo(303);
        assertThat(asCoordinator.get(local(removed.location())).body()).contains("Fastigheten är borttagen ur införandet.")
                .doesNotContain("Sättragatan 14 A");
        assertThatThrownBy(() -> server.services().rollouts().property(Fixtures.principal(coordinator), second.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyTheCoordinatorMarksAStepNotApplicableAndItNeedsAReason() {
        Rollout rollout = start(List.of(property("Sättravägen 7", housing, 30)));
        PropertyStep letters = propertyStep(rollout, "Sättravägen 7", 3);
        Http.Response refused = asCoordinator.postForm("/property-steps/" + letters.id(), Map.of("state", "NOT_APPLICABLE",
                "note", "", "notApplicableReason", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"notApplicableReason-error\"").contains("value=\"NOT_APPLICABLE\" checked");
        assertThat(asCoordinator.postForm("/property-steps/" + letters.id(), Map.of("state", "NOT_APPLICABLE", "note", "",
                "notApplicableReason", "Seniorboende: informationen ges vid husmötet.")).status()).isEqualTo(303);
        assertThat(asCoordinator.get("/rollouts/" + rollout.id()).body()).contains("Ej aktuell");

        Http asCaretaker = signedIn(caretaker);
        String page = asCaretaker.get("/property-steps/" + letters.id()).body();
        assertThat(page).contains("Seniorboende: informationen ges vid husmötet.")
                .contains("Bara införandets samordnare och administratörer kan ändra det.").doesNotContain("name=\"state\"");
        String posters = asCaretaker.get("/property-steps/" + propertyStep(rollout, "Sättravägen 7", 4).id()).body();
        assertThat(posters).as("the owner's own step: its fields, not the managers'").contains("name=\"state\"")
                .contains("name=\"count\"").doesNotContain("value=\"NOT_APPLICABLE\"").doesNotContain("name=\"dueDate\"");
    }

    @Test
    void aPartnerTickingPropertiesOfAnotherOwnerIsToldWhichOnesAndNothingIsMarked() {
        Rollout rollout = start(List.of(property("Sättragatan 12", housing, 36), property("Sättragatan 30", otherOwner, 40)));
        List<RolloutProperty> properties = properties(rollout);
        Http asCaretaker = signedIn(caretaker);
        String board = asCaretaker.get("/rollouts/" + rollout.id()).body();
        long own = properties.stream().filter(p -> p.address().equals("Sättragatan 12")).findFirst().orElseThrow().id();
        long theirs = properties.stream().filter(p -> p.address().equals("Sättragatan 30")).findFirst().orElseThrow().id();
        assertThat(board).as("a box only where the partner may mark something").contains("id=\"pick-" + own + "\"")
                .doesNotContain("id=\"pick-" + theirs + "\"");
        String posters = Long.toString(step(rollout, 4).id());

        Http.Response mixed = asCaretaker.postFormPairs("/rollouts/" + rollout.id() + "/steps-done", List.of(Map.entry("stepId", posters),
                Map.entry("propertyIds", Long.toString(own)), Map.entry("propertyIds", Long.toString(theirs)),
                Map.entry("completedOn", ""), Map.entry("count", "")));
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(mixed.body()).contains("din organisation ansvarar inte för steget i Sättragatan 30 (" + otherOwner.name() + ")");
        assertThat(propertyStep(rollout, "Sättragatan 12", 4).state()).as("all or nothing").isEqualTo(StepState.NOT_STARTED);

        Http.Response marked = asCaretaker.postFormPairs("/rollouts/" + rollout.id() + "/steps-done", List.of(Map.entry("stepId", posters),
                Map.entry("propertyIds", Long.toString(own)), Map.entry("completedOn", ""), Map.entry("count", "")));
        assertThat(marked.status()).isEqualTo(303);
        assertThat(asCaretaker.get(local(marked.location())).body()).contains("Steget markerades klart för 1 fastighet.");
        Http.Response again = asCaretaker.postFormPairs("/rollouts/" + rollout.id() + "/steps-done", List.of(Map.entry("stepId", posters),
                Map.entry("propertyIds", Long.toString(own)), Map.entry("completedOn", ""), Map.entry("count", "")));
        assertThat(asCaretaker.get(local(again.location())).body()).contains("Ingenting ändrades: steget var redan klart för de valda fastigheterna.");

        Http.Response none = asCaretaker.postFormPairs("/rollouts/" + rollout.id() + "/steps-done", List.of(Map.entry("stepId", posters),
                Map.entry("completedOn", today.plusDays(1).toString()), Map.entry("count", "")));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("id=\"propertyIds\"").contains("id=\"completedOn-error\"");
    }

    @Test
    void theBoardShowsAHundredPropertiesAPage() {
        List<PropertyInput> many = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            many.add(property("Sättragatan " + i, housing, 10));
        }
        Rollout rollout = start(many);
        String first = asCoordinator.get("/rollouts/" + rollout.id()).body();
        assertThat(first.split("<th scope=\"row\">", -1)).hasSize(101);
        // Mustache writes the "=" of the query as &#61;, which the browser reads back as "=".
        String next = first.replaceAll("(?s).*href=\"(/rollouts/" + rollout.id() + "\\?after&#61;\\d+)#board\".*", "$1")
                .replace("&#61;", "=");
        assertThat(next).startsWith("/rollouts/" + rollout.id() + "?after=");
        String second = asCoordinator.get(next).body();
        assertThat(second.split("<th scope=\"row\">", -1)).hasSize(2);
        assertThat(second).contains("Till första sidan").doesNotContain("Nästa fastigheter");
    }

    private Rollout start(List<PropertyInput> properties) {
        return server.services().rollouts().create(Fixtures.principal(coordinator), new RolloutInput(huskurage, area.id(), null, today,
                today.plusMonths(6), null, List.of(), properties));
    }

    private static PropertyInput property(String address, Organisation owner, int apartments) {
        return new PropertyInput(address, owner.id(), 2, apartments);
    }

    private static Map<String, String> row(int row, String address, String owner, String stairwells, String apartments) {
        String prefix = "properties[" + row + "].";
        return Map.of(prefix + "address", address, prefix + "ownerOrganisationId", owner, prefix + "stairwells", stairwells,
                prefix + "apartments", apartments);
    }

    private List<RolloutProperty> properties(Rollout rollout) {
        return server.services().rollouts().properties(Fixtures.principal(coordinator), rollout.id(), null, 200).items();
    }

    private PropertyStep propertyStep(Rollout rollout, String address, int position) {
        return properties(rollout).stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow().steps().stream()
                .filter(s -> s.position() == position).findFirst().orElseThrow();
    }

    private static RolloutStep step(Rollout rollout, int position) {
        return rollout.steps().stream().filter(s -> s.position() == position).findFirst().orElseThrow();
    }

    private Http signedIn(User user) {
        Http http = new Http(server).withSession(fixtures.session(user));
        http.get("/");
        return http;
    }

    private static long idIn(String location, String collection) {
        return Long.parseLong(location.replaceAll(".*/" + collection + "/(\\d+).*", "$1"));
    }

    /** The path and query a redirect sends the browser to. */
    private static String local(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
