package org.tierslieux.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.nodes.Cluster.basic;
import static org.tierslieux.server.nodes.Cluster.expect;
import static org.tierslieux.server.nodes.Cluster.statuses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tierslieux.server.embedded.EmbeddedDatabase;

/**
 * Two instances of the packaged application on one PostgreSQL, as a load balancer would run them: bookings
 * raced across both never overlap, a token or a page session made on one works on the other, and the
 * scheduled hold sweep runs on one node at a time and expires a hold once. Runs after {@code package}
 * (failsafe), on the jar an operator deploys, in the production profile with local accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PLACE = "deux-noeuds";
    private static final String ADMIN = "admin@two-nodes.test";
    private static final String PASSWORD = Cluster.PASSWORD;
    private static final int MEMBERS = 20;
    private static final int CLIENTS = 100;
    private static final int POOL_SEATS = 5;

    private Cluster cluster;
    private HttpClient http;
    private EmbeddedDatabase database;
    private AppNode a;
    private AppNode b;
    private String desk;
    private String pool;
    private final List<String> members = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    /** 503 answers met (and retried) by the racing clients. */
    private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    void twoNodesOnOneDatabase() throws Exception {
        cluster = Cluster.start(
                "two-nodes",
                ADMIN,
                List.of("node-a", "node-b"),
                Map.of(
                        "TL_BOOKING_HOLD_SWEEP_EVERY", "1s",
                        "TL_BOOKING_WAITLIST_OFFER_WINDOW", "PT3S",
                        "TL_PLACE_CACHE_TTL", "PT1S"));
        database = cluster.database;
        http = cluster.http;
        a = cluster.node(0);
        b = cluster.node(1);
        seed();
    }

    @AfterAll
    void stopBoth() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The place, a desk, a pool of five seats and members with personal tokens, made through the API of node A. */
    private void seed() throws Exception {
        String admin = basic(ADMIN, PASSWORD);
        expect(
                201,
                send(
                        a,
                        "POST",
                        "/api/v1/network/places",
                        admin,
                        Map.of(
                                "slug",
                                PLACE,
                                "name",
                                "Deux noeuds",
                                "timeZone",
                                PARIS.getId(),
                                "kinds",
                                List.of("COWORKING"),
                                "legal",
                                Map.of(
                                        "legalName",
                                        "Deux noeuds SCIC",
                                        "vatExemptionMention",
                                        "TVA non applicable, art. 293 B du CGI"))));
        expect(
                200,
                send(
                        a,
                        "POST",
                        "/api/v1/places/" + PLACE + "/members",
                        admin,
                        Map.of("email", ADMIN, "roles", List.of("MANAGER"))));
        desk = expect(
                        201,
                        send(
                                b,
                                "POST",
                                "/api/v1/places/" + PLACE + "/resources",
                                admin,
                                Map.of("kind", "DESK", "name", "Bureau fenêtre")))
                .get("id")
                .asText();
        pool = expect(
                        201,
                        send(
                                b,
                                "POST",
                                "/api/v1/places/" + PLACE + "/resources",
                                admin,
                                Map.of("kind", "DESK_POOL", "name", "Open space", "capacity", POOL_SEATS)))
                .get("id")
                .asText();
        for (int i = 0; i < MEMBERS; i++) {
            String email = "member" + i + "@two-nodes.test";
            AppNode node = i % 2 == 0 ? a : b;
            expect(
                    201,
                    send(
                            node,
                            "POST",
                            "/api/v1/network/people",
                            admin,
                            Map.of("email", email, "displayName", "Membre " + i, "password", PASSWORD)));
            expect(
                    200,
                    send(
                            node,
                            "POST",
                            "/api/v1/places/" + PLACE + "/members",
                            admin,
                            Map.of("email", email, "roles", List.of("MEMBER"))));
            members.add(email);
            tokens.add("Bearer "
                    + expect(
                                    201,
                                    send(
                                            node,
                                            "POST",
                                            "/api/v1/me/tokens",
                                            basic(email, PASSWORD),
                                            Map.of("name", "two nodes")))
                            .get("token")
                            .asText());
        }
    }

    @Test
    void a_hundred_clients_on_two_nodes_take_exactly_the_desk_and_the_seats_and_nothing_overlaps() throws Exception {
        LocalDate day = weekdayAhead(3);
        Map<String, Object> slot = Map.of(
                "start", at(day, 9).toOffsetDateTime().toString(),
                "end", at(day, 13).toOffsetDateTime().toString());

        List<HttpResponse<String>> onDesk = race(desk, slot);
        List<HttpResponse<String>> onPool = race(pool, slot);
        System.out.printf("Race: desk %s, pool %s, 503 retried %d%n", statuses(onDesk), statuses(onPool), busy.get());

        assertThat(statuses(onDesk))
                .containsEntry(201, 1L)
                .containsEntry(409, (long) CLIENTS - 1)
                .hasSize(2);
        assertThat(statuses(onPool))
                .containsEntry(201, (long) POOL_SEATS)
                .containsEntry(409, (long) CLIENTS - POOL_SEATS)
                .hasSize(2);
        for (HttpResponse<String> refused : concat(onDesk, onPool)) {
            if (refused.statusCode() == 409) {
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("booking.unavailable");
            }
        }
        // both nodes took part in the winners and the losers
        try (Connection c = database.superuserConnection()) {
            assertThat(count(
                            c,
                            "select count(*) from booking a join booking b on a.tenant_id = b.tenant_id"
                                    + " and a.resource_id = b.resource_id and a.id < b.id and a.period && b.period"
                                    + " where a.resource_id = ?::uuid and a.status in ('HELD', 'CONFIRMED')"
                                    + " and b.status in ('HELD', 'CONFIRMED')",
                            desk))
                    .as("overlapping bookings of the desk")
                    .isZero();
            assertThat(count(
                            c,
                            "select coalesce(sum(seats), 0) from booking where resource_id = ?::uuid"
                                    + " and status in ('HELD', 'CONFIRMED')",
                            pool))
                    .as("seats taken in the pool")
                    .isEqualTo(POOL_SEATS);
        }
    }

    @Test
    void a_token_and_a_page_session_made_on_one_node_work_on_the_other() throws Exception {
        String email = members.get(0);
        // a token created on A authenticates on B, and its revocation on A is seen by B at once
        JsonNode created =
                expect(201, send(a, "POST", "/api/v1/me/tokens", basic(email, PASSWORD), Map.of("name", "cross")));
        String token = "Bearer " + created.get("token").asText();
        assertThat(expect(200, send(b, "GET", "/api/v1/me", token, null))
                        .get("email")
                        .asText())
                .isEqualTo(email);
        expect(200, send(a, "DELETE", "/api/v1/me/tokens/" + created.get("id").asText(), token, null));
        assertThat(send(b, "GET", "/api/v1/me", token, null).statusCode()).isEqualTo(401);

        // the page session cookie signed by A is accepted by B
        String session = signIn(a, email);
        HttpResponse<String> page = page(b, session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(email);
        HttpResponse<String> me = http.send(
                HttpRequest.newBuilder(b.uri("/api/v1/me"))
                        .header("Cookie", session)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
    }

    @Test
    void a_place_renamed_through_one_node_is_seen_by_the_other_within_the_cache_lifetime() throws Exception {
        String session = signIn(b, members.get(3));
        assertThat(page(b, session).body()).contains("Deux noeuds");
        JsonNode place = expect(200, send(a, "GET", "/api/v1/network/places/" + PLACE, null, null));
        Map<String, Object> edit = new HashMap<>();
        edit.put("name", "Deux noeuds et demi");
        edit.put("timeZone", PARIS.getId());
        edit.put("kinds", List.of("COWORKING"));
        edit.put(
                "legal",
                Map.of(
                        "legalName",
                        "Deux noeuds SCIC",
                        "vatExemptionMention",
                        "TVA non applicable, art. 293 B du CGI"));
        edit.put("version", place.get("version").asLong());
        expect(200, send(a, "PUT", "/api/v1/network/places/" + PLACE, basic(ADMIN, PASSWORD), edit));
        // node B cached the old name; it reads the place again once its entry is older than TL_PLACE_CACHE_TTL
        await(Duration.ofSeconds(10), () -> {
            try {
                return page(b, session).body().contains("Deux noeuds et demi");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void a_hold_that_runs_out_is_expired_once_by_one_node_and_only_when_the_job_lock_is_free() throws Exception {
        LocalDate day = weekdayAhead(4);
        Map<String, Object> slot = Map.of(
                "start", at(day, 13).toOffsetDateTime().toString(),
                "end", at(day, 17).toOffsetDateTime().toString());
        Instant start = at(day, 13).toInstant();
        String holder = tokens.get(1);
        String waiting = tokens.get(2);
        String waitingEmail = members.get(2);
        Map<String, Object> request = new HashMap<>(slot);
        request.put("resourceId", desk);
        String booked = expect(201, send(a, "POST", "/api/v1/places/" + PLACE + "/bookings", holder, request))
                .get("id")
                .asText();
        expect(201, send(b, "POST", "/api/v1/places/" + PLACE + "/waitlist", waiting, request));

        try (Connection lock = database.superuserConnection();
                Connection c = database.superuserConnection()) {
            // what a node running the sweep holds: while it is taken, neither node sweeps
            call(lock, "select pg_advisory_lock(hashtextextended('job:hold-sweep', 0))");
            expect(
                    200,
                    send(a, "POST", "/api/v1/places/" + PLACE + "/bookings/" + booked + "/cancel", holder, Map.of()));
            // the freed slot is offered to the waiting member: a hold of three seconds
            await(Duration.ofSeconds(15), () -> heldOffer(c) != null);
            Instant expiresAt = heldOffer(c);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 3_000);
            assertThat(status(c, waitingEmail, start))
                    .as("a hold past its expiry while the job lock is taken elsewhere")
                    .containsExactly("HELD");

            call(lock, "select pg_advisory_unlock(hashtextextended('job:hold-sweep', 0))");
            await(Duration.ofSeconds(20), () -> status(c, waitingEmail, start).equals(List.of("EXPIRED")));
            Thread.sleep(3_000); // several more sweeps on both nodes
            assertThat(status(c, waitingEmail, start)).containsExactly("EXPIRED");
            assertThat(count(
                            c,
                            "select count(*) from waitlist_entry where resource_id = ?::uuid and status = 'EXPIRED'",
                            desk))
                    .isEqualTo(1);
        }
        List<String> sweeps = new ArrayList<>();
        List<String> mails = new ArrayList<>();
        for (AppNode node : List.of(a, b)) {
            for (String line : node.logLines()) {
                if (line.contains("hold(s) expired at " + PLACE)) {
                    sweeps.add(node.name() + ": " + line);
                }
                // mails about this slot only (the member may have won a seat in the race too)
                if (line.contains("Sending email")
                        && line.contains(waitingEmail)
                        && line.contains("Bureau fenêtre")
                        && line.contains("13:00")) {
                    mails.add(node.name() + ": " + line);
                }
            }
        }
        assertThat(sweeps).as("sweeps that expired the hold").hasSize(1);
        assertThat(sweeps.get(0)).contains("1 hold(s) expired");
        // the offer, then the hold's end: one of each
        assertThat(mails).as("mails to the waiting member").hasSize(2);
    }

    @Test
    @Order(Integer.MAX_VALUE) // after everything else ran on both nodes
    void neither_node_logs_an_error() throws Exception {
        for (AppNode node : List.of(a, b)) {
            assertThat(node.logLines())
                    .as(node.name() + "'s log")
                    .noneMatch(line -> line.contains("ERROR [") || line.contains("Incident "));
        }
    }

    // --- helpers

    /** Signs {@code email} in through the login form of {@code node}; returns the session cookie. */
    private String signIn(AppNode node, String email) throws Exception {
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(node.uri("/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "j_username=" + enc(email) + "&j_password=" + enc(PASSWORD)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("tl-session="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> page(AppNode node, String session) throws Exception {
        return http.send(
                HttpRequest.newBuilder(node.uri("/" + PLACE))
                        .header("Cookie", session)
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@value #CLIENTS} clients book the same slot at once, alternating nodes, each with a member's token. */
    private List<HttpResponse<String>> race(String resource, Map<String, Object> slot) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                AppNode node = i % 2 == 0 ? a : b;
                String token = tokens.get(i % MEMBERS);
                Map<String, Object> body = new HashMap<>(slot);
                body.put("resourceId", resource);
                answers.add(clients.submit(() -> {
                    start.await();
                    HttpResponse<String> answer;
                    // a surge may meet a busy pool: 503 server.busy with Retry-After, which a client retries
                    for (int attempt = 1; ; attempt++) {
                        answer = send(node, "POST", "/api/v1/places/" + PLACE + "/bookings", token, body);
                        if (answer.statusCode() != 503 || attempt == 5) {
                            return answer;
                        }
                        busy.incrementAndGet();
                        Thread.sleep(1_000);
                    }
                }));
            }
            start.countDown();
            List<HttpResponse<String>> result = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            clients.shutdownNow();
        }
    }

    private HttpResponse<String> send(AppNode node, String method, String path, String authorization, Object body)
            throws Exception {
        return cluster.send(node, method, path, authorization, body);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private Instant heldOffer(Connection c) {
        try (PreparedStatement select = c.prepareStatement(
                "select hold_expires_at from booking" + " where resource_id = ?::uuid and status = 'HELD'")) {
            select.setString(1, desk);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getTimestamp(1).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statuses of {@code email}'s bookings of the desk starting at {@code start}. */
    private List<String> status(Connection c, String email, Instant start) {
        try (PreparedStatement select = c.prepareStatement("select b.status from booking b"
                + " join person p on p.id = b.person_id where b.resource_id = ?::uuid and p.email = ?"
                + " and b.starts_at = ? order by b.created_at")) {
            select.setString(1, desk);
            select.setString(2, email);
            select.setObject(3, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
            List<String> statuses = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void call(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + timeout).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static LocalDate weekdayAhead(int days) {
        LocalDate day = LocalDate.now(PARIS).plusDays(days);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static ZonedDateTime at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), PARIS);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
