package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OWN_ORGANISATION;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.List;
import java.util.Map;
import se.samtrygg.support.Fixtures;

/** The foundation's endpoints: users, organisations, memberships, tokens, audit, account and admin pages. */
final class IdentityEndpoints {
    static final String STRONG_PASSWORD = "Ljusare gångtunnlar i Sättra 2026";

    private IdentityEndpoints() {
    }

    static List<Endpoint> all() {
        return List.of(
                // API: users
                api("GET", "/api/v1/users", ADMIN_ONLY),
                api("POST", "/api/v1/users", s -> Map.of("email", Fixtures.unique("ny") + "@test.samtrygg.se", "name", "Ny Person",
                        "roles", List.of("PARTNER")), ADMIN_ONLY),
                api("GET", "/api/v1/users/me", ANY_SIGNED_IN),
                api("GET", "/api/v1/users/{user}", ADMIN_OR_OWN_ORGANISATION),
                api("PUT", "/api/v1/users/{user}", s -> Map.of("email", s.userEmail, "name", "Nytt Namn", "language", "en",
                        "roles", List.of("OFFICIAL")), ADMIN_ONLY),
                api("PUT", "/api/v1/users/{user}/password", s -> Map.of("password", STRONG_PASSWORD), ADMIN_ONLY),
                api("POST", "/api/v1/users/{user}/deactivate", ADMIN_ONLY),
                api("POST", "/api/v1/users/{user}/reactivate", ADMIN_ONLY),
                // API: organisations
                api("GET", "/api/v1/organisations", ANY_SIGNED_IN),
                api("GET", "/api/v1/organisations/{organisation}", ANY_SIGNED_IN),
                api("POST", "/api/v1/organisations", s -> Map.of("name", Fixtures.unique("Org"), "type", "SCHOOL"), ADMIN_ONLY),
                api("PUT", "/api/v1/organisations/{organisation}", s -> Map.of("name", Fixtures.unique("Org"), "type", "BUSINESS"), ADMIN_ONLY),
                api("POST", "/api/v1/organisations/{organisation}/deactivate", ADMIN_ONLY),
                api("POST", "/api/v1/organisations/{organisation}/reactivate", ADMIN_ONLY),
                // API: memberships
                api("GET", "/api/v1/memberships", ADMIN_ONLY),
                api("GET", "/api/v1/memberships?organisationId={organisation}", ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/memberships?userId={user}", ADMIN_ONLY),
                api("POST", "/api/v1/memberships", s -> Map.of("userId", s.user, "organisationId", s.spareOrganisation), ADMIN_ONLY),
                api("GET", "/api/v1/memberships/{membership}", ADMIN_OR_OWN_ORGANISATION),
                api("DELETE", "/api/v1/memberships/{membership}", ADMIN_ONLY),
                // API: tokens and audit
                api("GET", "/api/v1/auth/tokens", ANY_SIGNED_IN),
                api("GET", "/api/v1/auth/tokens?userId={user}", ADMIN_ONLY),
                api("DELETE", "/api/v1/auth/tokens/{token}", ADMIN_ONLY),
                api("GET", "/api/v1/audit", ADMIN_ONLY),
                api("GET", "/api/v1/audit?entityType=user&entityId={user}", ADMIN_ONLY),

                // Pages: everyone signed in
                page("GET", "/", ANY_SIGNED_IN),
                page("POST", "/logout", ANY_SIGNED_IN),
                page("GET", "/account/password", ANY_SIGNED_IN),
                page("POST", "/account/password", s -> Map.of("currentPassword", "not it", "newPassword", STRONG_PASSWORD), ANY_SIGNED_IN),
                page("GET", "/account/tokens", ANY_SIGNED_IN),
                page("POST", "/account/tokens", s -> Map.of("name", "Matris", "expiresInDays", "1"), ANY_SIGNED_IN),
                page("POST", "/account/tokens/{token}/revoke", ADMIN_ONLY),
                // Pages: administration
                page("GET", "/admin/users", ADMIN_ONLY),
                page("GET", "/admin/users?q=test", ADMIN_ONLY),
                page("GET", "/admin/users/new", ADMIN_ONLY),
                page("POST", "/admin/users", s -> Map.of("email", Fixtures.unique("ny") + "@test.samtrygg.se", "name", "Ny Person",
                        "language", "sv", "roles", "PARTNER"), ADMIN_ONLY),
                page("GET", "/admin/users/{user}", ADMIN_ONLY),
                page("POST", "/admin/users/{user}", s -> Map.of("email", s.userEmail, "name", "Nytt Namn", "language", "sv",
                        "roles", "COORDINATOR"), ADMIN_ONLY),
                page("GET", "/admin/users/{user}/deactivate", ADMIN_ONLY),
                page("POST", "/admin/users/{user}/deactivate", ADMIN_ONLY),
                page("POST", "/admin/users/{user}/reactivate", ADMIN_ONLY),
                page("POST", "/admin/users/{user}/memberships", s -> Map.of("organisationId", Long.toString(s.spareOrganisation)), ADMIN_ONLY),
                page("POST", "/admin/users/{user}/memberships/{membership}/delete", ADMIN_ONLY),
                page("POST", "/admin/users/{user}/password", s -> Map.of("password", STRONG_PASSWORD), ADMIN_ONLY),
                page("GET", "/admin/organisations", ADMIN_ONLY),
                page("GET", "/admin/organisations/new", ADMIN_ONLY),
                page("POST", "/admin/organisations", s -> Map.of("name", Fixtures.unique("Org"), "type", "SCHOOL"), ADMIN_ONLY),
                page("GET", "/admin/organisations/{organisation}", ADMIN_ONLY),
                page("POST", "/admin/organisations/{organisation}", s -> Map.of("name", Fixtures.unique("Org"), "type", "OTHER"), ADMIN_ONLY),
                page("GET", "/admin/organisations/{organisation}/deactivate", ADMIN_ONLY),
                page("POST", "/admin/organisations/{organisation}/deactivate", ADMIN_ONLY),
                page("POST", "/admin/organisations/{organisation}/reactivate", ADMIN_ONLY),
                page("GET", "/admin/audit", ADMIN_ONLY),
                page("GET", "/admin/audit?entityType=user&entityId={user}", ADMIN_ONLY));
    }
}
