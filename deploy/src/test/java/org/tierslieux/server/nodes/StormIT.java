package org.tierslieux.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.nodes.Cluster.expect;
import static org.tierslieux.server.nodes.Cluster.statuses;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierslieux.server.mollie.MollieSimulator;

/**
 * Storms on two nodes of the packaged application over one PostgreSQL (issue 8, item 3): at once and split over
 * both nodes, a hundred clients on one desk and on one pool of five seats; twenty members paying their day pass
 * online at the same moment (the local Mollie server), then Mollie's webhook of each payment delivered eight times
 * at once to both nodes; the same members each spending their one credit on three days at once. Then the
 * {@link Invariants}. Prints one summary line ({@code STORM ...}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StormIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PLACE = "orage";
    private static final int MEMBERS = 20;
    private static final int CLIENTS = 100;
    private static final int POOL_SEATS = 5;
    private static final int DELIVERIES = 8;
    private static final int DAYS_WANTED = 3;

    private MollieSimulator mollie;
    private Cluster cluster;
    private AppNode a;
    private AppNode b;
    private final List<String> tokens = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<String, Map<Integer, Long>> figures = new java.util.LinkedHashMap<>();

    @BeforeAll
    void twoNodes() throws Exception {
        mollie = MollieSimulator.start();
        String key = MollieSimulator.newKey();
        mollie.registerKey(key);
        cluster = Cluster.start(
                "storm",
                "admin@storm.test",
                List.of("node-a", "node-b"),
                Map.of(
                        "TL_MOLLIE_BASE_URL", mollie.baseUrl(),
                        "TL_PUBLIC_URL", "http://127.0.0.1:1",
                        "TL_BOOKING_HOLD_SWEEP_EVERY", "1s"));
        a = cluster.node(0);
        b = cluster.node(1);
        cluster.place(PLACE, key);
        for (int i = 0; i < MEMBERS; i++) {
            tokens.add(cluster.member(i % 2 == 0 ? a : b, PLACE, "member" + i + "@storm.test"));
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (mollie != null) {
            mollie.close();
        }
    }

    @Test
    void storms_on_two_nodes_leave_every_invariant_true() throws Exception {
        long started = System.nanoTime();
        bookingsOnOneDeskAndOnePool();
        checkoutsAndDuplicateWebhooks();
        everyoneSpendsTheirLastCreditThreeTimesAtOnce();

        Map<String, Integer> checked = cluster.invariants().assertAll();
        long requests = figures.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        System.out.printf(
                "STORM requests=%d %s busy503Retried=%d invariantsOver=%s seconds=%d%n",
                requests, figures, busy.get(), checked, (System.nanoTime() - started) / 1_000_000_000L);
        for (AppNode node : cluster.nodes()) {
            assertThat(node.logLines())
                    .as(node.name() + "'s log")
                    .noneMatch(line -> line.contains("ERROR [") || line.contains("Incident "));
        }
    }

    /** A hundred clients on one desk, then on a pool of five seats, the same slot, alternating nodes. */
    private void bookingsOnOneDeskAndOnePool() throws Exception {
        String desk = resource("DESK", "Bureau fenêtre", 1);
        String pool = resource("DESK_POOL", "Open space", POOL_SEATS);
        LocalDate day = weekdayAhead(3);
        Map<String, Object> slot = Map.of(
                "start", at(day, 9).toOffsetDateTime().toString(),
                "end", at(day, 13).toOffsetDateTime().toString());
        for (String resource : List.of(desk, pool)) {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                AppNode node = i % 2 == 0 ? a : b;
                String token = tokens.get(i % MEMBERS);
                Map<String, Object> body = new HashMap<>(slot);
                body.put("resourceId", resource);
                calls.add(() -> retried(() -> cluster.send(node, "POST", api("/bookings"), token, body)));
            }
            List<HttpResponse<String>> answers = atOnce(calls);
            int seats = resource.equals(desk) ? 1 : POOL_SEATS;
            record(resource.equals(desk) ? "desk" : "pool", answers);
            assertThat(statuses(answers)).containsEntry(201, (long) seats).containsEntry(409, (long) CLIENTS - seats);
        }
    }

    /**
     * Each member buys a day pass (paid first), all pay online at once on both nodes; each payer pays; then
     * Mollie's webhook of every payment comes {@value #DELIVERIES} times at once, half to each node.
     */
    private void checkoutsAndDuplicateWebhooks() throws Exception {
        String pass = cluster.dayPass(PLACE, "20");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            orders.add(cluster.buy(i % 2 == 0 ? a : b, PLACE, tokens.get(i), pass));
        }
        List<Callable<HttpResponse<String>>> checkouts = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            AppNode node = i % 2 == 0 ? b : a;
            String token = tokens.get(i);
            String order = orders.get(i);
            checkouts.add(() ->
                    retried(() -> cluster.send(node, "POST", api("/orders/" + order + "/checkout"), token, Map.of())));
        }
        List<HttpResponse<String>> started = atOnce(checkouts);
        record("checkouts", started);
        List<String> payments = new ArrayList<>();
        for (HttpResponse<String> answer : started) {
            payments.add(expect(201, answer).get("providerId").asText());
        }
        // the payers pay (Mollie's own call goes to the public URL, which is not these nodes: we deliver it)
        payments.forEach(payment -> mollie.complete(payment, "paid"));
        List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (String payment : payments) {
            for (int i = 0; i < DELIVERIES; i++) {
                AppNode node = i % 2 == 0 ? a : b;
                deliveries.add(() -> retried(() -> cluster.webhook(node, PLACE, payment)));
            }
        }
        List<HttpResponse<String>> delivered = atOnce(deliveries);
        record("webhooks", delivered);
        assertThat(statuses(delivered)).containsOnlyKeys(200);
        for (int i = 0; i < MEMBERS; i++) {
            JsonNode order = expect(200, cluster.send(a, "GET", api("/orders/" + orders.get(i)), tokens.get(i), null));
            assertThat(order.get("status").asText()).isEqualTo("PAID");
            assertThat(order.get("payments")).hasSize(1);
            assertThat(order.get("invoiceId").isNull()).isFalse();
        }
    }

    /**
     * Each member's one-day pass is their last credit: each asks for three days of a priced pool at once, on both
     * nodes. Exactly one of the three is paid by the credit, the others are charged; no lot goes below zero.
     */
    private void everyoneSpendsTheirLastCreditThreeTimesAtOnce() throws Exception {
        expect(
                201,
                cluster.send(
                        a,
                        "POST",
                        api("/prices"),
                        cluster.adminAuthorization(),
                        Map.of("kind", "DESK_POOL", "unit", "DAY", "amount", "20", "vatRate", "20")));
        String pool = resource("DESK_POOL", "Grande salle", 100);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = weekdayAhead(8); days.size() < DAYS_WANTED; day = weekdayAhead(day, 1)) {
            days.add(day);
        }
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            for (int d = 0; d < DAYS_WANTED; d++) {
                AppNode node = (i + d) % 2 == 0 ? a : b;
                String token = tokens.get(i);
                Map<String, Object> body =
                        Map.of("resourceId", pool, "date", days.get(d).toString());
                calls.add(() -> retried(() -> cluster.send(node, "POST", api("/desks/bookings"), token, body)));
            }
        }
        List<HttpResponse<String>> answers = atOnce(calls);
        record("lastCredit", answers);
        assertThat(statuses(answers)).containsOnlyKeys(201);
        Map<String, Long> covered = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            JsonNode booking = Cluster.JSON.readTree(answers.get(i).body());
            if (booking.at("/quote/charged/amount").asText().equals("0.00")) {
                covered.merge(tokens.get(i / DAYS_WANTED), 1L, Long::sum);
            }
        }
        assertThat(covered).as("bookings paid by the credit, per member").hasSize(MEMBERS);
        assertThat(covered.values()).containsOnly(1L);
        Invariants invariants = cluster.invariants();
        assertThat(invariants.rows("select e.person_id, sum(e.quantity) from credit_entry e"
                        + " join credit_entry g on g.tenant_id = e.tenant_id and g.id = e.lot_id"
                        + " where g.label = 'Pass journée' group by e.person_id having sum(e.quantity) <> 0"))
                .as("passes not spent exactly")
                .isEmpty();
    }

    // --- helpers

    /** Keeps the figures of a phase; prints one answer of each status and problem code (to see why). */
    private void record(String phase, List<HttpResponse<String>> answers) {
        figures.put(phase, statuses(answers));
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (HttpResponse<String> answer : answers) {
            String body = answer.body();
            String code = answer.statusCode() < 300 ? "" : body.replaceAll(".*\"code\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            if (shown.add(answer.statusCode() + " " + code)) {
                System.out.printf(
                        "STORM %s: %d from %s: %s%n",
                        phase, answer.statusCode(), answer.uri(), body.substring(0, Math.min(300, body.length())));
            }
        }
    }

    private String resource(String kind, String name, int capacity) throws Exception {
        return expect(
                        201,
                        cluster.send(
                                b,
                                "POST",
                                api("/resources"),
                                cluster.adminAuthorization(),
                                Map.of("kind", kind, "name", name, "capacity", capacity)))
                .get("id")
                .asText();
    }

    /** Runs every call at the same moment (one thread each), returns the answers in order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> call : calls) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> result = new ArrayList<>();
            for (Future<T> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            clients.shutdownNow();
        }
    }

    /** A surge may meet a busy pool: 503 server.busy with Retry-After, which a client retries. */
    private HttpResponse<String> retried(Callable<HttpResponse<String>> call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer = call.call();
            if (answer.statusCode() != 503 || attempt == 5) {
                return answer;
            }
            busy.incrementAndGet();
            Thread.sleep(1_000);
        }
    }

    private static String api(String path) {
        return "/api/v1/places/" + PLACE + path;
    }

    private static LocalDate weekdayAhead(int days) {
        return weekdayAhead(LocalDate.now(PARIS), days);
    }

    private static LocalDate weekdayAhead(LocalDate from, int days) {
        LocalDate day = from.plusDays(days);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static ZonedDateTime at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), PARIS);
    }
}
