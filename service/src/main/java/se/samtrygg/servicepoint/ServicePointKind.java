package se.samtrygg.servicepoint;

/** What kind of place a service point is. */
public enum ServicePointKind {
    SERVICE_CENTRE, LOCAL_OFFICE, LIBRARY, YOUTH_CENTRE, OTHER
}
