package se.samtrygg.programme;

/**
 * What a derived indicator counts, per period, over its areas (see {@link DerivedQuery}).
 * <ul>
 * <li>ACTIVITIES: activities of the given types that started in the period, every visibility counted (only the count
 * leaves the database).</li>
 * <li>APARTMENTS_COVERED: apartments covered by the given rollouts on the period's last day (a stock, not a flow; see
 * {@code RolloutService.coveredApartments}).</li>
 * <li>MEETINGS_HELD: meetings of the areas' network groups that started in the period and were not cancelled.</li>
 * <li>ACTION_ITEMS_CLOSED_ON_TIME: the share, in percent, of the areas' action items due in the period that were done
 * on or before their due date (Europe/Stockholm), cancelled items left out (dropped, neither on time nor late); no value for a period where none was due, so none as the latest
 * value when nothing was due in the last complete period.</li>
 * </ul>
 */
public enum DerivedSource {
    ACTIVITIES, APARTMENTS_COVERED, MEETINGS_HELD, ACTION_ITEMS_CLOSED_ON_TIME
}
