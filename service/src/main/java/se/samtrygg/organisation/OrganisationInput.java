package se.samtrygg.organisation;

/** What a form or an API call gives to create or change an organisation. */
public record OrganisationInput(String name, OrganisationType type) {
}
