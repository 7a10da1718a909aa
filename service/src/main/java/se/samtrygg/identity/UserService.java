package se.samtrygg.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.organisation.OrganisationService;

/**
 * Users, their roles and their memberships. Admins manage them; everyone may read themselves
 * and the people of their own organisations.
 */
public final class UserService {
    static final String ENTITY = "user";
    static final String MEMBERSHIP = "membership";

    private final Jdbi jdbi;
    private final AuditService audit;
    private final OrganisationService organisations;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    public UserService(Jdbi jdbi, AuditService audit, OrganisationService organisations, PasswordHasher hasher,
                       PasswordPolicy policy, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.organisations = organisations;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    /** @param actor null when the system creates the user (first admin, demo data) */
    public User create(CurrentUser actor, UserInput input) {
        // A password an admin typed is known to the admin: the person replaces it at first sign-in.
        return create(actor, input, actor != null);
    }

    /** @param passwordChangeRequired whether a given password is a one-time password (ignored without one) */
    User create(CurrentUser actor, UserInput input, boolean passwordChangeRequired) {
        if (actor != null) {
            Access.requireAdmin(actor);
        }
        Valid valid = validate(input, true);
        String hash = input.password() == null || input.password().isEmpty() ? null : hasher.hash(input.password());
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            requireFreeEmail(dao, valid.email(), null);
            long id = dao.insert(valid.email(), valid.name(), valid.language(), hash, passwordChangeRequired && hash != null, clock.instant());
            valid.roles().forEach(role -> dao.addRole(id, role));
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id,
                    "Created user " + valid.email() + " (" + valid.name() + ") with roles " + sorted(valid.roles()));
            return load(dao, id);
        });
    }

    public User update(CurrentUser actor, long id, UserInput input) {
        Access.requireAdmin(actor);
        Valid valid = validate(input, false);
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            User before = load(dao, id);
            requireFreeEmail(dao, valid.email(), id);
            if (before.roles().contains(Role.ADMIN) && !valid.roles().contains(Role.ADMIN) && before.active()
                    && dao.countActiveAdminsExcept(id) == 0) {
                throw new InvalidInputException("roles", "error.lastAdmin");
            }
            dao.update(id, valid.email(), valid.name(), valid.language(), clock.instant());
            dao.clearRoles(id);
            valid.roles().forEach(role -> dao.addRole(id, role));
            User after = load(dao, id);
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, describeChange(before, after));
            return after;
        });
    }

    public User setActive(CurrentUser actor, long id, boolean active) {
        Access.requireAdmin(actor);
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            User before = load(dao, id);
            if (before.active() == active) {
                return before;
            }
            if (!active && before.roles().contains(Role.ADMIN) && dao.countActiveAdminsExcept(id) == 0) {
                throw new InvalidInputException("active", "error.lastAdmin");
            }
            dao.setActive(id, active, clock.instant());
            if (!active) {
                // A deactivated user is signed out everywhere at once.
                h.attach(SessionDao.class).deleteForUser(id);
                h.attach(ApiTokenDao.class).revokeAllOf(id, clock.instant());
            }
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, (active ? "Reactivated" : "Deactivated") + " user " + before.email());
            return load(dao, id);
        });
    }

    public User get(CurrentUser actor, long id) {
        User user = jdbi.withExtension(UserDao.class, dao -> find(dao, id)).orElseThrow(() -> new NotFoundException(ENTITY, id));
        Access.requireCanSeeUser(actor, id, user.organisationIds());
        return user;
    }

    public Page<User> list(CurrentUser actor, String query, Long after, Integer limit) {
        Access.requireAdmin(actor);
        int size = Page.clampLimit(limit);
        String like = Checks.likePattern(query);
        return jdbi.withHandle(h -> {
            UserDao dao = h.attach(UserDao.class);
            List<UserRow> rows = dao.list(Page.afterOrStart(after), like, size + 1);
            if (rows.isEmpty()) {
                return Page.of(List.<User>of(), size, User::id);
            }
            // Two queries for the whole page, not two per user.
            List<Long> ids = rows.stream().map(UserRow::id).toList();
            java.util.Map<Long, Set<Role>> roles = dao.rolesOf(ids).stream().collect(java.util.stream.Collectors.groupingBy(
                    UserDao.RoleOf::userId, java.util.stream.Collectors.mapping(UserDao.RoleOf::role, java.util.stream.Collectors.toSet())));
            java.util.Map<Long, Set<Long>> organisationIds = dao.organisationsOf(ids).stream().collect(java.util.stream.Collectors.groupingBy(
                    UserDao.OrganisationOf::userId,
                    java.util.stream.Collectors.mapping(UserDao.OrganisationOf::organisationId, java.util.stream.Collectors.toSet())));
            List<User> users = rows.stream().map(row -> new User(row.id(), row.email(), row.name(), row.language(), row.active(),
                    roles.getOrDefault(row.id(), Set.of()), organisationIds.getOrDefault(row.id(), Set.of()), row.createdAt(),
                    row.updatedAt())).toList();
            return Page.of(users, size, User::id);
        });
    }

    /** The signed-in user changes their own language (pages offer it in the header and on the account page). */
    public void setLanguage(CurrentUser actor, Language language) {
        jdbi.useTransaction(h -> {
            h.attach(UserDao.class).updateLanguage(actor.id(), language, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, actor.id(), "Changed own language to " + language);
        });
    }

    /** A user changes their own password; the current one must be given. */
    public void changeOwnPassword(CurrentUser actor, String current, String replacement) {
        UserRow row = jdbi.withExtension(UserDao.class, dao -> dao.find(actor.id())).orElseThrow();
        List<FieldError> problems = new ArrayList<>();
        if (!hasher.verify(current == null ? "" : current, row.passwordHash())) {
            problems.add(new FieldError("currentPassword", "error.wrongPassword"));
        }
        problems.addAll(policy.problems("newPassword", replacement, row.email(), row.name()));
        if (replacement != null && replacement.equals(current)) {
            problems.add(new FieldError("newPassword", "error.samePassword"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String hash = hasher.hash(replacement);
        jdbi.useTransaction(h -> {
            h.attach(UserDao.class).setPassword(actor.id(), hash, false, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, actor.id(), "Changed own password");
        });
    }

    /** An admin sets a password for someone (a new colleague, a forgotten password); they must change it at first login. */
    public void setPassword(CurrentUser actor, long userId, String password) {
        Access.requireAdmin(actor);
        UserRow row = jdbi.withExtension(UserDao.class, dao -> dao.find(userId)).orElseThrow(() -> new NotFoundException(ENTITY, userId));
        List<FieldError> problems = policy.problems("password", password, row.email(), row.name());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String hash = hasher.hash(password);
        jdbi.useTransaction(h -> {
            h.attach(UserDao.class).setPassword(userId, hash, actor.id() != userId, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, userId, "Set a new password for " + row.email());
        });
    }

    // Memberships

    public Membership addMembership(CurrentUser actor, Long userId, Long organisationId) {
        if (actor != null) {
            Access.requireAdmin(actor);
        }
        new Checks().required("userId", userId).required("organisationId", organisationId).throwIfInvalid();
        organisations.requireActive(organisationId, "organisationId");
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            UserRow user = dao.find(userId).orElseThrow(() -> new InvalidInputException("userId", "error.unknownUser"));
            if (dao.findMembership(userId, organisationId).isPresent()) {
                throw new InvalidInputException("organisationId", "error.alreadyMember");
            }
            long id = dao.insertMembership(userId, organisationId, clock.instant());
            Membership membership = dao.findMembership(id).orElseThrow();
            audit.record(h, actor, AuditAction.CREATE, MEMBERSHIP, id,
                    "Added " + user.email() + " to organisation \"" + membership.organisationName() + "\"");
            return membership;
        });
    }

    public void removeMembership(CurrentUser actor, long membershipId) {
        Access.requireAdmin(actor);
        jdbi.useTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            Membership membership = dao.findMembership(membershipId).orElseThrow(() -> new NotFoundException(MEMBERSHIP, membershipId));
            dao.deleteMembership(membershipId);
            audit.record(h, actor, AuditAction.DELETE, MEMBERSHIP, membershipId,
                    "Removed " + membership.userName() + " from organisation \"" + membership.organisationName() + "\"");
        });
    }

    public Membership getMembership(CurrentUser actor, long membershipId) {
        Membership membership = jdbi.withExtension(UserDao.class, dao -> dao.findMembership(membershipId))
                .orElseThrow(() -> new NotFoundException(MEMBERSHIP, membershipId));
        if (membership.userId() != actor.id()) {
            Access.requireMemberOrAdmin(actor, membership.organisationId());
        }
        return membership;
    }

    /**
     * Memberships of one organisation (its members may list them) or of one user (the user and admins).
     * Without either filter, admins only.
     */
    public Page<Membership> memberships(CurrentUser actor, Long userId, Long organisationId, Long after, Integer limit) {
        if (organisationId != null) {
            Access.requireMemberOrAdmin(actor, organisationId);
        } else if (userId != null) {
            Access.requireOwnerOrAdmin(actor, userId);
        } else {
            Access.requireAdmin(actor);
        }
        int size = Page.clampLimit(limit);
        List<Membership> rows = jdbi.withExtension(UserDao.class,
                dao -> dao.memberships(userId, organisationId, Page.afterOrStart(after), size + 1));
        return Page.of(rows, size, Membership::id);
    }

    /** Active users who hold a role, by name: for pickers such as a network group's coordinators. */
    public List<UserSummary> activeWithRole(Role role) {
        return jdbi.withExtension(UserDao.class, dao -> dao.activeWithRole(role));
    }

    public List<UserSummary> summaries(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(UserDao.class, dao -> dao.summaries(ids));
    }

    /** The active ones among these people: for features that invite or name people. */
    public List<UserSummary> activeSummaries(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(UserDao.class, dao -> dao.activeSummaries(ids));
    }

    /** An active person by e-mail address, for forms where people are named by address. */
    public Optional<UserSummary> activeByEmail(String email) {
        return jdbi.withExtension(UserDao.class, dao -> dao.activeByEmail(Checks.clean(email) == null ? "" : Checks.clean(email)));
    }

    /**
     * The active people of these organisations, by organisation and name, at most {@code limit} rows
     * (someone in two of them comes once per organisation): for picking who attended a meeting.
     */
    public List<OrganisationMember> activeMembersOf(java.util.Collection<Long> organisationIds, int limit) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(UserDao.class, dao -> dao.activeMembersOf(organisationIds, limit));
    }

    /** Which of these people are active members of at least one of these organisations. */
    public java.util.Set<Long> activeMembersAmong(java.util.Collection<Long> userIds, java.util.Collection<Long> organisationIds) {
        if (userIds.isEmpty() || organisationIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbi.withExtension(UserDao.class, dao -> dao.activeMembersAmong(userIds, organisationIds)));
    }

    /** For other features: whether a person can be made responsible for something on behalf of an organisation. */
    public boolean isActiveMember(long userId, long organisationId) {
        return jdbi.withHandle(h -> {
            UserDao dao = h.attach(UserDao.class);
            return dao.find(userId).filter(UserRow::active).isPresent() && dao.findMembership(userId, organisationId).isPresent();
        });
    }

    /**
     * Active people of the given active organisations, grouped by organisation name, at most {@code limit}: for pickers of a
     * responsible person. Names only; who may see them is the caller's rule.
     */
    public List<Membership> activeMemberships(java.util.Collection<Long> organisationIds, int limit) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(UserDao.class, dao -> dao.activeMemberships(organisationIds, limit));
    }

    /** The principal of a user, for commands that act as a person (demo data); never for requests. */
    public CurrentUser principalOf(long userId) {
        return jdbi.withHandle(h -> principal(h, userId, null)).orElseThrow(() -> new NotFoundException(ENTITY, userId));
    }

    // For the other parts of identity

    Optional<User> findByEmail(String email) {
        return jdbi.withHandle(h -> {
            UserDao dao = h.attach(UserDao.class);
            return dao.findByEmail(email).map(row -> withRelations(dao, row));
        });
    }

    boolean anyActiveAdmin() {
        return jdbi.withExtension(UserDao.class, UserDao::countActiveAdmins) > 0;
    }

    /** The principal of a user (active, else empty), read within the caller's handle. */
    static Optional<CurrentUser> principal(Handle h, long userId, String csrfToken) {
        return PrincipalRow.fold(h.attach(UserDao.class).principal(userId), csrfToken);
    }

    private record Valid(String email, String name, Language language, Set<Role> roles) {
    }

    private Valid validate(UserInput input, boolean creating) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String email = Checks.clean(input.email());
        String name = Checks.clean(input.name());
        Checks checks = new Checks()
                .required("email", email).maxLength("email", email, 254).email("email", email)
                .required("name", name).freeText("name", name, 200);
        List<FieldError> problems = new ArrayList<>();
        if (creating && input.password() != null && !input.password().isEmpty()) {
            problems.addAll(policy.problems("password", input.password(), email, name));
        }
        problems.forEach(p -> checks.check(false, p.field(), p.messageKey(), p.args().toArray()));
        checks.throwIfInvalid();
        Set<Role> roles = input.roles() == null || input.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(input.roles());
        return new Valid(email.toLowerCase(Locale.ROOT), name, input.language() == null ? Language.DEFAULT : input.language(), roles);
    }

    private static void requireFreeEmail(UserDao dao, String email, Long self) {
        dao.findByEmail(email).filter(u -> self == null || u.id() != self).ifPresent(u -> {
            throw new InvalidInputException("email", "error.emailTaken");
        });
    }

    private static Optional<User> find(UserDao dao, long id) {
        return dao.find(id).map(row -> withRelations(dao, row));
    }

    private static User load(UserDao dao, long id) {
        return find(dao, id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private static User withRelations(UserDao dao, UserRow row) {
        return new User(row.id(), row.email(), row.name(), row.language(), row.active(), dao.roles(row.id()),
                dao.organisationIds(row.id()), row.createdAt(), row.updatedAt());
    }

    private static String describeChange(User before, User after) {
        List<String> changes = new ArrayList<>();
        if (!before.email().equals(after.email())) {
            changes.add("e-mail " + before.email() + " → " + after.email());
        }
        if (!before.name().equals(after.name())) {
            changes.add("name \"" + before.name() + "\" → \"" + after.name() + "\"");
        }
        if (before.language() != after.language()) {
            changes.add("language " + before.language() + " → " + after.language());
        }
        if (!before.roles().equals(after.roles())) {
            changes.add("roles " + sorted(before.roles()) + " → " + sorted(after.roles()));
        }
        return "Changed user " + after.email() + (changes.isEmpty() ? " (no differences)" : ": " + String.join(", ", changes));
    }

    private static List<Role> sorted(Set<Role> roles) {
        return roles.stream().sorted().toList();
    }
}
