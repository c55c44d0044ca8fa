package org.tierslieux.coworking.webhook;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.i18n.Messages;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;

/**
 * Tells a place's managers, each in their language, that a webhook was disabled after repeated failures, once
 * that is committed. A mail that cannot leave is logged: the log page shows the state anyway.
 */
@ApplicationScoped
class WebhookMails {

    private static final Logger LOG = Logger.getLogger(WebhookMails.class);

    private final PersonDirectory people;
    private final Messages messages;
    private final Mailer mailer;
    private final String publicUrl;

    WebhookMails(
            PersonDirectory people,
            Messages messages,
            Mailer mailer,
            @ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String publicUrl) {
        this.people = people;
        this.messages = messages;
        this.mailer = mailer;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    void disabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookDisabled event) {
        try {
            List<UUID> managers = QuarkusTransaction.requiringNew()
                    .call(() -> Panache.getEntityManager()
                            .createNativeQuery("select person_id from membership where role = 'MANAGER'", UUID.class)
                            .getResultList()
                            .stream()
                            .map(UUID.class::cast)
                            .toList());
            Map<String, Object> data = Map.of(
                    "place", event.place().name(),
                    "url", event.url(),
                    "failures", event.failures(),
                    "link", publicUrl + "/" + event.place().slug() + "/webhooks/" + event.subscription());
            for (UUID manager : managers) {
                people.contact(new PersonId(manager))
                        .ifPresent(contact -> mailer.send(Mail.withText(
                                contact.email(),
                                messages.get(contact.locale(), "webhook.mail.disabled.subject", data),
                                messages.get(contact.locale(), "webhook.mail.disabled.body", data))));
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Could not tell the managers of %s that webhook %s is disabled",
                    event.place().slug(),
                    event.subscription());
        }
    }
}
