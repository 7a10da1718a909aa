package se.samtrygg.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/** Logging, correcting and deleting activities through the API: the rules of the activity log. */
class ActivityTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final long square = server.services().areas().addPlace(null, area.id(), new PlaceInput("Torget", null)).id();
    private final Area otherArea = server.services().areas().create(null, new AreaInput(Fixtures.unique("Brynäs"), "Gävle", null));
    private final long otherSquare = server.services().areas().addPlace(null, otherArea.id(), new PlaceInput("Torget", null)).id();
    private final Organisation association = fixtures.organisation();
    private final Organisation church = fixtures.organisation();
    private final User walker = fixtures.user(Set.of(Role.PARTNER), association);
    private final Http walkerApi = new Http(server).bearer(fixtures.token(walker));
    private final long nightWalk = type("Nattvandring");

    private long type(String name) {
        return server.services().categories().active(CategoryKind.ACTIVITY_TYPE).stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow().id();
    }

    private Map<String, Object> nightWalk() {
        Map<String, Object> body = new HashMap<>();
        body.put("areaId", area.id());
        body.put("placeId", square);
        body.put("typeId", nightWalk);
        body.put("startsAt", "2027-05-14T21:00:00+02:00");
        body.put("endsAt", "2027-05-15T01:00:00+02:00");
        body.put("staffCount", 6);
        body.put("reachedCount", 40);
        body.put("description", "Lugn kväll, många unga vid torget.");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static List<String> fields(Http.Response response) {
        return response.json().get("errors").findValuesAsText("field");
    }

    @Test
    void aDateInAFarOffYearInTheFilterIsRefusedOnItsFieldRatherThanFailing() {
        Http.Response list = walkerApi.getJson("/api/v1/activities?to=%2B999999999-12-31");
        assertThat(list.status()).isEqualTo(422);
        assertThat(list.body()).contains("\"to\"").contains("2000");
    }

    @Test
    void aPartnerLogsANightWalkForTheirOrganisationSharedWithTheNetworkByDefault() {
        Http.Response created = walkerApi.postJson("/api/v1/activities", nightWalk());
        assertThat(created.status()).isEqualTo(201);
        JsonNode activity = created.json();
        assertThat(created.location()).endsWith("/api/v1/activities/" + activity.get("id").asLong());
        assertThat(activity.get("organisationId").asLong()).isEqualTo(association.id());
        assertThat(activity.get("visibility").asText()).isEqualTo("NETWORK");
        assertThat(activity.get("typeName").asText()).isEqualTo("Nattvandring");
        assertThat(activity.get("placeName").asText()).isEqualTo("Torget");
        assertThat(Instant.parse(activity.get("startsAt").asText())).isEqualTo(Instant.parse("2027-05-14T19:00:00Z"));
        assertThat(Instant.parse(activity.get("endsAt").asText())).isEqualTo(Instant.parse("2027-05-14T23:00:00Z"));
        assertThat(activity.get("createdByName").asText()).isEqualTo(walker.name());
    }

    @Test
    void everyBrokenRuleIsNamedAtOnceAndNothingIsStored() {
        Map<String, Object> body = with(with(with(with(nightWalk(), "placeId", otherSquare), "staffCount", -1), "reachedCount", 100_001),
                "endsAt", "2027-05-14T20:00:00+02:00");
        Http.Response refused = walkerApi.postJson("/api/v1/activities", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).contains("placeId", "staffCount", "reachedCount", "endsAt");

        Http.Response missing = walkerApi.postJson("/api/v1/activities", Map.of("description", "Bara text"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(fields(missing)).contains("areaId", "typeId", "startsAt", "endsAt");

        Http.Response tooLong = walkerApi.postJson("/api/v1/activities", with(nightWalk(), "endsAt", "2027-05-16T01:00:00+02:00"));
        assertThat(fields(tooLong)).containsExactly("endsAt");
        assertThat(walkerApi.getJson("/api/v1/activities?areaId=" + area.id()).json().get("items")).isEmpty();
    }

    @Test
    void aPersonalIdentityNumberInTheDescriptionIsRefusedWithAMessageThatSaysWhy() {
        Http.Response refused = walkerApi.postJson("/api/v1/activities", with(nightWalk(), "description",
                "Pratade med 19811218-9876 vid torget"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("description").contains("personal identity number");
    }

    @Test
    void aRetiredTypeIsNotOfferedForNewActivitiesButOlderOnesKeepIt() {
        User admin = fixtures.user(Set.of(Role.ADMIN));
        Http adminApi = new Http(server).bearer(fixtures.token(admin));
        long type = adminApi.postJson("/api/v1/categories", Map.of("kind", "ACTIVITY_TYPE", "name", Fixtures.unique("Grillkväll")))
                .json().get("id").asLong();
        long activity = walkerApi.postJson("/api/v1/activities", with(nightWalk(), "typeId", type)).json().get("id").asLong();
        assertThat(adminApi.putJson("/api/v1/categories/" + type, Map.of("active", false)).json().get("active").asBoolean()).isFalse();

        assertThat(walkerApi.postJson("/api/v1/activities", with(nightWalk(), "typeId", type)).status()).isEqualTo(422);
        assertThat(walkerApi.putJson("/api/v1/activities/" + activity, with(nightWalk(), "typeId", type)).status())
                .as("a correction of an older activity keeps its retired type").isEqualTo(200);
        assertThat(walkerApi.getJson("/api/v1/activities/" + activity).json().get("typeId").asLong()).isEqualTo(type);
        assertThat(walkerApi.getJson("/api/v1/categories?kind=ACTIVITY_TYPE").body()).contains("\"id\":" + type);
    }

    @Test
    void categoryNamesAreUniquePerKindAndOnlyAdminsManageThem() {
        User admin = fixtures.user(Set.of(Role.ADMIN));
        Http adminApi = new Http(server).bearer(fixtures.token(admin));
        assertThat(adminApi.postJson("/api/v1/categories", Map.of("kind", "ACTIVITY_TYPE", "name", "nattvandring")).status())
                .isEqualTo(422);
        assertThat(adminApi.postJson("/api/v1/categories", Map.of("kind", "OBSERVATION_CATEGORY", "name", Fixtures.unique("Nattvandring")))
                .status()).as("another list may hold the name").isEqualTo(201);
        assertThat(walkerApi.postJson("/api/v1/categories", Map.of("kind", "ACTIVITY_TYPE", "name", Fixtures.unique("Annat"))).status())
                .isEqualTo(403);
        assertThat(walkerApi.getJson("/api/v1/categories?kind=NONSENSE").status()).isEqualTo(422);
    }

    @Test
    void onlyTheOwningOrganisationCorrectsOrDeletesNotAdminsNotOthers() {
        long id = walkerApi.postJson("/api/v1/activities", with(nightWalk(), "visibility", "PUBLIC")).json().get("id").asLong();
        Http colleague = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), association)));
        Http admin = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.ADMIN))));
        Http outsider = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.COORDINATOR), church)));

        assertThat(admin.putJson("/api/v1/activities/" + id, nightWalk()).status()).isEqualTo(403);
        assertThat(outsider.putJson("/api/v1/activities/" + id, nightWalk()).status()).isEqualTo(403);
        assertThat(admin.delete("/api/v1/activities/" + id).status()).isEqualTo(403);
        assertThat(outsider.delete("/api/v1/activities/" + id).status()).isEqualTo(403);

        Http.Response corrected = colleague.putJson("/api/v1/activities/" + id, with(with(nightWalk(), "reachedCount", 55),
                "visibility", null));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("reachedCount").asInt()).isEqualTo(55);
        assertThat(corrected.json().get("visibility").asText()).as("left out, the visibility stays").isEqualTo("PUBLIC");
        assertThat(colleague.delete("/api/v1/activities/" + id).status()).isEqualTo(204);
        assertThat(walkerApi.getJson("/api/v1/activities/" + id).status()).isEqualTo(404);
    }

    @Test
    void someoneInSeveralOrganisationsChoosesOneOfTheirOwnAndNoOther() {
        User both = fixtures.user(Set.of(Role.PARTNER), association, church);
        Http api = new Http(server).bearer(fixtures.token(both));
        assertThat(fields(api.postJson("/api/v1/activities", nightWalk()))).containsExactly("organisationId");
        assertThat(api.postJson("/api/v1/activities", with(nightWalk(), "organisationId", church.id())).json()
                .get("organisationId").asLong()).isEqualTo(church.id());
        Organisation stranger = fixtures.organisation();
        assertThat(api.postJson("/api/v1/activities", with(nightWalk(), "organisationId", stranger.id())).status()).isEqualTo(403);

        Http loner = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.COORDINATOR))));
        assertThat(loner.postJson("/api/v1/activities", nightWalk()).status()).as("someone in no organisation logs nothing")
                .isEqualTo(403);
    }

    @Test
    void everyChangeIsAuditedWithoutTheDescription() {
        long id = walkerApi.postJson("/api/v1/activities", with(nightWalk(), "description", "Hemlig iakttagelse vid kiosken"))
                .json().get("id").asLong();
        walkerApi.putJson("/api/v1/activities/" + id, with(nightWalk(), "description", "Ännu hemligare"));
        walkerApi.delete("/api/v1/activities/" + id);
        List<String> summaries = Db.strings(server, "SELECT summary FROM audit_log WHERE entity_type = 'activity' AND entity_id = " + id
                + " ORDER BY id");
        assertThat(summaries).hasSize(3);
        assertThat(String.join(" ", summaries)).doesNotContain("hemlig").doesNotContain("Hemlig").doesNotContain("Ännu");
    }

    @Test
    void anActivityWithObservationsCannotBeDeletedAndTheMessageSaysWhy() {
        long id = walkerApi.postJson("/api/v1/activities", nightWalk()).json().get("id").asLong();
        Db.update(server, "INSERT INTO observation (activity_id, organisation_id, area_id, category_id, observed_at, visibility, "
                + "created_at, updated_at) VALUES (" + id + ", " + association.id() + ", " + area.id() + ", (SELECT MIN(id) FROM category "
                + "WHERE kind = 'OBSERVATION_CATEGORY'), CURRENT_TIMESTAMP, 'NETWORK', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        Http.Response refused = walkerApi.delete("/api/v1/activities/" + id);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("1 observations attached");
        assertThat(walkerApi.getJson("/api/v1/activities/" + id).status()).isEqualTo(200);
    }

    @Test
    void theLogFiltersByAreaTypeDatesTextAndMyOrganisationsAndPagesNewestFirst() {
        long first = walkerApi.postJson("/api/v1/activities", with(nightWalk(), "description", "Kaffe och samtal vid kiosken"))
                .json().get("id").asLong();
        long second = walkerApi.postJson("/api/v1/activities", with(with(nightWalk(), "startsAt", "2027-06-01T18:00:00+02:00"),
                "endsAt", "2027-06-01T20:00:00+02:00")).json().get("id").asLong();
        long sports = walkerApi.postJson("/api/v1/activities", with(nightWalk(), "typeId", type("Idrottsaktivitet för unga")))
                .json().get("id").asLong();
        String base = "/api/v1/activities?areaId=" + area.id();
        assertThat(ids(walkerApi.getJson(base))).containsExactly(sports, second, first);
        assertThat(ids(walkerApi.getJson(base + "&typeId=" + nightWalk))).containsExactly(second, first);
        assertThat(ids(walkerApi.getJson(base + "&from=2027-05-20"))).containsExactly(second);
        assertThat(ids(walkerApi.getJson(base + "&to=2027-05-14"))).containsExactly(sports, first);
        assertThat(ids(walkerApi.getJson(base + "&q=KIOSKEN"))).containsExactly(first);
        assertThat(ids(walkerApi.getJson(base + "&q=100%25"))).isEmpty();
        assertThat(ids(walkerApi.getJson(base + "&mine=true&organisationId=" + association.id()))).hasSize(3);
        JsonNode page = walkerApi.getJson(base + "&limit=2").json();
        assertThat(page.get("nextAfter").asLong()).isEqualTo(second);
        assertThat(ids(walkerApi.getJson(base + "&limit=2&after=" + second))).containsExactly(first);
        assertThat(walkerApi.getJson(base + "&from=14-05-2027").status()).isEqualTo(422);
    }

    static List<Long> ids(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items").findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
