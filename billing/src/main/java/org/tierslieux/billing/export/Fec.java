package org.tierslieux.billing.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.billing.export.AccountingSettings.Account;
import org.tierslieux.billing.export.AccountingSettings.Journal;

/**
 * The fichier des écritures comptables (LPF art. A47 A-1) of the documents of a fiscal year: the 18 columns in
 * their order, {@code |} between them, dates {@code AAAAMMJJ}, amounts with a decimal comma, ISO-8859-15 text,
 * CRLF. Each document is one entry of the sales journal, balanced by construction: the customer (411) for the
 * total including VAT, the revenue account of each line's category (706x) for its total excluding VAT, the VAT
 * collected account (4457x) of each rate for its VAT; a credit note reverses the sides. A document paid when it
 * was issued is followed by its settlement in the bank (or cash) journal, lettered with it on the customer
 * account. An invoice issued unpaid (a transfer with a due date) is settled by the payments checkout records for
 * its order later ({@link #SETTLEMENTS}): each is an entry of the bank journal (the cash journal for cash) on the
 * day it was paid, and the sale and its payments are lettered together once they cover its total. A payment is
 * never counted twice: those of an invoice marked paid at issue are already its settlement. Entries are
 * numbered on one continuous sequence in the order of the file (chronological).
 */
final class Fec {

    static final List<String> COLUMNS = List.of(
            "JournalCode",
            "JournalLib",
            "EcritureNum",
            "EcritureDate",
            "CompteNum",
            "CompteLib",
            "CompAuxNum",
            "CompAuxLib",
            "PieceRef",
            "PieceDate",
            "EcritureLib",
            "Debit",
            "Credit",
            "EcritureLet",
            "DateLet",
            "ValidDate",
            "Montantdevise",
            "Idevise");

