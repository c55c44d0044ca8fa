package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.booking.Fixtures.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.testsupport.Demo;

/**
 * Bad input on plans, packs, subscriptions and credits answers a clear problem (never a 500) and leaves the ledger
 * untouched; another place's plans, lots and subscriptions are not found; the renewal job renews each period once,
 * and a run cut short is resumed by the next one.
 */
@QuarkusTest
class PlansBadInputTest {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    PlaceScope scope;

    @Inject
    PlaceDirectory places;

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    @Test
    void plans_and_packs_refuse_bad_terms_with_a_problem() {
        Fixtures.Place place = Fixtures.aPlace("mauvais", Fixtures.PARIS);
        String api = place.api() + "/plans";
        Map<String, Object> good = PlanSteps.aPlan(Fixtures.unique("Formule"), "MONTH", "90", "DESK_POOL", "DAY", 10);
        long entries = Fixtures.count("select count(*) from credit_entry");

        Fixtures.refused(as(Demo.MANAGER).body(with(good, "period", null)).post(api), 422, "plan.period-missing");
        Fixtures.refused(as(Demo.MANAGER).body(with(good, "period", "WEEK")).post(api), 422, "plan.period-missing");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(good, "price", Map.of("amount", "-1")))
                        .post(api),
                422,
                "price.amount-invalid");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(good, "price", Map.of("amount", "1000000000")))
                        .post(api),
                422,
                "price.amount-invalid");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(good, "price", Map.of("amount", "douze")))
                        .post(api),
                422,
                "price.amount-invalid");
        Fixtures.refused(as(Demo.MANAGER).body(with(good, "price", null)).post(api), 422, "price.amount-invalid");
        Fixtures.refused(as(Demo.MANAGER).body(with(good, "vatRate", "19.6")).post(api), 422, "price.vat-rate-unknown");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(
                                good,
                                "credits",
                                List.of(Map.of("scope", Map.of("kind", "DESK_POOL"), "unit", "MINUTE", "quantity", 1))))
                        .post(api),
                422,
                "credit.unit-missing");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(
                                good,
                                "credits",
                                List.of(Map.of("scope", Map.of("kind", "DESK_POOL"), "unit", "DAY", "quantity", 0.3))))
                        .post(api),
                422,
                "credit.quantity-invalid");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(
                                good,
                                "credits",
                                List.of(Map.of("scope", Map.of("kind", "DESK_POOL"), "unit", "DAY", "quantity", -2))))
                        .post(api),
                422,
                "credit.quantity-invalid");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(
                                good,
                                "credits",
                                List.of(Map.of("scope", Map.of("kind", "FUSEE"), "unit", "DAY", "quantity", 1))))
                        .post(api),
                422,
                "resource.kind-unknown");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(good, "credits", List.of(Map.of("unit", "DAY", "quantity", 1))))
                        .post(api),
                422,
                "credit.scope-missing");
        Fixtures.refused(
                as(Demo.MANAGER).body(with(good, "extrasDiscountPercent", 150)).post(api),
                422,
                "plan.discount-invalid");
        Fixtures.refused(
                as(Demo.MANAGER).body(with(good, "commitmentPeriods", -1)).post(api), 422, "plan.commitment-invalid");
        Fixtures.refused(as(Demo.MANAGER).body(with(good, "name", "  ")).post(api), 422, "plan.name-invalid");
        // a resource of another place as a scope is not found
        String elsewhere = Fixtures.aResource("DESK").create();
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(
                                good,
                                "credits",
                                List.of(Map.of(
                                        "scope", Map.of("resourceId", elsewhere), "unit", "DAY", "quantity", 1))))
                        .post(api),
                404,
                "resource.not-found");
        Fixtures.refused(as(Demo.MEMBER).body(good).post(api), 403, "access.role-missing");
        as(Demo.MANAGER).body(good).post(api).then().statusCode(201);
        Fixtures.refused(as(Demo.MANAGER).body(good).post(api), 409, "plan.name-taken");

        Map<String, Object> pack = Map.of(
                "name",
                Fixtures.unique("Carnet"),
                "scope",
                Map.of("kind", "DESK_POOL"),
                "unit",
                "DAY",
                "quantity",
                10,
                "validityMonths",
                6,
                "price",
                Map.of("amount", "150"),
                "vatRate",
                "20");
        String packs = place.api() + "/packs";
        Fixtures.refused(
                as(Demo.MANAGER).body(with(pack, "validityMonths", null)).post(packs), 422, "pack.validity-invalid");
        Fixtures.refused(
                as(Demo.MANAGER).body(with(pack, "validityDays", 30)).post(packs), 422, "pack.validity-invalid");
        Fixtures.refused(as(Demo.MANAGER).body(with(pack, "dayPass", true)).post(packs), 422, "pack.day-pass-single");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(with(pack, "price", Map.of("amount", "-5")))
                        .post(packs),
                422,
                "price.amount-invalid");
        Fixtures.refused(as(Demo.MANAGER).body(with(pack, "vatRate", "7")).post(packs), 422, "price.vat-rate-unknown");
        as(Demo.MANAGER).body("{not json").post(packs).then().statusCode(400);

        assertThat(Fixtures.count("select count(*) from credit_entry")).isEqualTo(entries);
    }

    @Test
    void another_places_plans_lots_and_subscriptions_are_not_found_and_the_ledger_is_untouched() {
        Fixtures.Place one = Fixtures.aPlace("ici", Fixtures.PARIS);
        Fixtures.Place other = Fixtures.aPlace("ailleurs", Fixtures.PARIS);
        String member = Fixtures.aPerson("membre", one, "MEMBER");
        Fixtures.grant(other, member, "MEMBER");
        String plan = PlanSteps.plan(one, PlanSteps.aPlan("Résident", "MONTH", "90", "DESK_POOL", "DAY", 10));
        String subscription = PlanSteps.subscribe(member, one, plan).getString("id");
        String lot = PlanSteps.credits(member, one).getString("lots[0].lotId");
        long entries = Fixtures.count("select count(*) from credit_entry");

        Fixtures.refused(
                as(member).body(Map.of("planId", plan)).post(other.api() + "/subscriptions"), 404, "plan.not-found");
        Fixtures.refused(as(member).get(other.api() + "/plans/" + plan + "/quote"), 404, "plan.not-found");
        Fixtures.refused(as(member).get(other.api() + "/subscriptions/" + subscription), 404, "subscription.not-found");
        Fixtures.refused(
                as(Demo.MANAGER).body(Map.of("lotId", lot, "quantity", -1)).post(other.api() + "/credits/adjustments"),
                404,
                "credit.lot-not-found");
        // the credits of one place pay nothing in the other
        String pool = Fixtures.aResource("DESK_POOL").in(other).slotMinutes(60).create();
        var day = other.next(java.time.DayOfWeek.THURSDAY, 1);
        Fixtures.booked(member, other, Fixtures.slot(pool, other.at(day, 9), other.at(day, 18)));
        assertThat(PlanSteps.credits(member, other).getList("lots")).isEmpty();
        assertThat(Fixtures.count("select count(*) from credit_entry")).isEqualTo(entries);
        assertThat(PlanSteps.usableLeft(member, one))
                .isEqualTo(PlanSteps.credits(member, one).getDouble("lots[0].granted"));

        // someone else's subscription is not found either; a manager's correction cannot go below zero
        Fixtures.refused(
                as(Demo.MEMBER).body(Map.of()).post(one.api() + "/subscriptions/" + subscription + "/cancel"),
                404,
                "subscription.not-found");
        Fixtures.refused(
                as(Demo.MANAGER).body(Map.of("lotId", lot, "quantity", -1000)).post(one.api() + "/credits/adjustments"),
                409,
                "credit.insufficient");
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(Map.of("lotId", UUID.randomUUID().toString(), "quantity", 1))
                        .post(one.api() + "/credits/adjustments"),
                404,
                "credit.lot-not-found");
        assertThat(Fixtures.count("select count(*) from credit_entry")).isEqualTo(entries);
        // a manager cannot subscribe someone who is not a member here
        String stranger = Fixtures.aPerson("inconnu", other);
        Fixtures.refused(
                as(Demo.MANAGER)
                        .body(Map.of(
                                "planId",
                                plan,
                                "personId",
                                Fixtures.personId(stranger).toString()))
                        .post(one.api() + "/subscriptions"),
                404,
                "subscription.person-not-member");
        Fixtures.refused(as(member).get(one.api() + "/subscriptions?status=NOPE"), 403, "access.role-missing");
        Fixtures.refused(
                as(Demo.MANAGER).get(one.api() + "/subscriptions?status=NOPE"), 422, "subscription.status-unknown");
        as(member)
                .body(Map.of())
                .post(one.api() + "/subscriptions/" + subscription + "/cancel")
                .then()
                .statusCode(200);
        Fixtures.refused(
                as(member).body(Map.of()).post(one.api() + "/subscriptions/" + subscription + "/cancel"),
                409,
                "subscription.already-cancelling");
    }

    @Test
    void the_renewal_job_renews_each_period_once_and_resumes_a_run_cut_short() {
        MovableClock clock = MovableClock.install();
        Fixtures.Place place = Fixtures.aPlace("renouvellement", Fixtures.PARIS);
        clock.setTo(PlanSteps.at(place, LocalDateTime.of(2027, 10, 14, 9, 0)));
        String plan = PlanSteps.plan(place, PlanSteps.aPlan("Résident", "MONTH", "90", "DESK_POOL", "DAY", 10));
        String quarterly =
                PlanSteps.plan(place, PlanSteps.aPlan("Trimestre", "QUARTER", "250", "DESK_POOL", "DAY", 30));
        String[] members = {
            Fixtures.aPerson("a", place, "MEMBER"),
            Fixtures.aPerson("b", place, "MEMBER"),
            Fixtures.aPerson("c", place, "MEMBER")
        };
        String first = null;
        for (String m : members) {
            String id = PlanSteps.subscribe(m, place, plan).getString("id");
            first = first == null ? id : first;
        }
        PlanSteps.subscribe(members[0], place, quarterly);

        // 1 November: a first run is cut short after one subscription (as if the node died)
        clock.setTo(PlanSteps.at(place, LocalDateTime.of(2027, 11, 1, 2, 0)));
        Instant now = clock.instant();
        UUID cut = UUID.fromString(first);
        var ref = places.bySlug(place.slug()).orElseThrow();
        assertThat(scope.call(
                        ref, () -> QuarkusTransaction.requiringNew().call(() -> subscriptions.renewOne(cut, now))))
                .isTrue();
        // the next run renews the other two monthly ones (the quarterly one is not due), then nothing more
        assertThat(PlanSteps.renew(place)).isEqualTo(2);
        assertThat(PlanSteps.renew(place)).isZero();
        assertThat(scope.call(
                        ref, () -> QuarkusTransaction.requiringNew().call(() -> subscriptions.renewOne(cut, now))))
                .isFalse();
        for (String m : members) {
            var mine = as(m).get(place.api() + "/subscriptions/mine")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> kinds = mine.getList("find { it.planName == 'Résident' }.periods.kind");
            assertThat(kinds).containsExactly("START", "RENEWAL");
            assertThat(PlanSteps.credits(m, place).getList("lots")).isNotEmpty();
        }
        assertThat(Fixtures.count(
                        "select count(*) from subscription_period sp join place p on p.id = sp.tenant_id"
                                + " where p.slug = ? and sp.kind = 'RENEWAL'",
                        place.slug()))
                .isEqualTo(3);

        // three months late (the job did not run): each period is renewed in turn, up to the current one
        clock.setTo(PlanSteps.at(place, LocalDateTime.of(2028, 2, 3, 2, 0)));
        assertThat(PlanSteps.renew(place)).isEqualTo(3 * 3 + 1);
        assertThat(PlanSteps.renew(place)).isZero();
        var mine = as(members[0])
                .get(place.api() + "/subscriptions/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(mine.getString("find { it.planName == 'Trimestre' }.periodEnd"))
                .isEqualTo("2028-04-01T00:00:00+02:00");
        assertThat(mine.getString("find { it.planName == 'Résident' }.periodEnd"))
                .isEqualTo("2028-03-01T00:00:00+01:00");
    }
}
