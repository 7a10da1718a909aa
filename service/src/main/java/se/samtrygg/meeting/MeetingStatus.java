package se.samtrygg.meeting;

public enum MeetingStatus {
    SCHEDULED, CANCELLED
}