    /** The character set of the file: Latin-9 (one of those A47 A-1 lists), with €, œ and the French accents. */
    static final Charset CHARSET = Charset.forName("ISO-8859-15");

    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * One row per part of a document, the document's rows together: the revenue of a category ({@code R}, the
     * sum of its lines) and the VAT of a rate ({@code V}). Parameters: place, first day, last day.
     */
    static final String SQL = "select d.id, d.type, d.number, d.issue_date, d.total_incl_vat, d.currency,"
            + " d.buyer->>'name', coalesce(d.buyer_company_id, d.buyer_person_id), d.payment_method, d.paid_at,"
            + " o.number, p.kind, p.key, p.amount"
            + " from document d"
            + " left join document o on o.tenant_id = d.tenant_id and o.id = d.original_id"
            + " cross join lateral ("
            + "   select 'R' as kind, l.category as key, sum(l.total_excl_vat) as amount from document_line l"
            + "    where l.tenant_id = d.tenant_id and l.document_id = d.id group by l.category"
            + "   union all"
            + "   select 'V', v.vat_key, v.vat from document_vat v"
            + "    where v.tenant_id = d.tenant_id and v.document_id = d.id and v.vat_key <> 'EXEMPT'"
            + " ) p"
            + " where d.tenant_id = ? and d.issue_date between ? and ?"
            + " order by d.issue_date, d.issued_at, d.series, d.sequence, p.kind, p.key";

    /**
     * The payments of the year that settle an invoice issued unpaid: paid payments of the order the invoice was
     * issued for, the invoice not marked paid at issue, in the order they were paid. Parameters: place, first
     * day, last day (the day of payment in the place's zone).
     */
    static final String SETTLEMENTS = "select d.id, coalesce(p.method, p.channel), p.paid_at, p.amount, d.number,"
            + " d.issue_date, d.buyer->>'name', coalesce(d.buyer_company_id, d.buyer_person_id), d.currency"
            + " from payment p"
            + " join sale_order o on o.tenant_id = p.tenant_id and o.id = p.order_id"
            + " join document d on d.tenant_id = o.tenant_id and d.id = o.invoice_id"
            + " join place pl on pl.id = p.tenant_id"
            + " where p.tenant_id = ? and p.status = 'PAID' and p.paid_at is not null"
            + " and d.type = 'INVOICE' and d.paid_at is null"
            + " and cast(p.paid_at at time zone pl.time_zone as date) between ? and ?"
            + " order by p.paid_at, p.id";

    private final AccountingSettings accounts;
    private final ZoneId zone;
    private final Writer out;
    private long entries;
    private long letters;

    // the document being read (its rows come together)
    private UUID current;
    private Doc doc;

    // the payments of invoices issued unpaid, not written yet, in the order they were paid
    private final ArrayDeque<Settlement> settlements = new ArrayDeque<>();
    // per invoice: what its later payments add up to, the day of the last one, its letter once lettered
    private final Map<UUID, BigDecimal> paidLater = new HashMap<>();
    private final Map<UUID, LocalDate> lastPaid = new HashMap<>();
    private final Map<UUID, String> lettered = new HashMap<>();

    private record Settlement(
            UUID invoice,
            String method,
            LocalDate paidOn,
            BigDecimal amount,
            String number,
            LocalDate issueDate,
            String buyerName,
            UUID buyerId,
            String currency) {}

    private record Doc(
            UUID id,
            boolean creditNote,
            String number,
            LocalDate issueDate,
            BigDecimal totalInclVat,
            String currency,
            String buyerName,
            UUID buyerId,
            String paymentMethod,
            Timestamp paidAt,
            String originalNumber,
            Map<Account, BigDecimal> revenue,
            Map<Account, BigDecimal> vat) {}

    /** One line of an entry: an account, its auxiliary account, and an amount on the debit or credit side. */
    private record Line(Account account, String auxNumber, String auxLabel, BigDecimal debit, BigDecimal credit) {}

    Fec(AccountingSettings accounts, ZoneId zone, OutputStream stream) throws IOException {
        this.accounts = accounts;
        this.zone = zone;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, CHARSET), 32 * 1024);
        out.write(String.join("|", COLUMNS));
        out.write("\r\n");
    }

    /** The file name the administration expects: {@code SIRENFECAAAAMMJJ.txt}, the date closing the year. */
    static String fileName(String siren, LocalDate yearEnd) {
        return siren + "FEC" + yearEnd.format(DAY) + ".txt";
    }

    void row(ResultSet r) throws SQLException, IOException {
        UUID id = r.getObject(1, UUID.class);
        if (!id.equals(current)) {
            flush();
            current = id;
            doc = new Doc(
                    id,
                    "CREDIT_NOTE".equals(r.getString(2)),
                    r.getString(3),
                    r.getDate(4).toLocalDate(),
                    r.getBigDecimal(5),
                    r.getString(6),
                    r.getString(7),
                    r.getObject(8, UUID.class),
                    r.getString(9),
                    r.getTimestamp(10),
                    r.getString(11),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>());
        }
        String kind = r.getString(12);
        String key = r.getString(13);
        BigDecimal amount = r.getBigDecimal(14);
        if ("R".equals(kind)) {
            doc.revenue().merge(accounts.revenueFor(key), amount, BigDecimal::add);
        } else {
            Account vat = accounts.vatFor(key);
            if (vat != null) {
                doc.vat().merge(vat, amount, BigDecimal::add);
            }
        }
    }

    /** A row of {@link #SETTLEMENTS}: read before the documents, written in date order among them. */
    void settlement(ResultSet r) throws SQLException {
        Settlement s = new Settlement(
                r.getObject(1, UUID.class),
                r.getString(2),
                r.getTimestamp(3).toInstant().atZone(zone).toLocalDate(),
                Amounts.rounded(r.getBigDecimal(4)),
                r.getString(5),
                r.getDate(6).toLocalDate(),
                r.getString(7),
                r.getObject(8, UUID.class),
                r.getString(9));
        if (s.amount().signum() == 0) {
            return;
        }
        settlements.add(s);
        paidLater.merge(s.invoice(), s.amount(), BigDecimal::add);
        lastPaid.put(s.invoice(), s.paidOn());
    }

    void finish() throws IOException {
        flush();
        settleUntil(null);
        out.flush();
    }

    /** Writes the payments made before {@code day} (all of them when null). */
    private void settleUntil(LocalDate day) throws IOException {
        while (!settlements.isEmpty()
                && (day == null || settlements.peek().paidOn().isBefore(day))) {
            Settlement s = settlements.poll();
            Account customers = accounts.customers();
            boolean cash = isCash(s.method());
            Account money = cash ? accounts.cashAccountLabelled() : accounts.bankAccountLabelled();
            Journal journal = cash ? accounts.cash() : accounts.bank();
            String letter = lettered.getOrDefault(s.invoice(), "");
            entry(
                    journal,
                    s.number(),
                    s.issueDate(),
                    s.currency(),
                    s.paidOn(),
                    "Règlement " + s.number() + " (" + s.method() + ")"
                            + (s.buyerName() == null ? "" : " " + s.buyerName()),
                    List.of(
                            new Line(money, "", "", s.amount(), BigDecimal.ZERO),
                            new Line(
                                    customers,
                                    auxNumber(s.buyerId()),
                                    auxLabel(s.buyerId(), s.buyerName()),
                                    BigDecimal.ZERO,
                                    s.amount())),
                    letter,
                    lastPaid.get(s.invoice()));
        }
    }

    private static String auxNumber(UUID buyerId) {
        return buyerId == null
                ? ""
                : "C" + buyerId.toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String auxLabel(UUID buyerId, String buyerName) {
        return buyerId == null ? "" : clean(buyerName);
    }

    private void flush() throws IOException {
        if (doc == null) {
            return;
        }
        Doc d = doc;
        doc = null;
        settleUntil(d.issueDate());
        BigDecimal total = Amounts.rounded(d.totalInclVat());
        if (total.signum() == 0) {
            return; // an invoice at zero moves no account
        }
        Account customers = accounts.customers();
        String auxNumber = auxNumber(d.buyerId());
        String auxLabel = auxLabel(d.buyerId(), d.buyerName());
        // the customer takes the whole total; the other side is rounded per account and any cent of rounding
        // left goes to the largest revenue account, so the entry balances whatever the lines' decimals
        List<Line> others = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (var e : d.revenue().entrySet()) {
            BigDecimal a = Amounts.rounded(e.getValue());
            others.add(side(e.getKey(), a, d.creditNote()));
            sum = sum.add(a);
        }
        for (var e : d.vat().entrySet()) {
            BigDecimal a = Amounts.rounded(e.getValue());
            others.add(side(e.getKey(), a, d.creditNote()));
            sum = sum.add(a);
        }
        BigDecimal gap = total.subtract(sum);
        if (gap.signum() != 0) {
            others.add(side(
                    d.revenue().isEmpty() ? accounts.revenueFor(AccountingSettings.OTHER) : largest(d),
                    gap,
                    d.creditNote()));
        }
        String letter = "";
        LocalDate paidOn =
                d.paidAt() == null ? null : d.paidAt().toInstant().atZone(zone).toLocalDate();
        boolean settled = paidOn != null && d.paymentMethod() != null;
        if (settled) {
            letters++;
            letter = letterCode(letters);
        } else if (!d.creditNote()
                && paidLater.getOrDefault(d.id(), BigDecimal.ZERO).compareTo(total) >= 0) {
            // paid in full after issue, within the year: lettered with its payments
            letters++;
            letter = letterCode(letters);
            lettered.put(d.id(), letter);
            paidOn = lastPaid.get(d.id());
        }
        String label = (d.creditNote()
                        ? "Avoir " + d.number() + (d.originalNumber() == null ? "" : " sur " + d.originalNumber())
                        : "Facture " + d.number())
                + (d.buyerName() == null ? "" : " " + d.buyerName());
        List<Line> lines = new ArrayList<>();
        lines.add(
                d.creditNote()
                        ? new Line(customers, auxNumber, auxLabel, BigDecimal.ZERO, total)
                        : new Line(customers, auxNumber, auxLabel, total, BigDecimal.ZERO));
        lines.addAll(merge(others));
        entry(accounts.sales(), d.number(), d.issueDate(), d.currency(), d.issueDate(), label, lines, letter, paidOn);
        if (settled) {
            boolean cash = isCash(d.paymentMethod());
            Account money = cash ? accounts.cashAccountLabelled() : accounts.bankAccountLabelled();
            Journal journal = cash ? accounts.cash() : accounts.bank();
            List<Line> settlement = d.creditNote()
                    ? List.of(
                            new Line(customers, auxNumber, auxLabel, total, BigDecimal.ZERO),
                            new Line(money, "", "", BigDecimal.ZERO, total))
                    : List.of(
                            new Line(money, "", "", total, BigDecimal.ZERO),
                            new Line(customers, auxNumber, auxLabel, BigDecimal.ZERO, total));
            String what =
                    (d.creditNote() ? "Remboursement " : "Règlement ") + d.number() + " (" + d.paymentMethod() + ")";
            entry(journal, d.number(), d.issueDate(), d.currency(), paidOn, what, settlement, letter, paidOn);
        }
    }

    private static Line side(Account account, BigDecimal amount, boolean creditNote) {
        // revenue and VAT are credits on an invoice; a negative amount (a discount) or a credit note turns them
        boolean credit = (amount.signum() >= 0) != creditNote;
        BigDecimal a = amount.abs();
        return credit ? new Line(account, "", "", BigDecimal.ZERO, a) : new Line(account, "", "", a, BigDecimal.ZERO);
    }

    /** One line per account: the net of its debits and credits. */
    private static List<Line> merge(List<Line> lines) {
        Map<Account, BigDecimal> net = new LinkedHashMap<>();
        for (Line l : lines) {
            net.merge(l.account(), l.credit().subtract(l.debit()), BigDecimal::add);
        }
        List<Line> merged = new ArrayList<>();
        net.forEach((account, n) -> {
            if (n.signum() > 0) {
                merged.add(new Line(account, "", "", BigDecimal.ZERO, n));
            } else if (n.signum() < 0) {
                merged.add(new Line(account, "", "", n.negate(), BigDecimal.ZERO));
            }
        });
        return merged;
    }

    private static Account largest(Doc d) {
        return d.revenue().entrySet().stream()
                .max((a, b) -> a.getValue().abs().compareTo(b.getValue().abs()))
                .orElseThrow()
                .getKey();
    }

    private static boolean isCash(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return m.contains("CASH") || m.contains("ESPECES") || m.contains("ESPÈCES");
    }

    private void entry(
            Journal journal,
            String pieceRef,
            LocalDate pieceDate,
            String currency,
            LocalDate date,
            String label,
            List<Line> lines,
            String letter,
            LocalDate letteredOn)
            throws IOException {
        entries++;
        String number = Long.toString(entries);
        String day = date.format(DAY);
        String pieceDay = pieceDate.format(DAY);
        for (Line l : lines) {
            boolean customer = l.account().equals(accounts.customers());
            out.write(clean(journal.code()));
            out.write('|');
            out.write(clean(journal.label()));
            out.write('|');
            out.write(number);
            out.write('|');
            out.write(day);
            out.write('|');
            out.write(clean(l.account().number()));
            out.write('|');
            out.write(clean(l.account().label()));
            out.write('|');
            out.write(l.auxNumber());
            out.write('|');
            out.write(l.auxLabel());
            out.write('|');
            out.write(clean(pieceRef));
            out.write('|');
            out.write(pieceDay);
            out.write('|');
            out.write(clean(label));
            out.write('|');
            out.write(Amounts.cents(l.debit()));
            out.write('|');
            out.write(Amounts.cents(l.credit()));
            out.write('|');
            out.write(customer ? letter : "");
            out.write('|');
            out.write(customer && !letter.isEmpty() ? letteredOn.format(DAY) : "");
            out.write('|');
            out.write(day);
            out.write('|');
            // amounts are in the place's currency (the euro); a foreign currency is not converted
            out.write("EUR".equals(currency) ? "" : Amounts.cents(l.debit().add(l.credit())));
            out.write('|');
            out.write("EUR".equals(currency) ? "" : currency);
            out.write("\r\n");
        }
    }

    /** A lettering code: {@code AAA}, {@code AAB}, ... (letters only, as accounting software expect). */
    static String letterCode(long n) {
        StringBuilder s = new StringBuilder();
        long v = n - 1;
        for (int i = 0; i < 3 || v > 0; i++) {
            s.append((char) ('A' + (v % 26)));
            v /= 26;
        }
        return s.reverse().toString();
    }

    /** A text cell without the separator and line breaks. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('|', '/')
                .replace('\r', ' ')
                .replace('\n', ' ')
                .replace('\t', ' ')
                .strip();
    }
}
