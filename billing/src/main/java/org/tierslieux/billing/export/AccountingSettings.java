package org.tierslieux.billing.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * A place's accounts for the exports: customers (411), bank (512), cash (53), the journals, the revenue account
 * per category of what was sold and the VAT collected account per rate. Checks itself: an account is digits and
 * capital letters of the right class (revenue 7, VAT 4457, customers 41, bank 51, cash 53), a journal code is one
 * to six capital letters or digits, no text holds the FEC's separator.
 */
public record AccountingSettings(
        String customersAccount,
        String bankAccount,
        String cashAccount,
        Journal sales,
        Journal bank,
        Journal cash,
        Map<String, Account> revenue,
        Map<String, Account> vat) {

    /** A journal: its code (the FEC's JournalCode) and label. */
    public record Journal(String code, String label) {}

    /** An account number and its label (the FEC's CompteNum and CompteLib). */
    public record Account(String number, String label) {}

    /** The category a line falls back on when its own has no account. */
    public static final String OTHER = "OTHER";

    /** The VAT keys of document lines that carry VAT ({@code EXEMPT} has no VAT account). */
    public static final List<String> VAT_KEYS = List.of("20", "10", "5.5", "2.1");

    private static final Map<String, Account> DEFAULT_REVENUE = defaultRevenue();
    private static final Map<String, Account> DEFAULT_VAT = defaultVat();

    public AccountingSettings {
        customersAccount = account("customersAccount", customersAccount, "41");
        bankAccount = account("bankAccount", bankAccount, "51");
        cashAccount = account("cashAccount", cashAccount, "53");
        sales = journal("sales", sales);
        bank = journal("bank", bank);
        cash = journal("cash", cash);
        Map<String, Account> r = new LinkedHashMap<>(DEFAULT_REVENUE);
        if (revenue != null) {
            revenue.forEach((category, account) -> {
                if (category == null || !category.matches("[A-Z][A-Z0-9_]{0,29}")) {
                    throw DomainException.invalid(
                            "export.category-invalid", Map.of("category", String.valueOf(category)));
                }
                r.put(category, checked("revenue." + category, account, "7"));
            });
        }
        Map<String, Account> v = new LinkedHashMap<>(DEFAULT_VAT);
        if (vat != null) {
            vat.forEach((key, account) -> {
                if (!VAT_KEYS.contains(key)) {
                    throw DomainException.invalid("export.vat-rate-invalid", Map.of("rate", String.valueOf(key)));
                }
                v.put(key, checked("vat." + key, account, "4457"));
            });
        }
        revenue = Collections.unmodifiableMap(r);
        vat = Collections.unmodifiableMap(v);
    }

    /** The accounts of a place that never changed them. */
    public static AccountingSettings defaults() {
        return new AccountingSettings(
                "411000",
                "512000",
                "530000",
                new Journal("VE", "Journal des ventes"),
                new Journal("BQ", "Banque"),
                new Journal("CA", "Caisse"),
                Map.of(),
                Map.of());
    }

    /** The revenue account of a line's category; an unknown category goes to {@link #OTHER}'s. */
    public Account revenueFor(String category) {
        Account account = revenue.get(category);
        return account != null ? account : revenue.get(OTHER);
    }

    /** The VAT collected account of a rate key ({@code 20}, {@code 5.5}, ...), null for {@code EXEMPT}. */
    public Account vatFor(String vatKey) {
        return vat.get(vatKey);
    }

    public Account customers() {
        return new Account(customersAccount, "Clients");
    }

    public Account bankAccountLabelled() {
        return new Account(bankAccount, "Banque");
    }

    public Account cashAccountLabelled() {
        return new Account(cashAccount, "Caisse");
    }

    private static Map<String, Account> defaultRevenue() {
        Map<String, Account> m = new LinkedHashMap<>();
        Account desks = new Account("706100", "Locations de postes de travail");
        Account rooms = new Account("706200", "Locations de salles et d'espaces");
        Account events = new Account("706400", "Formations et événements");
        m.put("DESK", desks);
        m.put("DESK_POOL", desks);
        m.put("ROOM", rooms);
        m.put("SPACE", rooms);
        m.put("MACHINE", new Account("706300", "Utilisation des machines"));
        m.put("TRAINING", events);
        m.put("EVENT", events);
        m.put("SUBSCRIPTION", new Account("706500", "Abonnements"));
        m.put("PACK", new Account("706600", "Carnets et forfaits"));
        m.put(OTHER, new Account("706000", "Prestations de services"));
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Account> defaultVat() {
        Map<String, Account> m = new LinkedHashMap<>();
        m.put("20", new Account("445711", "TVA collectée 20 %"));
        m.put("10", new Account("445712", "TVA collectée 10 %"));
        m.put("5.5", new Account("445713", "TVA collectée 5,5 %"));
        m.put("2.1", new Account("445714", "TVA collectée 2,1 %"));
        return Collections.unmodifiableMap(m);
    }

    private static Account checked(String field, Account account, String accountClass) {
        if (account == null) {
            throw DomainException.invalid(
                    "export.account-invalid", Map.of("field", field, "account", "", "class", accountClass));
        }
        return new Account(account(field, account.number(), accountClass), label(field, account.label()));
    }

    private static String account(String field, String number, String accountClass) {
        String n = number == null ? "" : number.strip().toUpperCase(java.util.Locale.ROOT);
        if (!n.matches("[0-9][0-9A-Z]{2,19}") || !n.startsWith(accountClass)) {
            throw DomainException.invalid(
                    "export.account-invalid", Map.of("field", field, "account", n, "class", accountClass));
        }
        return n;
    }

    private static Journal journal(String field, Journal journal) {
        if (journal == null || journal.code() == null || !journal.code().strip().matches("[A-Z0-9]{1,6}")) {
            throw DomainException.invalid(
                    "export.journal-invalid",
                    Map.of("field", field, "code", journal == null ? "" : String.valueOf(journal.code())));
        }
        return new Journal(journal.code().strip(), label(field, journal.label()));
    }

    private static String label(String field, String label) {
        String l = label == null ? "" : label.strip();
        if (l.isEmpty() || l.length() > 60 || l.chars().anyMatch(c -> c == '|' || c < 0x20)) {
            throw DomainException.invalid("export.label-invalid", Map.of("field", field));
        }
        return l;
    }
}
