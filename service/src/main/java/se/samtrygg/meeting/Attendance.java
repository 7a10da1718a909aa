package se.samtrygg.meeting;

import java.util.List;

/** Who came to a meeting: the invited organisations that were represented, and the people who attended. */
public record Attendance(long meetingId, List<Organisation> organisations, List<Person> people) {

    public record Organisation(long organisationId, String name) {
    }

    public record Person(long userId, String name) {
    }

    public boolean recorded() {
        return !organisations.isEmpty() || !people.isEmpty();
    }
}
