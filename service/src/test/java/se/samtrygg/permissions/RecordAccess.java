package se.samtrygg.permissions;

import java.util.function.BiPredicate;

/**
 * Who may act on one confidential record ({@code allowed}), and who may read it at all ({@code readers}). Someone
 * who may not act is refused with 403 when they can read the record, and told it is not found (404) when they
 * cannot, so that a record's existence does not leak past the confidentiality boundary.
 */
record RecordAccess(BiPredicate<Actor, Target> allowed, BiPredicate<Actor, Target> readers) implements BiPredicate<Actor, Target> {

    @Override
    public boolean test(Actor actor, Target target) {
        return allowed.test(actor, target);
    }

    /** The status an actor who may not use the endpoint gets. */
    static int refusal(BiPredicate<Actor, Target> allowed, Actor actor, Target target) {
        return allowed instanceof RecordAccess record && !record.readers().test(actor, target) ? 404 : 403;
    }
}
