package org.tierslieux.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.TREASURER;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.kernel.AsOf;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.testsupport.Bookings;
import org.tierslieux.server.testsupport.Mailbox;

/** The demo places look lived-in: weeks of history and bookings to come, all made through the rules. */
@QuarkusTest
class DemoCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    DemoNetwork network;

    @Inject
    AsOf asOf;

    @Inject
    PlaceScope scope;

    @Inject
    PlaceDirectory places;

    @Inject
    PersonDirectory accounts;

    @Inject
    BookingService bookings;

    @Inject
    MockMailbox mailbox;

    private static String place(String slug) {
        return "/api/v1/places/" + slug;
    }

    private static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    private static JsonPath get(String email, String path) {
        return as(email).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static String resource(String slug, String name) {
        return get(MEMBER, place(slug) + "/resources?size=100")
                .getString("items.find { it.name == '" + name + "' }.id");
    }

    @Test
    void the_demo_member_has_past_and_upcoming_bookings_at_la_filature() {
        JsonPath past = get(MEMBER, place(FILATURE) + "/bookings/mine?when=past&size=200");
        JsonPath upcoming = get(MEMBER, place(FILATURE) + "/bookings/mine?when=upcoming&size=200");
        assertThat(upcoming.getInt("total")).isGreaterThan(0);
        assertThat(past.getInt("total")).isGreaterThan(5);
        List<Map<String, Object>> items = past.getList("items");
        assertThat(items).extracting(b -> b.get("status")).contains("CONFIRMED", "CANCELLED", "NO_SHOW");
        // each was made before it began, as a member would have: the history was replayed, not written
        List<Map<String, Object>> ended =
                items.stream().filter(b -> "CONFIRMED".equals(b.get("status"))).toList();
        assertThat(ended).isNotEmpty().allSatisfy(b -> {
            OffsetDateTime start = OffsetDateTime.parse((String) b.get("start"));
            assertThat(OffsetDateTime.parse((String) b.get("end"))).isBefore(OffsetDateTime.now());
            assertThat(OffsetDateTime.parse((String) b.get("createdAt"))).isBefore(start);
        });
        assertThat(items)
                .filteredOn(b -> "CANCELLED".equals(b.get("status")))
                .extracting(b -> b.get("cancelCause"))
                .contains("MEMBER", "MANAGER");
    }

    @Test
    void la_filature_has_opening_hours_of_its_own_and_closes_on_public_holidays() {
        JsonPath hours = get(MEMBER, place(FILATURE) + "/opening-hours");
        assertThat(hours.getBoolean("inherited")).isFalse();
        assertThat(hours.getList("hours.day")).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        assertThat(hours.getString("hours[0].closes")).isEqualTo("19:00:00");

        LocalDate to = today().plusDays(61);
        List<Map<String, Object>> closed = get(MEMBER, place(FILATURE) + "/closures?from=" + today() + "&to=" + to)
                .getList("");
        for (var holiday : FrenchHolidays.between(today(), to).entrySet()) {
            assertThat(closed).as("closed on %s", holiday.getKey()).anySatisfy(c -> {
                assertThat(c.get("kind")).isEqualTo("CLOSURE");
                assertThat(c.get("reason")).isEqualTo(holiday.getValue());
                assertThat((String) c.get("start")).startsWith(holiday.getKey() + "T00:00");
            });
        }
    }

    @Test
    void a_machine_goes_under_maintenance_over_a_booking_the_manager_must_decide_on() {
        List<Map<String, Object>> closures = get(
                        MANAGER, place(ATELIER) + "/closures?from=" + today() + "&to=" + today().plusDays(20))
                .getList("");
        Map<String, Object> maintenance = closures.stream()
                .filter(c -> "MAINTENANCE".equals(c.get("kind")))
                .findFirst()
                .orElseThrow();
        assertThat(maintenance.get("resourceId")).isEqualTo(resource(ATELIER, "Fraiseuse CNC"));
        JsonPath impact = get(MANAGER, place(ATELIER) + "/closures/" + maintenance.get("id"));
        assertThat(impact.getList("affected")).isNotEmpty();
        assertThat(impact.getList("affected.booking.status")).containsOnly("CONFIRMED");
        assertThat(impact.getList("affected.personName")).contains("Mina Membre");
    }

    @Test
    void the_laser_cutter_takes_qualified_members_only() {
        String training = resource(ATELIER, "Formation découpe laser");
        String laser = resource(ATELIER, "Découpeuse laser Trotec");
        String member = get(MEMBER, "/api/v1/me").getString("id");
        assertThat(get(MEMBER, place(ATELIER) + "/resources/" + laser).getString("requiresTrainingId"))
                .isEqualTo(training);
        assertThat(get(MANAGER, place(ATELIER) + "/trainings/" + training + "/qualifications")
                        .getList("personId"))
                .contains(member);
        // the member booked the laser since; member2 is signed up for the next session instead
        assertThat(get(MEMBER, place(ATELIER) + "/bookings/mine?when=past&size=200")
                        .getList("items.resourceId"))
                .contains(laser, training);
        assertThat(get(MEMBER2, place(ATELIER) + "/bookings/mine?size=200").getList("items.resourceId"))
                .contains(training);

        LocalDate day =
                FrenchHolidays.notOn(today().plusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY)));
        while (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
            day = FrenchHolidays.notOn(day.plusDays(1));
        }
        var slot = Map.of(
                "resourceId",
                laser,
                "start",
                day.atTime(9, 30).atZone(PARIS).toOffsetDateTime().toString(),
                "end",
                day.atTime(10, 0).atZone(PARIS).toOffsetDateTime().toString());
        as(MEMBER2)
                .body(slot)
                .post(place(ATELIER) + "/bookings")
                .then()
                .statusCode(403)
                .body("code", equalTo("booking.training-required"));
        String id = as(MEMBER)
                .body(slot)
                .post(place(ATELIER) + "/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(MEMBER).post(place(ATELIER) + "/bookings/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void a_weekly_meeting_a_shared_open_space_and_a_waiting_list() {
        assertThat(get(MANAGER, place(FILATURE) + "/bookings/mine?size=200").getList("items.seriesId"))
                .anySatisfy(series -> assertThat(series).isNotNull());
        assertThat(get(MEMBER, place(FILATURE) + "/waitlist/mine").getList("status"))
                .contains("WAITING");
        assertThat(get(MEMBER, place(ATELIER) + "/waitlist/mine").getList("status"))
                .contains("WAITING");

        String openSpace = resource(FILATURE, "Open space");
        List<Map<String, Object>> days = get(
                        MANAGER,
                        place(FILATURE) + "/bookings?active=true&resourceId=" + openSpace + "&from="
                                + today().minusDays(21) + "&to=" + today().plusDays(14))
                .getList("");
        assertThat(days).extracting(b -> b.get("personName")).contains("Mina Membre", "Marc Manager");
        assertThat(days)
                .extracting(b -> (Object) ((Map<?, ?>) b.get("booking")).get("seats"))
                .contains((Object) 4);
    }

    @Test
    void work_dated_in_the_past_goes_through_the_rules_but_sends_no_mail() {
        String name = "Salle rejouée " + System.nanoTime();
        String room = Bookings.aResource(FILATURE, "ROOM", name);
        LocalDate day = Bookings.aTuesday();
        PlaceRef filature = places.bySlug(FILATURE).orElseThrow();
        Booker member = new Booker(accounts.byEmail(MEMBER).orElseThrow().id(), true, false);
        TimeRange morning = new TimeRange(
                day.atTime(10, 0).atZone(PARIS).toInstant(),
                day.atTime(11, 0).atZone(PARIS).toInstant());
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));

        Booking replayed = asOf.call(
                yesterday,
                () -> scope.call(
                        filature,
                        () -> bookings.book(
                                member,
                                new BookingService.Request(new ResourceId(UUID.fromString(room)), morning, 1, null))));
        assertThat(replayed.createdAt()).isBetween(yesterday, yesterday.plusSeconds(60));
        // the same rules: the slot it took is taken
        as(MANAGER)
                .body(Map.of("resourceId", room, "start", Bookings.at(day, 10), "end", Bookings.at(day, 11)))
                .post(place(FILATURE) + "/bookings")
                .then()
                .statusCode(409)
                .body("code", equalTo("booking.unavailable"));

        Bookings.book(MEMBER, FILATURE, room, Bookings.at(day, 14), Bookings.at(day, 15));
        Mailbox.await(
                mailbox,
                MEMBER,
                m -> m.getSubject().contains(name) && m.getSubject().contains("14:00"));
        Mailbox.settle();
        assertThat(Mailbox.sentTo(mailbox, MEMBER))
                .filteredOn(m -> m.getSubject().contains(name))
                .hasSize(1);
    }

    @Test
    void both_places_have_invoices_a_credit_note_a_valid_chain_and_last_month_closed() {
        String lastMonth = YearMonth.now(PARIS).minusMonths(1).toString();
        int creditNotes = 0;
        for (String slug : List.of(FILATURE, ATELIER)) {
            assertThat(get(TREASURER, place(slug) + "/invoices?type=INVOICE&size=1")
                            .getInt("total"))
                    .as("invoices at %s", slug)
                    .isGreaterThan(1);
            creditNotes += get(TREASURER, place(slug) + "/invoices?type=CREDIT_NOTE&size=1")
                    .getInt("total");
            JsonPath verification = get(TREASURER, place(slug) + "/invoices/verification");
            assertThat(verification.getBoolean("valid")).as("chain of %s", slug).isTrue();
            assertThat(verification.getLong("checked")).isGreaterThan(1);
            // the carnet bought early last month at least: the closed month is not empty
            List<Map<String, Object>> closings =
                    get(TREASURER, place(slug) + "/closings").getList("");
            assertThat(closings)
                    .as("closings of %s", slug)
                    .anySatisfy(c -> assertThat(c.get("period")).isEqualTo(lastMonth));
            assertThat(get(
                                    TREASURER,
                                    place(slug) + "/invoices?type=INVOICE&to="
                                            + YearMonth.parse(lastMonth).atEndOfMonth() + "&size=1")
                            .getInt("total"))
                    .as("documents of %s in the closed month", slug)
                    .isGreaterThan(0);
        }
        assertThat(creditNotes)
                .as("a paid booking cancelled, refunded with a credit note")
                .isGreaterThan(0);
        // the demo member's Résident subscription, invoiced by transfer with a due date
        List<Map<String, Object>> mine =
                get(MEMBER, place(FILATURE) + "/invoices?type=INVOICE&size=200").getList("items");
        assertThat(mine).anySatisfy(d -> {
            assertThat(d.get("dueDate")).isNotNull();
            assertThat(d.get("totalInclVat")).isEqualTo(Map.of("amount", "180.00", "currency", "EUR"));
        });
    }

    @Test
    void seeding_again_adds_nothing() {
        String range = "?from=" + today().minusDays(28) + "&to=" + today().plusDays(28);
        int filature =
                get(MANAGER, place(FILATURE) + "/bookings" + range).getList("").size();
        int atelier =
                get(MANAGER, place(ATELIER) + "/bookings" + range).getList("").size();
        int closures =
                get(MANAGER, place(ATELIER) + "/closures" + range).getList("").size();
        assertThat(filature).isGreaterThan(30);
        assertThat(atelier).isGreaterThan(10);
        int documents = get(TREASURER, place(FILATURE) + "/invoices?size=1").getInt("total");
        int closings = get(TREASURER, place(FILATURE) + "/closings").getList("").size();

        network.seed(new StartupEvent());

        assertThat(get(TREASURER, place(FILATURE) + "/invoices?size=1").getInt("total"))
                .isEqualTo(documents);
        assertThat(get(TREASURER, place(FILATURE) + "/closings").getList("")).hasSize(closings);

        assertThat(get(MANAGER, place(FILATURE) + "/bookings" + range).getList(""))
                .hasSize(filature);
        assertThat(get(MANAGER, place(ATELIER) + "/bookings" + range).getList(""))
                .hasSize(atelier);
        assertThat(get(MANAGER, place(ATELIER) + "/closures" + range).getList(""))
                .hasSize(closures);
    }
}
