package se.samtrygg.common.web;

import java.util.function.Predicate;
import se.samtrygg.identity.CurrentUser;

/** A link in the main navigation, shown to those for whom {@code visibleTo} holds. */
public record NavItem(String href, String messageKey, Predicate<CurrentUser> visibleTo) {
}
