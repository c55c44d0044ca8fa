package org.tierslieux.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tierslieux.server.embedded.EmbeddedDatabase;

/**
 * Nodes of the packaged application on one fresh embedded PostgreSQL, as an operator runs them: production
 * profile, local accounts, the shared secrets every node needs, the first node bootstrapping the admin. Shared by
 * the failsafe ITs of this package ({@link TwoNodesIT}, {@link StormIT}, {@link CrashIT}), with the few HTTP
 * helpers they all use.
 */
final class Cluster implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "a-long-test-password";

    final EmbeddedDatabase database;
    final String admin;
    final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Path jar;
    private final Path logs;
    private final Map<String, String> environment;
    private final List<AppNode> nodes = new ArrayList<>();

    private Cluster(EmbeddedDatabase database, String admin, Path jar, Path logs, Map<String, String> environment) {
        this.database = database;
        this.admin = admin;
        this.jar = jar;
        this.logs = logs;
        this.environment = environment;
    }

    /**
     * Starts a fresh database and {@code names.size()} nodes on it at once (Liquibase's lock lets one of them
     * migrate), waits until all are ready. {@code extra} adds to (or overrides) the environment of every node.
     */
    static Cluster start(String directory, String admin, List<String> names, Map<String, String> extra)
            throws Exception {
        Path jar = Path.of(System.getProperty("tl.app.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged application (run after package)").exists();
        EmbeddedDatabase database = EmbeddedDatabase.startFresh();
        String ownerPassword = secret();
        String appPassword = secret();
        try (Connection c = database.superuserConnection();
                Statement s = c.createStatement()) {
            // the embedded roles' passwords are well known: the production guard refuses them
            s.execute("alter role " + EmbeddedDatabase.OWNER + " password '" + ownerPassword + "'");
            s.execute("alter role " + EmbeddedDatabase.APP + " password '" + appPassword + "'");
        }
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.APP);
        env.put("QUARKUS_DATASOURCE_PASSWORD", appPassword);
        env.put("QUARKUS_LIQUIBASE_USERNAME", EmbeddedDatabase.OWNER);
        env.put("QUARKUS_LIQUIBASE_PASSWORD", ownerPassword);
        env.put("TL_IDENTITY_MODE", "local");
        // the one secret the nodes must share: it signs the page sessions
        env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", secret());
        // and the key that seals each place's Mollie key (both nodes must read what the other wrote)
        env.put("TL_SECRETS_ENCRYPTION_KEY", secretsKey());
        env.put("TL_PUBLIC_URL", "http://tierslieux.test");
        env.put("QUARKUS_MAILER_MOCK", "true");
        env.put("QUARKUS_MAILER_FROM", "TiersLieux <no-reply@" + directory + ".test>");
        env.put("TL_SECURITY_BCRYPT_COST", "4");
        env.putAll(extra);
        // the first node creates the admin (once: it does nothing when the network has one)
        Map<String, String> first = new HashMap<>(env);
        first.put("TL_BOOTSTRAP_ADMIN_EMAIL", admin);
        first.put("TL_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        Cluster cluster =
                new Cluster(database, admin, jar, Path.of("target", directory).toAbsolutePath(), env);
        for (String name : names) {
            cluster.nodes.add(AppNode.start(name, jar, cluster.nodes.isEmpty() ? first : env, cluster.logs));
        }
        for (AppNode node : cluster.nodes) {
            node.awaitReady(cluster.http, Duration.ofSeconds(180));
            System.out.printf("%s pid %d on %s%n", node.name(), node.pid(), node.uri(""));
        }
        return cluster;
    }

    AppNode node(int index) {
        return nodes.get(index);
    }

    /** Starts a new process in place of {@code gone} (same environment, a new port, log {@code name}), ready. */
    AppNode replace(AppNode gone, String name) throws Exception {
        AppNode fresh = AppNode.start(name, jar, environment, logs);
        nodes.set(nodes.indexOf(gone), fresh);
        fresh.awaitReady(http, Duration.ofSeconds(180));
        System.out.printf("%s pid %d on %s (in place of %s)%n", fresh.name(), fresh.pid(), fresh.uri(""), gone.name());
        return fresh;
    }

    List<AppNode> nodes() {
        return List.copyOf(nodes);
    }

    String adminAuthorization() {
        return basic(admin, PASSWORD);
    }

    @Override
    public void close() throws Exception {
        for (AppNode node : nodes) {
            node.close();
        }
        database.close();
    }

    // --- seeding through the API (as the admin)

    /**
     * A place (Europe/Paris, invoicing identity), its admin as manager and treasurer; with a Mollie key, online
     * payment required before anything bought takes effect.
     */
    void place(String slug, String mollieKey) throws Exception {
        AppNode node = node(0);
        String admin = adminAuthorization();
        expect(
                201,
                send(
                        node,
                        "POST",
                        "/api/v1/network/places",
                        admin,
                        Map.of(
                                "slug",
                                slug,
                                "name",
                                "Lieu " + slug,
                                "timeZone",
                                "Europe/Paris",
                                "kinds",
                                List.of("COWORKING"),
                                "legal",
                                Map.of(
                                        "legalName",
                                        "Lieu " + slug + " SAS",
                                        "siret",
                                        "44306184100047",
                                        "vatNumber",
                                        "FR12443061841"),
                                "address",
                                Map.of(
                                        "street",
                                        "1 rue Nationale",
                                        "postalCode",
                                        "59000",
                                        "city",
                                        "Lille",
                                        "country",
                                        "FR"))));
        expect(
                200,
                send(
                        node,
                        "POST",
                        "/api/v1/places/" + slug + "/members",
                        admin,
                        Map.of("email", this.admin, "roles", List.of("MANAGER", "TREASURER"))));
        if (mollieKey != null) {
            expect(
                    200,
                    send(
                            node,
                            "PUT",
                            "/api/v1/places/" + slug + "/orders/settings",
                            admin,
                            Map.of("holdMinutes", 30, "paymentRequired", true)));
            expect(
                    200,
                    send(
                            node,
                            "PUT",
                            "/api/v1/places/" + slug + "/payment-settings/mollie",
                            admin,
                            Map.of("apiKey", mollieKey)));
        }
    }

    /** A person, member of {@code place}, with a personal token: returns the Authorization header's value. */
    String member(AppNode node, String place, String email) throws Exception {
        String admin = adminAuthorization();
        expect(
                201,
                send(
                        node,
                        "POST",
                        "/api/v1/network/people",
                        admin,
                        Map.of("email", email, "displayName", email, "password", PASSWORD)));
        expect(
                200,
                send(
                        node,
                        "POST",
                        "/api/v1/places/" + place + "/members",
                        admin,
                        Map.of("email", email, "roles", List.of("MEMBER"))));
        return "Bearer "
                + expect(201, send(node, "POST", "/api/v1/me/tokens", basic(email, PASSWORD), Map.of("name", "it")))
                        .get("token")
                        .asText();
    }

    /** A one-day desk pass of the place's pools, price {@code price} EUR incl. 20 % VAT: its id. */
    String dayPass(String place, String price) throws Exception {
        return expect(
                        201,
                        send(
                                node(0),
                                "POST",
                                "/api/v1/places/" + place + "/packs",
                                adminAuthorization(),
                                Map.of(
                                        "name",
                                        "Pass journée",
                                        "scope",
                                        Map.of("kind", "DESK_POOL"),
                                        "unit",
                                        "DAY",
                                        "quantity",
                                        1,
                                        "validityMonths",
                                        3,
                                        "price",
                                        Map.of("amount", price),
                                        "vatRate",
                                        "20",
                                        "dayPass",
                                        true)))
                .get("id")
                .asText();
    }

    /** {@code who} buys {@code pack}: the id of the (pending) order to pay. */
    String buy(AppNode node, String place, String who, String pack) throws Exception {
        String purchase = expect(
                        201,
                        send(node, "POST", "/api/v1/places/" + place + "/pack-purchases", who, Map.of("packId", pack)))
                .get("id")
                .asText();
        for (JsonNode order : expect(200, send(node, "GET", "/api/v1/places/" + place + "/orders?size=200", who, null))
                .get("items")) {
            if (purchase.equals(order.get("subjectId").asText())) {
                return order.get("id").asText();
            }
        }
        throw new AssertionError("no order for the purchase " + purchase);
    }

    /** The footprint chain as the application checks it (verification API): a problem, or null when valid. */
    String chainProblem(String place) throws Exception {
        JsonNode v = expect(
                200,
                send(node(0), "GET", "/api/v1/places/" + place + "/invoices/verification", adminAuthorization(), null));
        return v.get("valid").asBoolean() ? null : "the application finds the chain broken: " + v;
    }

    /** Invariants over this cluster's database, with the application's own footprint check. */
    Invariants invariants() {
        return new Invariants(database::superuserConnection, this::chainProblem);
    }

    // --- HTTP

    HttpResponse<String> send(AppNode node, String method, String path, String authorization, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Mollie's webhook call: a form with the payment's id, no authentication. */
    HttpResponse<String> webhook(AppNode node, String place, String paymentId) throws Exception {
        return http.send(
                HttpRequest.newBuilder(node.uri("/api/v1/webhooks/mollie/" + place))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("id=" + paymentId))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode expect(int status, HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode())
                .as(response.request().method() + " " + response.request().uri() + " answered " + response.body())
                .isEqualTo(status);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        answers.forEach(answer -> byStatus.merge(answer.statusCode(), 1L, Long::sum));
        return byStatus;
    }

    static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String secretsKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String secret() {
        byte[] bytes = new byte[36];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
