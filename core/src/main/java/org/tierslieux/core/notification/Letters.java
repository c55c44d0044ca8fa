package org.tierslieux.core.notification;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import org.tierslieux.core.i18n.Messages;

/** Renders a mail in one language: its subject from the bundles, its HTML and plain-text bodies from Qute. */
@ApplicationScoped
class Letters {

    record Letter(String subject, String html, String text) {}

    private final Engine engine;
    private final Messages messages;

    Letters(Engine engine, Messages messages) {
        this.engine = engine;
        this.messages = messages;
    }

    Letter render(MailKind kind, Locale locale, Map<String, Object> data) {
        String language = Messages.supported(locale).getLanguage();
        String base = "core/mail/" + kind.template + "." + language;
        return new Letter(
                messages.get(locale, "mail." + kind.template + ".subject", data),
                render(base + ".html", data),
                render(base + ".txt", data));
    }

    private String render(String id, Map<String, Object> data) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No mail template " + id);
        }
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }
}
