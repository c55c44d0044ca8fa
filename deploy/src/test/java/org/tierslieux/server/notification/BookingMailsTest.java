package org.tierslieux.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Bookings.aResource;
import static org.tierslieux.server.testsupport.Bookings.aTuesday;
import static org.tierslieux.server.testsupport.Bookings.at;
import static org.tierslieux.server.testsupport.Bookings.book;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Mailbox;
import org.tierslieux.server.testsupport.TestDatabase;

/** What people hear of their bookings by e-mail, in their own language, and only of what really happened. */
@QuarkusTest
class BookingMailsTest {

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void member2_back_to_french() throws Exception {
        language(MEMBER2, "fr");
    }

    @Test
    void a_member_hears_of_the_confirmation_and_the_cancellation_of_a_booking_in_french() {
        String name = "Salle mails " + System.nanoTime();
        String room = aResource(FILATURE, "ROOM", name);
        LocalDate day = aTuesday();
        String id = book(MEMBER, FILATURE, room, at(day, 10), at(day, 12));

        Mail confirmed = Mailbox.await(mailbox, MEMBER, m -> m.getSubject().contains(name));
        String when = french(day) + ", 10:00–12:00";
        assertThat(confirmed.getSubject()).isEqualTo("Réservation confirmée : " + name + ", " + when);
        assertThat(confirmed.getText()).contains("Bonjour Mina Membre", when, "/" + FILATURE);
        assertThat(confirmed.getHtml()).contains("<strong>confirmée</strong>");

        // a refused booking sends nothing
        as(MANAGER)
                .body(Map.of("resourceId", room, "start", at(day, 11), "end", at(day, 13)))
                .post("/api/v1/places/" + FILATURE + "/bookings")
                .then()
                .statusCode(409);

        as(MEMBER)
                .body(Map.of())
                .post("/api/v1/places/" + FILATURE + "/bookings/" + id + "/cancel")
                .then()
                .statusCode(200);
        Mail cancelled =
                Mailbox.await(mailbox, MEMBER, m -> m.getSubject().startsWith("Réservation annulée : " + name));
        assertThat(cancelled.getText()).contains("Votre réservation est bien annulée.", when);

        Mailbox.settle();
        assertThat(Mailbox.sentTo(mailbox, MANAGER))
                .noneMatch(m -> m.getSubject().contains(name));
        assertThat(Mailbox.sentTo(mailbox, MEMBER))
                .filteredOn(m -> m.getSubject().contains(name))
                .hasSize(2);
    }

    @Test
    void a_manager_cancellation_reaches_an_english_speaking_member_in_english_with_the_reason() throws Exception {
        language(MEMBER2, "en");
        String name = "Meeting room " + System.nanoTime();
        String room = aResource(ATELIER, "ROOM", name);
        LocalDate day = aTuesday();
        String id = book(MEMBER2, ATELIER, room, at(day, 14), at(day, 16));
        String when = english(day) + ", 14:00–16:00";
        Mail confirmed = Mailbox.await(mailbox, MEMBER2, m -> m.getSubject().startsWith("Booking confirmed: " + name));
        assertThat(confirmed.getSubject()).isEqualTo("Booking confirmed: " + name + ", " + when);
        assertThat(confirmed.getText()).contains("Hello Malo Membre");
        assertThat(confirmed.getHtml()).contains("<html lang=\"en\">");

        as(MANAGER)
                .body(Map.of("reason", "Dégât des eaux"))
                .post("/api/v1/places/" + ATELIER + "/bookings/" + id + "/cancel")
                .then()
                .statusCode(200);
        Mail cancelled = Mailbox.await(mailbox, MEMBER2, m -> m.getSubject().startsWith("Booking cancelled: " + name));
        assertThat(cancelled.getText())
                .contains("The team of", "has cancelled your booking", "Reason   : Dégât des eaux", when);
    }

