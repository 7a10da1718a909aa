package se.samtrygg.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import se.samtrygg.activity.ActivityService;
import se.samtrygg.area.AreaService;
import se.samtrygg.meeting.ActionItemService;
import se.samtrygg.meeting.MeetingService;
import se.samtrygg.rollout.RolloutService;

/**
 * Values of DERIVED indicators, counted live from the records of other features through their services (never their
 * DAOs). Periods are calendar months, quarters or years in Europe/Stockholm. Only counts and sums leave those
 * services: ORGANISATION-visible records are counted, never listed.
 */
public final class DerivedIndicators {
    private final ActivityService activities;
    private final RolloutService rollouts;
    private final MeetingService meetings;
    private final ActionItemService actionItems;
    private final AreaService areas;
    private final Clock clock;

    public DerivedIndicators(ActivityService activities, RolloutService rollouts, MeetingService meetings, ActionItemService actionItems,
                             AreaService areas, Clock clock) {
        this.activities = activities;
        this.rollouts = rollouts;
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.areas = areas;
        this.clock = clock;
    }

    /**
     * One point per period, oldest first, from the period that contains {@code from} through the one that contains
     * {@code to} (usually today). A period after {@code to}'s is never counted; the period under way ends at {@code to}
     * and, for the flow sources (all but APARTMENTS_COVERED), is marked {@code partial}. A period without a value
     * (ACTION_ITEMS_CLOSED_ON_TIME with nothing due, APARTMENTS_COVERED without rollouts) has no point.
     */
    public List<DataPoint> series(DerivedQuery query, PeriodLength period, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("contract");
    }

    /**
     * The latest value that is not partial, as of {@code asOf}: the last complete period's for flow sources, the value on
     * {@code asOf} for APARTMENTS_COVERED; null when there is none. Cheap enough to call for every indicator of the
     * overview (a bounded number of aggregate queries, no series).
     */
    public DataPoint latest(DerivedQuery query, PeriodLength period, LocalDate asOf) {
        throw new UnsupportedOperationException("contract");
    }

    /**
     * The breakdown: for each area of the query (every area with a value when the query names none; for
     * APARTMENTS_COVERED the areas of its rollouts), by area name, the latest value as {@link #latest} defines it.
     */
    public List<AreaValue> byArea(DerivedQuery query, PeriodLength period, LocalDate asOf) {
        throw new UnsupportedOperationException("contract");
    }
}
