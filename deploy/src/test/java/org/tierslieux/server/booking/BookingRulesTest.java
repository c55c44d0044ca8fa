package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tierslieux.server.booking.Fixtures.PARIS;
import static org.tierslieux.server.booking.Fixtures.aPerson;
import static org.tierslieux.server.booking.Fixtures.aPlace;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.book;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.cancel;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.refused;
import static org.tierslieux.server.booking.Fixtures.resourceRules;
import static org.tierslieux.server.booking.Fixtures.session;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;

import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.booking.Fixtures.Place;

/** Booking rules, checked on the server, each refusal with its own code and message in French and English. */
@QuarkusTest
class BookingRulesTest {

    @Test
    void each_rule_of_a_resource_refuses_with_its_own_code() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        long before = Fixtures.bookingRows();

        resourceRules(place, room, Map.of("minMinutes", 120, "maxMinutes", 180));
        refused(book(MEMBER, place, slot(room, place.at(day, 9), place.at(day, 10))), 422, "booking.too-short");
        refused(book(MEMBER, place, slot(room, place.at(day, 9), place.at(day, 13))), 422, "booking.too-long");

        resourceRules(place, room, Map.of("minNoticeMinutes", 30 * 24 * 60));
        refused(book(MEMBER, place, slot(room, place.at(day, 9), place.at(day, 10))), 422, "booking.notice-too-short");

        resourceRules(place, room, Map.of("horizonDays", 7));
        refused(book(MEMBER, place, slot(room, place.at(day, 9), place.at(day, 10))), 422, "booking.beyond-horizon");

        resourceRules(place, room, Map.of("audience", "STAFF"));
        refused(book(MEMBER, place, slot(room, place.at(day, 9), place.at(day, 10))), 403, "booking.staff-only");
        assertThat(Fixtures.bookingRows()).isEqualTo(before);
        booked(MANAGER, place, slot(room, place.at(day, 9), place.at(day, 10)));

