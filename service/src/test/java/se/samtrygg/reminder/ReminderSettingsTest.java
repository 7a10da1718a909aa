package se.samtrygg.reminder;

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
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestServer;

class ReminderSettingsTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final Organisation housing = fixtures.organisation();
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
    private final User otherCoordinator = fixtures.user(Set.of(Role.COORDINATOR));
    private final User partner = fixtures.user(Set.of(Role.PARTNER), housing);
    private final long group = group(coordinator);
    private final long otherGroup = group(otherCoordinator);

    private long group(User runBy) {
        return server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverk"),
                List.of(housing.id()), List.of(runBy.id()))).id();
    }

    private Http api(User user) {
        return new Http(server).bearer(fixtures.token(user));
    }

    private Http browser(User user) {
        Http browser = new Http(server).withSession(fixtures.session(user));
        browser.get("/");
        return browser;
    }

    @Test
    void theGroupsCoordinatorChangesItsRulesAndTheDefaultsStayShownBesideThem() {
        Http.Response before = api(coordinator).getJson("/api/v1/network-groups/" + group + "/reminder-settings");
        assertThat(before.status()).isEqualTo(200);
        JsonNode agenda = rule(before.json(), "AGENDA_MISSING");
        assertThat(agenda.get("enabled").asBoolean()).isTrue();
        assertThat(agenda.get("days").asInt()).isEqualTo(7);
        assertThat(agenda.get("defaultDays").asInt()).isEqualTo(7);
        assertThat(before.json().get("rules").findValuesAsText("kind")).as("only kinds a group can adjust")
                .contains("MEETING_INVITATION", "ACTION_ITEM_OVERDUE_COORDINATOR").doesNotContain("WEEKLY_DIGEST", "STEP_DUE_SOON");

        Http.Response changed = api(coordinator).putJson("/api/v1/network-groups/" + group + "/reminder-settings", Map.of("rules", List.of(
                Map.of("kind", "AGENDA_MISSING", "enabled", true, "days", 10),
                Map.of("kind", "MINUTES_MISSING", "enabled", false))));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(rule(changed.json(), "AGENDA_MISSING").get("days").asInt()).isEqualTo(10);
        assertThat(rule(changed.json(), "MINUTES_MISSING").get("enabled").asBoolean()).isFalse();
        assertThat(rule(changed.json(), "MINUTES_MISSING").get("days").asInt()).as("the default offset kept").isEqualTo(2);

        ReminderSettings inForce = inForce(group);
        assertThat(inForce.rule(ReminderKind.AGENDA_MISSING)).isEqualTo(new ReminderSettings.Rule(true, 10));
        assertThat(inForce.rule(ReminderKind.MINUTES_MISSING).enabled()).isFalse();
        assertThat(inForce.rule(ReminderKind.MEETING_TOMORROW)).isEqualTo(new ReminderSettings.Rule(true, 1));
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM audit_log WHERE entity_type = ? AND entity_id = ?",
                "network_group_reminders", group)).isEqualTo(1);

        // The page shows the rules in force and each default; the group's page links to it for its coordinator.
        Http browser = browser(coordinator);
        assertThat(browser.get("/network-groups/" + group).body()).contains("/network-groups/" + group + "/reminders");
        String page = browser.get("/network-groups/" + group + "/reminders").body();
        assertThat(page).contains("Dagordning saknas").contains("value=\"10\"").contains("På, 7 dagar")
                .contains("id=\"rules.MINUTES_MISSING.enabled\" name=\"enabled\" value=\"MINUTES_MISSING\" aria-describedby");
        assertThat(page).contains("id=\"rules.AGENDA_MISSING.enabled\" name=\"enabled\" value=\"AGENDA_MISSING\" checked");
    }

    @Test
    void thePageSavesTheRulesAndTurnsOffWhatIsUnticked() {
        Http browser = browser(coordinator);
        Http.Response saved = browser.postForm("/network-groups/" + group + "/reminders", Map.of(
                "enabled", "AGENDA_MISSING", "rules.AGENDA_MISSING.days", "5", "rules.MEETING_TOMORROW.days", "2"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).endsWith("/network-groups/" + group + "/reminders?saved=true");
        assertThat(browser.get("/network-groups/" + group + "/reminders?saved=true").body()).contains("Påminnelserna är sparade");

        ReminderSettings inForce = inForce(group);
        assertThat(inForce.rule(ReminderKind.AGENDA_MISSING)).isEqualTo(new ReminderSettings.Rule(true, 5));
        assertThat(inForce.rule(ReminderKind.MEETING_TOMORROW)).isEqualTo(new ReminderSettings.Rule(false, 2));
        assertThat(inForce.rule(ReminderKind.MEETING_INVITATION).enabled()).isFalse();
    }

    @Test
    void daysOutsideTheRangeAreRefusedBesideTheFieldAndWhatWasTypedIsKept() {
        Http browser = browser(coordinator);
        Http.Response refused = browser.postForm("/network-groups/" + group + "/reminders", Map.of(
                "enabled", "AGENDA_MISSING", "rules.AGENDA_MISSING.days", "45", "rules.MEETING_TOMORROW.days", "tre"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<p class=\"field-error\" id=\"rules.AGENDA_MISSING.days-error\">Skriv ett helt antal dagar från 1 till 30.</p>")
                .contains("<p class=\"field-error\" id=\"rules.MEETING_TOMORROW.days-error\">Skriv ett helt antal dagar från 1 till 14.</p>")
                .contains("value=\"45\"").contains("value=\"tre\"")
                .contains("href=\"#rules.AGENDA_MISSING.days\"");
        assertThat(inForce(group).rule(ReminderKind.AGENDA_MISSING))
                .as("nothing stored").isEqualTo(new ReminderSettings.Rule(true, 7));

        Http.Response api = api(coordinator).putJson("/api/v1/network-groups/" + group + "/reminder-settings", Map.of("rules", List.of(
                Map.of("kind", "ACTION_ITEM_DUE_SOON", "days", 0), Map.of("kind", "WEEKLY_DIGEST", "enabled", false))));
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.body()).contains("rules.ACTION_ITEM_DUE_SOON.days").contains("from 1 to 30")
                .contains("rules.WEEKLY_DIGEST.kind");
        Http.Response unknownKind = api(coordinator).putJson("/api/v1/network-groups/" + group + "/reminder-settings",
                Map.of("rules", List.of(Map.of("kind", "NO_SUCH_KIND"))));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPartnerAndAnotherGroupsCoordinatorMayNotChangeTheRules() {
        for (User outsider : List.of(partner, otherCoordinator)) {
            assertThat(api(outsider).getJson("/api/v1/network-groups/" + group + "/reminder-settings").status()).isEqualTo(403);
            assertThat(api(outsider).putJson("/api/v1/network-groups/" + group + "/reminder-settings",
                    Map.of("rules", List.of(Map.of("kind", "AGENDA_MISSING", "days", 3)))).status()).isEqualTo(403);
            Http browser = browser(outsider);
            assertThat(browser.get("/network-groups/" + group + "/reminders").status()).isEqualTo(403);
            assertThat(browser.postForm("/network-groups/" + group + "/reminders", Map.of("rules.AGENDA_MISSING.days", "3")).status())
                    .isEqualTo(403);
        }
        assertThat(browser(partner).get("/network-groups/" + group).body()).as("no link for who may not change them")
                .doesNotContain("/reminders");
        assertThat(inForce(group).rule(ReminderKind.AGENDA_MISSING).days()).isEqualTo(7);
        assertThat(api(otherCoordinator).getJson("/api/v1/network-groups/" + otherGroup + "/reminder-settings").status()).isEqualTo(200);
        assertThat(api(coordinator).getJson("/api/v1/network-groups/99999999/reminder-settings").status()).isEqualTo(404);
    }

    @Test
    void aUsersOptOutsAreSavedAndShownAndTheirOwnOnly() {
        User user = fixtures.user(Set.of(Role.PARTNER), housing);
        Http browser = browser(user);
        String page = browser.get("/account/notifications").body();
        assertThat(page).contains("Mina aviseringar").contains("Möten").contains("Åtgärdspunkter").contains("Införandesteg")
                .contains("Veckosammanfattning").contains("value=\"WEEKLY_DIGEST\" checked");
        assertThat(browser.get("/").body()).as("in the navigation").contains("href=\"/account/notifications\"");

        List<String> receive = java.util.Arrays.stream(ReminderKind.values())
                .filter(kind -> kind != ReminderKind.WEEKLY_DIGEST && kind != ReminderKind.MEETING_TOMORROW).map(Enum::name).toList();
        Http.Response saved = browser.postFormPairs("/account/notifications",
                receive.stream().map(kind -> Map.entry("receive", kind)).toList());
        assertThat(saved.status()).isEqualTo(303);
        String after = browser.get(saved.location().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(after).contains("Dina val är sparade").contains("value=\"MEETING_INVITATION\" checked")
                .doesNotContain("value=\"WEEKLY_DIGEST\" checked").doesNotContain("value=\"MEETING_TOMORROW\" checked");
        assertThat(optOuts(user))
                .containsExactlyInAnyOrder(ReminderKind.WEEKLY_DIGEST, ReminderKind.MEETING_TOMORROW);

        Http.Response viaApi = api(user).getJson("/api/v1/account/notification-settings");
        assertThat(viaApi.json().get("optOuts").toString()).contains("WEEKLY_DIGEST").contains("MEETING_TOMORROW");
        Http.Response changed = api(user).putJson("/api/v1/account/notification-settings", Map.of("optOuts", List.of("STEP_OVERDUE")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(optOuts(user)).containsExactly(ReminderKind.STEP_OVERDUE);
        assertThat(optOuts(partner)).as("nobody else's").isEmpty();
        assertThat(api(user).putJson("/api/v1/account/notification-settings", Map.of("optOuts", List.of("NOT_A_KIND"))).status())
                .isEqualTo(400);
    }

    private static JsonNode rule(JsonNode settings, String kind) {
        for (JsonNode rule : settings.get("rules")) {
            if (rule.get("kind").asText().equals(kind)) {
                return rule;
            }
        }
        throw new AssertionError("no rule of kind " + kind + " in " + settings);
    }

    /** The rules as the planner reads them. */
    private ReminderSettings inForce(long groupId) {
        return jdbi().withHandle(h -> server.services().reminderSettings().forGroup(h, groupId));
    }

    /** The opt-outs as the dispatcher reads them. */
    private Set<ReminderKind> optOuts(User user) {
        return jdbi().withHandle(h -> server.services().reminderSettings().optOuts(h, user.id()));
    }

    private org.jdbi.v3.core.Jdbi jdbi() {
        return org.jdbi.v3.core.Jdbi.create(server.database().url(), server.database().user(), server.database().password())
                .installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
    }
}
