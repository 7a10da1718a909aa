package se.samtrygg.common.db;

/**
 * The confidentiality boundary of DESIGN.md, written once as SQL and used by every query that
 * reads activity-log records (activities, observations, place reports): listings, details,
 * search, export, feeds, reports and aggregates alike.
 *
 * <p>A record has the columns {@code visibility}, {@code organisation_id} (the author's
 * organisation, which owns it) and {@code area_id}. The viewer reads it when it is PUBLIC; when
 * the viewer belongs to the owning organisation; or when it is NETWORK and the viewer sees a
 * network group of its area (a member organisation's person, a coordinator of the group, an
 * admin). An ORGANISATION record is read by its own organisation only: not by coordinators of other
 * organisations, and not by admins, who administer users rather than content.
 *
 * <p>The statement binds {@code :admin}, {@code :viewer} and {@code <viewerOrganisations>}.
 */
public final class Confidentiality {

    /** Who sees a network group (alias {@code g}): its member organisations' people, its coordinators, admins. */
    public static final String GROUP_VISIBLE_TO_VIEWER = """
            (:admin
             OR EXISTS (SELECT 1 FROM network_group_coordinator c WHERE c.network_group_id = g.id AND c.user_id = :viewer)
             OR EXISTS (SELECT 1 FROM network_group_member m WHERE m.network_group_id = g.id AND m.organisation_id IN (<viewerOrganisations>)))
            """;

    /**
     * The condition under which the viewer may read the record aliased {@code rec}. Queries name the
     * confidential table they read {@code rec} so that this one constant serves them all (an
     * annotation takes only a constant); a second record table in the same query is reached
     * through a subquery that again names it {@code rec}.
     */
    public static final String RECORD_VISIBLE_TO_VIEWER = """
            (rec.visibility = 'PUBLIC'
             OR rec.organisation_id IN (<viewerOrganisations>)
             OR (rec.visibility = 'NETWORK' AND EXISTS (SELECT 1 FROM network_group g WHERE g.area_id = rec.area_id AND """
            + GROUP_VISIBLE_TO_VIEWER + ")))\n";

    /**
     * The records an aggregate may count but not show: those the viewer cannot read. A page says
     * how many there are and nothing else about them. (COALESCE: with no organisations the IN list
     * binds NULL, and NOT of an unknown would count nothing.)
     */
    public static final String RECORD_HIDDEN_FROM_VIEWER = "(NOT COALESCE(" + RECORD_VISIBLE_TO_VIEWER + ", FALSE))";

    private Confidentiality() {
    }
}
