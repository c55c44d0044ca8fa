package org.tierslieux.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.ApiDocument;
import org.tierslieux.server.testsupport.ApiDocument.Operation;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.PlaceRows;
import org.tierslieux.server.testsupport.RawHttp;
import org.tierslieux.server.testsupport.Snapshot;

/**
 * Issue 8, item 2: fuzzing. Every operation of the OpenAPI document gets a few requests broken on purpose (bodies of
 * the wrong JSON types, missing and unknown fields, huge strings, unicode, NUL and lone surrogates, absurd numbers and
 * dates, malformed JSON and bytes that are not UTF-8, wrong content types; query parameters and path parameters of
 * the same kinds; garbage headers), sent by the most powerful legitimate caller with real ids of the demo's
 * {@code la-filature}. Whatever comes in: never a 5xx, every 4xx an {@code application/problem+json} with its code,
 * and the place's rows unchanged by every request that was refused.
 *
 * <p>Values come from jqwik arbitraries drawn with a {@link Random} seeded per operation from {@link #SEED} and the
 * operation's key, so that a finding is replayed by {@code -Dtl.fuzz.seed=... -Dtl.fuzz.only='<method> <path>'}.
 *
 * <p>A request that changes something (every method but GET) is always broken in a way that must be refused (a body,
 * a query or path parameter, or the credentials), so that the fuzzer never really books, cancels or renames in the
 * demo place; what is only odd (unicode in a free text, a negative number, an absurd date that parses) goes with a
 * missing required field there, and alone in GET requests.
 */
@QuarkusTest
class FuzzTest {

    static final long SEED = Long.getLong("tl.fuzz.seed", 20261127L);
    static final int PER_OPERATION = Integer.getInteger("tl.fuzz.per-operation", 8);
    static final String ONLY = System.getProperty("tl.fuzz.only", "");
    static final int TIMEOUT_MILLIS = 30_000;

    /** Operations the fuzzer does not call, each with its reason; an entry matching no operation fails the test. */
    static final Map<String, String> SKIPPED = Map.ofEntries();

    /** Tables that a refused request changes by design, with the reason. */
    static final Map<String, String> CHANGED_BY_REFUSALS = Map.of(
            "audit_log", "every write a manager or treasurer attempts is recorded with its status, refusals included");

    /** Tables that a successful read changes by design, with the reason. */
    static final Map<String, String> CHANGED_BY_READS =
            Map.of("document_pdf", "an issued document's PDF is rendered on its first read and kept");

    /**
     * Answers that are not problems yet, reported but not failed, each with what gives it away (docs/reliability.md,
     * Fuzzing): Vert.x and Quarkus answer an empty 400 before any route of the application runs, so neither
     * {@code ProblemMapper} nor a router failure handler sees them.
     */
    static final Map<String, java.util.function.BiPredicate<Draft, RawHttp.Answer>> KNOWN = Map.of(
            "an address or query with % not followed by two hex digits (empty 400 from the HTTP layer)",
            (d, a) -> a.status() == 400
                    && a.body().length == 0
                    && Pattern.compile("%(?![0-9A-Fa-f]{2})")
                            .matcher(d.target())
                            .find(),
            "X-Forwarded-Host or X-Forwarded-Proto that do not parse (empty 400 from the forwarded-header parser)",
            (d, a) -> a.status() == 400
                    && a.body().length == 0
                    && (d.headers.containsKey("X-Forwarded-Host") || d.headers.containsKey("X-Forwarded-Proto")));

    /** The callers tried in this order; the first one not refused with 403 fuzzes the operation. */
    static final List<String> CALLERS = List.of(Demo.MANAGER, Demo.TREASURER, Demo.ADMIN, Demo.MEMBER);

    static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    static final ObjectMapper PLAIN = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String RAW = "\u0001raw\u0001";

    // ---- the values: jqwik arbitraries -------------------------------------------------------------------------

    /** Strings a careless parser, validator or database chokes on. */
    static final Arbitrary<String> NASTY = Arbitraries.oneOf(
            Arbitraries.of(
                    "\uD83D\uDC69\u200D\uD83D\uDCBB\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", // emoji with joiners
                    "\u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627", // RTL override, Hebrew,
                    // Arabic
                    "a\u0000b", // NUL, which PostgreSQL refuses in text
                    "\u0000",
                    "\uD800", // a lone high surrogate
                    "x\uDC00y", // a lone low surrogate
                    "\uFEFF\u200B\u2028\u2029",
                    "Z\u0351\u0360\u0362a\u0353\u0361lgo\u0489",
                    "' or 1=1 --",
                    "\"; drop table booking; --",
                    "<script>alert(1)</script>",
                    "{{7*7}}${7*7}#{7*7}",
                    "${jndi:ldap://127.0.0.1/x}",
                    "../../../../etc/passwd",
                    "%00%ZZ%",
                    "null",
                    "",
                    "   ",
                    "\t\r\n",
                    "\\u0000\\",
                    "1e999"),
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
            Arbitraries.strings()
                    .withCharRange('\u0080', '\uFFFF')
                    .ofMinLength(1)
                    .ofMaxLength(200),
            Arbitraries.of(100_000, 5_000, 256).map("x"::repeat),
            Arbitraries.of(20_000).map("\uD83D\uDCA5"::repeat));

    /** Numbers at and past every edge, as JSON number literals. */
    static final Arbitrary<String> ABSURD_NUMBERS = Arbitraries.oneOf(
            Arbitraries.of(
                    "-1",
                    "0",
                    "-0",
                    "1.5",
                    "-0.0001",
                    "2147483648",
                    "-2147483649",
                    "9223372036854775807",
                    "1e308",
                    "-1e308",
                    "4.9e-324"),
            Arbitraries.longs().map(Object::toString),
            Arbitraries.bigDecimals().map(d -> d.toPlainString()));

