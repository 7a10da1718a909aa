package se.samtrygg.common.web;

/** One choice in a select, a radio group or a checkbox list. */
public record Option(String value, String label, boolean selected) {
}
