package org.tierslieux.server.billing.checkout;

import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.billing.invoice.CreditNoteDraft;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentLine;
import org.tierslieux.billing.invoice.DocumentType;
import org.tierslieux.billing.invoice.DraftLine;
import org.tierslieux.billing.invoice.InvoiceDraft;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * TEST STAND-IN, replaced by the real bean at merge (helper L's Invoicing; a default bean, so the real one wins as
 * soon as it exists): inserts invoices and credit notes into
 * the document tables with SQL, in the caller's transaction, numbered per series, with a placeholder footprint (no
 * canonical serialisation, no mentions, no VAT summary). Just enough for checkout's tests to see that paying
 * issues one invoice and refunding one credit note.
 */
@DefaultBean
@ApplicationScoped
public class StandInInvoicing implements Invoicing {

    private static final String ZEROS = "0".repeat(64);

    private final PlaceContext placeContext;
    private final Clock clock;

    StandInInvoicing(PlaceContext placeContext, Clock clock) {
        this.placeContext = placeContext;
        this.clock = clock;
    }

    @Override
    public IssuedDocument issue(InvoiceDraft draft) {
        UUID id = UUID.randomUUID();
        Money excl = sum(
                draft.lines().stream().map(DraftLine::totalExclVat).toList(),
                draft.place().currency());
        Money vat = sum(
                draft.lines().stream().map(DraftLine::totalVat).toList(),
                draft.place().currency());
        Money incl = sum(
                draft.lines().stream().map(DraftLine::totalInclVat).toList(),
                draft.place().currency());
        insert(
                id,
                "INVOICE",
                draft.dueDate(),
                draft.buyer(),
                draft.buyerPersonId(),
                excl,
                vat,
                incl,
                draft.paymentMethod(),
                draft.paidAt(),
                null,
                null,
                draft.orderId(),
                draft.subjectType(),
                draft.subjectId());
        int position = 0;
        for (DraftLine l : draft.lines()) {
            line(
                    id,
                    ++position,
                    l.description(),
                    l.quantity(),
                    l.unit(),
                    l.unitPriceExclVat(),
                    l.vat(),
                    l.totalExclVat(),
                    l.totalVat(),
                    l.totalInclVat(),
                    l.category(),
                    null);
        }
        return find(new DocumentId(id)).orElseThrow();
    }

    @Override
    public IssuedDocument issueCreditNote(CreditNoteDraft draft) {
        IssuedDocument original =
                find(draft.original()).orElseThrow(() -> DomainException.notFound("invoice.not-found", Map.of()));
        if (original.creditNote()) {
            throw DomainException.conflict("invoice.credit-of-credit-note", Map.of());
        }
        var currency = placeContext.require().currency();
        List<DocumentLine> lines = new ArrayList<>();
        if (draft.lines().isEmpty()) {
            lines.addAll(original.lines());
        } else {
            for (var c : draft.lines()) {
                DocumentLine l = original.lines().get(c.position() - 1);
                BigDecimal q = c.quantity() == null ? l.quantity() : c.quantity();
                BigDecimal ratio = q.divide(l.quantity(), 10, RoundingMode.HALF_UP);
                Money e = l.totalExclVat().times(ratio).rounded();
                Money v = l.totalVat().times(ratio).rounded();
                lines.add(new DocumentLine(
                        l.position(),
                        l.description(),
                        q,
                        l.unit(),
                        l.unitPriceExclVat(),
                        l.vat(),
                        e,
                        v,
                        e.plus(v),
                        l.category(),
                        l.position()));
            }
        }
        Money incl = sum(lines.stream().map(DocumentLine::totalInclVat).toList(), currency);
        if (incl.compareTo(creditable(draft.original()).plus(Money.of("0.05", currency.getCurrencyCode()))) > 0) {
            throw DomainException.invalid("invoice.credit-too-large", Map.of());
        }
        UUID id = UUID.randomUUID();
        insert(
                id,
                "CREDIT_NOTE",
                null,
                original.buyer(),
                original.buyerPersonId(),
                sum(lines.stream().map(DocumentLine::totalExclVat).toList(), currency),
                sum(lines.stream().map(DocumentLine::totalVat).toList(), currency),
                incl,
                draft.paymentMethod(),
                null,
                original.id().value(),
                draft.reason(),
                original.orderId(),
                original.subjectType(),
                original.subjectId());
        int position = 0;
        for (DocumentLine l : lines) {
            line(
                    id,
                    ++position,
                    l.description(),
                    l.quantity(),
                    l.unit(),
                    l.unitPriceExclVat(),
                    l.vat(),
                    l.totalExclVat(),
                    l.totalVat(),
                    l.totalInclVat(),
                    l.category(),
                    l.position());
        }
        return find(new DocumentId(id)).orElseThrow();
    }

