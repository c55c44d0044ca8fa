package org.tierslieux.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a place holds, read as the superuser: its rows' ids by tenant table, a few values of every {@code *_id},
 * {@code code} and {@code number} column, its document numbers. From them it fills the slots of the OpenAPI
 * document's operations with real values of the place: path parameters (chosen by their name and the segment
 * before them), query parameters, and JSON bodies generated from the schemas with plausible values. The isolation
 * sweep fills them with a victim's values as an attacker; the fuzzer starts from them and breaks them.
 */
public class PlaceRows {

    /** A path segment that names a kind of thing, when its table is not simply the segment in the singular. */
    public static final Map<String, String> TABLE_OF_SEGMENT = Map.ofEntries(
            Map.entry("invoices", "document"),
            Map.entry("credit-notes", "document"),
            Map.entry("documents", "document"),
            Map.entry("orders", "sale_order"),
            Map.entry("groups", "member_group"),
            Map.entry("members", "membership"),
            Map.entry("people", "membership"),
            Map.entry("webhooks", "webhook_subscription"),
            Map.entry("deliveries", "webhook_delivery"),
            Map.entry("passes", "checkin_pass"),
            Map.entry("guests", "guest_invitation"),
            Map.entry("assignments", "desk_assignment"),
            Map.entry("closings", "period_closing"),
            Map.entry("waitlist", "waitlist_entry"),
            Map.entry("rooms", "resource"),
            Map.entry("desks", "resource"),
            Map.entry("trainings", "resource"),
            Map.entry("machines", "resource"),
            Map.entry("sessions", "session"),
            Map.entry("pack-purchases", "pack_purchase"),
            Map.entry("companies", "company"),
            Map.entry("mandates", "subscription_mandate"),
            Map.entry("periods", "subscription_period"),
            Map.entry("visits", "network_visit"),
            Map.entry("visitors", "network_visit"),
            Map.entry("settlements", "network_visit"),
            Map.entry("accounts", "accounting_account"),
            Map.entry("archives", "closing_archive"),
            Map.entry("book", "resource"),
            Map.entry("checkout", "sale_order"),
            Map.entry("tokens", "api_token"),
            // /{place}/checkin/self/{id}: a member checks in for one of their bookings
            Map.entry("self", "booking"));

    public final String slug;
    public final String placeId;
    public final Map<String, List<String>> idsByTable = new TreeMap<>();
    public final Map<String, List<String>> valuesByColumn = new TreeMap<>();
    public final List<String> numbers = new ArrayList<>();
    public final ZoneId zone = ZoneId.of("Europe/Paris");
    /** Kinds of rows the place has none of: their slots get an id of nothing. */
    public final Set<String> withoutRealIds = new TreeSet<>();
    /** The email that goes in the slots that name one (a person of the test's own, not a demo account). */
    public String person;

    protected PlaceRows(String slug) {
        this.slug = slug;
        this.placeId = Sql.text("select id::text from place where slug = ?", slug);
        for (String table : Sql.tenantTables()) {
            List<String> columns = Sql.columns(table);
            if (columns.contains("id")) {
                idsByTable.put(
                        table,
                        Sql.texts(
                                "select id::text from " + table + " where tenant_id = cast(? as uuid) order by id",
                                placeId));
            }
            for (String column : columns) {
                if (column.equals("tenant_id") || column.equals("id")) {
                    continue;
                }
                if (column.endsWith("_id") || column.equals("code") || column.equals("number")) {
                    List<String> values = Sql.texts(
                            "select distinct " + column + "::text from " + table
                                    + " where tenant_id = cast(? as uuid)" + " and " + column
                                    + " is not null order by 1 limit 3",
                            placeId);
                    if (!values.isEmpty()) {
                        valuesByColumn.putIfAbsent(column, values);
                    }
                }
            }
        }
        numbers.addAll(
                Sql.texts("select number from document where tenant_id = cast(? as uuid) order by number", placeId));
    }

