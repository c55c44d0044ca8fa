package org.tierslieux.billing.invoice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Issued documents in the database, read and written column by column: what {@link Footprints} hashes is
 * exactly what is stored. Reads are those of the current place (row-level security applies as well).
 */
@ApplicationScoped
public class DocumentStore {

    /**
     * What lists filter on; every field nullable. {@code q} matches the number or the buyer's name. With
     * {@code buyerPersonId}, only the documents of that person or of one of {@code buyerCompanyIds} (a member's
     * own documents).
     */
    public record Filter(
            LocalDate from, LocalDate to, DocumentType type, String q, UUID buyerPersonId, List<UUID> buyerCompanyIds) {

        public static Filter all() {
            return new Filter(null, null, null, null, null, List.of());
        }
    }

    /** One row of a list: enough to show it and find it. */
    public record Summary(
            DocumentId id,
            DocumentType type,
            String number,
            LocalDate issueDate,
            LocalDate dueDate,
            String buyerName,
            Money totalExclVat,
            Money totalVat,
            Money totalInclVat,
            String paymentMethod,
            DocumentId originalId) {}

    static final String COLUMNS = "d.tenant_id, d.id, d.type, d.number, d.sequence, d.issue_date, d.issued_at,"
            + " d.operation_date, d.due_date, d.currency, d.seller::text as seller, d.buyer::text as buyer,"
            + " d.buyer_person_id, d.buyer_company_id, d.delivery_address::text as delivery_address,"
            + " d.operation_nature, d.vat_on_debits, d.vat_exemption_mention, d.mentions::text as mentions,"
            + " d.total_excl_vat, d.total_vat, d.total_incl_vat, d.payment_method, d.paid_at, d.original_id,"
            + " o.number as original_number, o.issue_date as original_issue_date, d.reason, d.order_id,"
            + " d.subject_type, d.subject_id, d.previous_footprint, d.footprint";

    private final PlaceContext placeContext;
    private final ObjectMapper json;

    DocumentStore(PlaceContext placeContext, ObjectMapper json) {
        this.placeContext = placeContext;
        this.json = json;
    }

    /** Inserts a document with its lines and VAT summary (in the caller's transaction). */
    void insert(IssuedDocument d) {
        Jdbc.update(
                "insert into document (tenant_id, id, type, series, sequence, number, issue_date, issued_at,"
                        + " operation_date, due_date, currency, seller, buyer, buyer_person_id, buyer_company_id,"
                        + " delivery_address, operation_nature, vat_on_debits, vat_exemption_mention, mentions,"
                        + " total_excl_vat, total_vat, total_incl_vat, payment_method, paid_at, original_id, reason,"
                        + " order_id, subject_type, subject_id, previous_footprint, footprint)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::uuid, ?::uuid, ?::jsonb,"
                        + " ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::timestamptz, ?::uuid, ?, ?::uuid, ?, ?::uuid, ?, ?)",
                d.place().value(),
                d.id().value(),
                d.type().name(),
                d.type().name(),
                d.sequence(),
                d.number(),
                d.issueDate(),
                d.issuedAt(),
                d.operationDate(),
                d.dueDate(),
                d.currency(),
                write(d.seller()),
                write(d.buyer()),
                d.buyerPersonId(),
                d.buyerCompanyId(),
                d.deliveryAddress() == null ? null : write(d.deliveryAddress()),
                d.operationNature(),
                d.vatOnDebits(),
                d.vatExemptionMention(),
                write(d.mentions()),
                d.totalExclVat().amount(),
                d.totalVat().amount(),
                d.totalInclVat().amount(),
                d.paymentMethod(),
                d.paidAt(),
                d.originalId() == null ? null : d.originalId().value(),
                d.reason(),
                d.orderId(),
                d.subjectType(),
                d.subjectId(),
                d.previousFootprint(),
                d.footprint());
        for (DocumentLine l : d.lines()) {
            Jdbc.update(
                    "insert into document_line (tenant_id, document_id, position, description, quantity, unit,"
                            + " unit_price_excl_vat, vat_key, total_excl_vat, total_vat, total_incl_vat, category,"
                            + " credited_position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::integer)",
                    d.place().value(),
                    d.id().value(),
                    l.position(),
                    l.description(),
                    l.quantity(),
                    l.unit(),
                    l.unitPriceExclVat().amount(),
                    l.vat().code(),
                    l.totalExclVat().amount(),
                    l.totalVat().amount(),
                    l.totalInclVat().amount(),
                    l.category(),
                    l.creditedPosition());
        }
        for (VatLine v : d.vatSummary()) {
            Jdbc.update(
                    "insert into document_vat (tenant_id, document_id, vat_key, base_excl_vat, vat)"
                            + " values (?, ?, ?, ?, ?)",
                    d.place().value(),
                    d.id().value(),
                    v.rate().code(),
                    v.baseExclVat().amount(),
                    v.vat().amount());
        }
    }

