package org.tierslieux.billing.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.billing.export.AccountingSettings.Account;
import org.tierslieux.billing.export.AccountingSettings.Journal;
import org.tierslieux.core.tenancy.PlaceContext;

/** Reads and replaces the current place's accounts (tables {@code accounting_settings}, {@code accounting_account}). */
@ApplicationScoped
public class AccountingSettingsService {

    private final EntityManager em;
    private final PlaceContext placeContext;

    AccountingSettingsService(EntityManager em, PlaceContext placeContext) {
        this.em = em;
        this.placeContext = placeContext;
    }

    /** The place's accounts, the defaults where it set none. */
    @Transactional
    public AccountingSettings current() {
        UUID place = placeContext.require().id().value();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select customers_account, bank_account, cash_account, sales_journal_code, sales_journal_label,"
                                + " bank_journal_code, bank_journal_label, cash_journal_code, cash_journal_label"
                                + " from accounting_settings where tenant_id = :p")
                .setParameter("p", place)
                .getResultList();
        AccountingSettings base = AccountingSettings.defaults();
        Map<String, Account> revenue = new LinkedHashMap<>();
        Map<String, Account> vat = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> accounts = em.createNativeQuery(
                        "select kind, key, account, label from accounting_account where tenant_id = :p order by kind, key")
                .setParameter("p", place)
                .getResultList();
        for (Object[] a : accounts) {
            Account account = new Account((String) a[2], (String) a[3]);
            if ("REVENUE".equals(a[0])) {
                revenue.put((String) a[1], account);
            } else {
                vat.put((String) a[1], account);
            }
        }
        if (rows.isEmpty()) {
            return new AccountingSettings(
                    base.customersAccount(),
                    base.bankAccount(),
                    base.cashAccount(),
                    base.sales(),
                    base.bank(),
                    base.cash(),
                    revenue,
                    vat);
        }
        Object[] r = rows.get(0);
        return new AccountingSettings(
                (String) r[0],
                (String) r[1],
                (String) r[2],
                new Journal((String) r[3], (String) r[4]),
                new Journal((String) r[5], (String) r[6]),
                new Journal((String) r[7], (String) r[8]),
                revenue,
                vat);
    }

    /** Replaces the place's accounts (already checked by the record); the next export uses them. */
    @Transactional
    public AccountingSettings replace(AccountingSettings settings) {
        UUID place = placeContext.require().id().value();
        em.createNativeQuery(
                        "insert into accounting_settings (tenant_id, customers_account, bank_account, cash_account,"
                                + " sales_journal_code, sales_journal_label, bank_journal_code, bank_journal_label,"
                                + " cash_journal_code, cash_journal_label) values (:p, :c, :b, :k, :sc, :sl, :bc, :bl, :kc, :kl)"
                                + " on conflict (tenant_id) do update set customers_account = excluded.customers_account,"
                                + " bank_account = excluded.bank_account, cash_account = excluded.cash_account,"
                                + " sales_journal_code = excluded.sales_journal_code,"
                                + " sales_journal_label = excluded.sales_journal_label,"
                                + " bank_journal_code = excluded.bank_journal_code,"
                                + " bank_journal_label = excluded.bank_journal_label,"
                                + " cash_journal_code = excluded.cash_journal_code,"
                                + " cash_journal_label = excluded.cash_journal_label,"
                                + " version = accounting_settings.version + 1")
                .setParameter("p", place)
                .setParameter("c", settings.customersAccount())
                .setParameter("b", settings.bankAccount())
                .setParameter("k", settings.cashAccount())
                .setParameter("sc", settings.sales().code())
                .setParameter("sl", settings.sales().label())
                .setParameter("bc", settings.bank().code())
                .setParameter("bl", settings.bank().label())
                .setParameter("kc", settings.cash().code())
                .setParameter("kl", settings.cash().label())
                .executeUpdate();
        em.createNativeQuery("delete from accounting_account where tenant_id = :p")
                .setParameter("p", place)
                .executeUpdate();
        settings.revenue().forEach((category, account) -> insert(place, "REVENUE", category, account));
        settings.vat().forEach((key, account) -> insert(place, "VAT", key, account));
        return current();
    }

    private void insert(UUID place, String kind, String key, Account account) {
        em.createNativeQuery("insert into accounting_account (tenant_id, kind, key, account, label)"
                        + " values (:p, :kind, :key, :account, :label)")
                .setParameter("p", place)
                .setParameter("kind", kind)
                .setParameter("key", key)
                .setParameter("account", account.number())
                .setParameter("label", account.label())
                .executeUpdate();
    }
}
