package se.samtrygg.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * Who sees which activity: records of all three visibilities from two organisations of one network
 * group, read by their own people, by the other organisation, by an organisation outside the group, by
 * the group's coordinator and by an admin, through the detail, the list, the search and the export.
 */
class ActivityVisibilityTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Vårby"), "Huddinge", null));
    private final Organisation police = fixtures.organisation();
    private final Organisation housing = fixtures.organisation();
    private final Organisation outside = fixtures.organisation();
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
    private final String marker = Fixtures.unique("spår");
    /** "police-ORGANISATION" → id, and so on for both organisations and all three visibilities. */
    private final Map<String, Long> activities = new LinkedHashMap<>();

    ActivityVisibilityTest() {
        server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverk"),
                List.of(police.id(), housing.id()), List.of(coordinator.id())));
        long type = server.services().categories().active(CategoryKind.ACTIVITY_TYPE).get(0).id();
        for (Organisation organisation : List.of(police, housing)) {
            User author = fixtures.user(Set.of(Role.PARTNER), organisation);
            for (Visibility visibility : Visibility.values()) {
                String key = name(organisation) + "-" + visibility;
                activities.put(key, server.services().activities().create(Fixtures.principal(author), new ActivityInput(null, area.id(), null,
                        type, OffsetDateTime.parse("2027-09-03T21:00:00+02:00"), OffsetDateTime.parse("2027-09-04T01:00:00+02:00"), 2, 10,
                        marker + " " + key, visibility)).id());
            }
        }
    }

    private String name(Organisation organisation) {
        return organisation.id() == police.id() ? "police" : "housing";
    }

    private void seesExactly(User viewer, String... keys) {
        Http api = new Http(server).bearer(fixtures.token(viewer));
        List<Long> expected = new ArrayList<>();
        for (String key : keys) {
            expected.add(activities.get(key));
        }
        for (Map.Entry<String, Long> activity : activities.entrySet()) {
            int status = api.getJson("/api/v1/activities/" + activity.getValue()).status();
            assertThat(status).as(activity.getKey() + " for " + viewer.name())
                    .isEqualTo(expected.contains(activity.getValue()) ? 200 : 404);
        }
        assertThat(ActivityTest.ids(api.getJson("/api/v1/activities?areaId=" + area.id()))).as("the list")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ActivityTest.ids(api.getJson("/api/v1/activities?q=" + marker))).as("the search")
                .containsExactlyInAnyOrderElementsOf(expected);
        String csv = api.get("/api/v1/activities/export.csv?areaId=" + area.id()).body();
        for (String key : activities.keySet()) {
            if (List.of(keys).contains(key)) {
                assertThat(csv).as("the export").contains(marker + " " + key);
            } else {
                assertThat(csv).as("the export").doesNotContain(marker + " " + key);
            }
        }
    }

    @Test
    void anOrganisationSeesAllItsOwnAndTheOtherMembersSharedActivitiesButNotTheirInternalOnes() {
        seesExactly(fixtures.user(Set.of(Role.PARTNER), police), "police-PUBLIC", "police-NETWORK", "police-ORGANISATION",
                "housing-PUBLIC", "housing-NETWORK");
        seesExactly(fixtures.user(Set.of(Role.PARTNER), housing), "police-PUBLIC", "police-NETWORK", "housing-PUBLIC",
                "housing-NETWORK", "housing-ORGANISATION");
    }

    @Test
    void anOrganisationOutsideTheNetworkGroupSeesOnlyPublicActivities() {
        seesExactly(fixtures.user(Set.of(Role.PARTNER), outside), "police-PUBLIC", "housing-PUBLIC");
    }

    @Test
    void theGroupsCoordinatorAndAdminsSeeSharedActivitiesButNoOrganisationsInternalOnes() {
        seesExactly(coordinator, "police-PUBLIC", "police-NETWORK", "housing-PUBLIC", "housing-NETWORK");
        seesExactly(fixtures.user(Set.of(Role.ADMIN)), "police-PUBLIC", "police-NETWORK", "housing-PUBLIC", "housing-NETWORK");
        User adminOfOutside = fixtures.user(Set.of(Role.ADMIN), outside);
        Http admin = new Http(server).bearer(fixtures.token(adminOfOutside));
        assertThat(admin.get("/api/v1/activities/" + activities.get("police-ORGANISATION")).status()).isEqualTo(404);
    }

    @Test
    void theLogPageAndItsExportShowTheSameAsTheApi() {
        User outsider = fixtures.user(Set.of(Role.PARTNER), outside);
        Http browser = new Http(server).withSession(fixtures.session(outsider));
        String page = browser.get("/activities?areaId=" + area.id()).body();
        assertThat(page).contains("/activities/" + activities.get("police-PUBLIC"))
                .doesNotContain("/activities/" + activities.get("police-NETWORK"))
                .doesNotContain("/activities/" + activities.get("housing-ORGANISATION"));
        assertThat(browser.get("/activities/" + activities.get("housing-ORGANISATION")).status()).isEqualTo(404);
        String csv = browser.get("/activities/export.csv?q=" + marker).body();
        assertThat(csv).contains(marker + " police-PUBLIC").doesNotContain("NETWORK;").doesNotContain(marker + " housing-ORGANISATION");
    }
}
