package se.samtrygg.notification;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;

/**
 * Renders a notice into the text and HTML bodies of its e-mail, from the Mustache templates beside this class, with the
 * footer texts from the message bundles in the recipient's language.
 */
final class MailRenderer {
    private static final String ROOT = "se/samtrygg/notification/";

    private final Mustache text;
    private final Mustache html;
    private final Messages messages;
    private final String baseUrl;

    MailRenderer(Messages messages, String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        // The text body is not HTML: nothing in it may be entity-escaped.
        MustacheFactory plain = new DefaultMustacheFactory(ROOT) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        this.text = plain.compile("mail.txt.mustache");
        this.html = new DefaultMustacheFactory(ROOT).compile("mail.html.mustache");
    }

    record Bodies(String text, String html) {
    }

    /** What the templates read. */
    record Model(String lang, String subject, List<String> lines, String link, String openLabel, String footerWhy,
                 String settingsLabel, String settingsLink) {
    }

    Bodies render(Notice notice, Language language) {
        Model model = new Model(language.name(), notice.subject(), notice.lines(),
                notice.link() == null ? null : baseUrl + notice.link(),
                messages.get(language, "notification.mail.open"),
                messages.get(language, "notification.mail.why"),
                messages.get(language, "notification.mail.settings"),
                baseUrl + "/account/notifications");
        return new Bodies(run(text, model), run(html, model));
    }

    private static String run(Mustache template, Model model) {
        StringWriter out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }
}
