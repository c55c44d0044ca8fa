package org.tierslieux.coworking.guest;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.tierslieux.coworking.checkin.QrCodes;

/**
 * Sends the guest their pass once the invitation is committed (a refused invitation sends nothing): in French,
 * the place's language, with the QR code as an inline image, the link it holds and the code written out. A
 * failure to send is logged; the host still sees the guest and the staff can check them in from the list.
 */
@ApplicationScoped
class GuestMails {

    private static final Logger LOG = Logger.getLogger(GuestMails.class);
    private static final Locale FRENCH = Locale.FRENCH;

    private final Mailer mailer;
    private final Template html;
    private final Template text;

    GuestMails(
            Mailer mailer,
            @Location("coworking/mail/guest-pass.fr.html") Template html,
            @Location("coworking/mail/guest-pass.fr.txt") Template text) {
        this.mailer = mailer;
        this.html = html;
        this.text = text;
    }

    void invited(@Observes(during = TransactionPhase.AFTER_SUCCESS) GuestInvited event) {
        try {
            String day = event.day()
                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(FRENCH));
            var data = new java.util.HashMap<String, Object>();
            data.put("name", event.name());
            data.put("host", event.hostName());
            data.put("place", event.place().name());
            data.put("day", day);
            data.put("url", event.scanUrl());
            data.put("code", event.code());
            String subject = "Votre pass invité·e · " + event.place().name() + " · " + day;
            mailer.send(Mail.withHtml(event.email(), subject, html.data(data).render())
                    .setText(text.data(data).render())
                    .addInlineAttachment(
                            "pass.png", QrCodes.png(event.scanUrl(), 8), "image/png", "<qr-pass@tierslieux>"));
        } catch (RuntimeException e) {
            LOG.warnf("Guest pass mail for %s not sent: %s", event, e.toString());
        }
    }
}
