package org.tierslieux.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.LegalIdentity;
import org.tierslieux.core.place.Place;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.place.PlaceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The ledger: issues invoices and credit notes in the current place and the caller's transaction. The number
 * is the series' counter incremented with {@code update ... returning} (the row stays locked until commit, so
 * concurrent issuers queue and a rollback gives the number back: no gap, no duplicate), then the chain head is
 * locked ({@code select ... for update}), the document is dated from the injected clock in the place's zone,
 * its footprint computed over its canonical serialisation and the previous footprint, and it is inserted with
 * its lines and VAT summary. Locks are always taken in that order (series, then chain).
 */
@ApplicationScoped
public class LedgerInvoicing implements Invoicing {

    private static final int MAX_REASON = 500;
    private static final int MAX_DESCRIPTION = 500;

    private final Clock clock;
    private final PlaceContext placeContext;
    private final PlaceService places;
    private final InvoiceSettingsService settings;
    private final DocumentStore store;

    LedgerInvoicing(
            Clock clock,
            PlaceContext placeContext,
            PlaceService places,
            InvoiceSettingsService settings,
            DocumentStore store) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.places = places;
        this.settings = settings;
        this.store = store;
    }

    @Override
    @Transactional
    public IssuedDocument issue(InvoiceDraft draft) {
        PlaceRef here = placeContext.require();
        if (draft.place() != null && !draft.place().id().equals(here.id())) {
            throw new IllegalArgumentException("An invoice of " + draft.place().slug() + " issued in " + here.slug());
        }
        if (draft.buyer() == null
                || draft.buyer().name() == null
                || draft.buyer().name().isBlank()) {
            throw DomainException.invalid("invoice.buyer-missing", Map.of());
        }
        if (draft.lines() == null || draft.lines().isEmpty()) {
            throw DomainException.invalid("invoice.no-lines", Map.of());
        }
        Place place = places.get(here.slug());
        Currency currency = place.currency();
        LegalIdentity legal = place.legal();
        if (legal == null) {
            throw DomainException.conflict("invoice.no-legal-identity", Map.of());
        }
        List<DocumentLine> lines = new ArrayList<>();
        int position = 0;
        boolean vatCharged = false;
        boolean exemptLine = false;
        for (DraftLine d : draft.lines()) {
            position++;
            check(d, currency, position);
            if (!d.vat().exempt() && legal.vatNumber() == null) {
                throw DomainException.invalid("invoice.vat-without-number", Map.of("position", position));
            }
            vatCharged |= !d.vat().exempt();
            exemptLine |= d.vat().exempt();
            lines.add(new DocumentLine(
                    position,
                    d.description().strip(),
                    d.quantity(),
                    d.unit(),
                    d.unitPriceExclVat(),
                    d.vat(),
                    d.totalExclVat(),
                    d.totalVat(),
                    d.totalInclVat(),
                    d.category() == null || d.category().isBlank() ? "OTHER" : d.category(),
                    null));
        }
        Money zero = Money.zero(currency);
        Money excl = Invoices.sum(lines, DocumentLine::totalExclVat, zero);
        Money vat = Invoices.sum(lines, DocumentLine::totalVat, zero);
        Money incl = Invoices.sum(lines, DocumentLine::totalInclVat, zero);
        if (excl.isNegative() || vat.isNegative() || incl.isNegative()) {
            throw DomainException.invalid("invoice.negative-total", Map.of());
        }
        InvoiceSettings s = settings.current();
        boolean deliveryDiffers = draft.deliveryAddress() != null
                && !draft.deliveryAddress().equals(draft.buyer().address());

        Head head = take(DocumentType.INVOICE, s.invoicePattern(), here);
        if (draft.dueDate() != null && draft.dueDate().isBefore(head.issueDate())) {
            throw DomainException.invalid("invoice.due-date-invalid", Map.of("issueDate", head.issueDate()));
        }
        boolean paid = draft.dueDate() == null;
        IssuedDocument unsigned = new IssuedDocument(
                new DocumentId(UUID.randomUUID()),
                here.id(),
                DocumentType.INVOICE,
                head.number(),
                head.sequence(),
                head.issueDate(),
                head.issuedAt(),
                draft.operationDate() == null ? head.issueDate() : draft.operationDate(),
                draft.dueDate(),
                currency.getCurrencyCode(),
                Parties.seller(place),
                draft.buyer(),
                draft.buyerPersonId(),
                draft.buyerCompanyId(),
                deliveryDiffers ? draft.deliveryAddress() : null,
                s.operationNature(),
                Mentions.vatOnDebits(s, vatCharged),
                Mentions.exemption(legal, exemptLine),
                Mentions.of(s, draft.buyer(), vatCharged, deliveryDiffers, currency.getCurrencyCode()),
                List.copyOf(lines),
                Invoices.vatSummary(lines),
                excl,
                vat,
                incl,
                paid ? blankToNull(draft.paymentMethod()) : null,
                paid ? micros(draft.paidAt() == null ? head.issuedAt() : draft.paidAt()) : null,
                null,
                null,
                null,
                null,
                draft.orderId(),
                draft.subjectType(),
                draft.subjectId(),
                head.previousFootprint(),
                null);
        return seal(unsigned);
    }

    @Override
    @Transactional
    public IssuedDocument issueCreditNote(CreditNoteDraft draft) {
        PlaceRef here = placeContext.require();
        if (draft.original() == null) {
            throw DomainException.invalid("invoice.original-missing", Map.of());
        }
        IssuedDocument original = store.find(draft.original())
                .orElseThrow(() -> DomainException.notFound("invoice.not-found", Map.of("id", draft.original())));
        if (original.creditNote()) {
            throw DomainException.invalid("invoice.credit-of-credit-note", Map.of("number", original.number()));
        }
        String reason = draft.reason() == null || draft.reason().isBlank()
                ? "Avoir sur la facture n° " + original.number()
                : draft.reason().strip();
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid("invoice.reason-too-long", Map.of("max", MAX_REASON));
        }
        InvoiceSettings s = settings.current();
        Place place = places.get(here.slug());
        // the credit-note series' lock first: two credit notes of one invoice never both take what is left
        Head head = take(DocumentType.CREDIT_NOTE, s.creditNotePattern(), here);
        List<DocumentLine> lines = creditLines(original, draft.lines());
        Currency currency = Currency.getInstance(original.currency());
        Money zero = Money.zero(currency);
        Money excl = Invoices.sum(lines, DocumentLine::totalExclVat, zero);
        Money vat = Invoices.sum(lines, DocumentLine::totalVat, zero);
        Money incl = Invoices.sum(lines, DocumentLine::totalInclVat, zero);
        Money left = creditableNow(original);
        if (incl.compareTo(left) > 0 || excl.isNegative() || vat.isNegative() || incl.isNegative()) {
            throw DomainException.invalid("invoice.credit-above-left", Map.of("left", left.display(), "position", 0));
        }
        boolean vatCharged = lines.stream().anyMatch(l -> !l.vat().exempt());
        String method = blankToNull(draft.paymentMethod());
        IssuedDocument unsigned = new IssuedDocument(
                new DocumentId(UUID.randomUUID()),
                here.id(),
                DocumentType.CREDIT_NOTE,
                head.number(),
                head.sequence(),
                head.issueDate(),
                head.issuedAt(),
                original.operationDate(),
                null,
                original.currency(),
                Parties.seller(place),
                original.buyer(),
                original.buyerPersonId(),
                original.buyerCompanyId(),
                original.deliveryAddress(),
                original.operationNature(),
                original.vatOnDebits() && vatCharged,
                original.vatExemptionMention(),
                Mentions.of(s, original.buyer(), vatCharged, original.deliveryAddress() != null, original.currency()),
                List.copyOf(lines),
                Invoices.vatSummary(lines),
                excl,
                vat,
                incl,
                method,
                method == null ? null : head.issuedAt(),
                original.id(),
                original.number(),
                original.issueDate(),
                reason,
                original.orderId(),
                original.subjectType(),
                original.subjectId(),
                head.previousFootprint(),
                null);
        return seal(unsigned);
    }

    @Override
    @Transactional
    public Optional<IssuedDocument> find(DocumentId id) {
        return store.find(id);
    }

    @Override
    @Transactional
    public List<IssuedDocument> creditNotesOf(DocumentId invoice) {
        return store.creditNotesOf(invoice);
    }

    @Override
    @Transactional
    public Money creditable(DocumentId invoice) {
        IssuedDocument original = store.find(invoice)
                .orElseThrow(() -> DomainException.notFound("invoice.not-found", Map.of("id", invoice)));
        if (original.creditNote()) {
            return Money.zero(Currency.getInstance(original.currency()));
        }
        return creditableNow(original);
    }

    private Money creditableNow(IssuedDocument original) {
        Money left = original.totalInclVat();
        for (IssuedDocument note : store.creditNotesOf(original.id())) {
            left = left.minus(note.totalInclVat());
        }
        return left;
    }

    /** The lines of a credit note: what is asked, each within what is left of its original line. */
    private List<DocumentLine> creditLines(IssuedDocument original, List<CreditNoteDraft.CreditedLine> asked) {
        Map<Integer, BigDecimal> creditedQuantity = new HashMap<>();
        Map<Integer, DocumentLine> creditedAmounts = new HashMap<>();
        for (IssuedDocument note : store.creditNotesOf(original.id())) {
            for (DocumentLine l : note.lines()) {
                if (l.creditedPosition() == null) {
                    continue;
                }
                creditedQuantity.merge(l.creditedPosition(), l.quantity(), BigDecimal::add);
                creditedAmounts.merge(
                        l.creditedPosition(),
                        l,
                        (a, b) -> new DocumentLine(
                                a.position(),
                                a.description(),
                                a.quantity().add(b.quantity()),
                                a.unit(),
                                a.unitPriceExclVat(),
                                a.vat(),
                                a.totalExclVat().plus(b.totalExclVat()),
                                a.totalVat().plus(b.totalVat()),
                                a.totalInclVat().plus(b.totalInclVat()),
                                a.category(),
                                a.creditedPosition()));
            }
        }
        Map<Integer, DocumentLine> byPosition = new HashMap<>();
        original.lines().forEach(l -> byPosition.put(l.position(), l));
        List<CreditNoteDraft.CreditedLine> wanted = new ArrayList<>();
        if (asked == null || asked.isEmpty()) {
            for (DocumentLine l : original.lines()) {
                BigDecimal left = l.quantity().subtract(creditedQuantity.getOrDefault(l.position(), BigDecimal.ZERO));
                if (left.signum() > 0) {
                    wanted.add(new CreditNoteDraft.CreditedLine(l.position(), left));
                }
            }
            if (wanted.isEmpty()) {
                throw DomainException.conflict("invoice.nothing-left-to-credit", Map.of("number", original.number()));
            }
        } else {
            Set<Integer> seen = new HashSet<>();
            for (CreditNoteDraft.CreditedLine c : asked) {
                if (c == null || !byPosition.containsKey(c.position())) {
                    throw DomainException.invalid(
                            "invoice.line-unknown", Map.of("position", c == null ? "null" : c.position()));
                }
                if (!seen.add(c.position())) {
                    throw DomainException.invalid("invoice.line-twice", Map.of("position", c.position()));
                }
                wanted.add(c);
            }
        }
        List<DocumentLine> lines = new ArrayList<>();
        int position = 0;
        for (CreditNoteDraft.CreditedLine c : wanted) {
            DocumentLine o = byPosition.get(c.position());
            BigDecimal already = creditedQuantity.getOrDefault(o.position(), BigDecimal.ZERO);
            BigDecimal left = o.quantity().subtract(already);
            BigDecimal q = c.quantity() == null ? left : c.quantity();
            if (q.signum() <= 0 && left.signum() > 0) {
                throw DomainException.invalid("invoice.credit-quantity-invalid", Map.of("position", o.position()));
            }
            if (q.scale() > 4 || q.compareTo(left) > 0 || left.signum() <= 0) {
                throw DomainException.invalid(
                        "invoice.credit-above-left",
                        Map.of(
                                "position",
                                o.position(),
                                "left",
                                left.stripTrailingZeros().toPlainString()));
            }
            Money excl;
            Money vat;
            if (q.compareTo(left) == 0) {
                // the rest of the line: exactly what is left, so that the credits add up to the line
                DocumentLine done = creditedAmounts.get(o.position());
                excl = done == null ? o.totalExclVat() : o.totalExclVat().minus(done.totalExclVat());
                vat = done == null ? o.totalVat() : o.totalVat().minus(done.totalVat());
            } else {
                BigDecimal share = q.divide(o.quantity(), 10, RoundingMode.HALF_UP);
                excl = o.totalExclVat().times(share).rounded();
                vat = o.totalVat().times(share).rounded();
            }
            position++;
            lines.add(new DocumentLine(
                    position,
                    o.description(),
                    q,
                    o.unit(),
                    o.unitPriceExclVat(),
                    o.vat(),
                    excl,
                    vat,
                    excl.plus(vat),
                    o.category(),
                    o.position()));
        }
        return lines;
    }

    private record Head(
            long sequence, String number, LocalDate issueDate, Instant issuedAt, String previousFootprint) {}

    /** Takes the next number of the series and the chain head, both locked until the end of the transaction. */
    private Head take(DocumentType series, String pattern, PlaceRef here) {
        UUID tenant = here.id().value();
        Jdbc.update(
                "insert into document_series (tenant_id, series) values (?, ?) on conflict do nothing",
                tenant,
                series.name());
        long sequence = Jdbc.one(
                        "update document_series set last_sequence = last_sequence + 1"
                                + " where tenant_id = ? and series = ? returning last_sequence",
                        r -> r.getLong(1),
                        tenant,
                        series.name())
                .orElseThrow();
        Jdbc.update(
                "insert into document_chain (tenant_id, last_footprint, documents) values (?, ?, 0)"
                        + " on conflict do nothing",
                tenant,
                Footprints.GENESIS);
        record Chain(String footprint, UUID last) {}
        Chain chain = Jdbc.one(
                        "select last_footprint, last_document_id from document_chain where tenant_id = ? for update",
                        r -> new Chain(r.getString(1), Jdbc.uuid(r, "last_document_id")),
                        tenant)
                .orElseThrow();
        // the clock is read once the locks are held: dates follow the order of the chain
        Instant issuedAt = micros(clock.instant());
        LocalDate today = LocalDate.ofInstant(issuedAt, here.zone());
        if (chain.last() != null) {
            LocalDate lastDate = Jdbc.one(
                            "select issue_date from document where tenant_id = ? and id = ?",
                            r -> Jdbc.date(r, "issue_date"),
                            tenant,
                            chain.last())
                    .orElse(today);
            if (lastDate.isAfter(today)) {
                throw DomainException.conflict("invoice.date-before-last", Map.of("last", lastDate));
            }
        }
        boolean closed = Jdbc.one(
                        "select exists (select 1 from period_closing where tenant_id = ?"
                                + " and ? between period_start and period_end)",
                        r -> r.getBoolean(1),
                        tenant,
                        today)
                .orElse(false);
        if (closed) {
            throw DomainException.conflict("invoice.period-closed", Map.of("date", today));
        }
        return new Head(sequence, Numbering.format(pattern, today, sequence), today, issuedAt, chain.footprint());
    }

    /** Computes the footprint, inserts the document and moves the chain head to it. */
    private IssuedDocument seal(IssuedDocument d) {
        IssuedDocument signed = withFootprint(d, Footprints.footprint(d));
        store.insert(signed);
        Jdbc.update(
                "update document_chain set last_footprint = ?, last_document_id = ?, documents = documents + 1"
                        + " where tenant_id = ?",
                signed.footprint(),
                signed.id().value(),
                signed.place().value());
        return signed;
    }

    static IssuedDocument withFootprint(IssuedDocument d, String footprint) {
        return d.with(d.lines(), d.vatSummary(), footprint);
    }

    private static void check(DraftLine d, Currency currency, int position) {
        Map<String, Object> at = Map.of("position", position);
        if (d == null
                || d.description() == null
                || d.description().isBlank()
                || d.quantity() == null
                || d.unitPriceExclVat() == null
                || d.vat() == null
                || d.totalExclVat() == null
                || d.totalVat() == null
                || d.totalInclVat() == null) {
            throw DomainException.invalid("invoice.line-incomplete", at);
        }
        if (d.description().length() > MAX_DESCRIPTION) {
            throw DomainException.invalid("invoice.line-incomplete", at);
        }
        if (d.quantity().signum() <= 0 || d.quantity().scale() > 4) {
            throw DomainException.invalid("invoice.line-quantity-invalid", at);
        }
        for (Money m : List.of(d.unitPriceExclVat(), d.totalExclVat(), d.totalVat(), d.totalInclVat())) {
            if (!m.currency().equals(currency)) {
                throw DomainException.invalid(
                        "invoice.line-currency", Map.of("position", position, "currency", currency));
            }
        }
        if (!d.totalExclVat().plus(d.totalVat()).equals(d.totalInclVat())) {
            throw DomainException.invalid("invoice.line-totals", at);
        }
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
