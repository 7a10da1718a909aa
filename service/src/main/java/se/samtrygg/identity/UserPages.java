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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.organisation.OrganisationService;

/** Admin pages for users, their roles and memberships. */
@Hidden
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class UserPages {
    private static final String FORM = "/se/samtrygg/identity/user-form.mustache";

    private final UserService users;
    private final OrganisationService organisations;
    private final PageContextFactory pages;
    private final Messages messages;

    public UserPages(UserService users, OrganisationService organisations, PageContextFactory pages) {
        this.users = users;
        this.organisations = organisations;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record UserRowView(long id, String name, String email, String roles, boolean active) {
    }

    public record ListModel(List<UserRowView> users, String q, String nextQuery) {
        public boolean hasUsers() {
            return !users.isEmpty();
        }
    }

    public record FormModel(Long id, boolean creating, boolean active, FormState form, List<Option> languages, List<Option> roles,
                            List<Membership> memberships, List<Option> organisations, FormState membershipForm,
                            FormState passwordForm, String notice) {
    }

    public record ConfirmModel(long id, String name, String email) {
    }

    @GET
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor,
                         @QueryParam("q") String q, @QueryParam("after") Long after) {
        Page<User> page = users.list(actor, q, after, 50);
        PageContext context = pages.create(request, actor);
        List<UserRowView> rows = page.items().stream()
                .map(u -> new UserRowView(u.id(), u.name(), u.email(), roleNames(u.roles(), context.language()), u.active()))
                .toList();
        return new HtmlPage("/se/samtrygg/identity/users.mustache", context, "admin.users.title",
                new ListModel(rows, q == null ? "" : q, page.nextAfter() == null ? null
                        : "?q=" + java.net.URLEncoder.encode(q == null ? "" : q, java.nio.charset.StandardCharsets.UTF_8)
                        + "&after=" + page.nextAfter()));
    }

    @GET
    @Path("new")
    public HtmlPage newForm(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        Access.requireAdmin(actor);
        FormState form = FormState.empty().with("language", Language.sv.name());
        return formPage(request, actor, null, true, form, EnumSet.noneOf(Role.class), null);
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor,
                           @FormParam("email") String email, @FormParam("name") String name,
                           @FormParam("language") String language, @FormParam("roles") List<String> roles,
                           @FormParam("password") String password) {
        Set<Role> chosen = parseRoles(roles);
        try {
            User user = users.create(actor, new UserInput(email, name, Language.parse(language).orElse(null), chosen, password));
            return Redirect.to("/admin/users/" + user.id() + "?created=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("email", email).with("name", name).with("language", language)
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(formPage(request, actor, null, true, form, chosen, null)).build();
        }
    }

    @GET
    @Path("{id}")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("created") boolean created, @QueryParam("saved") boolean saved) {
        Access.requireAdmin(actor);
        User user = users.get(actor, id);
        FormState form = FormState.empty().with("email", user.email()).with("name", user.name()).with("language", user.language());
        Language language = pages.create(request, actor).language();
        String notice = created ? messages.get(language, "admin.users.created") : saved ? messages.get(language, "common.saved") : null;
        return formPage(request, actor, user, false, form, user.roles(), notice);
    }

    @POST
    @Path("{id}")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("email") String email, @FormParam("name") String name,
                           @FormParam("language") String language, @FormParam("roles") List<String> roles) {
        Set<Role> chosen = parseRoles(roles);
        try {
            users.update(actor, id, new UserInput(email, name, Language.parse(language).orElse(null), chosen, null));
            return Redirect.to("/admin/users/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            User user = users.get(actor, id);
            FormState form = FormState.empty().with("email", email).with("name", name).with("language", language)
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(formPage(request, actor, user, false, form, chosen, null)).build();
        }
    }

    @GET
    @Path("{id}/deactivate")
    public HtmlPage confirmDeactivate(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireAdmin(actor);
        User user = users.get(actor, id);
        return new HtmlPage("/se/samtrygg/identity/user-deactivate.mustache", pages.create(request, actor),
                "admin.users.deactivateTitle", new ConfirmModel(user.id(), user.name(), user.email()));
    }

    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        try {
            users.setActive(actor, id, false);
            return Redirect.to("/admin/users/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            User user = users.get(actor, id);
            FormState form = FormState.empty().with("email", user.email()).with("name", user.name()).with("language", user.language())
                    .withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(formPage(request, actor, user, false, form, user.roles(), null)).build();
        }
    }

    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@Auth CurrentUser actor, @PathParam("id") long id) {
        users.setActive(actor, id, true);
        return Redirect.to("/admin/users/" + id + "?saved=true");
    }

    @POST
    @Path("{id}/memberships")
    public Response addMembership(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                  @FormParam("organisationId") String organisationId) {
        try {
            users.addMembership(actor, id, FormValues.optionalLong(organisationId, "organisationId", "error.unknownValue"));
            return Redirect.to("/admin/users/" + id + "?saved=true#memberships");
        } catch (InvalidInputException e) {
            User user = users.get(actor, id);
            FormState form = FormState.empty().with("email", user.email()).with("name", user.name()).with("language", user.language());
            FormState membershipForm = FormState.empty().withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(formPage(request, actor, user, false, form, user.roles(), null, membershipForm,
                    FormState.empty())).build();
        }
    }

    @POST
    @Path("{id}/memberships/{membershipId}/delete")
    public Response removeMembership(@Auth CurrentUser actor, @PathParam("id") long id, @PathParam("membershipId") long membershipId) {
        users.removeMembership(actor, membershipId);
        return Redirect.to("/admin/users/" + id + "?saved=true#memberships");
    }

    @POST
    @Path("{id}/password")
    public Response setPassword(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                @FormParam("password") String password) {
        try {
            users.setPassword(actor, id, password);
            return Redirect.to("/admin/users/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            User user = users.get(actor, id);
            FormState form = FormState.empty().with("email", user.email()).with("name", user.name()).with("language", user.language());
            FormState passwordForm = FormState.empty().withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(formPage(request, actor, user, false, form, user.roles(), null, FormState.empty(),
                    passwordForm)).build();
        }
    }

    private HtmlPage formPage(HttpServletRequest request, CurrentUser actor, User user, boolean creating, FormState form,
                              Set<Role> roles, String notice) {
        return formPage(request, actor, user, creating, form, roles, notice, FormState.empty(), FormState.empty());
    }

    private HtmlPage formPage(HttpServletRequest request, CurrentUser actor, User user, boolean creating, FormState form,
                              Set<Role> roles, String notice, FormState membershipForm, FormState passwordForm) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        String chosenLanguage = form.values().getOrDefault("language", Language.sv.name());
        List<Option> languages = Arrays.stream(Language.values())
                .map(l -> new Option(l.name(), messages.get(language, "language." + l.name()), l.name().equals(chosenLanguage)))
                .toList();
        List<Option> roleOptions = Arrays.stream(Role.values())
                .map(r -> new Option(r.name(), messages.get(language, "role." + r.name()), roles.contains(r)))
                .toList();
        List<Membership> memberships = user == null ? List.of() : users.memberships(actor, user.id(), null, null, 200).items();
        Set<Long> memberOf = memberships.stream().map(Membership::organisationId).collect(Collectors.toSet());
        List<Option> organisationOptions = organisations.allActive().stream()
                .filter(o -> !memberOf.contains(o.id()))
                .map(o -> new Option(Long.toString(o.id()), o.name(), false))
                .toList();
        FormModel model = new FormModel(user == null ? null : user.id(), creating, user == null || user.active(), form, languages,
                roleOptions, memberships, organisationOptions, membershipForm, passwordForm, notice);
        return new HtmlPage(FORM, context, creating ? "admin.users.newTitle" : "admin.users.editTitle", model);
    }

    private String roleNames(Set<Role> roles, Language language) {
        return roles.stream().sorted().map(r -> messages.get(language, "role." + r.name())).collect(Collectors.joining(", "));
    }

    private static Set<Role> parseRoles(List<String> values) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (values != null) {
            for (String value : values) {
                try {
                    roles.add(Role.valueOf(value));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("roles", "error.unknownValue");
                }
            }
        }
        return roles;
    }
}
