package se.samtrygg.identity;

import java.util.Set;
import se.samtrygg.common.i18n.Language;

/**
 * What an admin gives to create or change a user. {@code password} is only read on creation
 * (and may be left out there: the user then cannot sign in until an admin sets one).
 */
public record UserInput(String email, String name, Language language, Set<Role> roles, String password) {
}
