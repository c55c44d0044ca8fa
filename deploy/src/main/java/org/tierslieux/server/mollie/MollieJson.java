package org.tierslieux.server.mollie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulator's answers, field by field as Mollie's v2 reference shows them (the example responses of
 * docs.mollie.com: get payment, create refund, get customer, list mandates, handling errors). Fields in the
 * documented order; {@code null} where Mollie writes {@code null} (method, metadata, details, locale).
 */
final class MollieJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final String DOCS = "https://docs.mollie.com/reference/v2/";

    private final Supplier<String> baseUrl;

    MollieJson(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    ObjectNode payment(MollieSimulator.Payment p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resource", "payment");
        o.put("id", p.id);
        o.put("mode", p.account.mode);
        o.put("createdAt", instant(p.createdAt));
        o.set("amount", amount(p.amount));
        o.put("description", p.description);
        o.put("method", p.method);
        o.set("metadata", p.metadata == null ? null : p.metadata.deepCopy());
        o.put("status", p.status);
        o.put("isCancelable", p.cancelable());
        if (p.authorizedAt != null) {
            o.put("authorizedAt", instant(p.authorizedAt));
        }
        if (p.paidAt != null) {
            o.put("paidAt", instant(p.paidAt));
        }
        if (p.canceledAt != null) {
            o.put("canceledAt", instant(p.canceledAt));
        }
        if (p.expiresAt != null && ("open".equals(p.status) || "pending".equals(p.status))) {
            o.put("expiresAt", instant(p.expiresAt));
        }
        if (p.expiredAt != null) {
            o.put("expiredAt", instant(p.expiredAt));
        }
        if (p.failedAt != null) {
            o.put("failedAt", instant(p.failedAt));
        }
        if ("paid".equals(p.status)) {
            o.set("amountRefunded", amount(new MollieSimulator.Amount(p.refunded(), p.amount.currency())));
            o.set(
                    "amountRemaining",
                    amount(new MollieSimulator.Amount(p.amount.value().subtract(p.refunded()), p.amount.currency())));
        }
        o.put("locale", p.locale);
        o.set("details", details(p));
        o.put("profileId", p.account.profileId);
        o.put("sequenceType", p.sequenceType);
        if (p.redirectUrl != null) {
            o.put("redirectUrl", p.redirectUrl);
        }
        if (p.webhookUrl != null) {
            o.put("webhookUrl", p.webhookUrl);
        }
        if (p.customerId != null) {
            o.put("customerId", p.customerId);
        }
        if (p.mandateId != null) {
            o.put("mandateId", p.mandateId);
        }
        ObjectNode links = o.putObject("_links");
        link(links, "self", api("/v2/payments/" + p.id), "application/hal+json");
        if ("open".equals(p.status) && !"recurring".equals(p.sequenceType)) {
            link(links, "checkout", baseUrl.get() + "/checkout/" + p.id, "text/html");
        }
        link(links, "dashboard", baseUrl.get() + "/dashboard/payments/" + p.id, "text/html");
        if (!p.refunds.isEmpty()) {
            link(links, "refunds", api("/v2/payments/" + p.id + "/refunds"), "application/hal+json");
        }
        if (p.customerId != null) {
            link(links, "customer", api("/v2/customers/" + p.customerId), "application/hal+json");
        }
        if (p.mandateId != null) {
            link(
                    links,
                    "mandate",
                    api("/v2/customers/" + p.customerId + "/mandates/" + p.mandateId),
                    "application/hal+json");
        }
        link(links, "documentation", DOCS + "payments-api/get-payment", "text/html");
        return o;
    }

    private ObjectNode details(MollieSimulator.Payment p) {
        if (!"directdebit".equals(p.method) || p.mandateId == null) {
            return null;
        }
        ObjectNode d = JSON.createObjectNode();
        d.put("transferReference", "SD" + p.id.substring(3).toUpperCase(java.util.Locale.ROOT));
        d.put("creditorIdentifier", "NL08ZZZ502057730000");
        d.put("consumerName", "T. Lieux");
        d.put("consumerAccount", "NL55INGB0000000000");
        d.put("consumerBic", "INGBNL2A");
        return d;
    }

    ObjectNode refund(MollieSimulator.Refund r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resource", "refund");
        o.put("id", r.id);
        o.set("amount", amount(r.amount));
        o.put("status", r.status);
        o.put("createdAt", instant(r.createdAt));
        o.put("description", r.description);
        o.set("metadata", r.metadata == null ? null : r.metadata.deepCopy());
        o.put("paymentId", r.payment.id);
        ObjectNode links = o.putObject("_links");
        link(links, "self", api("/v2/payments/" + r.payment.id + "/refunds/" + r.id), "application/hal+json");
        link(links, "payment", api("/v2/payments/" + r.payment.id), "application/hal+json");
        link(links, "documentation", DOCS + "refunds-api/get-payment-refund", "text/html");
        return o;
    }

    ObjectNode customer(MollieSimulator.Customer c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resource", "customer");
        o.put("id", c.id);
        o.put("mode", c.account.mode);
        o.put("name", c.name);
        o.put("email", c.email);
        o.put("locale", c.locale);
        o.set("metadata", c.metadata == null ? null : c.metadata.deepCopy());
        o.put("createdAt", instant(c.createdAt));
        ObjectNode links = o.putObject("_links");
        link(links, "self", api("/v2/customers/" + c.id), "application/hal+json");
        link(links, "dashboard", baseUrl.get() + "/dashboard/customers/" + c.id, "text/html");
        link(links, "documentation", DOCS + "customers-api/get-customer", "text/html");
        return o;
    }

    ObjectNode mandate(MollieSimulator.Mandate m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resource", "mandate");
        o.put("id", m.id);
        o.put("mode", m.customer.account.mode);
        o.put("status", m.status);
        o.put("method", m.method);
        ObjectNode details = o.putObject("details");
        if ("creditcard".equals(m.method)) {
            details.put("cardHolder", m.consumerName);
            details.put("cardNumber", "6787");
            details.put("cardLabel", "Mastercard");
            details.put("cardFingerprint", "Q4hJYGtYdUxrSbsJ0UXU6S1mI");
            details.put("cardExpiryDate", "2030-12-31");
        } else {
            details.put("consumerName", m.consumerName);
            details.put("consumerAccount", m.consumerAccount);
            details.put("consumerBic", "INGBNL2A");
        }
        o.put("mandateReference", m.reference);
        o.put("signatureDate", m.signatureDate.toString());
        o.put("createdAt", instant(m.createdAt));
        ObjectNode links = o.putObject("_links");
        link(links, "self", api("/v2/customers/" + m.customer.id + "/mandates/" + m.id), "application/hal+json");
        link(links, "customer", api("/v2/customers/" + m.customer.id), "application/hal+json");
        link(links, "documentation", DOCS + "mandates-api/get-mandate", "text/html");
        return o;
    }

    /** A list as Mollie pages it: {@code count}, {@code _embedded.<name>}, {@code _links} (one page only). */
    <T> ObjectNode list(String name, String path, Collection<T> items, Function<T, ObjectNode> one) {
        ObjectNode o = JSON.createObjectNode();
        var shown = items.stream().limit(250).map(one).toList();
        o.put("count", shown.size());
        o.putObject("_embedded").putArray(name).addAll(shown);
        ObjectNode links = o.putObject("_links");
        link(links, "self", api(path), "application/hal+json");
        links.putNull("previous");
        links.putNull("next");
        link(links, "documentation", DOCS + name + "-api/list-" + name, "text/html");
        return o;
    }

    /** Mollie's error body (docs.mollie.com/overview/handling-errors). */
    JsonNode error(int status, String title, String detail, String field) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", status);
        o.put("title", title);
        o.put("detail", detail);
        if (field != null) {
            o.put("field", field);
        }
        link(
                o.putObject("_links"),
                "documentation",
                status == 401
                        ? "https://docs.mollie.com/overview/authentication"
                        : "https://docs.mollie.com/overview/handling-errors",
                "text/html");
        return o;
    }

    private String api(String path) {
        return baseUrl.get() + path;
    }

    private static void link(ObjectNode links, String name, String href, String type) {
        ObjectNode link = links.putObject(name);
        link.put("href", href);
        link.put("type", type);
    }

    static ObjectNode amount(MollieSimulator.Amount amount) {
        ObjectNode o = JSON.createObjectNode();
        o.put("value", amount.text());
        o.put("currency", amount.currency());
        return o;
    }

    static String instant(Instant instant) {
        return INSTANT.format(instant);
    }
}