        // back to the place's rules: the member books what was refused
        resourceRules(place, room, Map.of());
        booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 11)));
    }

    @Test
    void rules_of_the_place_of_a_kind_and_of_a_resource_merge_field_by_field_the_most_specific_winning() {
        Place place = aPlace("regles", PARIS);
        as(MANAGER)
                .body(Map.of("maxMinutes", 480, "horizonDays", 60, "cancelDeadlineMinutes", 60))
                .put(place.api() + "/rules")
                .then()
                .statusCode(200)
                .body("maxMinutes", equalTo(480));
        as(MANAGER)
                .body(Map.of("maxMinutes", 240, "minMinutes", 60))
                .put(place.api() + "/rules/kinds/ROOM")
                .then()
                .statusCode(200)
                .body("minMinutes", equalTo(60));
        String strict = aResource("ROOM").in(place).create();
        String loose = aResource("ROOM").in(place).create();
        String plain = aResource("ROOM").in(place).create();
        String machine = aResource("MACHINE").in(place).create();
        resourceRules(place, strict, Map.of("maxMinutes", 120));
        resourceRules(place, loose, Map.of("maxMinutes", 360, "horizonDays", 30));

        as(MEMBER)
                .get(place.api() + "/rules/resources/" + strict)
                .then()
                .statusCode(200)
                .body("own.maxMinutes", equalTo(120))
                .body("own.minMinutes", nullValue())
                .body("effective.maxMinutes", equalTo(120))
                .body("effective.minMinutes", equalTo(60))
                .body("effective.horizonDays", equalTo(60))
                .body("effective.cancelDeadlineMinutes", equalTo(60))
                .body("effective.minNoticeMinutes", equalTo(0))
                .body("effective.audience", equalTo("MEMBERS"));
        as(MEMBER)
                .get(place.api() + "/rules/resources/" + loose)
                .then()
                .body("effective.maxMinutes", equalTo(360))
                .body("effective.horizonDays", equalTo(30));
        as(MEMBER)
                .get(place.api() + "/rules/resources/" + plain)
                .then()
                .body("own.maxMinutes", nullValue())
                .body("effective.maxMinutes", equalTo(240));
        as(MEMBER)
                .get(place.api() + "/rules/resources/" + machine)
                .then()
                .body("effective.maxMinutes", equalTo(480))
                .body("effective.minMinutes", nullValue());

        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        refused(book(MEMBER, place, slot(strict, place.at(day, 9), place.at(day, 12))), 422, "booking.too-long");
        refused(book(MEMBER, place, slot(plain, place.at(day, 9), place.at(day, 14))), 422, "booking.too-long");
        booked(MEMBER, place, slot(loose, place.at(day, 9), place.at(day, 14)));
        booked(MEMBER, place, slot(plain, place.at(day, 9), place.at(day, 13)));
        refused(book(MEMBER, place, slot(machine, place.at(day, 9), place.at(day, 17, 30))), 422, "booking.too-long");
        booked(MEMBER, place, slot(machine, place.at(day, 9), place.at(day, 17)));
        LocalDate far = place.next(DayOfWeek.TUESDAY, 6);
        refused(book(MEMBER, place, slot(loose, place.at(far, 9), place.at(far, 10))), 422, "booking.beyond-horizon");
        booked(MEMBER, place, slot(plain, place.at(far, 9), place.at(far, 10)));

        // a rule set inconsistent in itself is refused
        refused(
                as(MANAGER)
                        .body(Map.of("minMinutes", 120, "maxMinutes", 60))
                        .put(place.api() + "/rules/resources/" + plain),
                422,
                "rules.min-above-max");
        as(MANAGER)
                .body(Map.of("horizonDays", 0))
                .put(place.api() + "/rules/resources/" + plain)
                .then()
                .statusCode(400);
        as(MEMBER)
                .body(Map.of("maxMinutes", 600))
                .put(place.api() + "/rules")
                .then()
                .statusCode(403);
        as(MANAGER)
                .get(place.api() + "/rules/kinds/SPACESHIP")
                .then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(404)).or(equalTo(422)));
    }

    @Test
    void a_member_has_at_most_so_many_upcoming_bookings_of_a_kind() {
        Place place = aPlace("actives", PARIS);
        as(MANAGER)
                .body(Map.of("maxActive", 2))
                .put(place.api() + "/rules/kinds/DESK")
                .then()
                .statusCode(200);
        String who = aPerson("actif", place, "MEMBER");
        String desk1 = aResource("DESK").in(place).create();
        String desk2 = aResource("DESK").in(place).create();
        String room = aResource("ROOM").in(place).create();
        LocalDate day = place.next(DayOfWeek.MONDAY, 2);

        String first = booked(who, place, slot(desk1, place.at(day, 9), place.at(day, 13)));
        booked(who, place, slot(desk2, place.at(day.plusDays(1), 9), place.at(day.plusDays(1), 13)));
        refused(
                book(who, place, slot(desk1, place.at(day.plusDays(2), 9), place.at(day.plusDays(2), 13))),
                409,
                "booking.too-many-active");
        // another kind is not counted; another member is not either
        booked(who, place, slot(room, place.at(day, 9), place.at(day, 10)));
        booked(MEMBER, place, slot(desk1, place.at(day.plusDays(2), 9), place.at(day.plusDays(2), 13)));
        cancel(who, place, first, null).then().statusCode(200);
        booked(who, place, slot(desk2, place.at(day.plusDays(3), 9), place.at(day.plusDays(3), 13)));
    }

    @Test
    void a_limit_counts_the_bookings_of_where_it_was_set_the_resource_its_kind_or_the_whole_place() {
        Place place = aPlace("portee", PARIS);
        String who = aPerson("portee", place, "MEMBER");
        String laser = aResource("MACHINE").in(place).create();
        String lathe = aResource("MACHINE").in(place).create();
        String room = aResource("ROOM").in(place).create();
        String desk = aResource("DESK").in(place).create();
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);

        // one laser booking to come at a time: the lathe, though of the same kind, is not counted
        resourceRules(place, laser, Map.of("maxActive", 1));
        booked(who, place, slot(lathe, place.at(day, 9), place.at(day, 10)));
        booked(who, place, slot(laser, place.at(day, 10), place.at(day, 11)));
        refused(
                book(who, place, slot(laser, place.at(day.plusDays(1), 9), place.at(day.plusDays(1), 10))),
                409,
                "booking.too-many-active");
        booked(who, place, slot(lathe, place.at(day.plusDays(1), 9), place.at(day.plusDays(1), 10)));

        // at most four bookings to come in the whole place, whatever they are: the room makes the fourth
        as(MANAGER)
                .body(Map.of("maxActive", 4))
                .put(place.api() + "/rules")
                .then()
                .statusCode(200);
        booked(who, place, slot(room, place.at(day, 9), place.at(day, 10)));
        refused(book(who, place, slot(desk, place.at(day, 9), place.at(day, 13))), 409, "booking.too-many-active");

        // hours per week at the place level count every kind too
        String other = aPerson("heures", place, "MEMBER");
        as(MANAGER)
                .body(Map.of("maxHoursPerWeek", 3))
                .put(place.api() + "/rules")
                .then()
                .statusCode(200);
        booked(other, place, slot(room, place.at(day.plusDays(1), 9), place.at(day.plusDays(1), 11)));
        refused(
                book(other, place, slot(lathe, place.at(day.plusDays(2), 9), place.at(day.plusDays(2), 11))),
                409,
                "booking.week-quota");
        booked(other, place, slot(lathe, place.at(day.plusDays(2), 9), place.at(day.plusDays(2), 10)));
    }

    @Test
    void hours_per_week_are_counted_in_the_local_week_of_the_booking() {
        Place place = aPlace("quota", PARIS);
        as(MANAGER)
                .body(Map.of("maxHoursPerWeek", 4))
                .put(place.api() + "/rules/kinds/ROOM")
                .then()
                .statusCode(200);
        String who = aPerson("quota", place, "MEMBER");
        String room1 = aResource("ROOM").in(place).create();
        String room2 = aResource("ROOM").in(place).create();
        LocalDate monday = place.next(DayOfWeek.MONDAY, 2);

        booked(who, place, slot(room1, place.at(monday, 9), place.at(monday, 12)));
        refused(
                book(who, place, slot(room2, place.at(monday.plusDays(4), 9), place.at(monday.plusDays(4), 11))),
                409,
                "booking.week-quota");
        booked(who, place, slot(room2, place.at(monday.plusDays(4), 9), place.at(monday.plusDays(4), 10)));
        // the next week starts afresh
        booked(who, place, slot(room2, place.at(monday.plusDays(7), 9), place.at(monday.plusDays(7), 13)));
    }

    @Test
    void two_bookings_by_one_member_at_the_same_instant_cannot_both_pass_the_limit() throws Exception {
        Place place = aPlace("course", PARIS);
        as(MANAGER)
                .body(Map.of("maxActive", 1, "maxHoursPerWeek", 2))
                .put(place.api() + "/rules/kinds/MACHINE")
                .then()
                .statusCode(200);
        String who = aPerson("presse", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        List<String> machines = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            machines.add(aResource("MACHINE").in(place).create());
        }
        String token = Fixtures.token(who);
        List<Fixtures.Answer> answers = Fixtures.storm(
                machines.size(),
                machines.stream()
                        .map(m -> Fixtures.post(
                                token, place.api() + "/bookings", slot(m, place.at(day, 10), place.at(day, 11))))
                        .toList());
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.status() != 201)
                .hasSize(machines.size() - 1)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo("booking.too-many-active"));
        assertThat(Fixtures.count(
                        "select count(*) from booking b join person p on p.id = b.person_id"
                                + " where p.email = ? and b.status = 'CONFIRMED'",
                        who))
                .isEqualTo(1);
    }

    @Test
    void only_members_book_unless_the_resource_is_open_to_everyone() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        refused(book(MEMBER2, place, slot(room, place.at(day, 9), place.at(day, 10))), 403, "booking.members-only");

        String event = aResource("EVENT").capacity(20).create();
        String sessionStart = place.at(day, 18);
        String sessionEnd = place.at(day, 20);
        session(place, event, sessionStart, sessionEnd);
        refused(book(MEMBER2, place, slot(event, sessionStart, sessionEnd)), 403, "booking.members-only");
        resourceRules(place, event, Map.of("audience", "EVERYONE"));
        String id = booked(MEMBER2, place, slot(event, sessionStart, sessionEnd, 2));
        as(MEMBER2)
                .get(place.api() + "/bookings/mine")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.seats", equalTo(2));
        cancel(MEMBER2, place, id, null).then().statusCode(200).body("status", equalTo("CANCELLED"));
        // open to everyone is per resource: the room stays for members
        refused(book(MEMBER2, place, slot(room, place.at(day, 9), place.at(day, 10))), 403, "booking.members-only");
    }

    @Test
    void refusals_are_explained_in_french_by_default_and_in_english_when_asked() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        resourceRules(place, room, Map.of("horizonDays", 7));
        LocalDate day = place.next(DayOfWeek.TUESDAY, 3);
        var body = slot(room, place.at(day, 9), place.at(day, 10));

        var english = as(MEMBER).header("Accept-Language", "en").body(body).post(place.api() + "/bookings");
        var french = as(MEMBER)
                .header("Accept-Language", "fr-FR,fr;q=0.9")
                .body(body)
                .post(place.api() + "/bookings");
        refused(english, 422, "booking.beyond-horizon");
        refused(french, 422, "booking.beyond-horizon");
        String en = english.jsonPath().getString("detail");
        String fr = french.jsonPath().getString("detail");
        assertThat(en).isEqualTo("Bookings can be made at most 7 days ahead.");
        assertThat(fr).isNotEqualTo(en).contains("7").doesNotContain("booking.");
        assertThat(english.jsonPath().getString("title")).isNotBlank().isNotEqualTo("booking.beyond-horizon");

        // every refusal code a member may meet has a message of its own in both languages
        for (String code : List.of(
                "booking.unavailable",
                "booking.too-short",
                "booking.too-long",
                "booking.notice-too-short",
                "booking.beyond-horizon",
                "booking.cancel-deadline-passed",
                "booking.too-many-active",
                "booking.week-quota",
                "booking.members-only",
                "booking.training-required",
                "booking.misaligned",
                "booking.outside-opening-hours",
                "booking.series-conflict",
                "waitlist.slot-free")) {
            assertThat(Messages.of("fr", code)).as(code).isNotBlank().isNotEqualTo(Messages.of("en", code));
        }
    }

    /** The core message bundles, read as the application reads them. */
    private static final class Messages {
        static String of(String language, String code) {
            var bundle = new java.util.Properties();
            try (var in = BookingRulesTest.class.getResourceAsStream("/i18n/core_" + language + ".properties")) {
                bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return bundle.getProperty(code);
        }
    }
}