    /** Numbers no integer or decimal field of the application can hold: refused by the parser or the database. */
    static final Arbitrary<String> OVERFLOWING_NUMBERS = Arbitraries.of(
            "9223372036854775808",
            "-9223372036854775809",
            new BigInteger("2").pow(200).toString(),
            "1e400",
            "-1e400",
            "9".repeat(2000),
            "1" + "0".repeat(30) + ".5");

    /** Dates and times that do not parse. */
    static final Arbitrary<String> BROKEN_DATES = Arbitraries.of(
            "0000-00-00",
            "2026-02-30",
            "2026-13-01",
            "99999-12-31x",
            "2026-11-27T25:61:00",
            "2026-11-27T10:00:00+25:00",
            "27/11/2026",
            "yesterday",
            "",
            "2026-11-27T10:00:00\u0000Z");

    /** Dates and times that parse but mean nothing sensible. */
    static final Arbitrary<String> ABSURD_DATES = Arbitraries.of(
            "0001-01-01",
            "9999-12-31",
            "+999999999-12-31",
            "-999999999-01-01",
            "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999+14:00",
            "0001-01-01T00:00:00-18:00",
            "2026-03-29T02:30:00+01:00",
            "2026-10-25T02:30:00+02:00");

    static final Arbitrary<String> ACCEPT_LANGUAGES = Arbitraries.of(
            "de-DE;q=x,,,;",
            "*",
            ";;;q=1e999",
            "fr;q=-1, en;q=2",
            "zz-ZZ-u-nu-thai-x-" + "a".repeat(300),
            "x".repeat(2000),
            "\u00e9\u00e8\u00ff");

    static final Arbitrary<String> ACCEPTS = Arbitraries.of(
            "application/xml", "text/html", "*/*;q=x", "&&&/***", "application/json;q=0", "image/png", ";", "");

