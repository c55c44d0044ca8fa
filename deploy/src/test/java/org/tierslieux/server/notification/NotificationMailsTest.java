package org.tierslieux.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.CancelCause;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.notification.Notifier;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.server.testsupport.Mailbox;

/** Mails leave after the transaction commits, in the person's language, with times in the place's zone. */
@QuarkusTest
class NotificationMailsTest {

    // Thursday 3 December 2026, 14:00–16:00 in Paris (UTC+1 in winter)
    static final TimeRange DECEMBER_AFTERNOON =
            new TimeRange(Instant.parse("2026-12-03T13:00:00Z"), Instant.parse("2026-12-03T15:00:00Z"));

    @Inject
    Notifier notifier;

    @Inject
    MockMailbox mailbox;

    @Inject
    PlaceDirectory places;

    @Inject
    PersonDirectory people;

    @Test
    void a_maintenance_impact_mail_says_when_in_french_with_an_html_and_a_text_part() {
        String machine = "Découpeuse laser " + UUID.randomUUID();
        notifier.maintenanceImpact(
                atelier(),
                member(),
                machine,
                DECEMBER_AFTERNOON,
                new TimeRange(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T17:00:00Z")),
                "Changement du tube <laser>");

        Mail mail = awaitMail(m -> m.getSubject().contains(machine));
        assertThat(mail.getSubject())
                .isEqualTo(
                        "Maintenance pendant votre réservation : " + machine + ", jeudi 3 décembre 2026, 14:00–16:00");
        assertThat(mail.getText())
                .contains("Bonjour Mina Membre", "jeudi 3 décembre 2026, 14:00–16:00")
                .contains("jeudi 3 décembre 2026, 09:00–18:00")
                .contains("Changement du tube <laser>");
        // the HTML part escapes what people typed
        assertThat(mail.getHtml()).contains("Changement du tube &lt;laser&gt;").contains("<html lang=\"fr\">");
    }

    @Test
    void a_waitlist_offer_links_to_the_booking_and_gives_the_deadline() {
        String machine = "Brodeuse " + UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        notifier.waitlistOffer(
                atelier(),
                member(),
                machine,
                DECEMBER_AFTERNOON,
                Instant.parse("2026-12-02T17:30:00Z"),
                new BookingId(booking));

        Mail mail = awaitMail(m -> m.getSubject().contains(machine));
        assertThat(mail.getSubject()).startsWith("Une place s'est libérée : " + machine);
        assertThat(mail.getText())
                .contains("avant le mercredi 2 décembre 2026, 18:30")
                .contains("/" + ATELIER + "/bookings#booking-" + booking);
    }

    @Test
    void nothing_is_sent_when_the_transaction_rolls_back() throws Exception {
        String rolledBack = "Rolled back " + UUID.randomUUID();
        String committed = "Committed " + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                notifier.maintenanceImpact(atelier(), member(), rolledBack, DECEMBER_AFTERNOON, DECEMBER_AFTERNOON, "");
                throw new IllegalStateException("the booking failed");
            });
        } catch (IllegalStateException expected) {
            // the caller's failure, as a refused booking would have
        }
        QuarkusTransaction.requiringNew()
                .run(() -> notifier.maintenanceImpact(
                        atelier(), member(), committed, DECEMBER_AFTERNOON, DECEMBER_AFTERNOON, ""));

        awaitMail(m -> m.getSubject().contains(committed));
        Mailbox.settle();
        assertThat(sentTo(MEMBER)).noneMatch(m -> m.getSubject().contains(rolledBack));
    }

    @Test
    void every_mail_exists_in_french_and_english() throws Exception {
        PersonId malo = people.byEmail(MEMBER2).orElseThrow().id();
        ResourceId laser = new ResourceId(UUID.fromString(as(MEMBER2)
                .get("/api/v1/places/" + ATELIER + "/resources?size=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.name == 'Découpeuse laser Trotec' }.id")));
        Map<String, List<String>> subjects = Map.of(
                "fr",
                List.of(
                        "Réservation confirmée : Découpeuse laser Trotec, jeudi 3 décembre 2026, 14:00–16:00",
                        "Réservation annulée : Découpeuse laser Trotec, jeudi 3 décembre 2026, 14:00–16:00",
                        "Maintenance pendant votre réservation : Découpeuse laser Trotec, jeudi 3 décembre 2026,"
                                + " 14:00–16:00",
                        "Une place s'est libérée : Découpeuse laser Trotec, jeudi 3 décembre 2026, 14:00–16:00"),
                "en",
                List.of(
                        "Booking confirmed: Découpeuse laser Trotec, Thursday 3 December 2026, 14:00–16:00",
                        "Booking cancelled: Découpeuse laser Trotec, Thursday 3 December 2026, 14:00–16:00",
                        "Maintenance during your booking: Découpeuse laser Trotec, Thursday 3 December 2026,"
                                + " 14:00–16:00",
                        "A place is free: Découpeuse laser Trotec, Thursday 3 December 2026, 14:00–16:00"));
        try {
            for (String language : List.of("fr", "en")) {
                BookingMailsTest.language(MEMBER2, language);
                mailbox.clear();
                notifier.bookingConfirmed(atelier(), malo, laser, DECEMBER_AFTERNOON);
                notifier.bookingCancelled(
                        atelier(), malo, laser, DECEMBER_AFTERNOON, CancelCause.MANAGER, "Fermeture exceptionnelle");
                notifier.maintenanceImpact(
                        atelier(), malo, "Découpeuse laser Trotec", DECEMBER_AFTERNOON, DECEMBER_AFTERNOON, null);
                notifier.waitlistOffer(
                        atelier(),
                        malo,
                        "Découpeuse laser Trotec",
                        DECEMBER_AFTERNOON,
                        Instant.parse("2026-12-03T11:00:00Z"),
                        new BookingId(UUID.randomUUID()));
                for (String subject : subjects.get(language)) {
                    Mail mail =
                            Mailbox.await(mailbox, MEMBER2, m -> m.getSubject().equals(subject));
                    assertThat(mail.getHtml()).contains("<html lang=\"" + language + "\">", "Malo Membre");
                    assertThat(mail.getText()).contains("Malo Membre").doesNotContain("<p>");
                }
            }
        } finally {
            BookingMailsTest.language(MEMBER2, "fr");
        }
    }

    PlaceRef atelier() {
        return places.bySlug(ATELIER).orElseThrow();
    }

    PersonId member() {
        return people.byEmail(MEMBER).orElseThrow().id();
    }

    List<Mail> sentTo(String address) {
        return Mailbox.sentTo(mailbox, address);
    }

    Mail awaitMail(Predicate<Mail> wanted) {
        return Mailbox.await(mailbox, MEMBER, wanted);
    }
}
