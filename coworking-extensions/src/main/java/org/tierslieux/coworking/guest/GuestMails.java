package org.tierslieux.coworking.guest;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.tierslieux.core.i18n.Messages;
import org.tierslieux.coworking.checkin.QrCodes;

/**
 * Writes to the guest once the invitation (or its cancellation) is committed: nothing for a refused one. The mail
 * is in the host's language (French unless the host chose English), its subject from the bundles and its bodies
 * from {@code coworking/mail/<kind>.<language>.html|txt}. The pass carries the QR code as an inline image, the link
 * it holds and the code written out. A failure to send is logged; the host still sees the guest and the staff can
 * check them in from the list.
 */
@ApplicationScoped
class GuestMails {

    private static final Logger LOG = Logger.getLogger(GuestMails.class);

    private final Mailer mailer;
    private final Engine engine;
    private final Messages messages;

    GuestMails(Mailer mailer, Engine engine, Messages messages) {
        this.mailer = mailer;
        this.engine = engine;
        this.messages = messages;
    }

    void invited(@Observes(during = TransactionPhase.AFTER_SUCCESS) GuestInvited event) {
        try {
            Locale locale = Messages.supported(event.locale());
            Map<String, Object> data =
                    data(locale, event.name(), event.hostName(), event.place().name(), event.day());
            data.put("url", event.scanUrl());
            data.put("code", event.code());
            mailer.send(mail(event.email(), "guest-pass", locale, data)
                    .addInlineAttachment(
                            "pass.png", QrCodes.png(event.scanUrl(), 8), "image/png", "<qr-pass@tierslieux>"));
        } catch (RuntimeException e) {
            LOG.warnf("Guest pass mail for %s not sent: %s", event, e.toString());
        }
    }

    void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) GuestCancelled event) {
        try {
            Locale locale = Messages.supported(event.locale());
            Map<String, Object> data =
                    data(locale, event.name(), event.hostName(), event.place().name(), event.day());
            mailer.send(mail(event.email(), "guest-cancelled", locale, data));
        } catch (RuntimeException e) {
            LOG.warnf("Guest cancellation mail for %s not sent: %s", event, e.toString());
        }
    }

    private static Map<String, Object> data(Locale locale, String name, String host, String place, LocalDate day) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", name);
        data.put("host", host);
        data.put("place", place);
        data.put(
                "day",
                day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)));
        return data;
    }

    private Mail mail(String to, String kind, Locale locale, Map<String, Object> data) {
        String base = "coworking/mail/" + kind + "." + locale.getLanguage();
        return Mail.withHtml(
                        to,
                        messages.get(locale, "guests.mail." + kind + ".subject", data),
                        render(base + ".html", data))
                .setText(render(base + ".txt", data));
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
