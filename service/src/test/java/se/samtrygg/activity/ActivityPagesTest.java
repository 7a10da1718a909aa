package se.samtrygg.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
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

/** The log's pages: the short form a partner fills in on the phone after a night walk, the detail, the confirm-to-delete page, the admin lists. */
class ActivityPagesTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final Organisation association = fixtures.organisation();
    private final User walker = fixtures.user(Set.of(Role.PARTNER), association);
    private final Http browser = new Http(server).withSession(fixtures.session(walker));
    private final long nightWalk = server.services().categories().active(CategoryKind.ACTIVITY_TYPE).stream()
            .filter(c -> c.name().equals("Nattvandring")).findFirst().orElseThrow().id();

    private Map<String, String> form() {
        Map<String, String> form = new HashMap<>();
        form.put("typeId", Long.toString(nightWalk));
        form.put("areaId", Long.toString(area.id()));
        form.put("date", "2027-11-05");
        form.put("startTime", "21:00");
        form.put("endTime", "01:00");
        form.put("staffCount", "5");
        form.put("reachedCount", "");
        form.put("description", "Lugnt vid torget");
        return form;
    }

    @Test
    void aNightWalkLoggedOnTheFormEndsOnTheNextDayAndIsSharedWithTheNetwork() {
        String page = browser.get("/activities/new").body();
        assertThat(page).contains("name=\"typeId\"").contains("value=\"NETWORK\" checked");
        Http.Response saved = browser.postForm("/activities", form());
        assertThat(saved.status()).isEqualTo(303);
        long id = Long.parseLong(saved.location().replaceAll(".*/activities/(\\d+).*", "$1"));
        Activity activity = server.services().activities().get(Fixtures.principal(walker), id);
        assertThat(activity.startsAt()).isEqualTo(Instant.parse("2027-11-05T20:00:00Z"));
        assertThat(activity.endsAt()).as("01:00 is after midnight, and summer time has ended").isEqualTo(Instant.parse("2027-11-06T00:00:00Z"));
        assertThat(activity.visibility().name()).isEqualTo("NETWORK");
        assertThat(activity.reachedCount()).isNull();
        String detail = browser.get("/activities/" + id).body();
        assertThat(detail).contains("Lugnt vid torget").contains("21:00–01:00")
                .contains("/observations/new?activityId=" + id).contains("/observations?activityId=" + id);
        assertThat(browser.get("/activities").body()).contains("/activities/" + id);
    }

    @Test
    void aRefusedFormComesBackWithEveryValueKeptAndAMessageBesideEachField() {
        browser.get("/activities/new");
        Map<String, String> form = form();
        form.put("staffCount", "många");
        form.put("description", "Pratade med 19811218-9876");
        Http.Response refused = browser.postForm("/activities", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"staffCount-error\"").contains("value=\"många\"")
                .contains("Pratade med 19811218-9876").contains("2027-11-05");
        form.put("staffCount", "5");
        Http.Response guarded = browser.postForm("/activities", form);
        assertThat(guarded.status()).isEqualTo(422);
        assertThat(guarded.body()).contains("id=\"description-error\"").contains("personnummer");
    }

    @Test
    void deletingAsksForConfirmationAndIsForTheOwningOrganisationOnly() {
        browser.get("/activities/new");
        Map<String, String> shared = form();
        shared.put("visibility", "PUBLIC");
        String location = browser.postForm("/activities", shared).location();
        long id = Long.parseLong(location.replaceAll(".*/activities/(\\d+).*", "$1"));
        Http admin = new Http(server).withSession(fixtures.session(fixtures.user(Set.of(Role.ADMIN))));
        assertThat(admin.get("/activities/" + id + "/delete").status()).isEqualTo(403);
        assertThat(admin.get("/activities/" + id).body()).doesNotContain("/activities/" + id + "/edit");
        assertThat(browser.get("/activities/" + id + "/delete").body()).contains("Ja, ta bort");
        Http.Response deleted = browser.postForm("/activities/" + id + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(browser.get("/activities/" + id).status()).isEqualTo(404);
    }

    @Test
    void anAdminAddsRenamesAndRetiresActivityTypesOnOnePageForEitherList() {
        Http admin = new Http(server).withSession(fixtures.session(fixtures.user(Set.of(Role.ADMIN))));
        assertThat(admin.get("/admin/observation-categories").body()).contains("Belysning");
        admin.get("/admin/activity-types");
        String name = Fixtures.unique("Läxhjälp");
        assertThat(admin.postForm("/admin/activity-types", Map.of("name", name, "sortOrder", "95")).status()).isEqualTo(303);
        Category added = server.services().categories().all(CategoryKind.ACTIVITY_TYPE).stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
        assertThat(admin.postForm("/admin/activity-types", Map.of("name", name.toUpperCase())).status()).as("names are unique")
                .isEqualTo(422);
        assertThat(admin.postForm("/admin/activity-types/" + added.id(), Map.of("name", name + " (ny)", "sortOrder", "95",
                "active", "false")).status()).isEqualTo(303);
        assertThat(server.services().categories().active(CategoryKind.ACTIVITY_TYPE)).noneMatch(c -> c.id() == added.id());
        assertThat(browser.get("/activities/new").body()).doesNotContain(name);
        assertThat(admin.postForm("/admin/observation-categories/" + added.id(), Map.of("name", "x")).status())
                .as("an activity type is not on the observation categories' page").isEqualTo(404);
    }
}
