package se.samtrygg.identity;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: a bearer token on {@code /api/...}, the session cookie everywhere else (the API
 * never accepts the cookie, so a browser cannot be tricked into calling it). Registered through
 * dropwizard-auth's {@code AuthDynamicFeature}, so it runs for every resource method that takes an
 * {@code @Auth CurrentUser}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
    public static final String SESSION_COOKIE = "samtrygg_session";
    static final String CURRENT_USER = "samtrygg.currentUser";
    /** Pages a user who must change their password can still reach. */
    private static final Set<String> PASSWORD_CHANGE_PATHS = Set.of("account/password", "logout");

    private final SessionService sessions;
    private final ApiTokenService tokens;

    public AuthenticationFilter(SessionService sessions, ApiTokenService tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean api = path.startsWith("api/");
        Optional<CurrentUser> user = api ? bearer(request).flatMap(tokens::authenticate) : sessions.authenticate(sessionId(request));
        if (user.isEmpty()) {
            throw new NotAuthorizedException(api ? "Bearer" : "Session");
        }
        CurrentUser current = user.get();
        if (!api && current.passwordChangeRequired() && !PASSWORD_CHANGE_PATHS.contains(path)) {
            throw new RedirectionException(Response.Status.SEE_OTHER, URI.create("/account/password"));
        }
        request.setProperty(CURRENT_USER, current);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return current;
            }

            @Override
            public boolean isUserInRole(String role) {
                return current.roles().stream().anyMatch(r -> r.name().equals(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return api ? "Bearer" : SecurityContext.FORM_AUTH;
            }
        });
    }

    /** The user that this filter resolved for the request, or null (for error pages and the layout). */
    public static CurrentUser currentUser(HttpServletRequest request) {
        return request.getAttribute(CURRENT_USER) instanceof CurrentUser user ? user : null;
    }

    public static String sessionId(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static Optional<String> bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }
}
