package se.samtrygg.common.web;

import java.util.List;
import java.util.Map;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.identity.CurrentUser;

/**
 * What the layout needs on every page: the reader's language and texts, the CSRF token for its
 * forms, who is signed in, the navigation they may use and how many of their notices are unread.
 */
public record PageContext(
        Language language,
        Map<String, Object> msg,
        String csrfToken,
        CurrentUser user,
        List<Map<String, Object>> nav,
        String currentPath,
        int unreadCount) {

    /** A page without an inbox in its header (the public site, pages for visitors). */
    public PageContext(Language language, Map<String, Object> msg, String csrfToken, CurrentUser user,
                       List<Map<String, Object>> nav, String currentPath) {
        this(language, msg, csrfToken, user, nav, currentPath, 0);
    }

    public boolean hasUnread() {
        return unreadCount > 0;
    }

    public boolean inboxCurrent() {
        return currentPath != null && currentPath.startsWith("/inbox");
    }

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
