package se.samtrygg.common.web;

/**
 * A page whose template reads one model (a record) inside {@code {{#model}}...{{/model}}}, with
 * the layout's {@code msg}, {@code csrf} and {@code user} still in reach.
 */
public final class HtmlPage extends PageView {
    private final Object model;

    public HtmlPage(String template, PageContext page, String titleKey, Object model) {
        super(template, page, titleKey);
        this.model = model;
    }

    public HtmlPage titled(String literalTitle) {
        useTitle(literalTitle);
        return this;
    }

    public Object model() {
        return model;
    }
}
