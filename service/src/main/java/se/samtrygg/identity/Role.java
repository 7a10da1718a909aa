package se.samtrygg.identity;

/** What a user does in Samtrygg; a user may hold several. See DESIGN.md, "Who uses it". */
public enum Role {
    ADMIN, COORDINATOR, PARTNER, OFFICIAL
}
