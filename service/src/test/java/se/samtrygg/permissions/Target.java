package se.samtrygg.permissions;

/** Whose record the request is about: one in the actor's own organisation, or in another one. */
public enum Target {
    OWN, OTHER
}
