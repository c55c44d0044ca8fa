package org.tierslieux.billing.export;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentPdfs;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Prepares a treasurer's export: checks the request and reads what the file needs before answering (a refusal
 * must come before the first byte), then hands back a body that writes the file while it reads the documents.
 */
@ApplicationScoped
public class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class);

    /** Writes a file to the response, reading as it goes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file ready to stream: its name, media type and body. */
    public record Download(String fileName, String mediaType, Body body) {}

    private final AgroalDataSource dataSource;
    private final AccountingSettingsService settings;
    private final PlaceContext placeContext;
    private final PlaceScope placeScope;
    private final Clock clock;
    private final Instance<Invoicing> invoicing;
    private final Instance<DocumentPdfs> pdfs;

    Exports(
            AgroalDataSource dataSource,
            AccountingSettingsService settings,
            PlaceContext placeContext,
            PlaceScope placeScope,
            Clock clock,
            Instance<Invoicing> invoicing,
            Instance<DocumentPdfs> pdfs) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.placeContext = placeContext;
        this.placeScope = placeScope;
        this.clock = clock;
        this.invoicing = invoicing;
        this.pdfs = pdfs;
    }

    /** Today in the current place. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(placeContext.require().zone()));
    }

    /** The invoices and credit notes of {@code from}..{@code to}, one row per line (see {@link InvoicesCsv}). */
    public Download invoicesCsv(String from, String to) {
        ExportRange range = ExportRange.of(from, to, today());
        PlaceRef place = placeContext.require();
        AccountingSettings accounts = settings.current();
        return new Download(
                "factures-" + place.slug() + "-" + range.from() + "-" + range.to() + ".csv",
                "text/csv; charset=UTF-8",
                out -> {
                    InvoicesCsv csv = new InvoicesCsv(accounts, place.zone(), out);
                    DocumentCursor.read(dataSource, place.id().value(), InvoicesCsv.SQL, range, csv::row);
                    csv.finish();
                });
    }

    /** The FEC of a fiscal year (calendar year); the place needs a SIRET (409 {@code export.siren-missing}). */
    public Download fec(String year) {
        ExportRange range = ExportRange.year(year, today());
        PlaceRef place = placeContext.require();
        String siren = siren(place);
        AccountingSettings accounts = settings.current();
        return new Download(Fec.fileName(siren, range.to()), "text/plain; charset=ISO-8859-15", out -> {
            Fec fec = new Fec(accounts, place.zone(), out);
            // the payments first, then the documents, in one picture of the books
            DocumentCursor.read(
                    dataSource,
                    place.id().value(),
                    range,
                    new DocumentCursor.Query(Fec.SETTLEMENTS, fec::settlement),
                    new DocumentCursor.Query(Fec.SQL, fec::row));
            fec.finish();
        });
    }

    /**
     * A ZIP of the PDFs of the documents of {@code from}..{@code to}, oldest first. The documents are read by
     * pages of {@value #PAGE} ids and each PDF in a transaction of its own (it is rendered and stored the first
     * time), so memory holds one PDF at a time.
     */
    public Download pdfs(String from, String to) {
        ExportRange range = ExportRange.of(from, to, today());
        PlaceRef place = placeContext.require();
        if (!invoicing.isResolvable() || !pdfs.isResolvable()) {
            throw new DomainException(503, "export.pdfs-unavailable");
        }
        return new Download(
                "factures-" + place.slug() + "-" + range.from() + "-" + range.to() + ".zip",
                "application/zip",
                out -> writeZip(place, range, out));
    }

    static final int PAGE = 100;

    private void writeZip(PlaceRef place, ExportRange range, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Key after = new Key(LocalDate.of(1, 1, 1), "", 0);
        List<Key> page;
        do {
            page = ids(place.id().value(), range, after);
            for (Key key : page) {
                Map.Entry<String, byte[]> pdf = placeScope.call(
                        place,
                        () -> QuarkusTransaction.requiringNew().call(() -> {
                            IssuedDocument document = invoicing
                                    .get()
                                    .find(new DocumentId(key.id()))
                                    .orElseThrow();
                            DocumentPdfs renderer = pdfs.get();
                            return Map.entry(renderer.fileName(document), renderer.pdf(document));
                        }));
                ZipEntry entry = new ZipEntry(pdf.getKey());
                entry.setTimeLocal(key.issueDate().atStartOfDay());
                zip.putNextEntry(entry);
                zip.write(pdf.getValue());
                zip.closeEntry();
                after = key;
            }
        } while (page.size() == PAGE);
        zip.finish();
        zip.flush();
    }

    private record Key(LocalDate issueDate, String series, long sequence, UUID id) {
        Key(LocalDate issueDate, String series, long sequence) {
            this(issueDate, series, sequence, null);
        }
    }

    private List<Key> ids(UUID place, ExportRange range, Key after) throws IOException {
        List<Key> keys = new ArrayList<>(PAGE);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement enter = c.prepareStatement("select set_config('app.place_id', ?, false)")) {
                enter.setString(1, place.toString());
                enter.execute();
            }
            try (PreparedStatement q = c.prepareStatement("select issue_date, series, sequence, id from document"
                    + " where tenant_id = ? and issue_date between ? and ? and (issue_date, series, sequence) > (?, ?, ?)"
                    + " order by issue_date, series, sequence limit " + PAGE)) {
                q.setObject(1, place);
                q.setDate(2, Date.valueOf(range.from()));
                q.setDate(3, Date.valueOf(range.to()));
                q.setDate(4, Date.valueOf(after.issueDate()));
                q.setString(5, after.series());
                q.setLong(6, after.sequence());
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        keys.add(new Key(
                                r.getDate(1).toLocalDate(), r.getString(2), r.getLong(3), r.getObject(4, UUID.class)));
                    }
                }
            } finally {
                try (PreparedStatement leave = c.prepareStatement("select set_config('app.place_id', '', false)")) {
                    leave.execute();
                }
            }
        } catch (SQLException e) {
            throw new IOException("Export interrupted: " + e.getMessage(), e);
        }
        return keys;
    }

    private String siren(PlaceRef place) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select siret from place where id = ?")) {
            q.setObject(1, place.id().value());
            try (ResultSet r = q.executeQuery()) {
                String siret = r.next() ? r.getString(1) : null;
                if (siret == null || siret.length() < 9) {
                    throw DomainException.conflict("export.siren-missing", Map.of("place", place.name()));
                }
                return siret.substring(0, 9);
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot read the SIRET of %s: %s", place.slug(), e.getMessage());
            throw new IllegalStateException(e);
        }
    }
}
