package se.samtrygg.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;

/** Sign in, sign out and the language switch: the pages that work without a session. */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class LoginPages {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final LoginService logins;
    private final SessionService sessions;
    private final UserService users;
    private final PageContextFactory pages;
    private final Messages messages;

    public LoginPages(LoginService logins, SessionService sessions, UserService users, PageContextFactory pages) {
        this.logins = logins;
        this.sessions = sessions;
        this.users = users;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record LoginModel(String email, String next, String error, boolean loggedOut) {
        public boolean hasError() {
            return error != null;
        }
    }

    @GET
    @Path("login")
    public Response form(@Context HttpServletRequest request, @QueryParam("next") String next,
                         @QueryParam("loggedOut") boolean loggedOut,
                         @CookieParam(AuthenticationFilter.SESSION_COOKIE) String sessionId) {
        if (sessions.authenticate(sessionId).isPresent()) {
            return Redirect.to(Redirect.safeLocalPath(next, "/"));
        }
        return Response.ok(page(request, new LoginModel("", Redirect.safeLocalPath(next, "/"), null, loggedOut))).build();
    }

    @POST
    @Path("login")
    public Response login(@Context HttpServletRequest request, @FormParam("email") String email,
                          @FormParam("password") String password, @FormParam("next") String next,
                          @CookieParam(AuthenticationFilter.SESSION_COOKIE) String previousSession) {
        String target = Redirect.safeLocalPath(next, "/");
        LoginOutcome outcome = logins.attempt(email, password);
        if (outcome instanceof LoginOutcome.Success success) {
            String sessionId = sessions.start(success.userId(), previousSession);
            return Response.seeOther(java.net.URI.create(target)).cookie(sessionCookie(request, sessionId)).build();
        }
        Language language = PageContextFactory.language(request, null);
        String error;
        if (outcome instanceof LoginOutcome.SlowedDown slow) {
            error = messages.get(language, "login.error.slowedDown", slow.secondsToWait());
        } else if (outcome instanceof LoginOutcome.Locked locked) {
            error = messages.get(language, "login.error.locked",
                    DateTimeFormatter.ofPattern("HH:mm").format(locked.until().atZone(STOCKHOLM)));
        } else {
            error = messages.get(language, "login.error.invalid");
        }
        int status = outcome instanceof LoginOutcome.Invalid ? 401 : 429;
        String shownEmail = email == null ? "" : email.length() > 254 ? email.substring(0, 254) : email;
        return Response.status(status).entity(page(request, new LoginModel(shownEmail, target, error, false))).build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context HttpServletRequest request, @Auth CurrentUser user,
                           @CookieParam(AuthenticationFilter.SESSION_COOKIE) String sessionId) {
        sessions.end(sessionId);
        return Response.seeOther(java.net.URI.create("/login?loggedOut=true"))
                .cookie(expiredSessionCookie(request)).build();
    }

    @POST
    @Path("language")
    public Response language(@Context HttpServletRequest request, @Auth Optional<CurrentUser> user,
                             @FormParam("language") String code, @FormParam("next") String next) {
        Language language = Language.parse(code).orElse(Language.DEFAULT);
        user.ifPresent(u -> users.setLanguage(u, language));
        NewCookie cookie = new NewCookie.Builder(PageContextFactory.LANGUAGE_COOKIE).value(language.name()).path("/")
                .maxAge(60 * 60 * 24 * 365).sameSite(NewCookie.SameSite.LAX).httpOnly(true).secure(request.isSecure()).build();
        return Response.seeOther(java.net.URI.create(Redirect.safeLocalPath(next, "/"))).cookie(cookie).build();
    }

    private HtmlPage page(HttpServletRequest request, LoginModel model) {
        PageContext context = pages.create(request, null);
        return new HtmlPage("/se/samtrygg/identity/login.mustache", context, "login.title", model);
    }

    /** No Max-Age: the cookie lives until the browser closes, and the server ends it sooner when idle. */
    private static NewCookie sessionCookie(HttpServletRequest request, String sessionId) {
        return new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE).value(sessionId).path("/")
                .httpOnly(true).secure(request.isSecure()).sameSite(NewCookie.SameSite.LAX).build();
    }

    private static NewCookie expiredSessionCookie(HttpServletRequest request) {
        return new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE).value("").path("/").maxAge(0)
                .httpOnly(true).secure(request.isSecure()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