    /** The rows of a place as they are now. */
    public static PlaceRows of(String slug) {
        return new PlaceRows(slug);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public List<String> ids(String table) {
        return ids(table, 3);
    }

    public List<String> ids(String table, int most) {
        List<String> ids = idsByTable.getOrDefault(table, List.of());
        return ids.subList(0, Math.min(ids.size(), most));
    }

    public String tableOf(String segment) {
        String mapped = TABLE_OF_SEGMENT.get(segment);
        if (mapped != null) {
            return mapped;
        }
        String snake = segment.replace('-', '_');
        for (String candidate : List.of(
                snake, snake.replaceAll("ies$", "y"), snake.replaceAll("s$", ""), snake.replaceAll("es$", ""))) {
            if (idsByTable.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A real value of the place for a path parameter, judging by its name and the segment before it. */
    public String valueForPathParameter(String name, String before) {
        String[] segments = before.split("/");
        String segment = segments.length == 0 ? "" : segments[segments.length - 1];
        return switch (name) {
            case "place", "slug" -> slug;
            case "id" -> {
                String table = tableOf(segment);
                if (table == null) {
                    yield null;
                }
                yield idOf(table);
            }
            case "kind" -> "DESK";
            default -> {
                String value = valueForName(name);
                String table = tableOf(snake(name));
                yield value == null && table != null ? idOf(table) : value;
            }
        };
    }

    /**
     * A real id of the place's rows of a table; when the place has none, the call is still swept (status,
     * changes) with an id of nothing, and the report lists the kind so that the seed can be completed.
     */
    public String idOf(String table) {
        String id = first(ids(table));
        if (id == null) {
            withoutRealIds.add(table);
            id = java.util
                    .UUID
                    .nameUUIDFromBytes(table.getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
        return id;
    }

    /** A real value of the place for a parameter or field that names an id, a number, a slug or an email. */
    public String valueForName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("place") || lower.endsWith("slug")) {
            return slug;
        }
        if (lower.endsWith("email")) {
            return person;
        }
        if (lower.equals("number") || lower.endsWith("number") && !lower.contains("phone")) {
            return first(numbers);
        }
        if (lower.equals("code")) {
            return first(valuesByColumn.getOrDefault("code", List.of()));
        }
        if (lower.endsWith("ids")) {
            return valueForName(name.substring(0, name.length() - 1));
        }
        if (lower.endsWith("id") && lower.length() > 2) {
            String stem = snake(name.substring(0, name.length() - 2));
            String table = switch (stem) {
                case "person", "member", "user", "visitor" -> null;
                case "invoice", "credit_note", "document", "original" -> "document";
                case "order" -> "sale_order";
                case "group" -> "member_group";
                case "guest" -> "guest_invitation";
                case "pass" -> "checkin_pass";
                case "training", "room", "desk", "pool", "machine", "space" -> "resource";
                case "purchase" -> "pack_purchase";
                case "webhook", "subscription_webhook" -> "webhook_subscription";
                default -> tableOf(stem) != null ? tableOf(stem) : tableOf(stem + "s");
            };
            if (table != null && !ids(table).isEmpty()) {
                return first(ids(table));
            }
            List<String> values = valuesByColumn.get(stem + "_id");
            return values == null ? null : first(values);
        }
        if (lower.equals("training")) {
            return first(ids("resource"));
        }
        if (tableOf(snake(name)) != null) {
            return first(ids(tableOf(snake(name))));
        }
        return null;
    }

    /** Query parameters: the place's value where the name says what it holds, a plausible one otherwise. */
    public String valueForQuery(String name, JsonNode schema, JsonNode document) {
        String value = valueForName(name);
        if (value != null) {
            return value;
        }
        LocalDate today = LocalDate.now(zone);
        return switch (name) {
            case "from", "start", "validOn", "date", "day", "when" ->
                today.minusDays(30).toString();
            case "to", "end" -> today.plusDays(30).toString();
            case "year" -> Integer.toString(today.getYear());
            case "month" -> today.toString().substring(0, 7);
            case "page" -> "0";
            case "size" -> "200";
            case "all", "archived", "mine", "active" -> "true";
            default -> {
                JsonNode resolved = ApiDocument.resolve(schema, document);
                if (resolved.has("enum") && resolved.get("enum").size() > 0) {
                    yield resolved.get("enum").get(0).asText();
                }
                yield null;
            }
        };
    }

    public ObjectNode bodyFor(JsonNode schema, JsonNode document) {
        JsonNode value = valueFor("body", schema, document, 0);
        return value instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    public String formFor(JsonNode schema, JsonNode document) {
        StringBuilder form = new StringBuilder();
        ApiDocument.resolve(schema, document).path("properties").properties().forEach(property -> {
            String value = valueForName(property.getKey());
            form.append(form.isEmpty() ? "" : "&")
                    .append(encode(property.getKey()))
                    .append('=')
                    .append(encode(value == null ? first(ids("payment")) : value));
        });
        return form.toString();
    }

    public JsonNode valueFor(String name, JsonNode schema, JsonNode document, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode s = ApiDocument.resolve(schema, document);
        if (s.has("allOf")) {
            s = ApiDocument.resolve(s.get("allOf").get(0), document);
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            s = ApiDocument.resolve((s.has("oneOf") ? s.get("oneOf") : s.get("anyOf")).get(0), document);
        }
        String type = s.path("type").asText("object");
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        LocalDate day = LocalDate.now(zone).plusDays(9);
        switch (type) {
            case "array" -> {
                ArrayNode array = f.arrayNode();
                if (depth < 4) {
                    array.add(valueFor(
                            name.endsWith("s") ? name.substring(0, name.length() - 1) : name,
                            s.path("items"),
                            document,
                            depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return f.numberNode(1);
            }
            case "number" -> {
                return f.numberNode(1);
            }
            case "boolean" -> {
                return f.booleanNode(true);
            }
            case "string" -> {
                String known = valueForName(name);
                if (known != null) {
                    return f.textNode(known);
                }
                String format = s.path("format").asText("");
                String lower = name.toLowerCase(Locale.ROOT);
                return f.textNode(
                        switch (format) {
                            case "date" -> day.toString();
                            case "date-time" ->
                                day.atTime(lower.contains("end") || lower.contains("to") ? 11 : 10, 0)
                                        .atZone(zone)
                                        .toOffsetDateTime()
                                        .toString();
                            case "uuid" -> first(ids("resource"));
                            case "local-time", "time" -> "10:00:00";
                            default -> {
                                if (lower.contains("currency")) {
                                    yield "EUR";
                                }
                                if (lower.contains("amount") || lower.contains("price") || lower.contains("rate")) {
                                    yield "10.00";
                                }
                                if (lower.contains("url")) {
                                    yield "https://example.org/sweep";
                                }
                                if (lower.contains("zone")) {
                                    yield "Europe/Paris";
                                }
                                yield "sweep";
                            }
                        });
            }
            default -> {
                ObjectNode object = f.objectNode();
                if (depth < 5) {
                    s.path("properties")
                            .properties()
                            .forEach(p ->
                                    object.set(p.getKey(), valueFor(p.getKey(), p.getValue(), document, depth + 1)));
                }
                return object;
            }
        }
    }

    public static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
