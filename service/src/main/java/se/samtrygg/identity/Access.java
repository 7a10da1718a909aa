package se.samtrygg.identity;

import java.util.Collection;
import se.samtrygg.common.AccessDeniedException;

/**
 * Authorisation, in one place. Services call these before they act, so the API and the pages
 * obey the same rules; the permission-matrix test walks every endpoint against them. Later
 * features add their rules here.
 */
public final class Access {
    private Access() {
    }

    public static void requireAdmin(CurrentUser actor) {
        require(actor.isAdmin(), "admin role required");
    }

    /** Places are added by the people who run the work in an area, as well as by admins. */
    public static void requireAdminOrCoordinator(CurrentUser actor) {
        require(actor.isAdmin() || actor.isCoordinator(), "admin or coordinator role required");
    }

    /** Admins see every organisation's members; others only those of their own organisations. */
    public static void requireMemberOrAdmin(CurrentUser actor, long organisationId) {
        require(actor.isAdmin() || actor.isMemberOf(organisationId), "not a member of organisation " + organisationId);
    }

    /** A user record is visible to admins, to the user, and to people who share an organisation with them. */
    public static void requireCanSeeUser(CurrentUser actor, long userId, Collection<Long> usersOrganisations) {
        boolean sharesOrganisation = usersOrganisations.stream().anyMatch(actor::isMemberOf);
        require(actor.isAdmin() || actor.id() == userId || sharesOrganisation, "may not see user " + userId);
    }

    /** Tokens are managed by their owner, and by admins (to revoke a lost one). */
    public static void requireOwnerOrAdmin(CurrentUser actor, long ownerId) {
        require(actor.isAdmin() || actor.id() == ownerId, "not the owner");
    }

    /** Programme follow-up is kept by officials, and by admins. */
    public static void requireProgrammeEditor(CurrentUser actor) {
        require(isProgrammeEditor(actor), "admin or official role required");
    }

    public static boolean isProgrammeEditor(CurrentUser actor) {
        return actor.isAdmin() || actor.has(Role.OFFICIAL);
    }

    /** Coordinators follow the work on the ground, so they comment on progress alongside officials and admins. */
    public static void requireProgressCommenter(CurrentUser actor) {
        require(isProgressCommenter(actor), "admin, official or coordinator role required");
    }

    public static boolean isProgressCommenter(CurrentUser actor) {
        return isProgrammeEditor(actor) || actor.isCoordinator();
    }

    private static void require(boolean allowed, String reason) {
        if (!allowed) {
            throw new AccessDeniedException(reason);
        }
    }
}