    @Transactional
    public Optional<IssuedDocument> find(DocumentId id) {
        return Jdbc.one(
                        "select " + COLUMNS + " from document d left join document o"
                                + " on o.tenant_id = d.tenant_id and o.id = d.original_id"
                                + " where d.tenant_id = ? and d.id = ?",
                        this::head,
                        place(),
                        id.value())
                .map(this::complete);
    }

    /** The credit notes of an invoice, oldest first. */
    @Transactional
    public List<IssuedDocument> creditNotesOf(DocumentId invoice) {
        return Jdbc.list(
                        "select " + COLUMNS + " from document d left join document o"
                                + " on o.tenant_id = d.tenant_id and o.id = d.original_id"
                                + " where d.tenant_id = ? and d.original_id = ? order by d.sequence",
                        this::head,
                        place(),
                        invoice.value())
                .stream()
                .map(this::complete)
                .toList();
    }

    /**
     * Every document of the current place issued on {@code from}..{@code to} (inclusive), in issue order (date,
     * then series, then sequence), streamed to the consumer one by one: no list of all documents in memory.
     */
    @Transactional
    public void each(LocalDate from, LocalDate to, Consumer<IssuedDocument> consumer) {
        List<IssuedDocument> batch = new ArrayList<>();
        Jdbc.each(
                "select " + COLUMNS + " from document d left join document o"
                        + " on o.tenant_id = d.tenant_id and o.id = d.original_id"
                        + " where d.tenant_id = ? and d.issue_date between ? and ?"
                        + " order by d.issue_date, d.issued_at, d.series, d.sequence",
                r -> {
                    batch.add(head(r));
                    return null;
                },
                place(),
                from,
                to);
        // lines are read per document once the cursor is closed (one statement at a time on the connection)
        for (IssuedDocument head : batch) {
            consumer.accept(complete(head));
        }
    }

    @Transactional
    public List<Summary> list(Filter f, int page, int size) {
        Where where = where(f);
        List<Object> parameters = new ArrayList<>(where.parameters);
        parameters.add(size);
        parameters.add((long) page * size);
        return Jdbc.list(
                "select d.id, d.type, d.number, d.issue_date, d.due_date, d.buyer->>'name' as buyer_name,"
                        + " d.currency, d.total_excl_vat, d.total_vat, d.total_incl_vat, d.payment_method, d.original_id"
                        + " from document d" + where.sql
                        + " order by d.issue_date desc, d.issued_at desc, d.number desc"
                        + " limit ? offset ?",
                r -> {
                    Currency c = Currency.getInstance(r.getString("currency"));
                    UUID original = Jdbc.uuid(r, "original_id");
                    return new Summary(
                            new DocumentId(Jdbc.uuid(r, "id")),
                            DocumentType.valueOf(r.getString("type")),
                            r.getString("number"),
                            Jdbc.date(r, "issue_date"),
                            Jdbc.date(r, "due_date"),
                            r.getString("buyer_name"),
                            new Money(r.getBigDecimal("total_excl_vat"), c),
                            new Money(r.getBigDecimal("total_vat"), c),
                            new Money(r.getBigDecimal("total_incl_vat"), c),
                            r.getString("payment_method"),
                            original == null ? null : new DocumentId(original));
                },
                parameters.toArray());
    }

    @Transactional
    public long count(Filter f) {
        Where where = where(f);
        return Jdbc.one("select count(*) from document d" + where.sql, r -> r.getLong(1), where.parameters.toArray())
                .orElse(0L);
    }

    private record Where(String sql, List<Object> parameters) {}

