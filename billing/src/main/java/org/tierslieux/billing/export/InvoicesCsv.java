package org.tierslieux.billing.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The invoices and credit notes of a range, one row per line, for a French spreadsheet: UTF-8 with a byte order
 * mark (so that Excel reads the accents), {@code ;} between cells, decimal commas, ISO dates, CRLF. Credit notes'
 * amounts are negative, so that a column's sum is the net figure; the document totals repeat on each of its
 * lines (sum the line columns, not those). A text cell that a spreadsheet would take for a formula ({@code =},
 * {@code +}, {@code -}, {@code @}) is prefixed with an apostrophe.
 */
final class InvoicesCsv {

    static final List<String> HEADER = List.of(
            "Type",
            "Numéro",
            "Date",
            "Date d'opération",
            "Échéance",
            "Client",
            "SIREN client",
            "TVA client",
            "Facture d'origine",
            "Ligne",
            "Désignation",
            "Quantité",
            "Unité",
            "PU HT",
            "Taux TVA",
            "Total HT",
            "TVA",
            "Total TTC",
            "Catégorie",
            "Compte",
            "Total document HT",
            "Total document TVA",
            "Total document TTC",
            "Devise",
            "Mode de paiement",
            "Payé le");

    static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL)
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    /** Documents of the place, their lines in order; parameters: place, first day, last day. */
    static final String SQL = "select d.type, d.number, d.issue_date, d.operation_date, d.due_date, d.currency,"
            + " d.buyer->>'name', d.buyer->>'siren', d.buyer->>'vatNumber', o.number,"
            + " d.total_excl_vat, d.total_vat, d.total_incl_vat, d.payment_method, d.paid_at,"
            + " l.position, l.description, l.quantity, l.unit, l.unit_price_excl_vat, l.vat_key,"
            + " l.total_excl_vat, l.total_vat, l.total_incl_vat, l.category"
            + " from document d"
            + " join document_line l on l.tenant_id = d.tenant_id and l.document_id = d.id"
            + " left join document o on o.tenant_id = d.tenant_id and o.id = d.original_id"
            + " where d.tenant_id = ? and d.issue_date between ? and ?"
            + " order by d.issue_date, d.issued_at, d.series, d.sequence, l.position";

    private final AccountingSettings accounts;
    private final ZoneId zone;
    private final Writer writer;
    private final CSVPrinter printer;
    private final List<String> cells = new ArrayList<>(HEADER.size());

    InvoicesCsv(AccountingSettings accounts, ZoneId zone, OutputStream out) throws IOException {
        this.accounts = accounts;
        this.zone = zone;
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(HEADER);
    }

    void row(ResultSet r) throws SQLException, IOException {
        boolean creditNote = "CREDIT_NOTE".equals(r.getString(1));
        cells.clear();
        cells.add(creditNote ? "Avoir" : "Facture");
        cells.add(text(r.getString(2)));
        cells.add(r.getDate(3).toLocalDate().toString());
        cells.add(r.getDate(4).toLocalDate().toString());
        cells.add(r.getDate(5) == null ? "" : r.getDate(5).toLocalDate().toString());
        String currency = r.getString(6);
        cells.add(text(r.getString(7)));
        cells.add(text(r.getString(8)));
        cells.add(text(r.getString(9)));
        cells.add(text(r.getString(10)));
        cells.add(Integer.toString(r.getInt(16)));
        cells.add(text(r.getString(17)));
        cells.add(Amounts.quantity(r.getBigDecimal(18)));
        cells.add(text(r.getString(19)));
        cells.add(Amounts.cents(r.getBigDecimal(20)));
        String vat = r.getString(21);
        cells.add("EXEMPT".equals(vat) ? "Exonéré" : vat.replace('.', ',') + " %");
        cells.add(signed(r.getBigDecimal(22), creditNote));
        cells.add(signed(r.getBigDecimal(23), creditNote));
        cells.add(signed(r.getBigDecimal(24), creditNote));
        String category = r.getString(25);
        cells.add(text(category));
        cells.add(accounts.revenueFor(category).number());
        cells.add(signed(r.getBigDecimal(11), creditNote));
        cells.add(signed(r.getBigDecimal(12), creditNote));
        cells.add(signed(r.getBigDecimal(13), creditNote));
        cells.add(currency);
        cells.add(text(r.getString(14)));
        Timestamp paidAt = r.getTimestamp(15);
        cells.add(
                paidAt == null
                        ? ""
                        : paidAt.toInstant().atZone(zone).toLocalDate().toString());
        printer.printRecord(cells);
    }

    void finish() throws IOException {
        printer.flush();
        writer.flush();
    }

    private static String signed(BigDecimal amount, boolean negative) {
        return Amounts.cents(negative ? amount.negate() : amount);
    }

    /** Keeps a spreadsheet from running a cell as a formula (CSV injection). */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
