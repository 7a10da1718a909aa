package se.samtrygg.common.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.LongToIntFunction;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.CurrentUser;

/** Builds the {@link PageContext} of a request: language, texts, CSRF token, navigation, unread notices. */
public final class PageContextFactory {
    public static final String LANGUAGE_COOKIE = "samtrygg_lang";

    private final Messages messages;
    private final Navigation navigation;
    private final LongToIntFunction unreadCount;

    public PageContextFactory(Messages messages, Navigation navigation) {
        this(messages, navigation, userId -> 0);
    }

    /** {@code unreadCount}: the signed-in user's unread inbox entries, for the header (one indexed count per page). */
    public PageContextFactory(Messages messages, Navigation navigation, LongToIntFunction unreadCount) {
        this.messages = messages;
        this.navigation = navigation;
        this.unreadCount = unreadCount;
    }

    public PageContext create(HttpServletRequest request, CurrentUser user) {
        Language language = language(request, user);
        String path = request.getRequestURI();
        return new PageContext(language, messages.forTemplates(language), CsrfProtection.tokenFor(request, user), user,
                navigation.linksFor(user, language, messages, path), path, user == null ? 0 : unreadCount.applyAsInt(user.id()));
    }

    /** The signed-in user's choice; otherwise the language cookie; otherwise Swedish. */
    public static Language language(HttpServletRequest request, CurrentUser user) {
        if (user != null) {
            return user.language();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(LANGUAGE_COOKIE)) {
                    return Language.parse(cookie.getValue()).orElse(Language.DEFAULT);
                }
            }
        }
        return Language.DEFAULT;
    }

    public Messages messages() {
        return messages;
    }
}
