package se.samtrygg.organisation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;

/**
 * Partner organisations. Everyone signed in may read the directory (partners need to know who
 * is who); only admins create, change and deactivate. Organisations are deactivated, never
 * deleted: meetings, activities and memberships refer to them.
 */
public final class OrganisationService {
    static final String ENTITY = "organisation";
    static final int NAME_MAX = 200;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final Clock clock;

    public OrganisationService(Jdbi jdbi, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public Organisation create(CurrentUser actor, OrganisationInput input) {
        if (actor != null) {
            Access.requireAdmin(actor);
        }
        String name = validate(input);
        return jdbi.inTransaction(h -> {
            OrganisationDao dao = h.attach(OrganisationDao.class);
            requireUniqueName(dao, name, null);
            long id = dao.insert(name, input.type(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Created organisation \"" + name + "\" (" + input.type() + ")");
            return dao.find(id).orElseThrow();
        });
    }

    public Organisation update(CurrentUser actor, long id, OrganisationInput input) {
        Access.requireAdmin(actor);
        String name = validate(input);
        return jdbi.inTransaction(h -> {
            OrganisationDao dao = h.attach(OrganisationDao.class);
            Organisation before = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            requireUniqueName(dao, name, id);
            dao.update(id, name, input.type(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed organisation: name \"" + before.name() + "\" → \""
                    + name + "\", type " + before.type() + " → " + input.type());
            return dao.find(id).orElseThrow();
        });
    }

    public Organisation setActive(CurrentUser actor, long id, boolean active) {
        Access.requireAdmin(actor);
        return jdbi.inTransaction(h -> {
            OrganisationDao dao = h.attach(OrganisationDao.class);
            Organisation before = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            if (before.active() != active) {
                dao.setActive(id, active, clock.instant());
                audit.record(h, actor, AuditAction.UPDATE, ENTITY, id,
                        (active ? "Reactivated" : "Deactivated") + " organisation \"" + before.name() + "\"");
            }
            return dao.find(id).orElseThrow();
        });
    }

    public Organisation get(CurrentUser actor, long id) {
        return jdbi.withExtension(OrganisationDao.class, dao -> dao.find(id))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** @param query part of the name, in any case; null for all */
    public Page<Organisation> list(CurrentUser actor, String query, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        String like = Checks.likePattern(query);
        List<Organisation> rows = jdbi.withExtension(OrganisationDao.class, dao -> dao.list(Page.afterOrStart(after), like, size + 1));
        return Page.of(rows, size, Organisation::id);
    }

    /** For pick lists in forms. */
    public List<Organisation> allActive() {
        return jdbi.withExtension(OrganisationDao.class, OrganisationDao::allActive);
    }

    public List<Organisation> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(OrganisationDao.class, dao -> dao.findAll(ids));
    }

    public java.util.Optional<Organisation> findByName(String name) {
        return jdbi.withExtension(OrganisationDao.class, dao -> dao.findByName(name));
    }

    /** For other features: the organisation must exist and be active to be linked to something new. */
    public Organisation requireActive(long id, String field) {
        Organisation organisation = jdbi.withExtension(OrganisationDao.class, dao -> dao.find(id))
                .orElseThrow(() -> new InvalidInputException(field, "error.unknownOrganisation"));
        if (!organisation.active()) {
            throw new InvalidInputException(field, "error.inactiveOrganisation");
        }
        return organisation;
    }

    // Contact people: the organisation's own members and admins keep them; everyone signed in reads them.

    static final String CONTACT = "contact_person";
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^[+0-9][0-9 ()-]{4,39}$");

    /** @param actor null when the system adds it (demo data) */
    public ContactPerson addContact(CurrentUser actor, long organisationId, ContactInput input) {
        if (actor != null) {
            Access.requireMemberOrAdmin(actor, organisationId);
        }
        ContactInput valid = validate(input);
        return jdbi.inTransaction(h -> {
            Organisation organisation = h.attach(OrganisationDao.class).find(organisationId)
                    .orElseThrow(() -> new NotFoundException(ENTITY, organisationId));
            if (!organisation.active()) {
                throw new InvalidInputException("name", "error.inactiveOrganisation");
            }
            ContactDao dao = h.attach(ContactDao.class);
            long id = dao.insert(organisationId, valid, clock.instant());
            audit.record(h, actor, AuditAction.CREATE, CONTACT, id, "Added contact " + valid.name() + " to \"" + organisation.name() + "\"");
            return dao.find(id).orElseThrow();
        });
    }

    public ContactPerson updateContact(CurrentUser actor, long contactId, ContactInput input) {
        Access.requireMemberOrAdmin(actor, getContact(actor, contactId).organisationId());
        ContactInput valid = validate(input);
        return jdbi.inTransaction(h -> {
            ContactDao dao = h.attach(ContactDao.class);
            ContactPerson before = dao.find(contactId).orElseThrow(() -> new NotFoundException(CONTACT, contactId));
            Access.requireMemberOrAdmin(actor, before.organisationId());
            dao.update(contactId, valid, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, CONTACT, contactId, "Changed contact " + before.name() + " → " + valid.name());
            return dao.find(contactId).orElseThrow();
        });
    }

    public void removeContact(CurrentUser actor, long contactId) {
        jdbi.useTransaction(h -> {
            ContactDao dao = h.attach(ContactDao.class);
            ContactPerson contact = dao.find(contactId).orElseThrow(() -> new NotFoundException(CONTACT, contactId));
            Access.requireMemberOrAdmin(actor, contact.organisationId());
            dao.delete(contactId);
            audit.record(h, actor, AuditAction.DELETE, CONTACT, contactId, "Removed contact " + contact.name());
        });
    }

    public ContactPerson getContact(CurrentUser actor, long contactId) {
        return jdbi.withExtension(ContactDao.class, dao -> dao.find(contactId)).orElseThrow(() -> new NotFoundException(CONTACT, contactId));
    }

    public List<ContactPerson> contacts(CurrentUser actor, long organisationId) {
        get(actor, organisationId);
        return jdbi.withExtension(ContactDao.class, dao -> dao.forOrganisation(organisationId));
    }

    public boolean canManageContacts(CurrentUser actor, long organisationId) {
        return actor.isAdmin() || actor.isMemberOf(organisationId);
    }

    private static ContactInput validate(ContactInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String name = Checks.clean(input.name());
        String title = Checks.clean(input.title());
        String phone = Checks.clean(input.phone());
        String email = Checks.clean(input.email());
        new Checks().required("name", name).freeText("name", name, 200).freeText("title", title, 200)
                .maxLength("phone", phone, 40).check(phone == null || PHONE.matcher(phone).matches(), "phone", "error.phone")
                .maxLength("email", email, 254).email("email", email)
                .check(phone != null || email != null, "email", "error.contactReachable")
                .throwIfInvalid();
        return new ContactInput(name, title, phone, email == null ? null : email.toLowerCase(java.util.Locale.ROOT));
    }

    private static String validate(OrganisationInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String name = Checks.clean(input.name());
        new Checks().required("name", name).freeText("name", name, NAME_MAX).required("type", input.type()).throwIfInvalid();
        return name;
    }

    private static void requireUniqueName(OrganisationDao dao, String name, Long self) {
        dao.findByName(name).filter(o -> self == null || o.id() != self).ifPresent(o -> {
            throw new InvalidInputException("name", "error.organisationNameTaken");
        });
    }
}
