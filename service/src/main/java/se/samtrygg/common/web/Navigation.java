package se.samtrygg.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.CurrentUser;

/** The main navigation. Features add their own items when they register; the layout shows those the user may use. */
public final class Navigation {
    private final List<NavItem> items = new ArrayList<>();

    public void add(NavItem item) {
        items.add(item);
    }

    /** Rendered links: label, href and whether it is the page being shown (for aria-current). */
    public List<Map<String, Object>> linksFor(CurrentUser user, Language language, Messages messages, String currentPath) {
        List<Map<String, Object>> links = new ArrayList<>();
        if (user == null) {
            return links;
        }
        for (NavItem item : items) {
            if (item.visibleTo().test(user)) {
                boolean current = item.href().equals("/") ? currentPath.equals("/")
                        : currentPath.equals(item.href()) || currentPath.startsWith(item.href() + "/");
                links.add(Map.of("href", item.href(), "label", messages.get(language, item.messageKey()), "current", current));
            }
        }
        return links;
    }
}
