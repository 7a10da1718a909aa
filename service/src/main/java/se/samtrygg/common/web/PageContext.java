package se.samtrygg.common.web;

import java.util.List;
import java.util.Map;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.identity.CurrentUser;

/**
 * What the layout needs on every page: the reader's language and texts, the CSRF token for its
 * forms, who is signed in and the navigation they may use.
 */
public record PageContext(
        Language language,
        Map<String, Object> msg,
        String csrfToken,
        CurrentUser user,
        List<Map<String, Object>> nav,
        String currentPath) {

    public boolean signedIn() {
        return user != null;
    }

    public String lang() {
        return language.name();
    }

    public boolean english() {
        return language == Language.en;
    }
}