    @Override
    public Optional<IssuedDocument> find(DocumentId id) {
        List<?> rows = em().createNativeQuery(
                        "select type, number, sequence, issue_date, due_date, total_excl_vat, total_vat,"
                                + " total_incl_vat, payment_method, original_id, reason, order_id, subject_type,"
                                + " subject_id, buyer_person_id, footprint, previous_footprint, issued_at, paid_at"
                                + " from document where id = :id",
                        Object[].class)
                .setParameter("id", id.value())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        var currency = placeContext.require().currency();
        List<DocumentLine> lines = new ArrayList<>();
        for (Object o : em().createNativeQuery(
                        "select position, description, quantity, unit, unit_price_excl_vat, vat_key, total_excl_vat,"
                                + " total_vat, total_incl_vat, category, credited_position from document_line"
                                + " where document_id = :id order by position",
                        Object[].class)
                .setParameter("id", id.value())
                .getResultList()) {
            Object[] l = (Object[]) o;
            lines.add(new DocumentLine(
                    ((Number) l[0]).intValue(),
                    (String) l[1],
                    (BigDecimal) l[2],
                    (String) l[3],
                    new Money((BigDecimal) l[4], currency),
                    VatRate.of((String) l[5]),
                    new Money((BigDecimal) l[6], currency),
                    new Money((BigDecimal) l[7], currency),
                    new Money((BigDecimal) l[8], currency),
                    (String) l[9],
                    l[10] == null ? null : ((Number) l[10]).intValue()));
        }
        return Optional.of(new IssuedDocument(
                id,
                placeContext.require().id(),
                DocumentType.valueOf((String) r[0]),
                (String) r[1],
                ((Number) r[2]).longValue(),
                date(r[3]),
                instant(r[17]),
                date(r[3]),
                date(r[4]),
                currency.getCurrencyCode(),
                null,
                null,
                (UUID) r[14],
                null,
                null,
                "SERVICES",
                false,
                null,
                List.of(),
                lines,
                List.of(),
                new Money((BigDecimal) r[5], currency),
                new Money((BigDecimal) r[6], currency),
                new Money((BigDecimal) r[7], currency),
                (String) r[8],
                instant(r[18]),
                r[9] == null ? null : new DocumentId((UUID) r[9]),
                null,
                null,
                (String) r[10],
                (UUID) r[11],
                (String) r[12],
                (UUID) r[13],
                (String) r[16],
                (String) r[15]));
    }

    @Override
    public List<IssuedDocument> creditNotesOf(DocumentId invoice) {
        List<?> ids = em().createNativeQuery(
                        "select id from document where original_id = :id order by sequence", UUID.class)
                .setParameter("id", invoice.value())
                .getResultList();
        return ids.stream()
                .map(i -> find(new DocumentId((UUID) i)).orElseThrow())
                .toList();
    }

    @Override
    public Money creditable(DocumentId invoice) {
        IssuedDocument doc = find(invoice).orElseThrow();
        Money left = doc.totalInclVat();
        for (IssuedDocument c : creditNotesOf(invoice)) {
            left = left.minus(c.totalInclVat());
        }
        return left;
    }

