package se.samtrygg.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/** The in-app inbox, on the shared service (mail off): every user has one, whatever the mail configuration. */
class InboxTest {
    private static final TestServer SERVER = TestServer.shared();
    private static final Fixtures FIXTURES = new Fixtures(SERVER);
    private static final Notices NOTICES = new Notices(SERVER);

    private static User user() {
        return FIXTURES.user(Set.of(Role.PARTNER));
    }

    private static String send(User user, String subject) {
        String key = Fixtures.unique("inbox-test:u" + user.id());
        NOTICES.send(Notices.notice(key, user.id(), subject, "Tid: 2026-12-01 18:00", "Plats: Sättra bibliotek"));
        return key;
    }

    private static long id(JsonNode page, int index) {
        return page.get("items").get(index).get("id").asLong();
    }

    @Test
    void theHeaderOfEveryPageShowsHowManyNoticesAreUnread() {
        User user = user();
        Http browser = new Http(SERVER).withSession(FIXTURES.session(user));
        String none = browser.get("/").body();
        assertThat(none).contains(">Inkorg</a>").doesNotContain("Inkorg (");

        send(user, "Möte i morgon");
        send(user, "Åtgärd snart");
        send(user, "Protokoll saknas");

        assertThat(browser.get("/").body()).contains("Inkorg (3)<span class=\"visually-hidden\"> olästa</span>");
        assertThat(browser.get("/calendar").body()).contains("Inkorg (3)");
    }

    @Test
    void theInboxListsNoticesNewestFirstAndMarksReadOnesAsReadByText() {
        User user = user();
        send(user, "Första meddelandet");
        send(user, "Andra meddelandet");
        Http browser = new Http(SERVER).withSession(FIXTURES.session(user));

        String page = browser.get("/inbox").body();
        assertThat(page.indexOf("Andra meddelandet")).isLessThan(page.indexOf("Första meddelandet"));
        assertThat(page).contains("<span class=\"tag\">Oläst</span> Andra meddelandet", "Plats: Sättra bibliotek", "href=\"/meetings/42\"",
                "Markera alla som lästa");

        Http api = new Http(SERVER).bearer(FIXTURES.token(user));
        long newest = id(api.getJson("/api/v1/notifications").json(), 0);
        Http.Response marked = browser.postForm("/inbox/" + newest + "/read", Map.of());
        assertThat(marked.status()).isEqualTo(303);
        assertThat(marked.location()).endsWith("/inbox#notification-" + newest);

        String after = browser.get("/inbox").body();
        assertThat(after).contains("Inkorg (1)").doesNotContain("<span class=\"tag\">Oläst</span> Andra meddelandet")
                .contains("<span class=\"tag\">Oläst</span> Första meddelandet");

        assertThat(browser.postForm("/inbox/read-all", Map.of()).status()).isEqualTo(303);
        assertThat(browser.get("/inbox").body()).doesNotContain("Oläst</span>").doesNotContain("Inkorg (");
    }

    @Test
    void theApiReadsAndMarksOnlyTheUsersOwnNotices() {
        User user = user();
        User other = user();
        send(user, "Mitt meddelande");
        send(other, "Någon annans meddelande");
        Http mine = new Http(SERVER).bearer(FIXTURES.token(user));
        Http theirs = new Http(SERVER).bearer(FIXTURES.token(other));

        JsonNode list = mine.getJson("/api/v1/notifications").json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("subject").asText()).isEqualTo("Mitt meddelande");
        long othersId = id(theirs.getJson("/api/v1/notifications").json(), 0);

        assertThat(mine.postJson("/api/v1/notifications/" + othersId + "/read", null).status()).isEqualTo(404);
        Http browser = new Http(SERVER).withSession(FIXTURES.session(user));
        browser.get("/inbox");
        assertThat(browser.postForm("/inbox/" + othersId + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(theirs.getJson("/api/v1/notifications/unread-count").json().get("unread").asInt()).isEqualTo(1);

        long myId = id(list, 0);
        Http.Response read = mine.postJson("/api/v1/notifications/" + myId + "/read", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("readAt").isNull()).isFalse();
        assertThat(mine.getJson("/api/v1/notifications/unread-count").json().get("unread").asInt()).isZero();
        assertThat(mine.getJson("/api/v1/notifications?unread=true").json().get("items")).isEmpty();

        send(user, "Ett till");
        assertThat(mine.postJson("/api/v1/notifications/read-all", null).json().get("marked").asInt()).isEqualTo(1);
        assertThat(theirs.getJson("/api/v1/notifications/unread-count").json().get("unread").asInt()).as("not theirs").isEqualTo(1);
    }

    @Test
    void theInboxIsPagedNewestFirst() {
        User user = user();
        for (int i = 1; i <= 5; i++) {
            send(user, "Meddelande " + i);
        }
        Http api = new Http(SERVER).bearer(FIXTURES.token(user));
        JsonNode first = api.getJson("/api/v1/notifications?limit=2").json();
        assertThat(first.get("items").get(0).get("subject").asText()).isEqualTo("Meddelande 5");
        assertThat(first.get("items")).hasSize(2);
        long next = first.get("nextAfter").asLong();
        JsonNode second = api.getJson("/api/v1/notifications?limit=2&after=" + next).json();
        assertThat(second.get("items").get(0).get("subject").asText()).isEqualTo("Meddelande 3");
        JsonNode third = api.getJson("/api/v1/notifications?limit=2&after=" + second.get("nextAfter").asLong()).json();
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("nextAfter").isNull()).isTrue();

        for (int i = 6; i <= 52; i++) {
            send(user, "Meddelande " + i);
        }
        Http browser = new Http(SERVER).withSession(FIXTURES.session(user));
        String page = browser.get("/inbox").body();
        assertThat(page).contains("Meddelande 52").doesNotContain("Meddelande 2<").contains("/inbox?after=");
    }
}
