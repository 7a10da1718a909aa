package se.samtrygg.identity;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;

/** The signed-in user's own account: password and API tokens. */
@Hidden
@Path("/account")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class AccountPages {
    private final UserService users;
    private final ApiTokenService tokens;
    private final PageContextFactory pages;

    public AccountPages(UserService users, ApiTokenService tokens, PageContextFactory pages) {
        this.users = users;
        this.tokens = tokens;
        this.pages = pages;
    }

    public record PasswordModel(FormState form, boolean required, boolean changed) {
    }

    public record TokenRow(long id, String name, String created, String expires, String lastUsed, boolean active) {
    }

    public record TokensModel(List<TokenRow> tokens, FormState form, CreatedApiToken created, String lifetimeLabel, long maxDays) {
        public boolean hasTokens() {
            return !tokens.isEmpty();
        }
    }

    @GET
    @Path("password")
    public HtmlPage passwordForm(@Context HttpServletRequest request, @Auth CurrentUser user, @QueryParam("changed") boolean changed) {
        return passwordPage(request, user, FormState.empty(), changed);
    }

    @POST
    @Path("password")
    public Response changePassword(@Context HttpServletRequest request, @Auth CurrentUser user,
                                   @FormParam("currentPassword") String current, @FormParam("newPassword") String replacement) {
        try {
            users.changeOwnPassword(user, current, replacement);
            return Redirect.to("/account/password?changed=true");
        } catch (InvalidInputException e) {
            PageContext context = pages.create(request, user);
            // Passwords are never echoed back into the page.
            FormState form = FormState.empty().withErrors(e.errors(), pages.messages(), context.language());
            return Response.status(422).entity(passwordPage(request, user, form, false)).build();
        }
    }

    @GET
    @Path("tokens")
    public HtmlPage tokenList(@Context HttpServletRequest request, @Auth CurrentUser user) {
        return tokensPage(request, user, FormState.empty(), null);
    }

    @POST
    @Path("tokens")
    public Response createToken(@Context HttpServletRequest request, @Auth CurrentUser user,
                                @FormParam("name") String name, @FormParam("expiresInDays") String days) {
        FormState form = FormState.empty().with("name", name).with("expiresInDays", days);
        try {
            Integer lifetime = days == null || days.isBlank() ? null : parseDays(days);
            CreatedApiToken created = tokens.create(user, name, lifetime);
            // Shown in this response only: a reload must not show it again, and it is never stored.
            return Response.ok(tokensPage(request, user, FormState.empty(), created)).build();
        } catch (InvalidInputException e) {
            PageContext context = pages.create(request, user);
            form.withErrors(e.errors(), pages.messages(), context.language());
            return Response.status(422).entity(tokensPage(request, user, form, null)).build();
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revokeToken(@Auth CurrentUser user, @PathParam("id") long id) {
        tokens.revoke(user, id);
        return Redirect.to("/account/tokens");
    }

    private HtmlPage passwordPage(HttpServletRequest request, CurrentUser user, FormState form, boolean changed) {
        return new HtmlPage("/se/samtrygg/identity/password.mustache", pages.create(request, user), "account.password.title",
                new PasswordModel(form, user.passwordChangeRequired(), changed));
    }

    private HtmlPage tokensPage(HttpServletRequest request, CurrentUser user, FormState form, CreatedApiToken created) {
        PageContext context = pages.create(request, user);
        List<TokenRow> rows = tokens.list(user, null, null, 200).items().stream()
                .map(t -> new TokenRow(t.id(), t.name(), Dates.dateTime(t.createdAt()), Dates.date(t.expiresAt()),
                        t.lastUsedAt() == null ? "–" : Dates.dateTime(t.lastUsedAt()), tokens.isUsable(t)))
                .toList();
        String lifetimeLabel = pages.messages().get(context.language(), "account.tokens.lifetime", tokens.defaultLifetimeDays());
        return new HtmlPage("/se/samtrygg/identity/tokens.mustache", context, "account.tokens.title",
                new TokensModel(rows, form, created, lifetimeLabel, tokens.maxLifetimeDays()));
    }

    private static Integer parseDays(String days) {
        try {
            return Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("expiresInDays", "error.number");
        }
    }
}
