package se.samtrygg.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class NetworkGroupTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Andersberg"), "Gävle", null));

    @Test
    void aCoordinatorWhoCreatesAGroupRunsItAndPartnersOfMembersSeeIt() {
        Organisation housing = fixtures.organisation();
        Organisation outsider = fixtures.organisation();
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
        Http coordinatorApi = new Http(server).bearer(fixtures.token(coordinator));

        Http.Response created = coordinatorApi.postJson("/api/v1/network-groups", Map.of("areaId", area.id(),
                "name", "Nätverksgruppen", "memberOrganisationIds", List.of(housing.id())));
        assertThat(created.status()).isEqualTo(201);
        JsonNode group = created.json();
        assertThat(group.get("coordinators").get(0).get("userId").asLong()).isEqualTo(coordinator.id());
        assertThat(group.get("areaName").asText()).isEqualTo(area.name());
        long id = group.get("id").asLong();

        Http.Response renamed = coordinatorApi.putJson("/api/v1/network-groups/" + id, Map.of("areaId", area.id(),
                "name", "Nätverksgruppen Andersberg", "memberOrganisationIds", List.of(housing.id()),
                "coordinatorUserIds", List.of(coordinator.id())));
        assertThat(renamed.json().get("name").asText()).isEqualTo("Nätverksgruppen Andersberg");

        Http member = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), housing)));
        Http stranger = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), outsider)));
        assertThat(member.getJson("/api/v1/network-groups/" + id).status()).isEqualTo(200);
        assertThat(ids(member.getJson("/api/v1/network-groups?areaId=" + area.id()))).containsExactly(id);
        assertThat(stranger.getJson("/api/v1/network-groups/" + id).status()).isEqualTo(403);
        assertThat(ids(stranger.getJson("/api/v1/network-groups?areaId=" + area.id()))).isEmpty();
        assertThat(member.putJson("/api/v1/network-groups/" + id, Map.of("areaId", area.id(), "name", "Kapad",
                "coordinatorUserIds", List.of(coordinator.id()))).status()).isEqualTo(403);

        Http otherCoordinator = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.COORDINATOR))));
        assertThat(otherCoordinator.getJson("/api/v1/network-groups/" + id).status())
                .as("coordinators see the groups they run, not every group").isEqualTo(403);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        User admin = fixtures.user(Set.of(Role.ADMIN));
        User notACoordinator = fixtures.user(Set.of(Role.PARTNER));
        Http api = new Http(server).bearer(fixtures.token(admin));
        String name = Fixtures.unique("Grupp");

        assertThat(errors(api.postJson("/api/v1/network-groups", Map.of("name", name)))).contains("areaId", "coordinatorUserIds");
        assertThat(errors(api.postJson("/api/v1/network-groups", Map.of("areaId", 987654321L, "name", name,
                "coordinatorUserIds", List.of(fixtures.user(Set.of(Role.COORDINATOR)).id()))))).containsExactly("areaId");
        assertThat(errors(api.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", name,
                "memberOrganisationIds", List.of(987654321L), "coordinatorUserIds", List.of(fixtures.user(Set.of(Role.COORDINATOR)).id())))))
                .containsExactly("memberOrganisationIds");
        assertThat(errors(api.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", name,
                "coordinatorUserIds", List.of(notACoordinator.id()))))).containsExactly("coordinatorUserIds");
        assertThat(ids(api.getJson("/api/v1/network-groups?areaId=" + area.id()))).isEmpty();
    }

    @Test
    void placesAndContactsRefuseBadInput() {
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
        Organisation own = fixtures.organisation();
        Http api = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.COORDINATOR), own)));
        assertThat(api.postJson("/api/v1/areas/" + area.id() + "/places", Map.of("name", "Torget")).status()).isEqualTo(201);
        assertThat(errors(api.postJson("/api/v1/areas/" + area.id() + "/places", Map.of("name", "torget")))).containsExactly("name");
        assertThat(errors(api.postJson("/api/v1/areas/" + area.id() + "/places", Map.of("name", "x".repeat(201))))).containsExactly("name");
        assertThat(errors(api.postJson("/api/v1/organisations/" + own.id() + "/contacts", Map.of("name", "Utan Nummer"))))
                .containsExactly("email");
        assertThat(errors(api.postJson("/api/v1/organisations/" + own.id() + "/contacts", Map.of("name", "Fel Nummer",
                "phone", "ring mig")))).containsExactly("phone");
        assertThat(api.getJson("/api/v1/organisations/" + own.id() + "/contacts").json()).isEmpty();
        assertThat(coordinator.id()).isPositive();
    }

    @Test
    void savingAGroupKeepsAMemberThatHasSinceBeenDeactivated() {
        Organisation closed = fixtures.organisation();
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
        Http api = new Http(server).bearer(fixtures.token(coordinator));
        long id = api.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", Fixtures.unique("Grupp"),
                "memberOrganisationIds", List.of(closed.id()))).json().get("id").asLong();
        server.services().organisations().setActive(Fixtures.principal(fixtures.user(Set.of(Role.ADMIN))), closed.id(), false);

        Http.Response saved = api.putJson("/api/v1/network-groups/" + id, Map.of("areaId", area.id(), "name", "Omdöpt",
                "memberOrganisationIds", List.of(closed.id()), "coordinatorUserIds", List.of(coordinator.id())));
        assertThat(saved.status()).isEqualTo(200);
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        assertThat(browser.get("/network-groups/" + id + "/edit").body())
                .containsPattern("id=\"member-" + closed.id() + "\" name=\"memberOrganisationIds\" value=\"" + closed.id() + "\" checked");
    }

    @Test
    void someoneWhoMayNotChangeAGroupIsToldSoBeforeAnythingAboutTheirInput() {
        Organisation housing = fixtures.organisation();
        long id = server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Grupp"),
                List.of(housing.id()), List.of(fixtures.user(Set.of(Role.COORDINATOR)).id()))).id();
        Http member = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), housing)));
        assertThat(member.putJson("/api/v1/network-groups/" + id, Map.of("name", "")).status()).isEqualTo(403);
        assertThat(member.putJson("/api/v1/network-groups/987654321", Map.of("name", "")).status()).isEqualTo(404);
    }

    private static List<Long> ids(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    private static List<String> errors(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        return response.json().get("errors").findValuesAsText("field");
    }
}
