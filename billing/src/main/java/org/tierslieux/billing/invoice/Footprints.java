package org.tierslieux.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.Address;

/**
 * The canonical serialisation of an issued document and its SHA-256 footprint, chained to the previous
 * footprint of the place. The format is described field by field in docs/architecture.md ("Invoices and the
 * footprint chain") so that anyone can recompute a footprint outside this application: one {@code key=value}
 * line per field, in a fixed order, LF after each line, UTF-8; absent values are empty; amounts and
 * quantities with exactly four decimals ({@code 12.5000}); dates {@code YYYY-MM-DD}; the issue instant in UTC
 * with microseconds ({@code 2026-11-26T14:31:33.123456Z}); in values, {@code \} becomes {@code \\}, a line
 * feed {@code \n}, a carriage return {@code \r} and {@code |} {@code \|}.
 */
public final class Footprints {

    /** The previous footprint of a place's first document. */
    public static final String GENESIS = "0".repeat(64);

    public static final String VERSION = "tl-document-v1";

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(java.time.ZoneOffset.UTC);

    private Footprints() {}

    public static String footprint(IssuedDocument d) {
        return sha256(canonical(d));
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String canonical(IssuedDocument d) {
        StringBuilder out = new StringBuilder();
        field(out, "format", VERSION);
        field(out, "place", d.place().toString());
        field(out, "id", d.id().toString());
        field(out, "type", d.type().name());
        field(out, "number", d.number());
        field(out, "sequence", Long.toString(d.sequence()));
        field(out, "issueDate", d.issueDate().toString());
        field(out, "issuedAt", INSTANT.format(d.issuedAt().truncatedTo(ChronoUnit.MICROS)));
        field(out, "operationDate", str(d.operationDate()));
        field(out, "dueDate", str(d.dueDate()));
        field(out, "currency", d.currency());
        party(out, "seller", d.seller());
        party(out, "buyer", d.buyer());
        field(out, "buyerPersonId", str(d.buyerPersonId()));
        field(out, "buyerCompanyId", str(d.buyerCompanyId()));
        address(out, "deliveryAddress", d.deliveryAddress());
        field(out, "operationNature", d.operationNature());
        field(out, "vatOnDebits", Boolean.toString(d.vatOnDebits()));
        field(out, "vatExemptionMention", d.vatExemptionMention());
        field(out, "mentions", Integer.toString(d.mentions().size()));
        for (String mention : d.mentions()) {
            field(out, "mention", mention);
        }
        field(out, "lines", Integer.toString(d.lines().size()));
        for (DocumentLine l : d.lines()) {
            raw(
                    out,
                    "line",
                    String.join(
                            "|",
                            Integer.toString(l.position()),
                            escape(l.description()),
                            decimal(l.quantity()),
                            escape(l.unit()),
                            money(l.unitPriceExclVat()),
                            l.vat().code(),
                            money(l.totalExclVat()),
                            money(l.totalVat()),
                            money(l.totalInclVat()),
                            escape(l.category()),
                            str(l.creditedPosition())));
        }
        field(out, "vatLines", Integer.toString(d.vatSummary().size()));
        for (VatLine v : d.vatSummary()) {
            raw(out, "vat", String.join("|", v.rate().code(), money(v.baseExclVat()), money(v.vat())));
        }
        field(out, "totalExclVat", money(d.totalExclVat()));
        field(out, "totalVat", money(d.totalVat()));
        field(out, "totalInclVat", money(d.totalInclVat()));
        field(out, "paymentMethod", d.paymentMethod());
        field(out, "paidAt", d.paidAt() == null ? "" : INSTANT.format(d.paidAt().truncatedTo(ChronoUnit.MICROS)));
        field(out, "originalId", str(d.originalId()));
        field(out, "reason", d.reason());
        field(out, "orderId", str(d.orderId()));
        field(out, "subjectType", d.subjectType());
        field(out, "subjectId", str(d.subjectId()));
        field(out, "previousFootprint", d.previousFootprint());
        return out.toString();
    }

    private static void party(StringBuilder out, String prefix, Party p) {
        field(out, prefix + ".name", p.name());
        field(out, prefix + ".siren", p.siren());
        field(out, prefix + ".siret", p.siret());
        field(out, prefix + ".vatNumber", p.vatNumber());
        address(out, prefix + ".address", p.address());
        field(out, prefix + ".email", p.email());
        field(out, prefix + ".business", Boolean.toString(p.business()));
    }

    private static void address(StringBuilder out, String prefix, Address a) {
        field(out, prefix + ".street", a == null ? null : a.street());
        field(out, prefix + ".postalCode", a == null ? null : a.postalCode());
        field(out, prefix + ".city", a == null ? null : a.city());
        field(out, prefix + ".country", a == null ? null : a.country());
    }

    private static void field(StringBuilder out, String key, String value) {
        raw(out, key, escape(value));
    }

    private static void raw(StringBuilder out, String key, String escaped) {
        out.append(key).append('=').append(escaped).append('\n');
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '|' -> s.append("\\|");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Four decimals, plain: as numeric(19,4) stores it. */
    public static String decimal(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String money(Money m) {
        return decimal(m.amount());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
