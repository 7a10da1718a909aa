package se.samtrygg.servicepoint;

/** What residents can get help with during a presence slot; the public pages filter by it. */
public enum HelpKind {
    /** Questions to the municipality, forms, where to turn */
    MUNICIPAL_SERVICES,
    /** Support from social services and its field assistants */
    SOCIAL_SUPPORT,
    /** Meet the police: tips, reporting a crime, questions */
    POLICE,
    /** Housing, tenancy, the property owner */
    HOUSING,
    /** Work, studies, money and debt */
    WORK_AND_ECONOMY,
    /** Young people and their parents: leisure, school */
    YOUTH_AND_PARENTS,
    /** Help with e-services, BankID, digital forms */
    DIGITAL_HELP
}
