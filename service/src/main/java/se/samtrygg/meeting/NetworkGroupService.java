package se.samtrygg.meeting;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.UserService;
import se.samtrygg.identity.UserSummary;
import se.samtrygg.organisation.OrganisationService;
import se.samtrygg.reminder.ReminderService;

/**
 * Network groups. Partners see the groups their organisation belongs to; coordinators manage the
 * groups they run; admins see and manage all. Visibility lives in the DAO's queries
 * ({@link NetworkGroupDao#VISIBLE_TO_VIEWER}), so a list can never show more than a read would.
 */
public final class NetworkGroupService {
    static final String ENTITY = "network_group";
    static final int MAX_MEMBERS = 100;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final UserService users;
    private final ReminderService reminders;
    private final Clock clock;

    public NetworkGroupService(Jdbi jdbi, AuditService audit, AreaService areas, OrganisationService organisations, UserService users,
                               ReminderService reminders, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.areas = areas;
        this.organisations = organisations;
        this.users = users;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** @param actor null when the system creates it (demo data) */
    public NetworkGroup create(CurrentUser actor, NetworkGroupInput input) {
        if (actor != null) {
            Access.requireAdminOrCoordinator(actor);
        }
        Valid valid = validate(input, actor, null);
        return jdbi.inTransaction(h -> {
            NetworkGroupDao dao = h.attach(NetworkGroupDao.class);
            if (dao.findByName(valid.area().id(), valid.name()).isPresent()) {
                throw new InvalidInputException("name", "error.networkGroupNameTaken");
            }
            long id = dao.insert(valid.area().id(), valid.name(), clock.instant());
            store(dao, id, valid);
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Created network group " + valid.name() + " in " + valid.area().name()
                    + " with members " + valid.members() + " and coordinators " + valid.coordinators());
            return load(h, id);
        });
    }

