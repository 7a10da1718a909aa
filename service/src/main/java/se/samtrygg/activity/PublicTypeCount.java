package se.samtrygg.activity;

/** How many PUBLIC activities of one type an area had in a period: the public pages' figures. */
public record PublicTypeCount(String typeName, long activities) {
}
