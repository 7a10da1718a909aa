package se.samtrygg.identity;

/** Who someone is, for lists and pickers: no e-mail, no roles. */
public record UserSummary(long id, String name) {
}