    private void insert(
            UUID id,
            String type,
            LocalDate due,
            Party buyer,
            UUID buyerPerson,
            Money excl,
            Money vat,
            Money incl,
            String method,
            Instant paidAt,
            UUID original,
            String reason,
            UUID order,
            String subjectType,
            UUID subjectId) {
        long sequence = ((Number)
                        em().createNativeQuery("insert into document_series (tenant_id, series, last_sequence)"
                                        + " values (current_place_id(), :s, 1) on conflict (tenant_id, series)"
                                        + " do update set last_sequence = document_series.last_sequence + 1"
                                        + " returning last_sequence")
                                .setParameter("s", type)
                                .getSingleResult())
                .longValue();
        var place = placeContext.require();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, place.zone());
        String footprint = HexFormat.of().formatHex(sha256(id.toString()));
        em().createNativeQuery("insert into document (tenant_id, id, type, series, sequence, number, issue_date,"
                        + " issued_at, operation_date, due_date, currency, seller, buyer, buyer_person_id,"
                        + " operation_nature, vat_on_debits, total_excl_vat, total_vat, total_incl_vat,"
                        + " payment_method, paid_at, original_id, reason, order_id, subject_type, subject_id,"
                        + " previous_footprint, footprint) values (current_place_id(), :id, :type, :type, :seq,"
                        + " :number, :today, :now, :today, :due, :cur, cast('{}' as jsonb), cast(:buyer as jsonb),"
                        + " :bp, 'SERVICES', false, :excl, :vat, :incl, :method, :paid, :original, :reason,"
                        + " :order, :st, :sid, :prev, :fp)")
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("seq", sequence)
                .setParameter("number", ("INVOICE".equals(type) ? "FA-" : "AV-") + sequence)
                .setParameter("today", today)
                .setParameter("now", now)
                .setParameter("due", due)
                .setParameter("cur", place.currency().getCurrencyCode())
                .setParameter(
                        "buyer",
                        "{\"name\":\"" + (buyer == null ? "" : buyer.name().replace("\"", "'")) + "\"}")
                .setParameter("bp", buyerPerson)
                .setParameter("excl", excl.amount())
                .setParameter("vat", vat.amount())
                .setParameter("incl", incl.amount())
                .setParameter("method", method)
                .setParameter("paid", paidAt)
                .setParameter("original", original)
                .setParameter("reason", reason)
                .setParameter("order", order)
                .setParameter("st", subjectType)
                .setParameter("sid", subjectId)
                .setParameter("prev", ZEROS)
                .setParameter("fp", footprint)
                .executeUpdate();
    }

    private void line(
            UUID document,
            int position,
            String description,
            BigDecimal quantity,
            String unit,
            Money unitPrice,
            VatRate vat,
            Money excl,
            Money vatAmount,
            Money incl,
            String category,
            Integer credited) {
        em().createNativeQuery("insert into document_line (tenant_id, document_id, position, description, quantity,"
                        + " unit, unit_price_excl_vat, vat_key, total_excl_vat, total_vat, total_incl_vat, category,"
                        + " credited_position) values (current_place_id(), :d, :p, :desc, :q, :u, :up, :vk, :e,"
                        + " :v, :i, :c, :cp)")
                .setParameter("d", document)
                .setParameter("p", position)
                .setParameter("desc", description)
                .setParameter("q", quantity)
                .setParameter("u", unit)
                .setParameter("up", unitPrice.amount())
                .setParameter("vk", vat.exempt() ? "EXEMPT" : vat.code())
                .setParameter("e", excl.amount())
                .setParameter("v", vatAmount.amount())
                .setParameter("i", incl.amount())
                .setParameter("c", category)
                .setParameter("cp", credited)
                .executeUpdate();
    }

    private static Money sum(List<Money> amounts, java.util.Currency currency) {
        Money total = Money.zero(currency);
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return total;
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Instant instant(Object o) {
        return o == null
                ? null
                : o instanceof java.sql.Timestamp t
                        ? t.toInstant()
                        : o instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) o;
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
