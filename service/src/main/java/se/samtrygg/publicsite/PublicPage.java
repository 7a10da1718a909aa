package se.samtrygg.publicsite;

import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageView;

/**
 * A page residents read without signing in, in the public layout: no navigation of the signed-in app, no forms that post,
 * and a language that comes from the address ({@code ?lang=en}) so that a shared link opens in the language it was
 * shared in. Every link on these pages carries the language on ({@link #langQuery}).
 */
public final class PublicPage extends PageView {
    private final Object model;
    private final String switchHref;

    PublicPage(String template, PageContext page, String title, Object model, String switchHref) {
        super(template, page, "publicSite.title");
        useTitle(title);
        this.model = model;
        this.switchHref = switchHref;
    }

    public Object model() {
        return model;
    }

    /** "lang=sv": appended to the links of the public pages. */
    public String langQuery() {
        return "lang=" + page().language().name();
    }

    /** The same page in the other language. */
    public String switchHref() {
        return switchHref;
    }

    public String switchLang() {
        return other().name();
    }

    /** The other language's name in that language, as language switches name it. */
    public String switchLabel() {
        return other() == Language.en ? "English" : "Svenska";
    }

    private Language other() {
        return page().language() == Language.en ? Language.sv : Language.en;
    }
}