    public NetworkGroup update(CurrentUser actor, long id, NetworkGroupInput input) {
        // Who may change the group is settled before the input is looked at, so nobody learns from the errors.
        NetworkGroup current = jdbi.withHandle(h -> {
            NetworkGroupDao dao = h.attach(NetworkGroupDao.class);
            dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            requireManager(dao, actor, id);
            return load(h, id);
        });
        Valid valid = validate(input, null, current);
        return jdbi.inTransaction(h -> {
            NetworkGroupDao dao = h.attach(NetworkGroupDao.class);
            NetworkGroupRow before = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            requireManager(dao, actor, id);
            dao.findByName(valid.area().id(), valid.name()).filter(g -> g.id() != id).ifPresent(g -> {
                throw new InvalidInputException("name", "error.networkGroupNameTaken");
            });
            dao.update(id, valid.area().id(), valid.name(), clock.instant());
            if (before.areaId() != valid.area().id()) {
                // The group's meetings' action items carry its area (for the situation picture): they move with it.
                h.attach(ActionItemDao.class).moveMeetingItemsOfGroup(id, valid.area().id());
            }
            Set<Long> coordinatorsBefore = dao.coordinatorsOf(List.of(id)).stream().map(NetworkGroupDao.Person::id)
                    .collect(Collectors.toSet());
            store(dao, id, valid);
            if (!coordinatorsBefore.equals(valid.coordinators())) {
                // New coordinators get the reminders of meetings and items already planned; removed ones no longer do.
                reminders.replanGroup(h, id);
            }
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed network group " + before.name() + " → " + valid.name()
                    + ": members " + valid.members() + ", coordinators " + valid.coordinators());
            return load(h, id);
        });
    }

    public NetworkGroup get(CurrentUser actor, long id) {
        return jdbi.withHandle(h -> {
            NetworkGroupDao dao = h.attach(NetworkGroupDao.class);
            if (dao.find(id).isEmpty()) {
                throw new NotFoundException(ENTITY, id);
            }
            dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds())
                    .orElseThrow(() -> new AccessDeniedException("network group " + id + " is not visible to user " + actor.id()));
            return load(h, id);
        });
    }

    public Page<NetworkGroup> list(CurrentUser actor, Long areaId, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        return jdbi.withHandle(h -> {
            NetworkGroupDao dao = h.attach(NetworkGroupDao.class);
            List<NetworkGroupRow> rows = dao.listVisible(areaId, Page.afterOrStart(after), size + 1, actor.isAdmin(), actor.id(),
                    actor.organisationIds());
            if (rows.isEmpty()) {
                return Page.of(List.<NetworkGroup>of(), size, NetworkGroup::id);
            }
            List<Long> ids = rows.stream().map(NetworkGroupRow::id).toList();
            java.util.Map<Long, List<NetworkGroupDao.Person>> members = dao.membersOf(ids).stream()
                    .collect(Collectors.groupingBy(NetworkGroupDao.Person::networkGroupId));
            java.util.Map<Long, List<NetworkGroupDao.Person>> coordinators = dao.coordinatorsOf(ids).stream()
                    .collect(Collectors.groupingBy(NetworkGroupDao.Person::networkGroupId));
            List<NetworkGroup> groups = rows.stream().map(row -> new NetworkGroup(row.id(), row.areaId(), row.areaName(), row.name(),
                    members.getOrDefault(row.id(), List.of()).stream().map(p -> new NetworkGroup.Member(p.id(), p.name())).toList(),
                    coordinators.getOrDefault(row.id(), List.of()).stream().map(p -> new NetworkGroup.Coordinator(p.id(), p.name())).toList(),
                    row.createdAt(), row.updatedAt())).toList();
            return Page.of(groups, size, NetworkGroup::id);
        });
    }

    /** The group, if the actor may see it; for the meetings of the same feature. */
    NetworkGroupRow requireVisible(Handle h, CurrentUser actor, long id, String field) {
        NetworkGroupDao dao = h.attach(NetworkGroupDao.class);
        if (dao.find(id).isEmpty()) {
            if (field != null) {
                throw new InvalidInputException(field, "error.unknownNetworkGroup");
            }
            throw new NotFoundException(ENTITY, id);
        }
        return dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds())
                .orElseThrow(() -> new AccessDeniedException("network group " + id + " is not visible to user " + actor.id()));
    }

    void requireManager(Handle h, CurrentUser actor, long id) {
        requireManager(h.attach(NetworkGroupDao.class), actor, id);
    }

    List<NetworkGroup.Member> members(Handle h, long id) {
        return h.attach(NetworkGroupDao.class).members(id);
    }

    public boolean canManage(CurrentUser actor, long id) {
        return actor.isAdmin() || jdbi.withExtension(NetworkGroupDao.class, dao -> dao.isCoordinator(id, actor.id())) > 0;
    }

    public boolean canCreate(CurrentUser actor) {
        return actor.isAdmin() || actor.isCoordinator();
    }

    /** For other features: the organisations in a network group of the area (a rollout's default responsible organisations). */
    public Set<Long> memberOrganisationIdsOfArea(long areaId) {
        return Set.copyOf(jdbi.withExtension(NetworkGroupDao.class, dao -> dao.memberOrganisationIdsOfArea(areaId)));
    }

    /** People who may coordinate a group: active users with the coordinator role. */
    public List<UserSummary> coordinatorCandidates() {
        return users.activeWithRole(Role.COORDINATOR);
    }

    public List<UserSummary> coordinatorNames(java.util.Collection<Long> userIds) {
        return users.summaries(userIds);
    }

    private record Valid(Area area, String name, Set<Long> members, Set<Long> coordinators) {
    }

    /**
     * @param current the group as it is, when changing one: members and coordinators it already has stay
     *                allowed even if they have since been deactivated or lost the role
     */
    private Valid validate(NetworkGroupInput input, CurrentUser creator, NetworkGroup current) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String name = Checks.clean(input.name());
        Set<Long> members = input.memberOrganisationIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(input.memberOrganisationIds());
        Set<Long> coordinators = input.coordinatorUserIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(input.coordinatorUserIds());
        if (creator != null && creator.isCoordinator()) {
            coordinators.add(creator.id()); // whoever starts a group runs it
        }
        Checks checks = new Checks().required("areaId", input.areaId()).required("name", name).freeText("name", name, 200)
                .check(members.size() <= MAX_MEMBERS, "memberOrganisationIds", "error.tooMany", MAX_MEMBERS)
                .check(!coordinators.isEmpty(), "coordinatorUserIds", "error.coordinatorRequired")
                .check(!members.contains(null) && !coordinators.contains(null), "memberOrganisationIds", "error.unknownValue");
        checks.throwIfInvalid();
        Area area = areas.require(input.areaId(), "areaId");
        Set<Long> currentMembers = current == null ? Set.of()
                : current.members().stream().map(NetworkGroup.Member::organisationId).collect(Collectors.toSet());
        members.stream().filter(id -> !currentMembers.contains(id)).forEach(id -> organisations.requireActive(id, "memberOrganisationIds"));
        Set<Long> eligible = coordinatorCandidates().stream().map(UserSummary::id).collect(Collectors.toSet());
        if (current != null) {
            current.coordinators().forEach(c -> eligible.add(c.userId()));
        }
        if (!eligible.containsAll(coordinators)) {
            throw new InvalidInputException("coordinatorUserIds", "error.notACoordinator");
        }
        return new Valid(area, name, members, coordinators);
    }

    private static void store(NetworkGroupDao dao, long id, Valid valid) {
        dao.clearMembers(id);
        valid.members().forEach(organisation -> dao.addMember(id, organisation));
        dao.clearCoordinators(id);
        valid.coordinators().forEach(user -> dao.addCoordinator(id, user));
    }

    private static void requireManager(NetworkGroupDao dao, CurrentUser actor, long id) {
        if (!actor.isAdmin() && dao.isCoordinator(id, actor.id()) == 0) {
            throw new AccessDeniedException("only the group's coordinators and admins manage network group " + id);
        }
    }

    private static NetworkGroup load(Handle h, long id) {
        NetworkGroupDao dao = h.attach(NetworkGroupDao.class);
        return withPeople(dao, dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id)));
    }

    private static NetworkGroup withPeople(NetworkGroupDao dao, NetworkGroupRow row) {
        return new NetworkGroup(row.id(), row.areaId(), row.areaName(), row.name(), dao.members(row.id()), dao.coordinators(row.id()),
                row.createdAt(), row.updatedAt());
    }
}
