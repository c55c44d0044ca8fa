package org.tierslieux.billing.export.api;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.billing.export.AccountingSettings;
import org.tierslieux.billing.export.AccountingSettings.Account;
import org.tierslieux.billing.export.AccountingSettings.Journal;
import org.tierslieux.billing.export.AccountingSettingsService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;

/** The place's accounts for the FEC: read and replace (treasurers). */
@Path("/api/v1/places/{place}/accounting-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exports")
@Access.InPlace(Role.TREASURER)
public class AccountingSettingsResource {

    /** A journal's code and label. */
    public record JournalBody(String code, String label) {}

    /** The revenue account of a category (a resource kind, SUBSCRIPTION, PACK or OTHER). */
    public record RevenueAccount(String category, String account, String label) {}

    /** The VAT collected account of a rate (`20`, `10`, `5.5`, `2.1`). */
    public record VatAccount(String rate, String account, String label) {}

    /**
     * The accounts. In a PUT, a missing field keeps the default, and a category or rate not listed keeps its
     * default account.
     */
    public record AccountingSettingsBody(
            String customersAccount,
            String bankAccount,
            String cashAccount,
            JournalBody salesJournal,
            JournalBody bankJournal,
            JournalBody cashJournal,
            List<RevenueAccount> revenueAccounts,
            List<VatAccount> vatAccounts) {}

    private final AccountingSettingsService settings;

    AccountingSettingsResource(AccountingSettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "The place's accounts for the exports (the defaults where none was set)")
    public AccountingSettingsBody current(@PathParam("place") String place) {
        return body(settings.current());
    }

    @PUT
    @Operation(
            summary = "Replace the place's accounts",
            description = "Revenue accounts start with 7, VAT accounts with 4457, customers with 41, bank with 51,"
                    + " cash with 53; journal codes are 1 to 6 capital letters or digits (422 otherwise).")
    public AccountingSettingsBody replace(@PathParam("place") String place, @NotNull AccountingSettingsBody body) {
        return body(settings.replace(settings(body)));
    }

    static AccountingSettings settings(AccountingSettingsBody body) {
        AccountingSettings d = AccountingSettings.defaults();
        Map<String, Account> revenue = new LinkedHashMap<>();
        if (body.revenueAccounts() != null) {
            for (RevenueAccount r : body.revenueAccounts()) {
                if (r == null) {
                    throw DomainException.invalid("export.category-invalid", Map.of("category", "null"));
                }
                revenue.put(r.category(), new Account(r.account(), r.label()));
            }
        }
        Map<String, Account> vat = new LinkedHashMap<>();
        if (body.vatAccounts() != null) {
            for (VatAccount v : body.vatAccounts()) {
                if (v == null) {
                    throw DomainException.invalid("export.vat-rate-invalid", Map.of("rate", "null"));
                }
                vat.put(v.rate(), new Account(v.account(), v.label()));
            }
        }
        return new AccountingSettings(
                or(body.customersAccount(), d.customersAccount()),
                or(body.bankAccount(), d.bankAccount()),
                or(body.cashAccount(), d.cashAccount()),
                journal(body.salesJournal(), d.sales()),
                journal(body.bankJournal(), d.bank()),
                journal(body.cashJournal(), d.cash()),
                revenue,
                vat);
    }

    static AccountingSettingsBody body(AccountingSettings s) {
        return new AccountingSettingsBody(
                s.customersAccount(),
                s.bankAccount(),
                s.cashAccount(),
                new JournalBody(s.sales().code(), s.sales().label()),
                new JournalBody(s.bank().code(), s.bank().label()),
                new JournalBody(s.cash().code(), s.cash().label()),
                s.revenue().entrySet().stream()
                        .map(e -> new RevenueAccount(
                                e.getKey(), e.getValue().number(), e.getValue().label()))
                        .toList(),
                s.vat().entrySet().stream()
                        .map(e -> new VatAccount(
                                e.getKey(), e.getValue().number(), e.getValue().label()))
                        .toList());
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static Journal journal(JournalBody body, Journal otherwise) {
        return body == null ? otherwise : new Journal(body.code(), body.label());
    }
}
