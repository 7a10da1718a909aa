package se.samtrygg.common.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import java.util.Set;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.server.ContainerRequest;
import se.samtrygg.common.Secrets;
import se.samtrygg.identity.CurrentUser;

/**
 * Every state-changing form carries a token ({@code _csrf}) that a page of ours put there.
 * Signed in, the token belongs to the session (stored with it); signed out (the login form), it
 * is a random cookie that the form must repeat. The API is exempt: it accepts bearer tokens only,
 * which a browser never sends by itself.
 */
@Priority(Priorities.AUTHENTICATION + 100) // after the session has been resolved
public final class CsrfProtection implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String ANONYMOUS_COOKIE = "samtrygg_csrf";
    private static final String NEW_ANONYMOUS_TOKEN = "samtrygg.csrf.new";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getUriInfo().getPath().startsWith("api/")) {
            return;
        }
        String expected = request.getSecurityContext().getUserPrincipal() instanceof CurrentUser user
                && user.csrfToken() != null
                ? user.csrfToken()
                : cookie(request.getCookies().get(ANONYMOUS_COOKIE));
        if (!Secrets.constantTimeEquals(expected, submittedToken(request))) {
            throw new ForbiddenException("missing or wrong CSRF token");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object fresh = request.getProperty(NEW_ANONYMOUS_TOKEN);
        if (fresh instanceof String token) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(ANONYMOUS_COOKIE)
                    .value(token).path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                    .secure(request.getSecurityContext().isSecure()).build());
        }
    }

    /** The token a page should put in its forms. */
    public static String tokenFor(HttpServletRequest request, CurrentUser user) {
        if (user != null && user.csrfToken() != null) {
            return user.csrfToken();
        }
        Object fresh = request.getAttribute(NEW_ANONYMOUS_TOKEN);
        if (fresh instanceof String token) {
            return token;
        }
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie c : request.getCookies()) {
                if (c.getName().equals(ANONYMOUS_COOKIE) && c.getValue() != null && c.getValue().length() >= 32) {
                    return c.getValue();
                }
            }
        }
        String token = Secrets.newToken();
        request.setAttribute(NEW_ANONYMOUS_TOKEN, token);
        return token;
    }

    private static String submittedToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return header;
        }
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            ContainerRequest jersey = (ContainerRequest) request;
            jersey.bufferEntity(); // the resource reads the same form again
            return jersey.readEntity(Form.class).asMap().getFirst(FIELD);
        }
        if (MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(request.getMediaType())) {
            ContainerRequest jersey = (ContainerRequest) request;
            jersey.bufferEntity();
            FormDataBodyPart token = jersey.readEntity(FormDataMultiPart.class).getField(FIELD);
            return token == null ? null : token.getValue();
        }
        return null;
    }

    private static String cookie(Cookie cookie) {
        return cookie == null ? null : cookie.getValue();
    }
}
