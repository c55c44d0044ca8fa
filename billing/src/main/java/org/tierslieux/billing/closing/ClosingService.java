package org.tierslieux.billing.closing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.billing.invoice.ChainVerifier;
import org.tierslieux.billing.invoice.Footprints;
import org.tierslieux.billing.invoice.Jdbc;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Closes past months and years of the current place. A closing is refused over a period that is not over yet
 * (today in the place's zone is after its end, or it is refused), over a period already closed (the same month,
 * a month of a closed year, or the same year), and while the footprint chain is broken. It holds the chain
 * head's lock while it works, so no document is issued meanwhile; it records the totals per type, the footprint
 * of the period's last document, its own footprint chained to the previous closing's, and the archive.
 */
@ApplicationScoped
public class ClosingService {

    /** A stored archive. */
    public record Archive(String fileName, byte[] bytes, String sha256) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final ChainVerifier verifier;
    private final ClosingArchive archives;

    ClosingService(Clock clock, PlaceContext placeContext, ChainVerifier verifier, ClosingArchive archives) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.verifier = verifier;
        this.archives = archives;
    }

    /** {@code kind} MONTH with {@code period} {@code 2026-10}, or YEAR with {@code 2026}. */
    @Transactional
    public PeriodClosing close(String kind, String period, PersonId by) {
        PlaceRef here = placeContext.require();
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        LocalDate start;
        LocalDate end;
        try {
            switch (k) {
                case "MONTH" -> {
                    YearMonth month = YearMonth.parse(period == null ? "" : period.strip());
                    start = month.atDay(1);
                    end = month.atEndOfMonth();
                }
                case "YEAR" -> {
                    String p = period == null ? "" : period.strip();
                    if (!p.matches("\\d{4}")) {
                        throw DomainException.invalid("closing.period-invalid", Map.of("period", p));
                    }
                    start = LocalDate.of(Integer.parseInt(p), 1, 1);
                    end = LocalDate.of(Integer.parseInt(p), 12, 31);
                }
                default -> throw DomainException.invalid("closing.kind-invalid", Map.of());
            }
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("closing.period-invalid", Map.of("period", String.valueOf(period)));
        }
        if (start.getYear() < 1900) {
            throw DomainException.invalid("closing.period-invalid", Map.of("period", String.valueOf(period)));
        }
        UUID tenant = here.id().value();
        // the chain head's lock: no document is issued while the period is being sealed
        Jdbc.update(
                "insert into document_chain (tenant_id, last_footprint, documents) values (?, ?, 0)"
                        + " on conflict do nothing",
                tenant,
                Footprints.GENESIS);
        Jdbc.one("select 1 from document_chain where tenant_id = ? for update", r -> r.getInt(1), tenant);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, here.zone());
        if (!end.isBefore(today)) {
            throw DomainException.invalid("closing.period-open", Map.of("end", end));
        }
        boolean overlaps = Jdbc.one(
                        "select exists (select 1 from period_closing where tenant_id = ?"
                                + " and period_start <= ? and period_end >= ? and (kind = ? or kind = 'YEAR'))",
                        r -> r.getBoolean(1),
                        tenant,
                        end,
                        start,
                        k)
                .orElse(false);
        if (overlaps) {
            throw DomainException.conflict("closing.already-closed", Map.of());
        }
        var verification = verifier.verify();
        if (!verification.valid()) {
            var broken = verification.firstBroken();
            throw DomainException.conflict(
                    "closing.chain-broken",
                    Map.of("number", broken.number() == null ? "(tête de chaîne)" : broken.number()));
        }
        Currency currency = here.currency();
        record Totals(String type, int count, BigDecimal excl, BigDecimal vat, BigDecimal incl) {}
        List<Totals> totals = Jdbc.list(
                "select type, count(*), coalesce(sum(total_excl_vat), 0), coalesce(sum(total_vat), 0),"
                        + " coalesce(sum(total_incl_vat), 0) from document"
                        + " where tenant_id = ? and issue_date between ? and ? group by type",
                r -> new Totals(
                        r.getString(1), r.getInt(2), r.getBigDecimal(3), r.getBigDecimal(4), r.getBigDecimal(5)),
                tenant,
                start,
                end);
        Totals none = new Totals("", 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        Totals invoices = totals.stream()
                .filter(t -> t.type().equals("INVOICE"))
                .findFirst()
                .orElse(none);
        Totals notes = totals.stream()
                .filter(t -> t.type().equals("CREDIT_NOTE"))
                .findFirst()
                .orElse(none);
        String lastDocument = Jdbc.one(
                        "select footprint from document where tenant_id = ? and issue_date <= ?"
                                + " order by issue_date desc, issued_at desc, series desc, sequence desc limit 1",
                        r -> r.getString(1),
                        tenant,
                        end)
                .orElse(Footprints.GENESIS);
        String previous = Jdbc.one(
                        "select footprint from period_closing where tenant_id = ? order by closed_at desc, period_end desc"
                                + " limit 1",
                        r -> r.getString(1),
                        tenant)
                .orElse(Footprints.GENESIS);
        PeriodClosing unsigned = new PeriodClosing(
                UUID.randomUUID(),
                here.id(),
                k,
                start,
                end,
                invoices.count() + notes.count(),
                new Money(invoices.excl(), currency),
                new Money(invoices.vat(), currency),
                new Money(invoices.incl(), currency),
                new Money(notes.excl(), currency),
                new Money(notes.vat(), currency),
                new Money(notes.incl(), currency),
                lastDocument,
                previous,
                null,
                null,
                by,
                now);
        PeriodClosing signed = with(unsigned, ClosingFootprints.footprint(unsigned), null);
        byte[] zip = archives.build(signed, here.name(), here.zone());
        String sha = Footprints.sha256(zip);
        PeriodClosing closing = with(signed, signed.footprint(), sha);
        Jdbc.update(
                "insert into period_closing (tenant_id, id, kind, period_start, period_end, documents,"
                        + " invoices_excl_vat, invoices_vat, invoices_incl_vat, credit_notes_excl_vat, credit_notes_vat,"
                        + " credit_notes_incl_vat, last_document_footprint, previous_footprint, footprint,"
                        + " archive_sha256, closed_by, closed_at) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant,
                closing.id(),
                closing.kind(),
                closing.periodStart(),
                closing.periodEnd(),
                closing.documents(),
                closing.invoicesExclVat().amount(),
                closing.invoicesVat().amount(),
                closing.invoicesInclVat().amount(),
                closing.creditNotesExclVat().amount(),
                closing.creditNotesVat().amount(),
                closing.creditNotesInclVat().amount(),
                closing.lastDocumentFootprint(),
                closing.previousFootprint(),
                closing.footprint(),
                closing.archiveSha256(),
                closing.closedBy().value(),
                closing.closedAt());
        Jdbc.update(
                "insert into closing_archive (tenant_id, closing_id, file_name, archive, sha256) values (?, ?, ?, ?, ?)",
                tenant,
                closing.id(),
                fileName(here, closing),
                zip,
                sha);
        return closing;
    }

    @Transactional
    public List<PeriodClosing> all() {
        return Jdbc.list(
                "select * from period_closing where tenant_id = ? order by period_start desc, kind",
                this::read,
                placeContext.require().id().value());
    }

    @Transactional
    public PeriodClosing get(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("closing.not-found", Map.of("id", id)));
    }

    @Transactional
    public Optional<PeriodClosing> find(UUID id) {
        return Jdbc.one(
                "select * from period_closing where tenant_id = ? and id = ?",
                this::read,
                placeContext.require().id().value(),
                id);
    }

    /** The archive as stored at closing; refused (409) if its bytes no longer match the recorded SHA-256. */
    @Transactional
    public Archive archive(UUID id) {
        PeriodClosing closing = get(id);
        Archive archive = Jdbc.one(
                        "select file_name, archive, sha256 from closing_archive where tenant_id = ? and closing_id = ?",
                        r -> new Archive(r.getString(1), r.getBytes(2), r.getString(3)),
                        placeContext.require().id().value(),
                        id)
                .orElseThrow(() -> DomainException.notFound("closing.not-found", Map.of("id", id)));
        if (!Footprints.sha256(archive.bytes()).equals(closing.archiveSha256())) {
            throw DomainException.conflict("closing.archive-altered", Map.of());
        }
        return archive;
    }

    private static String fileName(PlaceRef place, PeriodClosing c) {
        return "cloture-" + place.slug() + "-" + c.label() + ".zip";
    }

    private PeriodClosing read(java.sql.ResultSet r) throws java.sql.SQLException {
        Currency c = placeContext.require().currency();
        return new PeriodClosing(
                Jdbc.uuid(r, "id"),
                new PlaceId(Jdbc.uuid(r, "tenant_id")),
                r.getString("kind"),
                Jdbc.date(r, "period_start"),
                Jdbc.date(r, "period_end"),
                r.getInt("documents"),
                new Money(r.getBigDecimal("invoices_excl_vat"), c),
                new Money(r.getBigDecimal("invoices_vat"), c),
                new Money(r.getBigDecimal("invoices_incl_vat"), c),
                new Money(r.getBigDecimal("credit_notes_excl_vat"), c),
                new Money(r.getBigDecimal("credit_notes_vat"), c),
                new Money(r.getBigDecimal("credit_notes_incl_vat"), c),
                r.getString("last_document_footprint"),
                r.getString("previous_footprint"),
                r.getString("footprint"),
                r.getString("archive_sha256"),
                new PersonId(Jdbc.uuid(r, "closed_by")),
                Jdbc.instant(r, "closed_at"));
    }

    private static PeriodClosing with(PeriodClosing c, String footprint, String archiveSha) {
        return new PeriodClosing(
                c.id(),
                c.place(),
                c.kind(),
                c.periodStart(),
                c.periodEnd(),
                c.documents(),
                c.invoicesExclVat(),
                c.invoicesVat(),
                c.invoicesInclVat(),
                c.creditNotesExclVat(),
                c.creditNotesVat(),
                c.creditNotesInclVat(),
                c.lastDocumentFootprint(),
                c.previousFootprint(),
                footprint,
                archiveSha,
                c.closedBy(),
                c.closedAt());
    }
}
