package se.samtrygg.organisation;

/** The kinds of partner organisation (see GLOSSARY.md, "aktör / samverkanspart"). */
public enum OrganisationType {
    POLICE, SOCIAL_SERVICES, MUNICIPAL_UNIT, ASSOCIATION, HOUSING_COMPANY, TENANTS_ASSOCIATION, SCHOOL, BUSINESS, OTHER
}
