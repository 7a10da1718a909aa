package se.samtrygg.common.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.CurrentUser;

/** Builds the {@link PageContext} of a request: language, texts, CSRF token, navigation. */
public final class PageContextFactory {
    public static final String LANGUAGE_COOKIE = "samtrygg_lang";

    private final Messages messages;
    private final Navigation navigation;

    public PageContextFactory(Messages messages, Navigation navigation) {
        this.messages = messages;
        this.navigation = navigation;
    }

    public PageContext create(HttpServletRequest request, CurrentUser user) {
        Language language = language(request, user);
        String path = request.getRequestURI();
        return new PageContext(language, messages.forTemplates(language), CsrfProtection.tokenFor(request, user), user,
                navigation.linksFor(user, language, messages, path), path);
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
