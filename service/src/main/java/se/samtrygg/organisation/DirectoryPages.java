package se.samtrygg.organisation;

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
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;

/** The partner directory: every organisation and how to reach its people. Members keep their own contacts. */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class DirectoryPages {
    private final OrganisationService organisations;
    private final PageContextFactory pages;
    private final Messages messages;

    public DirectoryPages(OrganisationService organisations, PageContextFactory pages) {
        this.organisations = organisations;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record Entry(long id, String name, String type) {
    }

    public record DirectoryModel(List<Entry> organisations) {
    }

    public record OrganisationModel(Organisation organisation, String type, List<ContactPerson> contacts, boolean canManage,
                                    FormState form, String notice) {
        public boolean hasContacts() {
            return !contacts.isEmpty();
        }
    }

    public record ContactFormModel(ContactPerson contact, Organisation organisation, FormState form) {
    }

    @GET
    @Path("organisations")
    public HtmlPage directory(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        PageContext context = pages.create(request, actor);
        List<Entry> entries = organisations.allActive().stream()
                .map(o -> new Entry(o.id(), o.name(), typeName(o.type(), context.language()))).toList();
        return new HtmlPage("/se/samtrygg/organisation/directory.mustache", context, "directory.title", new DirectoryModel(entries));
    }

    @GET
    @Path("organisations/{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("saved") boolean saved) {
        PageContext context = pages.create(request, actor);
        return organisationPage(request, actor, id, FormState.empty(), saved ? messages.get(context.language(), "common.saved") : null);
    }

    @POST
    @Path("organisations/{id}/contacts")
    public Response addContact(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                               @FormParam("name") String name, @FormParam("title") String title,
                               @FormParam("phone") String phone, @FormParam("email") String email) {
        try {
            organisations.addContact(actor, id, new ContactInput(name, title, phone, email));
            return Redirect.to("/organisations/" + id + "?saved=true#contacts");
        } catch (InvalidInputException e) {
            FormState form = contactForm(name, title, phone, email).withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(organisationPage(request, actor, id, form, null)).build();
        }
    }

    @GET
    @Path("contacts/{id}/edit")
    public HtmlPage editContact(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        ContactPerson contact = managedContact(actor, id);
        return contactPage(request, actor, contact, "/se/samtrygg/organisation/contact-form.mustache", "directory.editContactTitle",
                contactForm(contact.name(), contact.title(), contact.phone(), contact.email()));
    }

    @POST
    @Path("contacts/{id}")
    public Response updateContact(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                  @FormParam("name") String name, @FormParam("title") String title,
                                  @FormParam("phone") String phone, @FormParam("email") String email) {
        try {
            ContactPerson contact = organisations.updateContact(actor, id, new ContactInput(name, title, phone, email));
            return Redirect.to("/organisations/" + contact.organisationId() + "?saved=true#contacts");
        } catch (InvalidInputException e) {
            FormState form = contactForm(name, title, phone, email).withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(contactPage(request, actor, organisations.getContact(actor, id),
                    "/se/samtrygg/organisation/contact-form.mustache", "directory.editContactTitle", form)).build();
        }
    }

    @GET
    @Path("contacts/{id}/delete")
    public HtmlPage confirmDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        ContactPerson contact = managedContact(actor, id);
        return contactPage(request, actor, contact, "/se/samtrygg/organisation/contact-delete.mustache", "directory.deleteContactTitle",
                FormState.empty());
    }

    @POST
    @Path("contacts/{id}/delete")
    public Response delete(@Auth CurrentUser actor, @PathParam("id") long id) {
        ContactPerson contact = organisations.getContact(actor, id);
        organisations.removeContact(actor, id);
        return Redirect.to("/organisations/" + contact.organisationId() + "?saved=true#contacts");
    }

    private ContactPerson managedContact(CurrentUser actor, long id) {
        ContactPerson contact = organisations.getContact(actor, id);
        if (!organisations.canManageContacts(actor, contact.organisationId())) {
            throw new AccessDeniedException("not a member of the contact's organisation");
        }
        return contact;
    }

    private HtmlPage organisationPage(HttpServletRequest request, CurrentUser actor, long id, FormState form, String notice) {
        PageContext context = pages.create(request, actor);
        Organisation organisation = organisations.get(actor, id);
        OrganisationModel model = new OrganisationModel(organisation, typeName(organisation.type(), context.language()),
                organisations.contacts(actor, id), organisations.canManageContacts(actor, id), form, notice);
        return new HtmlPage("/se/samtrygg/organisation/organisation.mustache", context, "directory.title", model)
                .titled(organisation.name());
    }

    private HtmlPage contactPage(HttpServletRequest request, CurrentUser actor, ContactPerson contact, String template,
                                 String titleKey, FormState form) {
        return new HtmlPage(template, pages.create(request, actor), titleKey,
                new ContactFormModel(contact, organisations.get(actor, contact.organisationId()), form));
    }

    private static FormState contactForm(String name, String title, String phone, String email) {
        return FormState.empty().with("name", name).with("title", title).with("phone", phone).with("email", email);
    }

    private String typeName(OrganisationType type, Language language) {
        return messages.get(language, "organisationType." + type.name());
    }
}