    static final Arbitrary<String> CONTENT_TYPES = Arbitraries.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "garbage",
            "/;;;",
            "application/json/extra",
            "application/json; charset=klingon",
            "application/json; charset=UTF-16");

    static final Arbitrary<String> FORWARDED = Arbitraries.of(
            "not-an-ip", "999.999.999.999", "1.2.3.4, , ,", "::1%eth0", "x".repeat(1000), "", "unknown, 10.0.0.1");

    static final Arbitrary<String> AUTHORIZATIONS = Arbitraries.of(
            "Basic !!!",
            "Basic",
            "Basic " + base64("no-colon-at-all"),
            "Basic " + base64("fuzz-nobody@example.org:wrong"),
            "Basic " + base64(":"),
            "Bearer " + "x".repeat(300),
            "Bearer tlp_" + "0".repeat(40),
            "Bearer",
            "Digest username=x",
            "\u00ff\u00fe");

    static final Arbitrary<String> PATH_GARBAGE = Arbitraries.oneOf(
            Arbitraries.of(
                    "not-a-uuid",
                    "-1",
                    "0",
                    "%00",
                    "..",
                    "%2e%2e%2f%2e%2e",
                    "%F0%9F%92%A5",
                    "%ZZ",
                    "%ED%A0%80",
                    "%C0%AE",
                    "00000000-0000-0000-0000-000000000000",
                    "%27%20or%201%3D1",
                    "x".repeat(2000)),
            Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()).toString()),
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).map(PlaceRows::encode));

    static final Arbitrary<String> PLACE_GARBAGE = Arbitraries.of(
            "no-such-place", "NOT_A_SLUG!", "a", "x".repeat(300), "%00", "api", "q", "la-filature-", "la%2Ffilature");

    static final Arbitrary<String> RAW_QUERY_VALUES =
            Arbitraries.of("%ZZ", "%", "%ED%A0%80", "%C0%AE", "%00", "a%26b%3Dc", "%FF%FE");

    static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(1000).next(random).value();
    }

    /**
     * Runs {@code work} where jqwik's generators may keep their state: outside a property, jqwik only allows it while
     * a sample is drawn, so the work is the mapping of one sample. The values come from our own seeded
     * {@link Random}, not from jqwik's.
     */
    static <T> T inJqwik(java.util.function.Supplier<T> work) {
        return Arbitraries.integers().between(0, 1).map(ignored -> work.get()).sample();
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- a request being broken -----------------------------------------------------------------------------

    /** A request as it will go on the wire, and what was done to it. */
    static final class Draft {
        final List<String> kinds = new ArrayList<>();
        boolean breaks;
        final String method;
        final String template;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final List<String[]> query = new ArrayList<>();
        String contentType;
        ObjectNode json;
        byte[] body;
        boolean escapeNonAscii;
        final Map<String, String> rawValues = new LinkedHashMap<>();
        final Map<String, byte[]> headers = new LinkedHashMap<>();

        Draft(String method, String template) {
            this.method = method;
            this.template = template;
        }

        String target() {
            Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameter.find()) {
                parameter.appendReplacement(path, Matcher.quoteReplacement(pathValues.get(parameter.group(1))));
            }
            parameter.appendTail(path);
            for (String[] pair : query) {
                path.append(path.indexOf("?") < 0 ? '?' : '&')
                        .append(pair[0])
                        .append('=')
                        .append(pair[1]);
            }
            return path.toString();
        }

        byte[] bodyBytes() {
            if (body != null || json == null) {
                return body;
            }
            try {
                String text = (escapeNonAscii ? ESCAPING : PLAIN).writeValueAsString(json);
                for (var raw : rawValues.entrySet()) {
                    text = text.replace("\"" + raw.getKey() + "\"", raw.getValue());
                }
                return text.getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            byte[] bytes = bodyBytes();
            StringBuilder text = new StringBuilder(method + " " + abbreviate(target(), 300));
            headers.forEach((name, value) -> text.append(" | ")
                    .append(name)
                    .append(": ")
                    .append(abbreviate(new String(value, StandardCharsets.ISO_8859_1), 120)));
            if (bytes != null) {
                text.append(" | body ")
                        .append(bytes.length)
                        .append(" bytes: ")
                        .append(abbreviate(new String(bytes, StandardCharsets.UTF_8), 300));
            }
            return text.toString();
        }
    }

    static String abbreviate(String text, int most) {
        String escaped = text.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
        return escaped.length() > most ? escaped.substring(0, most) + "...(" + escaped.length() + " chars)" : escaped;
    }

    /** Builds the broken requests of one operation from its document node and the place's real values. */
    static final class Breaker {
        final Operation operation;
        final JsonNode document;
        final PlaceRows rows;
        final Random random;
        final boolean mutates;
        final Map<String, String> realPath = new LinkedHashMap<>();
        final List<JsonNode> queryParameters = new ArrayList<>();
        String bodyType;
        JsonNode bodySchema;
        ObjectNode baseBody;
        String baseForm;
        List<String> required = List.of();
        final List<String> unfilled = new ArrayList<>();

        Breaker(Operation operation, JsonNode document, PlaceRows rows, Random random) {
            this.operation = operation;
            this.document = document;
            this.rows = rows;
            this.random = random;
            this.mutates = !operation.method().equals("GET");
            Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
            while (parameter.find()) {
                String name = parameter.group(1);
                String value = rows.valueForPathParameter(name, operation.path().substring(0, parameter.start()));
                if (value == null) {
                    unfilled.add(name);
                    value = "fuzz-" + name;
                }
                realPath.put(name, PlaceRows.encode(value));
            }
            for (JsonNode p : operation.parameters(document)) {
                if ("query".equals(p.path("in").asText())) {
                    queryParameters.add(p);
                }
            }
            JsonNode content = operation.node().path("requestBody").path("content");
            if (!content.isMissingNode() && content.size() > 0) {
                bodyType = content.fieldNames().next();
                bodySchema = ApiDocument.resolve(content.path(bodyType).path("schema"), document);
                if (bodyType.contains("json")) {
                    baseBody = rows.bodyFor(bodySchema, document);
                    List<String> names = new ArrayList<>();
                    bodySchema.path("required").forEach(n -> names.add(n.asText()));
                    required = names;
                } else if (bodyType.contains("x-www-form-urlencoded")) {
                    baseForm = rows.formFor(bodySchema, document);
                }
            }
        }

        boolean json() {
            return baseBody != null;
        }

        /** A fresh draft with the real values, not broken yet. */
        Draft plain() {
            Draft draft = new Draft(operation.method(), operation.path());
            draft.pathValues.putAll(realPath);
            for (JsonNode p : queryParameters) {
                String name = p.path("name").asText();
                String value = rows.valueForQuery(name, p.path("schema"), document);
                if (value != null) {
                    draft.query.add(new String[] {name, PlaceRows.encode(value)});
                }
            }
            if (json()) {
                draft.contentType = "application/json";
                draft.json = baseBody.deepCopy();
            } else if (baseForm != null) {
                draft.contentType = bodyType;
                draft.body = baseForm.getBytes(StandardCharsets.UTF_8);
            } else if (bodyType != null) {
                draft.contentType = bodyType;
                draft.body = new byte[0];
            }
            return draft;
        }

        /** The ways this operation can be broken, by name. */
        Map<String, Function<Draft, Boolean>> mutations() {
            Map<String, Function<Draft, Boolean>> all = new LinkedHashMap<>();
            if (json()) {
                all.put("body.malformed", this::malformed);
                all.put("body.root-type", d -> {
                    d.json = null;
                    d.body = bytes(draw(Arbitraries.of("[]", "[1,2,3]", "\"x\"", "42", "null", "true"), random));
                    return true;
                });
                all.put("body.bad-utf8", d -> {
                    d.json = null;
                    d.body = draw(
                            Arbitraries.of(
                                    new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                                    new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'},
                                    new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'}),
                            random);
                    return true;
                });
                all.put("body.deep", d -> {
                    d.json = null;
                    int depth = draw(Arbitraries.of(2_000, 20_000), random);
                    d.body = bytes("[".repeat(depth) + "]".repeat(depth));
                    return true;
                });
                all.put("body.unknown-field", d -> {
                    String name = draw(
                            Arbitraries.oneOf(
                                    Arbitraries.of("tenantId", "id", "__proto__", "$where", "version", ""),
                                    Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)),
                            random);
                    if (d.json.has(name)) {
                        name = name + "Fuzz";
                    }
                    d.json.put(name, draw(NASTY, random));
                    return true;
                });
                all.put("body.wrong-type", this::wrongType);
                all.put("body.content-type", d -> {
                    d.contentType = draw(CONTENT_TYPES, random);
                    if (d.contentType.startsWith("application/json")) {
                        // a JSON type with a charset of nothing (or not the body's) might be read anyway: the body
                        // is broken too, so that nothing is written if it is
                        malformed(d);
                    }
                    return true;
                });
                if (operation.node().path("requestBody").path("required").asBoolean(false)) {
                    // an optional body may be left out: sending none is a valid request, which would really act
                    all.put("body.empty", d -> {
                        d.json = null;
                        d.body = new byte[0];
                        return true;
                    });
                }
                if (!required.isEmpty()) {
                    all.put("body.missing", d -> {
                        d.json.remove(required.get(random.nextInt(required.size())));
                        return true;
                    });
                }
                if (hasFields(Set.of("string"))) {
                    all.put("body.nasty-string", d -> odd(d, Set.of("string"), this::nastyValue));
                }
                if (hasFields(Set.of("integer", "number", "string"))) {
                    all.put("body.absurd-number", d -> odd(d, Set.of("integer", "number", "string"), this::number));
                }
                if (hasDates()) {
                    all.put("body.date", d -> odd(d, Set.of("string"), this::date));
                }
            } else if (baseForm != null) {
                all.put("form.nasty", d -> {
                    StringBuilder form = new StringBuilder();
                    for (String pair : baseForm.split("&")) {
                        form.append(form.isEmpty() ? "" : "&")
                                .append(pair.split("=")[0])
                                .append('=')
                                .append(PlaceRows.encode(draw(NASTY, random)));
                    }
                    d.body = bytes(form.toString());
                    // ids of nothing: refused, or accepted without anything to change
                    return true;
                });
                all.put("form.raw", d -> {
                    d.body = bytes("id=" + draw(RAW_QUERY_VALUES, random) + "&&=&id");
                    return true;
                });
                all.put("form.content-type", d -> {
                    d.contentType = draw(Arbitraries.of("application/json", "text/plain", "garbage"), random);
                    return true;
                });
            }
            if (!queryParameters.isEmpty()) {
                all.put("query.wrong-type", this::queryWrongType);
                all.put("query.absurd", this::queryAbsurd);
                all.put("query.nasty", d -> {
                    JsonNode p = queryParameters.get(random.nextInt(queryParameters.size()));
                    if (random.nextInt(3) == 0) {
                        // not even a valid percent-encoding
                        setQuery(d, p.path("name").asText(), draw(RAW_QUERY_VALUES, random));
                        return typed(p);
                    }
                    String value = draw(NASTY, random);
                    setQuery(d, p.path("name").asText(), queryValue(value));
                    return typed(p) && !value.isBlank() && !value.equals("1e999") && !type(p).equals("boolean");
                });
                all.put("query.extra", d -> {
                    d.query.add(new String[] {
                        PlaceRows.encode(
                                draw(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8), random)),
                        queryValue(draw(NASTY, random))
                    });
                    if (!d.query.isEmpty()) {
                        String[] first = d.query.getFirst();
                        d.query.add(new String[] {first[0], queryValue(draw(NASTY, random))});
                    }
                    return false;
                });
            }
            if (realPath.keySet().stream().anyMatch(name -> !name.equals("place"))) {
                all.put("path.garbage", d -> {
                    List<String> names = new ArrayList<>(d.pathValues.keySet());
                    names.remove("place");
                    d.pathValues.put(names.get(random.nextInt(names.size())), draw(PATH_GARBAGE, random));
                    return true;
                });
            }
            if (realPath.containsKey("place")) {
                all.put("path.place", d -> {
                    d.pathValues.put("place", draw(PLACE_GARBAGE, random));
                    return true;
                });
            }
            all.put("header.garbage", d -> {
                garbageHeader(d);
                return false;
            });
            all.put("header.credentials", d -> {
                d.headers.put("Authorization", latin1(draw(AUTHORIZATIONS, random)));
                // from addresses of their own (TEST-NET-3), so that no other test's address gets locked
                d.headers.put("X-Forwarded-For", latin1("203.0.113." + (1 + random.nextInt(250))));
                return true;
            });
            return all;
        }

        /** Garbage headers that refuse nothing by themselves. */
        void garbageHeader(Draft d) {
            switch (random.nextInt(6)) {
                case 0 -> d.headers.put("Accept-Language", latin1(draw(ACCEPT_LANGUAGES, random)));
                case 1 -> d.headers.put("Accept", latin1(draw(ACCEPTS, random)));
                case 2 -> {
                    d.headers.put("X-Forwarded-For", latin1(draw(FORWARDED, random)));
                    d.headers.put(
                            "X-Forwarded-Proto", latin1(draw(Arbitraries.of("gopher", "", "https, http"), random)));
                    d.headers.put(
                            "X-Forwarded-Host", latin1(draw(Arbitraries.of("evil.example:99999", "", "a b"), random)));
                }
                case 3 -> d.headers.put("X-Fuzz", latin1("x".repeat(3000)));
                case 4 -> d.headers.put("Cookie", latin1("tl-session=garbage%%%; tl-csrf=" + "z".repeat(200)));
                default -> {
                    if (d.contentType == null) {
                        d.contentType = draw(CONTENT_TYPES, random);
                    } else {
                        d.headers.put("Accept-Charset", latin1("klingon"));
                    }
                }
            }
        }

        boolean malformed(Draft d) {
            String base = new String(d.bodyBytes(), StandardCharsets.UTF_8);
            d.json = null;
            String text = draw(
                    Arbitraries.of(
                            base.substring(0, Math.max(1, base.length() / 2)),
                            "{",
                            "{\"",
                            "{\"a\":}",
                            "{,}",
                            "\u0000",
                            base + "}",
                            "{'single': 'quotes'}",
                            "{\"a\": 1 /* comment */}",
                            "{\"a\": NaN}",
                            "{\"a\": 01}",
                            "{\"a\": \"\\uZZZZ\"}"),
                    random);
            d.body = bytes(text);
            return true;
        }

        boolean wrongType(Draft d) {
            List<Map.Entry<String, JsonNode>> fields =
                    fields(Set.of("string", "integer", "number", "boolean", "array", "object"));
            if (fields.isEmpty()) {
                d.json.put("fuzz", 1);
                return true;
            }
            Map.Entry<String, JsonNode> field = fields.get(random.nextInt(fields.size()));
            JsonNode value = switch (type(field.getValue())) {
                case "string" ->
                    draw(
                            Arbitraries.of(
                                    F.objectNode().put("a", 1), F.arrayNode().add(1)),
                            random);
                case "integer", "number" ->
                    draw(Arbitraries.of(F.textNode("douze"), F.objectNode(), F.arrayNode(), F.textNode("")), random);
                case "boolean" -> draw(Arbitraries.of(F.textNode("maybe"), F.objectNode(), F.numberNode(7)), random);
                case "array" ->
                    draw(Arbitraries.of(F.objectNode().put("a", 1), F.textNode("x"), F.numberNode(3)), random);
                default -> draw(Arbitraries.of(F.textNode("x"), F.numberNode(42), F.arrayNode()), random);
            };
            d.json.set(field.getKey(), value);
            return true;
        }

        /**
         * Puts an odd value in a field; it is a refusal only when the field's type or format says so. Otherwise, in
         * a request that changes something, a required field goes missing too, so that the odd value crosses the
         * parser and the validators without being written.
         */
        boolean odd(Draft d, Set<String> types, Function<JsonNode, Object[]> value) {
            List<Map.Entry<String, JsonNode>> fields = fields(types);
            if (fields.isEmpty()) {
                return false;
            }
            Map.Entry<String, JsonNode> field = fields.get(random.nextInt(fields.size()));
            Object[] chosen = value.apply(field.getValue());
            if (chosen[0] instanceof String raw && chosen.length > 2) {
                String marker = RAW + d.rawValues.size();
                d.rawValues.put(marker, raw);
                d.json.put(field.getKey(), marker);
            } else if (chosen[0] instanceof String text) {
                d.json.put(field.getKey(), text);
            }
            d.escapeNonAscii = random.nextBoolean();
            boolean breaks = (Boolean) chosen[1];
            if (!breaks && mutates) {
                List<String> others = new ArrayList<>(required);
                others.remove(field.getKey());
                if (!others.isEmpty()) {
                    String missing = others.get(random.nextInt(others.size()));
                    d.json.remove(missing);
                    d.kinds.add("body.missing");
                    breaks = true;
                }
            }
            return breaks;
        }

        /** {value, breaks} */
        Object[] nastyValue(JsonNode schema) {
            String value = draw(NASTY, random);
            boolean formatted = schema.has("enum")
                    || Set.of("uuid", "date", "date-time", "email", "local-time", "time")
                            .contains(schema.path("format").asText());
            boolean tooLong = schema.has("maxLength")
                    && value.length() > schema.path("maxLength").asInt();
            return new Object[] {value, formatted && !value.isEmpty() || tooLong};
        }

        /** {literal, breaks, raw} */
        Object[] number(JsonNode schema) {
            boolean overflow = random.nextBoolean();
            String literal = draw(overflow ? OVERFLOWING_NUMBERS : ABSURD_NUMBERS, random);
            if (type(schema).equals("string")) {
                // amounts and rates travel as strings
                return new Object[] {draw(Arbitraries.of(literal, "NaN", "Infinity", "-" + literal), random), overflow};
            }
            return new Object[] {literal, overflow, "raw"};
        }

        Object[] date(JsonNode schema) {
            boolean broken = random.nextBoolean();
            return new Object[] {draw(broken ? BROKEN_DATES : ABSURD_DATES, random), broken};
        }

        boolean queryWrongType(Draft d) {
            List<JsonNode> typed = queryParameters.stream().filter(this::typed).toList();
            if (typed.isEmpty()) {
                return false;
            }
            JsonNode p = typed.get(random.nextInt(typed.size()));
            String value = switch (type(p)) {
                case "integer", "number" -> draw(Arbitraries.of("abc", "1.5.5", "", "0x10", "1_000"), random);
                // Boolean.valueOf reads anything that is not "true" as false: a boolean is never refused
                case "boolean" -> draw(Arbitraries.of("maybe", "2", "yes%00"), random);
                default -> {
                    String format = ApiDocument.resolve(p.path("schema"), document)
                            .path("format")
                            .asText();
                    yield format.startsWith("date") ? PlaceRows.encode(draw(BROKEN_DATES, random)) : "SPACESHIP";
                }
            };
            setQuery(d, p.path("name").asText(), value);
            return !type(p).equals("boolean") && (!value.isEmpty() || required(p));
        }

        boolean queryAbsurd(Draft d) {
            JsonNode p = queryParameters.get(random.nextInt(queryParameters.size()));
            String name = p.path("name").asText();
            String format = ApiDocument.resolve(p.path("schema"), document)
                    .path("format")
                    .asText();
            switch (type(p)) {
                case "integer", "number" -> {
                    boolean overflow = random.nextBoolean();
                    setQuery(d, name, PlaceRows.encode(draw(overflow ? OVERFLOWING_NUMBERS : ABSURD_NUMBERS, random)));
                    return overflow && type(p).equals("integer");
                }
                default -> {
                    if (format.startsWith("date")) {
                        // the widest range there is
                        for (JsonNode other : queryParameters) {
                            String n = other.path("name").asText();
                            if (n.equals("from") || n.equals("start")) {
                                setQuery(
                                        d,
                                        n,
                                        PlaceRows.encode(
                                                format.equals("date") ? "0001-01-01" : "0001-01-01T00:00:00Z"));
                            } else if (n.equals("to") || n.equals("end")) {
                                setQuery(
                                        d,
                                        n,
                                        PlaceRows.encode(
                                                format.equals("date") ? "9999-12-31" : "9999-12-31T23:59:59Z"));
                            }
                        }
                        setQuery(d, name, PlaceRows.encode(draw(ABSURD_DATES, random)));
                        return false;
                    }
                    setQuery(d, name, PlaceRows.encode(draw(Arbitraries.of("-1", "0", "1000000000", "", " "), random)));
                    return false;
                }
            }
        }

        void setQuery(Draft d, String name, String value) {
            d.query.removeIf(pair -> pair[0].equals(name));
            d.query.add(new String[] {name, value});
        }

        String type(JsonNode parameterOrSchema) {
            JsonNode schema = parameterOrSchema.has("schema") && parameterOrSchema.has("in")
                    ? parameterOrSchema.path("schema")
                    : parameterOrSchema;
            JsonNode s = ApiDocument.resolve(schema, document);
            if (s.has("allOf")) {
                s = ApiDocument.resolve(s.get("allOf").get(0), document);
            }
            if (s.has("oneOf") || s.has("anyOf")) {
                s = ApiDocument.resolve((s.has("oneOf") ? s.get("oneOf") : s.get("anyOf")).get(0), document);
            }
            if (s.has("type")) {
                return s.get("type").asText();
            }
            return s.has("properties") ? "object" : "string";
        }

        boolean typed(JsonNode parameter) {
            JsonNode s = ApiDocument.resolve(parameter.path("schema"), document);
            String type = type(parameter);
            return !type.equals("string")
                    || s.has("enum")
                    || Set.of("uuid", "date", "date-time")
                            .contains(s.path("format").asText());
        }

        boolean required(JsonNode parameter) {
            return parameter.path("required").asBoolean(false);
        }

        List<Map.Entry<String, JsonNode>> fields(Set<String> types) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            bodySchema.path("properties").properties().forEach(p -> {
                JsonNode s = ApiDocument.resolve(p.getValue(), document);
                if (types.contains(type(s))) {
                    fields.add(Map.entry(p.getKey(), s));
                }
            });
            return fields;
        }

        boolean hasFields(Set<String> types) {
            return !fields(types).isEmpty();
        }

        boolean hasDates() {
            return fields(Set.of("string")).stream()
                    .anyMatch(f -> f.getValue().path("format").asText().startsWith("date"));
        }

        /**
         * The {@code n}-th broken request. One that changes something is always broken in a way that must be
         * refused; a GET may be only odd.
         */
        Draft next(boolean first) {
            Map<String, Function<Draft, Boolean>> mutations = mutations();
            if (first) {
                // the first request finds the caller: it must reach the access rule of the place
                mutations.remove("header.credentials");
                mutations.remove("path.place");
            }
            List<String> names = new ArrayList<>(mutations.keySet());
            for (int attempt = 0; attempt < 30; attempt++) {
                Draft draft = plain();
                String kind = draw(Arbitraries.of(names), random);
                draft.kinds.add(kind);
                boolean breaks = mutations.get(kind).apply(draft);
                if (mutates && !breaks) {
                    continue;
                }
                draft.breaks = breaks;
                if (!kind.startsWith("header") && random.nextInt(100) < 35) {
                    garbageHeader(draft);
                    draft.kinds.add("header.garbage");
                }
                return draft;
            }
            // nothing breaks this operation's input by itself: wrong credentials do
            Draft draft = plain();
            draft.kinds.add("header.credentials");
            mutations().get("header.credentials").apply(draft);
            draft.breaks = true;
            return draft;
        }
    }

    /** A query value, percent-encoded, cut so that the request line stays under Vert.x's 4,096 bytes. */
    static String queryValue(String raw) {
        String value = raw;
        String encoded = PlaceRows.encode(value);
        while (encoded.length() > 1500) {
            value = value.substring(0, value.length() / 2);
            encoded = PlaceRows.encode(value);
        }
        return encoded;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- sending, judging, reporting ------------------------------------------------------------------------

    /** What the run saw. */
    static final class Run {
        final List<String> findings = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> kinds = new TreeMap<>();
        final Map<String, Integer> callers = new TreeMap<>();
        final Map<String, Integer> accepted = new TreeMap<>();
        final Set<String> onlyForbidden = new TreeSet<>();
        final Set<String> unfilled = new TreeSet<>();
        final Map<String, Integer> known = new TreeMap<>();
        final List<String> acceptedWrites = new ArrayList<>();
        int requests;
        int snapshots;
        long slowest;
        String slowestRequest;
    }

    static RawHttp.Answer send(Draft draft, String caller) throws IOException {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        if (caller != null && !draft.headers.containsKey("Authorization")) {
            headers.put("Authorization", latin1("Basic " + base64(caller + ":" + Demo.PASSWORD)));
        }
        if (!draft.headers.containsKey("Accept")) {
            headers.put("Accept", latin1("application/json, text/csv, text/calendar, application/pdf, */*;q=0.1"));
        }
        if (draft.contentType != null) {
            headers.put("Content-Type", latin1(draft.contentType));
        }
        headers.putAll(draft.headers);
        byte[] body = draft.bodyBytes();
        if (body == null && !draft.method.equals("GET") && !draft.method.equals("DELETE")) {
            body = new byte[0];
        }
        return RawHttp.send(draft.method, draft.target(), headers, body, TIMEOUT_MILLIS);
    }

    static void judge(Run run, String key, long seed, int index, Draft draft, RawHttp.Answer answer) {
        int status = answer.status();
        run.requests++;
        run.statuses.merge(status, 1, Integer::sum);
        draft.kinds.forEach(kind -> run.kinds.merge(kind, 1, Integer::sum));
        if (answer.millis() > run.slowest) {
            run.slowest = answer.millis();
            run.slowestRequest = key + " #" + index;
        }
        String where = key + " (seed " + seed + ", request " + index + ", " + draft.kinds + "): " + draft;
        String text = answer.text();
        if (status >= 500) {
            run.findings.add(status + " " + where + " -> " + abbreviate(text, 300));
        } else if (status >= 400) {
            String problem = problemOf(status, answer);
            String known = KNOWN.entrySet().stream()
                    .filter(k -> k.getValue().test(draft, answer))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (problem != null && known != null) {
                run.known.merge(known, 1, Integer::sum);
            } else if (problem != null) {
                run.findings.add("NOT-A-PROBLEM " + where + " -> " + status + " " + answer.type() + " " + problem);
            }
        } else if (status >= 300) {
            run.findings.add("REDIRECT " + where + " -> " + status + " "
                    + answer.headers().get("location"));
        } else if (draft.breaks) {
            run.accepted.merge(key, 1, Integer::sum);
            if (!draft.method.equals("GET")) {
                run.acceptedWrites.add(where + " -> " + status);
            }
        }
        if (text.contains("Exception") && (text.contains("\tat ") || text.contains("at org."))) {
            run.findings.add("STACK " + where + " -> " + abbreviate(text, 300));
        }
    }

    /** Null when the answer is a proper problem, else what is wrong with it. */
    static String problemOf(int status, RawHttp.Answer answer) {
        if (!answer.type().startsWith("application/problem+json")) {
            return "not problem+json: " + abbreviate(answer.text(), 200);
        }
        try {
            JsonNode problem = PLAIN.readTree(answer.body());
            if (problem.path("status").asInt() != status
                    || problem.path("code").asText().isEmpty()) {
                return "status or code missing: " + abbreviate(answer.text(), 200);
            }
            return null;
        } catch (IOException e) {
            return "not JSON: " + abbreviate(answer.text(), 200);
        }
    }

    @Test
    void no_broken_request_to_any_operation_gives_a_5xx_or_anything_but_a_problem() throws Exception {
        long start = System.nanoTime();
        JsonNode document = ApiDocument.fetch();
        List<Operation> operations = ApiDocument.operations(document);
        PlaceRows rows = PlaceRows.of(Demo.FILATURE);
        rows.person = "fuzz-nobody@example.org";
        Run run = new Run();
        Set<String> seen = new TreeSet<>();
        int fuzzed = 0;
        Snapshot before = Snapshot.of(rows.placeId);
        for (Operation operation : operations) {
            seen.add(operation.key());
            if (SKIPPED.containsKey(operation.key()) || !operation.key().contains(ONLY)) {
                continue;
            }
            fuzzed++;
            long seed = SEED * 31 + operation.key().hashCode();
            Breaker breaker = new Breaker(operation, document, rows, new Random(seed));
            if (!breaker.unfilled.isEmpty()) {
                run.unfilled.add(operation.key() + " " + breaker.unfilled);
            }
            List<Draft> drafts = inJqwik(() -> {
                List<Draft> all = new ArrayList<>();
                all.add(breaker.next(true));
                for (int i = 1; i < PER_OPERATION; i++) {
                    all.add(breaker.next(false));
                }
                return all;
            });
            String caller = null;
            int forbidden = 0;
            for (int i = 0; i < drafts.size(); i++) {
                Draft draft = drafts.get(i);
                RawHttp.Answer answer = null;
                if (i == 0) {
                    // the first request finds the caller: the first one not refused with 403
                    for (String candidate : CALLERS) {
                        answer = sendJudged(run, operation.key(), seed, i, draft, candidate);
                        if (answer == null || answer.status() != 403) {
                            caller = candidate;
                            break;
                        }
                        forbidden++;
                    }
                    if (caller == null) {
                        caller = Demo.MANAGER;
                    }
                    run.callers.merge(caller, 1, Integer::sum);
                } else {
                    answer = sendJudged(run, operation.key(), seed, i, draft, caller);
                    if (answer != null && answer.status() == 403) {
                        forbidden++;
                    }
                }
                if (breaker.mutates) {
                    before = checkUnchanged(run, rows, before, operation.key(), seed, i, draft, answer);
                }
            }
            if (forbidden >= drafts.size() + CALLERS.size() - 1) {
                run.onlyForbidden.add(operation.key());
            }
            if (!breaker.mutates) {
                before = checkUnchanged(run, rows, before, operation.key(), seed, -1, null, null);
            }
        }
        Set<String> stale = new TreeSet<>(SKIPPED.keySet());
        stale.removeAll(seen);
        report(run, operations.size(), fuzzed, (System.nanoTime() - start) / 1_000_000_000);
        assertThat(stale).as("SKIPPED entries that match no operation any more").isEmpty();
        if (ONLY.isEmpty()) {
            assertThat(operations.size()).isGreaterThan(150);
        }
        assertThat(run.findings)
                .as("5xx, answers that are not problems, refused requests that changed something")
                .isEmpty();
        assertThat(run.acceptedWrites)
                .as("writes accepted although broken on purpose (they really act on the place)")
                .isEmpty();
    }

    /**
     * What the fuzzer keeps under: Vert.x refuses a request line over 4,096 bytes, headers over 8 KiB and a body over
     * {@code quarkus.http.limits.max-body-size} itself, before any route or filter of the application runs, so those
     * answers cannot be problems. They must still be refusals, never a 5xx nor a dropped connection.
     */
    @Test
    void the_http_layer_refuses_oversized_requests_before_the_application() throws Exception {
        String resources = "/api/v1/places/" + Demo.FILATURE + "/resources";
        Map<String, byte[]> signedIn =
                Map.of("Authorization", latin1("Basic " + base64(Demo.MANAGER + ":" + Demo.PASSWORD)));
        RawHttp.Answer longLine =
                RawHttp.send("GET", resources + "?q=" + "x".repeat(100_000), signedIn, null, TIMEOUT_MILLIS);
        Map<String, byte[]> bigHeader = new LinkedHashMap<>(signedIn);
        bigHeader.put("X-Fuzz", latin1("x".repeat(100_000)));
        RawHttp.Answer longHeader = RawHttp.send("GET", resources, bigHeader, null, TIMEOUT_MILLIS);
        Map<String, byte[]> json = new LinkedHashMap<>(signedIn);
        json.put("Content-Type", latin1("application/json"));
        byte[] body = bytes("{\"kind\": \"MACHINE\", \"name\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}");
        RawHttp.Answer bigBody = RawHttp.send("POST", resources, json, body, TIMEOUT_MILLIS);
        System.out.println("oversized: request line " + longLine.status() + " " + longLine.type() + ", header "
                + longHeader.status() + " " + longHeader.type() + ", body " + bigBody.status() + " " + bigBody.type());
        assertThat(longLine.status()).as("request line of 100,000 bytes").isBetween(400, 499);
        assertThat(longHeader.status()).as("header of 100,000 bytes").isBetween(400, 499);
        assertThat(bigBody.status()).as("body of 11 MiB").isBetween(400, 499);
    }

    /** Sends and judges; a request that timed out or broke the connection is a finding, and gives null. */
    static RawHttp.Answer sendJudged(Run run, String key, long seed, int index, Draft draft, String caller) {
        try {
            RawHttp.Answer answer = send(draft, caller);
            judge(run, key, seed, index, draft, answer);
            return answer;
        } catch (IOException e) {
            run.requests++;
            run.findings.add("NO-ANSWER " + key + " (seed " + seed + ", request " + index + ", " + draft.kinds + "): "
                    + draft + " -> " + e);
            return null;
        }
    }

    /**
     * The place's rows must be as they were after a refused request. After an accepted one (a 2xx: the request was
     * only odd, or the application took what should have been refused) they may have changed: the next request is
     * compared with what they are then. Taken after every request that changes something, and around each GET
     * operation's batch.
     */
    static Snapshot checkUnchanged(
            Run run,
            PlaceRows rows,
            Snapshot before,
            String key,
            long seed,
            int index,
            Draft draft,
            RawHttp.Answer answer) {
        Snapshot after = Snapshot.of(rows.placeId);
        run.snapshots++;
        List<String> changed = before.differences(after);
        // the audit log records every write a manager or treasurer attempts, refusals included (AuditFilter)
        changed.removeAll(CHANGED_BY_REFUSALS.keySet());
        if (draft == null) {
            changed.removeAll(CHANGED_BY_READS.keySet());
        }
        boolean accepted = answer != null && answer.status() < 300;
        if (!changed.isEmpty() && !accepted) {
            run.findings.add("CHANGED " + key
                    + (draft == null
                            ? ""
                            : " (seed " + seed + ", request " + index + ", " + draft.kinds + "): " + draft)
                    + ": " + changed);
        }
        return after;
    }

    static void report(Run run, int operations, int fuzzed, long seconds) {
        StringBuilder text = new StringBuilder("\n=== fuzz ===\n");
        text.append("seed: ")
                .append(SEED)
                .append(", requests per operation: ")
                .append(PER_OPERATION)
                .append('\n');
        text.append("operations in the document: ")
                .append(operations)
                .append(", fuzzed: ")
                .append(fuzzed)
                .append(", skipped (listed): ")
                .append(SKIPPED.size())
                .append('\n');
        text.append("requests sent: ")
                .append(run.requests)
                .append(" in ")
                .append(seconds)
                .append(" s (")
                .append(run.snapshots)
                .append(" snapshots); slowest ")
                .append(run.slowest)
                .append(" ms (")
                .append(run.slowestRequest)
                .append(")\n");
        text.append("statuses: ").append(run.statuses).append('\n');
        text.append("kinds of breakage: ").append(run.kinds).append('\n');
        text.append("callers: ").append(run.callers).append('\n');
        int accepted =
                run.accepted.values().stream().mapToInt(Integer::intValue).sum();
        text.append("broken requests accepted (2xx): ")
                .append(accepted)
                .append(' ')
                .append(run.accepted)
                .append('\n');
        text.append("operations where every caller got 403: ")
                .append(run.onlyForbidden)
                .append('\n');
        text.append("path parameters filled with a value of nothing: ")
                .append(run.unfilled)
                .append('\n');
        run.acceptedWrites.forEach(
                w -> text.append("  accepted write: ").append(w).append('\n'));
        text.append("known, not fixed yet: ").append(run.known).append('\n');
        text.append("findings: ").append(run.findings.size()).append('\n');
        run.findings.forEach(f -> text.append("  ").append(f).append('\n'));
        System.out.println(text);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "fuzz-report.txt"), text);
        } catch (IOException e) {
            System.out.println("fuzz report not written: " + e);
        }
    }

    @Test
    void refusals_before_the_endpoints_and_by_locked_accounts_are_problems_too() throws Exception {
        Map<String, byte[]> manager =
                Map.of("Authorization", latin1("Basic " + base64(Demo.MANAGER + ":" + Demo.PASSWORD)));
        String place = "/api/v1/places/" + Demo.FILATURE;
        // an address that is not percent-encoded properly: refused by the HTTP layer before any endpoint, with an
        // empty 400 (known, not a problem yet)
        assertThat(RawHttp.send("GET", place + "/closures/%ZZ", manager, null, TIMEOUT_MILLIS)
                        .status())
                .isEqualTo(400);
        // a form field that is not: refused by the form reader (it was a 500)
        Map<String, byte[]> form = Map.of("Content-Type", latin1("application/x-www-form-urlencoded"));
        assertProblem(
                RawHttp.send("POST", "/api/v1/webhooks/mollie/" + Demo.FILATURE, form, bytes("id=%"), TIMEOUT_MILLIS),
                400,
                "request.unreadable");
        // a write by an account locked by wrong passwords: 429, not the 500 the audit filter made of it
        String locked = "fuzz-locked-" + System.nanoTime() + "@example.org";
        RawHttp.Answer answer = null;
        for (int i = 0; i < 7; i++) {
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("Authorization", latin1("Basic " + base64(locked + ":wrong")));
            headers.put("X-Forwarded-For", latin1("203.0.113." + (200 + i)));
            answer = RawHttp.send(
                    "POST",
                    place + "/bookings/" + UUID.randomUUID() + "/no-show",
                    headers,
                    new byte[0],
                    TIMEOUT_MILLIS);
            assertThat(answer.status()).as("attempt " + i).isIn(401, 429);
        }
        assertProblem(answer, 429, "access.login-locked");
    }

    static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.type()).startsWith("application/problem+json");
        assertThat(problemOf(status, answer)).isNull();
        try {
            assertThat(PLAIN.readTree(answer.body()).path("code").asText()).isEqualTo(code);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
