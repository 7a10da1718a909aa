package se.samtrygg.situation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.samtrygg.common.Visibility;
import se.samtrygg.meeting.ActionItemState;

/**
 * The situation picture (lägesbild) of an area for a period of whole days, {@code from} to {@code to}
 * inclusive, in Europe/Stockholm, as one viewer may see it. Everything listed is readable by the
 * viewer; what they may not read appears only in {@link #hidden()}, as one number per kind for the
 * whole period. Links are the pages to read on.
 */
public record SituationPicture(
        long areaId,
        String areaName,
        LocalDate from,
        LocalDate to,
        LocalDate today,
        Activities activities,
        Hidden hidden,
        Observations observations,
        ActionItems actionItems,
        List<UpcomingMeeting> upcomingMeetings,
        List<UpcomingActivity> upcomingActivities,
        PlaceReports placeReports) {

    /** The visible activities of the period: totals, per type, and per ISO week (every week of the period, empty ones too). */
    public record Activities(long total, long staff, long reached, List<TypeCount> byType, List<WeekCount> byWeek) {
    }

    public record TypeCount(long typeId, String type, long activities, long staff, long reached) {
    }

    /** An ISO week (Monday to Sunday, Europe/Stockholm); {@code year} is its week-based year. */
    public record WeekCount(int year, int week, LocalDate weekStart, long activities, long staff, long reached) {
    }

    /** Records of the period the viewer may not read (another organisation's own): counted, nothing more. */
    public record Hidden(long activities, long observations, long placeReports) {
    }

    public record Observations(long total, List<CategoryHandling> byCategory, List<ObservationLine> latest) {
    }

    /** How the observations of a category were handled: not handed over, handed over and still open, handed over and closed. */
    public record CategoryHandling(long categoryId, String category, long observations, long notHandedOver, long handedOverOpen,
                                   long handedOverClosed) {
    }

    public enum Handling {
        NOT_HANDED_OVER, HANDED_OVER_OPEN, HANDED_OVER_CLOSED;

        static Handling of(Long actionItemId, ActionItemState state) {
            if (actionItemId == null) {
                return NOT_HANDED_OVER;
            }
            return state != null && state.closed() ? HANDED_OVER_CLOSED : HANDED_OVER_OPEN;
        }
    }

    public record ObservationLine(long id, Instant observedAt, String category, String place, String organisation,
                                  String description, Visibility visibility, Handling handling, ActionItemState actionItemState,
                                  String link) {
    }

    /**
     * The open action items of the area (OPEN or IN_PROGRESS) the viewer sees; overdue when the due date is
     * before today in Europe/Stockholm. {@code open} and {@code overdue} count them all, {@code items} lists
     * the first ones, most urgent first.
     */
    public record ActionItems(long open, long overdue, List<OpenActionItem> items) {
    }

    public record OpenActionItem(long id, String title, String responsibleOrganisation, String responsiblePerson, LocalDate dueDate,
                                 ActionItemState state, boolean overdue, String networkGroup, String link) {
    }

    public record UpcomingMeeting(long id, String title, String networkGroup, Instant startsAt, Instant endsAt, String place,
                                  String address, boolean cancelled, String link) {
    }

    public record UpcomingActivity(long id, String type, Instant startsAt, Instant endsAt, String place, String organisation,
                                   String link) {
    }

    /**
     * The weekly place reports of the period rolled up per ISO week and place: how many the viewer may
     * read and the highest level (0 none … 3 much) each sign got in them; and what those reports of
     * the latest reported week say is coming up.
     */
    public record PlaceReports(List<PlaceWeek> weeks, LocalDate latestWeekStart, List<UpcomingEvent> upcomingEvents) {
    }

    public record PlaceWeek(int year, int week, LocalDate weekStart, long placeId, String place, long reports, int vandalism,
                            int littering, int lighting, int gatherings, int incidentsAgainstStaff) {
    }

    public record UpcomingEvent(String place, String organisation, String text) {
    }
}
