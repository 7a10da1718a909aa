package se.samtrygg.common.web;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The base of every page: a Mustache template under {@code /se/samtrygg/<feature>/} rendered in
 * the layout {@code /se/samtrygg/common/layout.mustache}. Templates reach {@code msg}, {@code csrf},
 * {@code user}, {@code nav} and {@code lang} directly.
 */
public abstract class PageView extends View {
    private final PageContext page;
    private String title;

    protected PageView(String template, PageContext page, String titleKey) {
        super(template, StandardCharsets.UTF_8);
        this.page = page;
        this.title = lookup(page.msg(), titleKey);
    }

    /** For pages named after what they show (an area, a network group) rather than by a fixed text. */
    protected void useTitle(String literalTitle) {
        this.title = literalTitle;
    }

    public PageContext page() {
        return page;
    }

    public Map<String, Object> msg() {
        return page.msg();
    }

    public String csrf() {
        return page.csrfToken();
    }

    public String lang() {
        return page.lang();
    }

    public Object user() {
        return page.user();
    }

    public boolean signedIn() {
        return page.signedIn();
    }

    public List<Map<String, Object>> nav() {
        return page.nav();
    }

    public String title() {
        return title;
    }

    public String currentPath() {
        return page.currentPath();
    }

    @SuppressWarnings("unchecked")
    private static String lookup(Map<String, Object> msg, String dottedKey) {
        Object node = msg;
        for (String part : dottedKey.split("\\.")) {
            if (!(node instanceof Map)) {
                return dottedKey;
            }
            node = ((Map<String, Object>) node).get(part);
        }
        return node instanceof String s ? s : dottedKey;
    }
}
