package org.tierslieux.billing.export.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tierslieux.billing.export.AccountingSettings;
import org.tierslieux.billing.export.AccountingSettings.Account;
import org.tierslieux.billing.export.AccountingSettings.Journal;
import org.tierslieux.billing.export.AccountingSettingsService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Pages;

/**
 * The place's accounts for the FEC, as one form: customers, bank, cash, the journals, the revenue account per
 * category and the VAT account per rate. Field names: {@code revenue.<CATEGORY>.account}, {@code
 * vat.<rate>.label}, and so on.
 */
@Path("/{place}/treasury/accounting")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.TREASURER)
public class AccountingPages {

    /** A row of the form: what it is for, its key, account number and label. */
    @TemplateData
    public record Row(String key, String account, String label) {}

    /** The form as typed or as stored. */
    @TemplateData
    public record AccountsForm(
            String customersAccount,
            String bankAccount,
            String cashAccount,
            Row sales,
            Row bank,
            Row cash,
            List<Row> revenue,
            List<Row> vat) {
        public List<Row> journals() {
            return List.of(sales, bank, cash);
        }
    }

    private final AccountingSettingsService settings;
    private final Pages pages;
    private final Template template;

    AccountingPages(
            AccountingSettingsService settings,
            Pages pages,
            @Location("billing/treasury-accounting.html") Template template) {
        this.settings = settings;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance page(@PathParam("place") String place, @QueryParam("done") String done) {
        return page(form(settings.current()), null).data("done", "saved".equals(done) ? done : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("place") String place, MultivaluedMap<String, String> fields) {
        AccountsForm typed = typed(fields);
        try {
            Map<String, Account> revenue = new LinkedHashMap<>();
            typed.revenue().forEach(r -> revenue.put(r.key(), new Account(r.account(), r.label())));
            Map<String, Account> vat = new LinkedHashMap<>();
            typed.vat().forEach(r -> vat.put(r.key(), new Account(r.account(), r.label())));
            settings.replace(new AccountingSettings(
                    typed.customersAccount(),
                    typed.bankAccount(),
                    typed.cashAccount(),
                    new Journal(typed.sales().account(), typed.sales().label()),
                    new Journal(typed.bank().account(), typed.bank().label()),
                    new Journal(typed.cash().account(), typed.cash().label()),
                    revenue,
                    vat));
            return Pages.redirect("/" + place + "/treasury/accounting?done=saved");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(typed, error).data("done", null));
        }
    }

    private TemplateInstance page(AccountsForm form, String error) {
        return pages.page(template).data("form", form).data("error", error);
    }

    private static AccountsForm form(AccountingSettings s) {
        List<Row> revenue = new ArrayList<>();
        s.revenue().forEach((k, a) -> revenue.add(new Row(k, a.number(), a.label())));
        List<Row> vat = new ArrayList<>();
        s.vat().forEach((k, a) -> vat.add(new Row(k, a.number(), a.label())));
        return new AccountsForm(
                s.customersAccount(),
                s.bankAccount(),
                s.cashAccount(),
                new Row("sales", s.sales().code(), s.sales().label()),
                new Row("bank", s.bank().code(), s.bank().label()),
                new Row("cash", s.cash().code(), s.cash().label()),
                revenue,
                vat);
    }

    /** What was posted, over the stored form (so a field missing from the post keeps its value). */
    private AccountsForm typed(MultivaluedMap<String, String> f) {
        AccountsForm stored = form(settings.current());
        List<Row> revenue = new ArrayList<>();
        for (Row r : stored.revenue()) {
            revenue.add(row(f, "revenue." + r.key(), r));
        }
        List<Row> vat = new ArrayList<>();
        for (Row r : stored.vat()) {
            vat.add(row(f, "vat." + r.key(), r));
        }
        return new AccountsForm(
                value(f, "customersAccount", stored.customersAccount()),
                value(f, "bankAccount", stored.bankAccount()),
                value(f, "cashAccount", stored.cashAccount()),
                row(f, "journal.sales", stored.sales()),
                row(f, "journal.bank", stored.bank()),
                row(f, "journal.cash", stored.cash()),
                revenue,
                vat);
    }

    private static Row row(MultivaluedMap<String, String> f, String prefix, Row stored) {
        String account = value(f, prefix + ".account", stored.account());
        String label = value(f, prefix + ".label", stored.label());
        return new Row(stored.key(), account, label);
    }

    private static String value(MultivaluedMap<String, String> f, String name, String otherwise) {
        String v = f.getFirst(name);
        return v == null ? otherwise : v.strip();
    }
}