    @Test
    void a_maintenance_during_a_booking_tells_its_member() throws Exception {
        language(MEMBER2, "en");
        String name = "Laser " + System.nanoTime();
        String machine = aResource(ATELIER, "MACHINE", name);
        LocalDate day = aTuesday();
        book(MEMBER2, ATELIER, machine, at(day, 14), at(day, 16));

        as(MANAGER)
                .body(Map.of(
                        "resourceId",
                        machine,
                        "kind",
                        "MAINTENANCE",
                        "start",
                        at(day, 13),
                        "end",
                        at(day, 17),
                        "reason",
                        "New lens"))
                .post("/api/v1/places/" + ATELIER + "/closures")
                .then()
                .statusCode(201);

        Mail mail = Mailbox.await(
                mailbox, MEMBER2, m -> m.getSubject().startsWith("Maintenance during your booking: " + name));
        assertThat(mail.getText())
                .contains(english(day) + ", 14:00–16:00", english(day) + ", 13:00–17:00", "New lens")
                .contains("will decide whether your booking stays or is cancelled");
    }

    @Test
    void a_closure_of_the_whole_place_over_a_booking_tells_its_member_in_french() throws Exception {
        language(MEMBER2, "fr");
        String name = "Fraiseuse " + System.nanoTime();
        String machine = aResource(ATELIER, "MACHINE", name);
        LocalDate day = aTuesday().plusWeeks(1);
        book(MEMBER2, ATELIER, machine, at(day, 10), at(day, 11));

        as(MANAGER)
                .body(Map.of(
                        "kind", "CLOSURE", "start", at(day, 0), "end", at(day.plusDays(1), 0), "reason", "Inventaire"))
                .post("/api/v1/places/" + ATELIER + "/closures")
                .then()
                .statusCode(201)
                .body("affected.booking.resourceName", org.hamcrest.Matchers.hasItem(name));

        Mail mail = Mailbox.await(
                mailbox, MEMBER2, m -> m.getSubject().startsWith("Fermeture pendant votre réservation : " + name));
        assertThat(mail.getText()).contains("sera fermé(e) pendant votre réservation", "Inventaire");
    }

    @Test
    void a_freed_slot_offered_from_the_waitlist_tells_the_waiting_member_until_when_to_confirm() {
        String name = "Salle attente " + System.nanoTime();
        String room = aResource(ATELIER, "ROOM", name);
        LocalDate day = aTuesday();
        String id = book(MEMBER, ATELIER, room, at(day, 9), at(day, 11));
        as(MEMBER2)
                .body(Map.of("resourceId", room, "start", at(day, 9), "end", at(day, 11)))
                .post("/api/v1/places/" + ATELIER + "/waitlist")
                .then()
                .statusCode(201);

        as(MEMBER)
                .body(Map.of())
                .post("/api/v1/places/" + ATELIER + "/bookings/" + id + "/cancel")
                .then()
                .statusCode(200);

        Mail offer =
                Mailbox.await(mailbox, MEMBER2, m -> m.getSubject().startsWith("Une place s'est libérée : " + name));
        assertThat(offer.getText()).contains(french(day) + ", 09:00–11:00", "Confirmez-la avant le ", "/" + ATELIER);
    }

    static String french(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.FRENCH).format(day);
    }

    static String english(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH).format(day);
    }

    @Test
    void a_signed_in_person_who_switches_language_gets_mails_in_it() throws Exception {
        language(MEMBER2, "fr");
        org.tierslieux.server.testsupport.Demo.browsing(MEMBER2)
                .get("/lang/en?back=/network")
                .then()
                .statusCode(303);
        assertThat(localeOf(MEMBER2)).isEqualTo("en");
        org.tierslieux.server.testsupport.Demo.browsing(MEMBER2)
                .get("/lang/fr")
                .then()
                .statusCode(303);
        assertThat(localeOf(MEMBER2)).isEqualTo("fr");
    }

    static String localeOf(String email) throws Exception {
        try (var c = TestDatabase.superuser();
                var s = c.prepareStatement("select locale from person where email = ?")) {
            s.setString(1, email);
            try (var row = s.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    static void language(String email, String language) throws Exception {
        try (var c = TestDatabase.superuser();
                var s = c.prepareStatement("update person set locale = ? where email = ?")) {
            s.setString(1, language);
            s.setString(2, email);
            s.executeUpdate();
        }
    }
}
