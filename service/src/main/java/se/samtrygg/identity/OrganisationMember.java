package se.samtrygg.identity;

/** An active person of an organisation, for lists such as a meeting's attendance: no e-mail, no roles. */
public record OrganisationMember(long organisationId, long userId, String name) {
}
