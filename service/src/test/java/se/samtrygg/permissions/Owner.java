package se.samtrygg.permissions;

import java.util.ArrayList;
import java.util.List;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.support.TestServer;

/**
 * Whose confidential record (activity, observation, place report) a cell acts on. Both organisations are members of the
 * network group of the scenario's area, so an actor in the scenario's organisation (OWN) sees the other one's records as
 * any other member of the group does, and an actor outside it (OTHER) as someone outside the group does.
 */
enum Owner {
    /** The scenario's organisation: the actor's own when the target is OWN. */
    SCENARIO(""),
    /** Another member organisation of the area's network group, which no actor belongs to. */
    MEMBER("member");

    private final String prefix;

    Owner(String prefix) {
        this.prefix = prefix;
    }

    /** One record of each owner and visibility, in that order, e.g. for a feature whose records may not be PUBLIC. */
    static List<Held> each(Visibility... visibilities) {
        List<Held> all = new ArrayList<>();
        for (Owner owner : values()) {
            for (Visibility visibility : visibilities) {
                all.add(new Held(owner, visibility));
            }
        }
        return all;
    }

    /** The author of a new record of this owner: the scenario's user, or a member of the other organisation. */
    CurrentUser author(Scenario scenario, TestServer server) {
        scenario.ids.get("group"); // who reads a NETWORK record depends on the group of its area: it exists first
        return server.services().users().principalOf(this == SCENARIO ? scenario.user : scenario.ids.get("memberAuthor"));
    }

    /** A record held by an owner with a visibility, and who may read and change it. */
    record Held(Owner owner, Visibility visibility) {

        /** The record's name in a scenario for a feature's record name: "activity-NETWORK", "memberActivity-PUBLIC". */
        String key(String record) {
            String name = owner.prefix.isEmpty() ? record : owner.prefix + Character.toUpperCase(record.charAt(0)) + record.substring(1);
            return name + "-" + visibility;
        }

        /** "{activity-NETWORK}" in a path. */
        String placeholder(String record) {
            return "{" + key(record) + "}";
        }

        /** A PUBLIC record everyone signed in reads; a NETWORK one the group's members and admins; an ORGANISATION one its own organisation alone. */
        boolean readBy(Actor actor, Target target) {
            return switch (visibility) {
                case PUBLIC -> actor != Actor.ANONYMOUS;
                case NETWORK -> actor == Actor.ADMIN || (actor != Actor.ANONYMOUS && target == Target.OWN);
                case ORGANISATION -> owner == SCENARIO && actor != Actor.ANONYMOUS && target == Target.OWN;
            };
        }

        /** Only the owning organisation's people change a record: not admins, coordinators or other members. */
        boolean changedBy(Actor actor, Target target) {
            return owner == SCENARIO && actor != Actor.ANONYMOUS && target == Target.OWN;
        }

        RecordAccess read() {
            return new RecordAccess(this::readBy, this::readBy);
        }

        RecordAccess change() {
            return new RecordAccess(this::changedBy, this::readBy);
        }
    }
}
