package org.tierslieux.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.ApiDocument;
import org.tierslieux.server.testsupport.ApiDocument.Operation;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.PlaceRows;
import org.tierslieux.server.testsupport.Snapshot;
import org.tierslieux.server.testsupport.Sql;

/**
 * Issue 8, item 1: the isolation sweep. Every operation of the OpenAPI document, and every page of a place, is
 * called by the member, the manager and the treasurer of another place (and anonymously), with real ids, slugs,
 * numbers and emails of the victim place in every path, query and body slot that names one. Nothing of the victim
 * may come back, nothing of it may change, and no answer may be a 500. A new operation is swept without anyone
 * writing a line, as long as its parameters name what they hold; one that the sweep cannot fill must be listed in
 * {@link #SPECIAL} with the reason, or this test fails naming it.
 *
 * <p>The victim is the demo's {@code la-filature} (a lived-in coworking) with a few more things seeded here; the
 * attackers belong to a new place of their own only (the demo's accounts all belong to both demo places).
 */
@QuarkusTest
class IsolationSweepTest {

    /**
     * Operations the generic sweep does not call, each with its reason; they are checked by a dedicated test of
     * this class or are public by design. The list must stay in step with the document: an entry that no longer
     * matches an operation fails the test too.
     */
    static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry(
                    "GET /ical/{token}.ics",
                    "a capability URL: the token is the secret (swept in feeds_and_exports_of_another_place_give_nothing_away)"),
            Map.entry(
                    "POST /api/v1/webhooks/mollie/{place}",
                    "called by Mollie without credentials: it only reads the payment's state back from Mollie (swept in"
                            + " the_payment_webhook_cannot_touch_another_place)"));

    /**
     * Operations that show a place's bookable catalogue (its resources' ids, names and free slots) to anyone signed
     * in, by design: network-pass visitors and non-members book rooms and resources open to everyone. Nothing else
     * of the place (bookings, people, numbers) may show there.
     */
    static final Map<String, String> NETWORK_VISIBLE = Map.ofEntries(
            Map.entry(
                    "GET /api/v1/places/{place}/availability",
                    "free slots of the place's resources, for visitors (docs/api.md: signed in)"),
            Map.entry("GET /api/v1/places/{place}/rooms", "meeting rooms bookable by non-members (signed in)"),
            Map.entry("GET /api/v1/places/{place}/rooms/{id}", "a meeting room bookable by non-members (signed in)"));

    /** Statuses that refuse without saying anything: anything else than these or a clean 2xx is a finding. */
    static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 405, 409, 415, 422);

    static final String VICTIM = Demo.FILATURE;
    static final String PASSWORD = "un-long-mot-de-passe";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The attackers, set up once per test database. */
    static Attackers attackers;

    static Victim victim;

    record Attackers(String place, Map<String, String> emails) {}

    @BeforeEach
    void setUp() {
        synchronized (IsolationSweepTest.class) {
            if (attackers == null || Sql.count("select count(*) from place where slug = ?", attackers.place()) == 0) {
                attackers = newAttackers();
                String person = Seed.victimPlace(VICTIM, attackers.place());
                victim = Victim.of(VICTIM, attackers.place());
                victim.person = person;
            }
        }
    }

    private static Attackers newAttackers() {
        String slug = ("sweep-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36)).toLowerCase(Locale.ROOT);
        Demo.as(Demo.ADMIN)
                .body(Demo.aPlace(slug, "Lieu " + slug))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        Map<String, String> emails = new LinkedHashMap<>();
        for (String role : List.of("MEMBER", "MANAGER", "TREASURER")) {
            String email = slug + "-" + role.toLowerCase(Locale.ROOT) + "@example.org";
            Demo.as(Demo.ADMIN)
                    .body(Map.of("email", email, "displayName", "Sweep " + role, "password", PASSWORD))
                    .post("/api/v1/network/people")
                    .then()
                    .statusCode(201);
            Demo.as(Demo.ADMIN)
                    .body(Map.of("email", email, "roles", List.of(role)))
                    .post("/api/v1/places/" + slug + "/members")
                    .then()
                    .statusCode(200);
            emails.put(role.toLowerCase(Locale.ROOT), email);
        }
        return new Attackers(slug, emails);
    }

    // ---- the API ------------------------------------------------------------------------------------------------

    record Call(String who, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return who + " " + method + " " + path + (body == null ? "" : " " + abbreviate(body));
        }
    }

    record Answer(int status, String type, String body) {}

    static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    @Test
    void no_operation_of_the_api_reaches_another_place() throws Exception {
        JsonNode document = ApiDocument.fetch();
        List<Operation> operations = ApiDocument.operations(document);
        Sweep sweep = new Sweep(victim);
        List<String> uncovered = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Operation operation : operations) {
            seen.add(operation.key());
            if (SPECIAL.containsKey(operation.key())) {
                continue;
            }
            List<Call> calls = sweep.callsFor(operation, document);
            if (calls.isEmpty()) {
                uncovered.add(operation.key() + " (" + sweep.whyNot + ")");
                continue;
            }
            sweep.run(operation.key(), calls);
        }
        Set<String> stale = new TreeSet<>(SPECIAL.keySet());
        stale.removeAll(seen);
        Sweep.report(
                "api",
                operations.size(),
                sweep,
                List.of(
                        "operations in the document: " + operations.size(),
                        "special (listed): " + SPECIAL.size(),
                        "kinds the victim has none of (swept with an unknown id): " + victim.withoutRealIds,
                        "uncovered: " + uncovered));
        assertThat(uncovered)
                .as(
                        "operations the sweep cannot fill: make their parameters name what they hold, or list them in SPECIAL")
                .isEmpty();
        assertThat(stale).as("SPECIAL entries that match no operation any more").isEmpty();
        assertThat(operations.size()).isGreaterThan(150);
        sweep.assertClean();
    }

    /** Builds the calls of an operation, sends them, and keeps what went wrong. */
    static final class Sweep {

        final Victim victim;
        final List<String> findings = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        int requests;
        String whyNot;

        Sweep(Victim victim) {
            this.victim = victim;
        }

        List<Call> callsFor(Operation operation, JsonNode document) {
            whyNot = null;
            List<JsonNode> parameters = operation.parameters(document);
            List<String> placeSlugs = operation.path().contains("{place}")
                    ? List.of(victim.slug, victim.attackerPlace)
                    : java.util.Collections.singletonList(null);
            List<Call> calls = new ArrayList<>();
            for (String place : placeSlugs) {
                String path = operation.path();
                if (place != null) {
                    path = path.replace("{place}", place);
                }
                Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(path);
                StringBuilder filled = new StringBuilder();
                while (parameter.find()) {
                    String value =
                            victim.valueForPathParameter(parameter.group(1), path.substring(0, parameter.start()));
                    if (value == null) {
                        whyNot = "no value of the victim for path parameter {" + parameter.group(1) + "}";
                        return List.of();
                    }
                    parameter.appendReplacement(filled, Matcher.quoteReplacement(encode(value)));
                }
                parameter.appendTail(filled);
                StringBuilder query = new StringBuilder();
                for (JsonNode p : parameters) {
                    if (!"query".equals(p.path("in").asText())) {
                        continue;
                    }
                    String name = p.path("name").asText();
                    String value = victim.valueForQuery(name, p.path("schema"), document);
                    if (value != null) {
                        query.append(query.isEmpty() ? "?" : "&")
                                .append(name)
                                .append('=')
                                .append(encode(value));
                    }
                }
                String contentType = null;
                String body = null;
                JsonNode content = operation.node().path("requestBody").path("content");
                if (!content.isMissingNode() && content.size() > 0) {
                    String type = content.fieldNames().next();
                    JsonNode schema = content.path(type).path("schema");
                    if (type.contains("json")) {
                        contentType = "application/json";
                        body = victim.bodyFor(schema, document).toString();
                    } else if (type.contains("x-www-form-urlencoded")) {
                        contentType = type;
                        body = victim.formFor(schema, document);
                    } else {
                        contentType = type;
                        body = "";
                    }
                }
                for (String who : List.of("anonymous", "member", "manager", "treasurer")) {
                    calls.add(new Call(who, operation.method(), filled + query.toString(), contentType, body));
                }
            }
            return calls;
        }

        void run(String key, List<Call> calls) throws Exception {
            Snapshot before = Snapshot.of(victim.placeId);
            for (Call call : calls) {
                Answer answer = send(call, victim.credentials(call.who()));
                requests++;
                statuses.merge(answer.status(), 1, Integer::sum);
                judge(key, call, answer);
            }
            Snapshot after = Snapshot.of(victim.placeId);
            List<String> changed = before.differences(after);
            if (!changed.isEmpty()) {
                findings.add("CHANGED " + key + ": the victim's " + changed);
            }
        }

        void judge(String key, Call call, Answer answer) {
            int status = answer.status();
            if (status >= 500) {
                findings.add("500 " + call + " -> " + status + " " + abbreviate(answer.body()));
            } else if (status >= 200 && status < 400) {
                Set<String> leaked = victim.secretsIn(answer.body());
                if (NETWORK_VISIBLE.containsKey(key)) {
                    leaked.removeAll(victim.ids("resource", Integer.MAX_VALUE));
                }
                if (!leaked.isEmpty()) {
                    findings.add(
                            "LEAK " + call + " -> " + status + " shows " + leaked + " in " + abbreviate(answer.body()));
                }
            } else if (!REFUSALS.contains(status)) {
                findings.add("ODD " + call + " -> " + status + " " + abbreviate(answer.body()));
            } else if (!String.valueOf(answer.type()).startsWith("application/problem+json")
                    && status != 405
                    && status != 401) {
                findings.add("NOT-A-PROBLEM " + call + " -> " + status + " " + answer.type() + " "
                        + abbreviate(answer.body()));
            }
        }

        static void report(String what, int operations, Sweep sweep, List<String> more) {
            StringBuilder text = new StringBuilder("\n=== isolation sweep (" + what + ") ===\n");
            text.append("requests sent: ").append(sweep.requests).append('\n');
            text.append("statuses: ").append(sweep.statuses).append('\n');
            more.forEach(line -> text.append(line).append('\n'));
            text.append("findings: ").append(sweep.findings.size()).append('\n');
            sweep.findings.forEach(f -> text.append("  ").append(f).append('\n'));
            System.out.println(text);
        }

        void assertClean() {
            assertThat(findings).as("leaks, changes and 500s").isEmpty();
        }
    }

    static String encode(String value) {
        return PlaceRows.encode(value);
    }

    static Answer send(Call call, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + call.path()))
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Accept", "application/json, text/csv, text/calendar, application/pdf, */*;q=0.1");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        request.method(call.method(), body);
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("");
        return new Answer(response.statusCode(), type, new String(response.body(), StandardCharsets.ISO_8859_1));
    }

    static String basic(String email) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    // ---- pages and exports ------------------------------------------------------------------------------------

    /** Page paths (GET) the sweep cannot fill, with the reason. */
    static final Map<String, String> SPECIAL_PAGES = Map.ofEntries();

    record Page(String path, List<String> queryParameters) {}

    @Test
    void no_page_of_a_place_shows_another_place() throws Exception {
        List<Page> pages = placePages();
        Sweep sweep = new Sweep(victim);
        Map<String, String> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", null);
        attackers.emails().forEach((role, email) -> sessions.put(role, "tl-session=" + session(email)));
        List<String> uncovered = new ArrayList<>();
        for (Page page : pages) {
            if (SPECIAL_PAGES.containsKey(page.path())) {
                continue;
            }
            for (String place : List.of(victim.slug, victim.attackerPlace)) {
                String path = page.path().replace("{place}", place);
                Matcher parameter = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(path);
                StringBuilder filled = new StringBuilder();
                boolean complete = true;
                while (parameter.find()) {
                    String value =
                            victim.valueForPathParameter(parameter.group(1), path.substring(0, parameter.start()));
                    if (value == null) {
                        complete = false;
                        break;
                    }
                    parameter.appendReplacement(filled, Matcher.quoteReplacement(encode(value)));
                }
                if (!complete) {
                    uncovered.add(page.path());
                    break;
                }
                parameter.appendTail(filled);
                StringBuilder query = new StringBuilder();
                for (String name : page.queryParameters()) {
                    String value = victim.valueForQuery(name, JsonNodeFactory.instance.objectNode(), null);
                    if (value != null) {
                        query.append(query.isEmpty() ? "?" : "&")
                                .append(name)
                                .append('=')
                                .append(encode(value));
                    }
                }
                for (var who : sessions.entrySet()) {
                    Call call = new Call(who.getKey(), "GET", filled + query.toString(), null, null);
                    Answer answer = browse(call, who.getValue());
                    sweep.requests++;
                    sweep.statuses.merge(answer.status(), 1, Integer::sum);
                    judgePage(sweep, call, answer);
                }
            }
        }
        Sweep.report(
                "pages",
                pages.size(),
                sweep,
                List.of("GET pages of a place: " + pages.size(), "uncovered: " + uncovered));
        assertThat(pages.size()).isGreaterThan(30);
        assertThat(uncovered)
                .as("pages the sweep cannot fill: list them in SPECIAL_PAGES")
                .isEmpty();
        sweep.assertClean();
    }

    record Form(String path, List<String> fields) {}

    @Test
    void no_form_of_a_place_changes_another_place() throws Exception {
        List<Form> forms = placeForms();
        Sweep sweep = new Sweep(victim);
        Map<String, String> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", null);
        attackers.emails().forEach((role, email) -> sessions.put(role, "tl-session=" + session(email)));
        List<String> uncovered = new ArrayList<>();
        for (Form form : forms) {
            Snapshot before = Snapshot.of(victim.placeId);
            for (String place : List.of(victim.slug, victim.attackerPlace)) {
                String path = fill(form.path().replace("{place}", place));
                if (path == null) {
                    uncovered.add(form.path());
                    break;
                }
                StringBuilder body = new StringBuilder();
                for (String field : form.fields()) {
                    String value = victim.valueForName(field);
                    body.append(body.isEmpty() ? "" : "&")
                            .append(encode(field))
                            .append('=')
                            .append(encode(value == null ? "sweep" : value));
                }
                for (var who : sessions.entrySet()) {
                    Call call =
                            new Call(who.getKey(), "POST", path, "application/x-www-form-urlencoded", body.toString());
                    Answer answer = browse(call, who.getValue());
                    sweep.requests++;
                    sweep.statuses.merge(answer.status(), 1, Integer::sum);
                    judgePage(sweep, call, answer);
                }
            }
            List<String> changed = before.differences(Snapshot.of(victim.placeId));
            if (!changed.isEmpty()) {
                sweep.findings.add("CHANGED POST " + form.path() + ": the victim's " + changed);
            }
        }
        Sweep.report(
                "page forms",
                forms.size(),
                sweep,
                List.of("POST forms of a place: " + forms.size(), "uncovered: " + uncovered));
        assertThat(forms.size()).isGreaterThan(30);
        assertThat(uncovered).as("forms the sweep cannot fill").isEmpty();
        assertThat(sweep.statuses)
                .as("some forms reach the id lookups (404) and the validation (422), not only the door (CSRF, roles)")
                .containsKeys(404, 422);
        sweep.assertClean();
    }

    /** The path with its parameters filled with the victim's values, or null if one cannot be. */
    static String fill(String path) {
        Matcher parameter = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(path);
        StringBuilder filled = new StringBuilder();
        while (parameter.find()) {
            String value = victim.valueForPathParameter(parameter.group(1), path.substring(0, parameter.start()));
            if (value == null) {
                return null;
            }
            parameter.appendReplacement(filled, Matcher.quoteReplacement(encode(value)));
        }
        parameter.appendTail(filled);
        return filled.toString();
    }

    /** The POST forms under a place, with the names of their fields, read from the page classes. */
    static List<Form> placeForms() throws Exception {
        List<Form> forms = new ArrayList<>();
        for (Class<?> type : classesUnder("org/tierslieux")) {
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null || !root.value().startsWith("/{place}")) {
                continue;
            }
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(jakarta.ws.rs.POST.class)) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path =
                        root.value() + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
                List<String> fields = new ArrayList<>();
                for (var parameter : method.getParameters()) {
                    String name = formName(parameter.getAnnotations(), parameter.getName());
                    if (name != null) {
                        fields.add(name);
                    } else if (parameter.isAnnotationPresent(jakarta.ws.rs.BeanParam.class)) {
                        for (var field : parameter.getType().getDeclaredFields()) {
                            String inner = formName(field.getAnnotations(), field.getName());
                            if (inner != null) {
                                fields.add(inner);
                            }
                        }
                    } else if (jakarta.ws.rs.core.MultivaluedMap.class.isAssignableFrom(parameter.getType())) {
                        fields.addAll(List.of("id", "resourceId", "bookingId", "personId", "email", "number"));
                    }
                }
                forms.add(new Form(path.replaceAll("/$", ""), fields));
            }
        }
        forms.sort(java.util.Comparator.comparing(Form::path));
        return forms;
    }

    static String formName(java.lang.annotation.Annotation[] annotations, String fallback) {
        for (var annotation : annotations) {
            String simple = annotation.annotationType().getSimpleName();
            if (simple.equals("RestForm") || simple.equals("FormParam")) {
                try {
                    String value = (String)
                            annotation.annotationType().getMethod("value").invoke(annotation);
                    return value == null || value.isBlank() ? fallback : value;
                } catch (ReflectiveOperationException e) {
                    return fallback;
                }
            }
        }
        return null;
    }

    static void judgePage(Sweep sweep, Call call, Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            sweep.findings.add("500 " + call + " -> " + status + " " + abbreviate(answer.body()));
        } else if (status >= 200 && status < 300) {
            Set<String> leaked = sweep.victim.secretsIn(answer.body());
            if (!leaked.isEmpty()) {
                sweep.findings.add("LEAK " + call + " -> " + status + " shows " + leaked);
            }
        } else if (status >= 300 && status < 400) {
            // a redirect to the sign-in or elsewhere: where it goes must not name the victim's things either
            Set<String> leaked = sweep.victim.secretsIn(answer.type());
            if (!leaked.isEmpty()) {
                sweep.findings.add("LEAK " + call + " -> " + status + " to " + answer.type());
            }
        } else if (!REFUSALS.contains(status)) {
            sweep.findings.add("ODD " + call + " -> " + status);
        }
    }

    /** Sends a page request; for a redirect the answer's type holds the Location. */
    /** A well-formed CSRF token (43 characters of base64url), the attackers' own. */
    static final String ATTACKER_TOKEN = "sweep-attacker-token-0123456789abcdefghijkl";

    static Answer browse(Call call, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + call.path()))
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Accept", "text/html");
        if (call.body() != null) {
            // the attackers post from their own browsers, which hold a CSRF token of their own: the sweep is about
            // what reaches the id lookups, not about the CSRF check (CsrfTest)
            request.header("Cookie", (cookie == null ? "" : cookie + "; ") + Demo.CSRF_COOKIE + "=" + ATTACKER_TOKEN)
                    .header(Demo.CSRF_HEADER, ATTACKER_TOKEN)
                    .header("Content-Type", call.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            request.GET();
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = response.statusCode() >= 300 && response.statusCode() < 400
                ? response.headers().firstValue("Location").orElse("")
                : response.headers().firstValue("Content-Type").orElse("");
        return new Answer(response.statusCode(), type, new String(response.body(), StandardCharsets.ISO_8859_1));
    }

    static String session(String email) {
        String cookie = RestAssured.given()
                .redirects()
                .follow(false)
                .formParam("j_username", email)
                .formParam("j_password", PASSWORD)
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .extract()
                .cookie("tl-session");
        assertThat(cookie).as("session of " + email).isNotBlank();
        return cookie;
    }

    /**
     * The GET pages under a place ({@code /{place}/...}), read from the JAX-RS page classes themselves: a new page
     * is swept without being listed.
     */
    static List<Page> placePages() throws Exception {
        List<Page> pages = new ArrayList<>();
        for (Class<?> type : classesUnder("org/tierslieux")) {
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null || !root.value().startsWith("/{place}")) {
                continue;
            }
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(jakarta.ws.rs.GET.class)) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path =
                        root.value() + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
                List<String> query = new ArrayList<>();
                for (var parameter : method.getParameters()) {
                    jakarta.ws.rs.QueryParam q = parameter.getAnnotation(jakarta.ws.rs.QueryParam.class);
                    if (q != null) {
                        query.add(q.value());
                    }
                }
                pages.add(new Page(path.replaceAll("/$", ""), query));
            }
        }
        pages.sort(java.util.Comparator.comparing(Page::path));
        return pages;
    }

    static List<Class<?>> classesUnder(String root) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Set<String> names = new TreeSet<>();
        var resources = loader.getResources(root);
        while (resources.hasMoreElements()) {
            URI uri = resources.nextElement().toURI();
            if ("file".equals(uri.getScheme())) {
                java.nio.file.Path base = java.nio.file.Path.of(uri);
                java.nio.file.Path top = base;
                for (int i = 0; i < root.split("/").length; i++) {
                    top = top.getParent();
                }
                java.nio.file.Path classes = top;
                try (var files = java.nio.file.Files.walk(base)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> classes.relativize(f).toString())
                            .forEach(names::add);
                }
            } else if ("jar".equals(uri.getScheme())) {
                String jar = uri.getSchemeSpecificPart();
                jar = jar.substring("file:".length(), jar.indexOf("!"));
                try (var file = new java.util.jar.JarFile(jar)) {
                    file.stream()
                            .map(java.util.jar.JarEntry::getName)
                            .filter(n -> n.startsWith(root) && n.endsWith(".class"))
                            .forEach(names::add);
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            String className = name.replace('/', '.')
                    .replace(java.io.File.separatorChar, '.')
                    .replaceAll("\\.class$", "");
            if (!className.contains("/web.") && !className.contains(".web.")) {
                continue;
            }
            try {
                classes.add(Class.forName(className, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class of the application (a test's, a generated one): not a page
            }
        }
        return classes;
    }

    @Test
    void feeds_and_exports_of_another_place_give_nothing_away() throws Exception {
        Sweep sweep = new Sweep(victim);
        // an attacker's own calendar feed holds none of the victim's bookings
        for (String role : attackers.emails().keySet()) {
            String url = Demo.anonymous()
                    .header("Authorization", victim.credentials(role))
                    .post("/api/v1/me/calendar-feed")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("url");
            String feed = URI.create(url).getPath();
            Answer answer = send(new Call("anonymous", "GET", feed, null, null), null);
            sweep.requests++;
            sweep.statuses.merge(answer.status(), 1, Integer::sum);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(victim.secretsIn(answer.body())).as("feed of " + role).isEmpty();
        }
        // forged and unknown tokens
        for (String token : List.of("0", "tlf_" + "a".repeat(40), victim.placeId, "../" + victim.slug)) {
            Answer answer = send(new Call("anonymous", "GET", "/ical/" + encode(token) + ".ics", null, null), null);
            sweep.requests++;
            assertThat(answer.status()).as(token).isIn(400, 404);
        }
        // the public map and list of places: the published public data of the places only
        for (String path : List.of("/api/v1/network/places", "/api/v1/network/places.geojson")) {
            Answer answer = send(new Call("anonymous", "GET", path, null, null), null);
            sweep.requests++;
            assertThat(answer.status()).isEqualTo(200);
            assertThat(victim.secretsIn(answer.body())).as(path).isEmpty();
            JsonNode json = JSON.readTree(answer.body());
            JsonNode first = path.endsWith("geojson")
                    ? json.path("features").get(0).path("properties")
                    : (json.isArray() ? json.get(0) : json.path("items").get(0));
            Set<String> fields = new TreeSet<>();
            first.fieldNames().forEachRemaining(fields::add);
            System.out.println("public fields of " + path + ": " + fields);
            // the legal identity (name, SIRET, VAT number) is public by law; people, accounts and keys are not
            assertThat(fields).doesNotContain("email", "members", "iban", "mollie", "apiKey", "phone");
        }
        Sweep.report("feeds and exports", 0, sweep, List.of());
    }

    @Test
    void the_payment_webhook_cannot_touch_another_place() throws Exception {
        Sweep sweep = new Sweep(victim);
        List<String> providerIds = Sql.texts(
                "select provider_id from payment where tenant_id = cast(? as uuid) and provider_id is not null"
                        + " order by provider_id limit 3",
                victim.placeId);
        List<Call> calls = new ArrayList<>();
        for (String id : providerIds.isEmpty() ? List.of("tr_sweep") : providerIds) {
            calls.add(new Call(
                    "anonymous",
                    "POST",
                    "/api/v1/webhooks/mollie/" + victim.attackerPlace,
                    "application/x-www-form-urlencoded",
                    "id=" + encode(id)));
        }
        calls.add(new Call(
                "anonymous",
                "POST",
                "/api/v1/webhooks/mollie/" + victim.slug,
                "application/x-www-form-urlencoded",
                "id=tr_forged"));
        calls.add(new Call(
                "anonymous",
                "POST",
                "/api/v1/webhooks/mollie/" + victim.slug,
                "application/x-www-form-urlencoded",
                ""));
        sweep.run("POST /api/v1/webhooks/mollie/{place}", calls);
        Sweep.report("payment webhook", 1, sweep, List.of("provider ids of the victim: " + providerIds.size()));
        sweep.assertClean();
    }

    // ---- the victim -----------------------------------------------------------------------------------------------

    /** What the victim place has: its rows' ids by table, a few values by column, and what must never leak. */
    static final class Victim extends PlaceRows {

        final String attackerPlace;
        final Set<String> secrets = new LinkedHashSet<>();
        final List<String> emails = new ArrayList<>();
        final Map<String, String> authorization = new LinkedHashMap<>();

        private Victim(String slug, String attackerPlace) {
            super(slug);
            this.attackerPlace = attackerPlace;
        }

        static Victim of(String slug, String attackerPlace) {
            Victim victim = new Victim(slug, attackerPlace);
            String placeId = victim.placeId;
            victim.idsByTable.values().forEach(victim.secrets::addAll);
            victim.secrets.addAll(victim.numbers);
            victim.emails.addAll(Sql.texts(
                    "select distinct p.email from membership m join person p on p.id = m.person_id"
                            + " where m.tenant_id = cast(? as uuid) and p.id not in (select person_id from membership n"
                            + " join place q on q.id = n.tenant_id where q.slug = ?) order by 1",
                    placeId,
                    attackerPlace));
            victim.secrets.addAll(victim.emails);
            // personal API tokens are no place's rows, but those of the victim's people are theirs
            List<String> tokens = Sql.texts(
                    "select t.id::text from api_token t join person p on p.id = t.person_id where p.email = any(?)"
                            + " order by t.id",
                    (Object) victim.emails.toArray(String[]::new));
            victim.idsByTable.put("api_token", tokens);
            victim.secrets.addAll(tokens);
            attackers.emails().forEach((role, email) -> victim.authorization.put(role, basic(email)));
            return victim;
        }

        String credentials(String who) {
            return authorization.get(who);
        }

        Set<String> secretsIn(String body) {
            Set<String> found = new TreeSet<>();
            if (body == null || body.isEmpty()) {
                return found;
            }
            String lower = body.toLowerCase(Locale.ROOT);
            for (String secret : secrets) {
                if (lower.contains(secret.toLowerCase(Locale.ROOT))
                        && !(secret.contains("@") && knownToTheAttackers(secret))) {
                    found.add(secret);
                }
            }
            return found;
        }

        /**
         * People are the network's, not a place's: once the attackers' manager has added someone by email (as the
         * sweep does with the victim's people's emails), the attackers' place legitimately shows them.
         */
        boolean knownToTheAttackers(String email) {
            StringBuilder sql = new StringBuilder(
                    "select count(*) from (select 1 from membership m join person p on"
                            + " p.id = m.person_id join place q on q.id = m.tenant_id where q.slug = ? and lower(p.email) = lower(?)");
            List<Object> parameters = new ArrayList<>(List.of(attackerPlace, email));
            for (String table : Sql.tenantTables()) {
                sql.append(" union all select 1 from ")
                        .append(table)
                        .append(" t where t.tenant_id = (select id from place where slug = ?) and t::text ilike ?");
                parameters.add(attackerPlace);
                parameters.add("%" + email + "%");
            }
            sql.append(") found");
            return Sql.count(sql.toString(), parameters.toArray()) > 0;
        }
    }

    /** Seeds the victim with what the demo may lack, as its manager and members would. */
    static final class Seed {
        /** Returns the email of a person of the victim only, made for the sweep. */
        static String victimPlace(String slug, String attackerPlace) {
            // the demo already holds bookings, resources, plans, subscriptions, packs, orders, invoices and credit
            // notes, payments, closures, guests, passes: the report lists the kinds it lacks
            String place = "/api/v1/places/" + slug;
            if (Sql.count(
                            "select count(*) from webhook_subscription w join place p on p.id = w.tenant_id where p.slug = ?",
                            slug)
                    == 0) {
                String id = Demo.as(Demo.MANAGER)
                        .body(Map.of(
                                "url",
                                "https://example.org/sweep-hook",
                                "description",
                                "sweep",
                                "events",
                                List.of("booking.confirmed")))
                        .post(place + "/webhooks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("subscription.id");
                // disabled: the demo's bookings made by other tests queue no delivery for it
                Demo.as(Demo.MANAGER)
                        .post(place + "/webhooks/" + id + "/disable")
                        .then()
                        .statusCode(org.hamcrest.Matchers.lessThan(300));
            }
            String person = attackerPlace + "-victim@example.org";
            Demo.as(Demo.ADMIN)
                    .body(Map.of("email", person, "displayName", "Sweep victim", "password", PASSWORD))
                    .post("/api/v1/network/people")
                    .then()
                    .statusCode(201);
            Demo.as(Demo.ADMIN)
                    .body(Map.of("email", person, "roles", List.of("MEMBER")))
                    .post(place + "/members")
                    .then()
                    .statusCode(200);
            // a personal token of one of the victim's people
            RestAssured.given()
                    .auth()
                    .preemptive()
                    .basic(person, PASSWORD)
                    .contentType("application/json")
                    .body(Map.of("name", "sweep"))
                    .post("/api/v1/me/tokens")
                    .then()
                    .statusCode(201);
            return person;
        }
    }
}
