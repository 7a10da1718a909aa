package se.samtrygg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class UserAdministrationTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private final Http api = new Http(server).bearer(fixtures.token(admin));

    @Test
    void anAdminCreatesAUserWithRolesAndAMembershipAndTheUserCanSignIn() {
        Organisation police = fixtures.organisation(se.samtrygg.organisation.OrganisationType.POLICE);
        String email = Fixtures.unique("polis") + "@test.samtrygg.se";
        Http.Response created = api.postJson("/api/v1/users", Map.of("email", email.toUpperCase(), "name", "Maja Polis",
                "language", "en", "roles", List.of("PARTNER", "COORDINATOR"), "password", Fixtures.PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("email").asText()).as("e-mail is stored in lower case").isEqualTo(email);
        assertThat(user.get("roles").findValuesAsText("")).isEmpty();
        assertThat(user.get("roles").toString()).contains("PARTNER").contains("COORDINATOR");
        assertThat(created.location()).endsWith("/api/v1/users/" + user.get("id").asLong());

        Http.Response membership = api.postJson("/api/v1/memberships", Map.of("userId", user.get("id").asLong(), "organisationId", police.id()));
        assertThat(membership.status()).isEqualTo(201);
        assertThat(membership.json().get("organisationName").asText()).isEqualTo(police.name());

        Http browser = new Http(server).login(email, Fixtures.PASSWORD);
        Http.Response first = browser.get("/");
        assertThat(first.location()).as("a password the admin typed is changed at first sign-in").endsWith("/account/password");
        browser.get("/account/password");
        browser.postForm("/account/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "Maja väljer ett eget långt lösenord"));
        assertThat(browser.get("/").body()).contains("<html lang=\"en\">").contains(police.name());
    }

    @Test
    void deactivatingAUserSignsThemOutEverywhereButKeepsTheirRecord() {
        User person = fixtures.userWithPassword(Set.of(Role.PARTNER));
        Http browser = new Http(server).login(person.email(), Fixtures.PASSWORD);
        Http personApi = new Http(server).bearer(fixtures.token(person));

        assertThat(api.postJson("/api/v1/users/" + person.id() + "/deactivate", "{}").json().get("active").asBoolean()).isFalse();

        assertThat(browser.get("/").status()).isEqualTo(303);
        assertThat(personApi.getJson("/api/v1/users/me").status()).isEqualTo(401);
        assertThat(api.getJson("/api/v1/users/" + person.id()).json().get("email").asText()).isEqualTo(person.email());
        Http again = new Http(server);
        again.get("/login");
        assertThat(again.postForm("/login", Map.of("email", person.email(), "password", Fixtures.PASSWORD)).status()).isEqualTo(401);

        api.postJson("/api/v1/users/" + person.id() + "/reactivate", "{}");
        assertThat(new Http(server).login(person.email(), Fixtures.PASSWORD).get("/").status()).isEqualTo(200);
    }

    @Test
    void theLastActiveAdminCannotBeDeactivatedOrLoseTheRole() {
        // The shared server has other admins; on a fresh database only the first admin exists.
        try (TestServer own = TestServer.start(se.samtrygg.support.TestDatabase.fresh())) {
            Http ownApi = new Http(own);
            String token = ownApi.postJson("/api/v1/auth/tokens", Map.of("email", TestServer.ADMIN_EMAIL, "password",
                    TestServer.ADMIN_PASSWORD, "name", "t")).json().get("token").asText();
            ownApi.bearer(token);
            long id = ownApi.getJson("/api/v1/users/me").json().get("id").asLong();

            Http.Response deactivate = ownApi.postJson("/api/v1/users/" + id + "/deactivate", "{}");
            assertThat(deactivate.status()).isEqualTo(422);
            assertThat(deactivate.json().get("errors").get(0).get("message").asText()).contains("at least one active administrator");
            Http.Response demote = ownApi.putJson("/api/v1/users/" + id, Map.of("email", TestServer.ADMIN_EMAIL, "name", "Admin",
                    "roles", List.of("COORDINATOR")));
            assertThat(demote.status()).isEqualTo(422);
            assertThat(ownApi.getJson("/api/v1/users/me").json().get("roles").toString()).contains("ADMIN");
        }
    }

    @Test
    void aCommonOrShortPasswordIsRefusedWithAReason() {
        Http.Response shortOne = api.postJson("/api/v1/users", Map.of("email", Fixtures.unique("a") + "@test.samtrygg.se",
                "name", "Kort Lösen", "password", "kort"));
        assertThat(shortOne.status()).isEqualTo(422);
        assertThat(shortOne.json().get("errors").get(0).get("message").asText()).contains("at least 12");

        Http.Response common = api.postJson("/api/v1/users", Map.of("email", Fixtures.unique("b") + "@test.samtrygg.se",
                "name", "Vanligt Lösen", "password", "password1234"));
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.json().get("errors").get(0).get("message").asText()).contains("too easy to guess");
    }

    @Test
    void theUserFormKeepsWhatWasTypedAndShowsTheMessageBesideTheField() {
        Http browser = new Http(server).withSession(fixtures.session(admin));
        browser.get("/admin/users/new");
        Http.Response refused = browser.postForm("/admin/users", Map.of("name", "Ebba Exempel", "email", "inte-en-adress",
                "language", "sv", "roles", "PARTNER"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("value=\"Ebba Exempel\"")
                .contains("value=\"inte-en-adress\"")
                .contains("id=\"email-error\"")
                .contains("Ange en giltig e-postadress")
                .containsPattern("id=\"role-PARTNER\" name=\"roles\" value=\"PARTNER\" checked");
    }

    @Test
    void deactivatingAskForConfirmationFirst() {
        User person = fixtures.user(Set.of(Role.PARTNER));
        Http browser = new Http(server).withSession(fixtures.session(admin));
        Http.Response page = browser.get("/admin/users/" + person.id());
        assertThat(page.body()).contains("href=\"/admin/users/" + person.id() + "/deactivate\"");
        Http.Response confirm = browser.get("/admin/users/" + person.id() + "/deactivate");
        assertThat(confirm.body()).contains("Vill du inaktivera").contains(person.email()).contains("Ja, inaktivera");
        assertThat(server.services().users().get(Fixtures.principal(admin), person.id()).active()).isTrue();
        assertThat(browser.postForm("/admin/users/" + person.id() + "/deactivate", Map.of()).status()).isEqualTo(303);
        assertThat(server.services().users().get(Fixtures.principal(admin), person.id()).active()).isFalse();
    }

    @Test
    void aMemberOfTheSameOrganisationCanSeeAColleagueButNotAStranger() {
        Organisation shared = fixtures.organisation();
        User colleague = fixtures.user(Set.of(Role.PARTNER), shared);
        User stranger = fixtures.user(Set.of(Role.PARTNER), fixtures.organisation());
        Http partner = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), shared)));
        assertThat(partner.getJson("/api/v1/users/" + colleague.id()).status()).isEqualTo(200);
        assertThat(partner.getJson("/api/v1/users/" + stranger.id()).status()).isEqualTo(403);
        assertThat(partner.getJson("/api/v1/memberships?organisationId=" + shared.id()).json().get("items")).hasSize(2);
    }

    @Test
    void aPersonWithTwoRolesInTwoOrganisationsIsAllOfThemOnPagesAndOnTheApi() {
        Organisation police = fixtures.organisation(se.samtrygg.organisation.OrganisationType.POLICE);
        Organisation housing = fixtures.organisation();
        User adminAndOfficial = fixtures.userWithPassword(Set.of(Role.ADMIN, Role.OFFICIAL), police, housing);
        String home = new Http(server).login(adminAndOfficial.email(), Fixtures.PASSWORD).get("/").body();
        assertThat(home).as("both organisations").contains(police.name()).contains(housing.name());
        assertThat(home).as("the admin's menu").contains("href=\"/admin/users\"");
        assertThat(new Http(server).bearer(fixtures.token(adminAndOfficial)).getJson("/api/v1/users?limit=1").status())
                .as("an admin on the API").isEqualTo(200);

        Http partnerAndCoordinator = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER, Role.COORDINATOR), police, housing)));
        assertThat(partnerAndCoordinator.getJson("/api/v1/users/" + fixtures.user(Set.of(Role.PARTNER), police).id()).status()).isEqualTo(200);
        assertThat(partnerAndCoordinator.getJson("/api/v1/users/" + fixtures.user(Set.of(Role.PARTNER), housing).id()).status()).isEqualTo(200);
        assertThat(partnerAndCoordinator.getJson("/api/v1/users/" + fixtures.user(Set.of(Role.PARTNER), fixtures.organisation()).id()).status())
                .as("not a member there").isEqualTo(403);
        assertThat(partnerAndCoordinator.getJson("/api/v1/users?limit=1").status()).as("not an admin").isEqualTo(403);
    }

    @Test
    void listsArePagedByKeyset() {
        String marker = Fixtures.unique("paged");
        for (int i = 0; i < 5; i++) {
            server.services().users().create(null, new UserInput(marker + i + "@test.samtrygg.se", "Sida " + i,
                    null, Set.of(), null));
        }
        JsonNode first = api.getJson("/api/v1/users?q=" + marker + "&limit=2").json();
        assertThat(first.get("items")).hasSize(2);
        long after = first.get("nextAfter").asLong();
        JsonNode second = api.getJson("/api/v1/users?q=" + marker + "&limit=2&after=" + after).json();
        JsonNode third = api.getJson("/api/v1/users?q=" + marker + "&limit=2&after=" + second.get("nextAfter").asLong()).json();
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("nextAfter").isNull()).as("no next page").isTrue();
        assertThat(second.get("items").get(0).get("id").asLong()).isGreaterThan(after);
    }
}