    private Where where(Filter f) {
        StringBuilder sql = new StringBuilder(" where d.tenant_id = ?");
        List<Object> p = new ArrayList<>();
        p.add(place());
        if (f.from() != null) {
            sql.append(" and d.issue_date >= ?");
            p.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" and d.issue_date <= ?");
            p.add(f.to());
        }
        if (f.type() != null) {
            sql.append(" and d.type = ?");
            p.add(f.type().name());
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" and (d.number ilike ? escape '\\' or d.buyer->>'name' ilike ? escape '\\')");
            String like = "%"
                    + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            p.add(like);
            p.add(like);
        }
        if (f.buyerPersonId() != null) {
            sql.append(" and (d.buyer_person_id = ?");
            p.add(f.buyerPersonId());
            if (f.buyerCompanyIds() != null) {
                for (UUID company : f.buyerCompanyIds()) {
                    sql.append(" or d.buyer_company_id = ?");
                    p.add(company);
                }
            }
            sql.append(")");
        }
        return new Where(sql.toString(), p);
    }

    IssuedDocument head(ResultSet r) throws SQLException {
        Currency c = Currency.getInstance(r.getString("currency"));
        UUID original = Jdbc.uuid(r, "original_id");
        String delivery = r.getString("delivery_address");
        return new IssuedDocument(
                new DocumentId(Jdbc.uuid(r, "id")),
                new PlaceId(Jdbc.uuid(r, "tenant_id")),
                DocumentType.valueOf(r.getString("type")),
                r.getString("number"),
                r.getLong("sequence"),
                Jdbc.date(r, "issue_date"),
                Jdbc.instant(r, "issued_at"),
                Jdbc.date(r, "operation_date"),
                Jdbc.date(r, "due_date"),
                c.getCurrencyCode(),
                read(r.getString("seller"), Party.class),
                read(r.getString("buyer"), Party.class),
                Jdbc.uuid(r, "buyer_person_id"),
                Jdbc.uuid(r, "buyer_company_id"),
                delivery == null ? null : read(delivery, Address.class),
                r.getString("operation_nature"),
                r.getBoolean("vat_on_debits"),
                r.getString("vat_exemption_mention"),
                List.of(read(r.getString("mentions"), String[].class)),
                List.of(),
                List.of(),
                new Money(r.getBigDecimal("total_excl_vat"), c),
                new Money(r.getBigDecimal("total_vat"), c),
                new Money(r.getBigDecimal("total_incl_vat"), c),
                r.getString("payment_method"),
                Jdbc.instant(r, "paid_at"),
                original == null ? null : new DocumentId(original),
                r.getString("original_number"),
                Jdbc.date(r, "original_issue_date"),
                r.getString("reason"),
                Jdbc.uuid(r, "order_id"),
                r.getString("subject_type"),
                Jdbc.uuid(r, "subject_id"),
                r.getString("previous_footprint"),
                r.getString("footprint"));
    }

    /** The head with its lines and VAT summary. */
    IssuedDocument complete(IssuedDocument d) {
        Currency c = Currency.getInstance(d.currency());
        List<DocumentLine> lines = Jdbc.list(
                "select position, description, quantity, unit, unit_price_excl_vat, vat_key, total_excl_vat,"
                        + " total_vat, total_incl_vat, category, credited_position from document_line"
                        + " where tenant_id = ? and document_id = ? order by position",
                r -> new DocumentLine(
                        r.getInt(1),
                        r.getString(2),
                        r.getBigDecimal(3),
                        r.getString(4),
                        new Money(r.getBigDecimal(5), c),
                        VatRate.of(r.getString(6)),
                        new Money(r.getBigDecimal(7), c),
                        new Money(r.getBigDecimal(8), c),
                        new Money(r.getBigDecimal(9), c),
                        r.getString(10),
                        (Integer) r.getObject(11)),
                d.place().value(),
                d.id().value());
        List<VatLine> vat = Jdbc.list(
                "select vat_key, base_excl_vat, vat from document_vat where tenant_id = ? and document_id = ?",
                r -> new VatLine(
                        VatRate.of(r.getString(1)), new Money(r.getBigDecimal(2), c), new Money(r.getBigDecimal(3), c)),
                d.place().value(),
                d.id().value());
        return d.with(lines, Invoices.sortedVat(vat), d.footprint());
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored document field: " + e.getMessage(), e);
        }
    }

    private UUID place() {
        return placeContext.require().id().value();
    }
}
