package org.tierslieux.core.pricing.web;

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
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.membership.GroupService;
import org.tierslieux.core.membership.MemberGroup;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.Price;
import org.tierslieux.core.pricing.PriceList;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceKinds;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.core.web.Ui;

/**
 * The price list for managers: the place's VAT mode, every price with its scope, unit, group, VAT and validity,
 * a form to add one and a button to remove one. Refusals (an absurd amount, an overlap) come back on the page.
 */
@Path("/{place}/manage/prices")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class PricesPages {

    /** A price as listed. */
    @TemplateData
    public record Row(
            UUID id, String scope, String unit, String group, String amount, String vat, String from, String until) {}

    /** An option of a select, chosen or not. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {}

    /** The add form as typed. */
    @TemplateData
    public record Form(
            String scope,
            String unit,
            String group,
            String amount,
            String vatRate,
            String validFrom,
            String validUntil) {
        static final Form EMPTY = new Form("", "HOUR", "", "", "20", "", "");
    }

    private final PriceList prices;
    private final GroupService groups;
    private final ResourceService resources;
    private final ResourceKinds kinds;
    private final Ui ui;
    private final Pages pages;
    private final Template template;

    PricesPages(
            PriceList prices,
            GroupService groups,
            ResourceService resources,
            ResourceKinds kinds,
            Ui ui,
            Pages pages,
            @Location("core/manage-prices.html") Template template) {
        this.prices = prices;
        this.groups = groups;
        this.resources = resources;
        this.kinds = kinds;
        this.ui = ui;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place, @QueryParam("done") String done) {
        return page(Form.EMPTY, null).data("done", "saved".equals(done) || "removed".equals(done) ? done : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("place") String place,
            @RestForm String scope,
            @RestForm String unit,
            @RestForm String group,
            @RestForm String amount,
            @RestForm String vatRate,
            @RestForm String validFrom,
            @RestForm String validUntil) {
        Form typed = new Form(scope, unit, group, amount, vatRate, validFrom, validUntil);
        try {
            prices.add(new PriceList.Entry(
                    scope(scope),
                    unit(unit),
                    Forms.isBlank(group) ? null : groups.find(group).id(),
                    null,
                    amount(amount),
                    VatRate.of(vatRate),
                    Forms.date(validFrom, ui.t("prices.valid-from")),
                    Forms.date(validUntil, ui.t("prices.valid-until"))));
            return Pages.redirect("/" + place + "/manage/prices?done=saved");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(typed, error).data("done", null));
        }
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("place") String place, @RestForm String pricesIncludeVat) {
        prices.pricesIncludeVat(!"false".equals(pricesIncludeVat));
        return Pages.redirect("/" + place + "/manage/prices?done=saved");
    }

    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("place") String place, @PathParam("id") UUID id, @RestForm String validUntil) {
        try {
            prices.end(id, Forms.date(validUntil, ui.t("prices.valid-until")));
            return Pages.redirect("/" + place + "/manage/prices?done=saved");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(Form.EMPTY, error).data("done", null));
        }
    }

    @POST
    @Path("{id}/delete")
    public Response remove(@PathParam("place") String place, @PathParam("id") UUID id) {
        prices.remove(id);
        return Pages.redirect("/" + place + "/manage/prices?done=removed");
    }

    private TemplateInstance page(Form form, String error) {
        List<MemberGroup> all = groups.groups();
        Map<UUID, String> groupNames = all.stream().collect(Collectors.toMap(g -> g.id().value(), MemberGroup::name));
        List<Resource> active = resources.active();
        Map<UUID, String> resourceNames =
                active.stream().collect(Collectors.toMap(r -> r.id().value(), Resource::name));
        List<Row> rows = prices.prices(null).stream()
                .map(p -> row(p, groupNames, resourceNames))
                .toList();
        List<Option> scopes = new ArrayList<>();
        for (var kind : kinds.all()) {
            String value = "kind:" + kind.code();
            scopes.add(new Option(
                    value,
                    ui.t("prices.every") + " " + ui.label("resource.kind.", kind.code()),
                    value.equals(form.scope())));
        }
        for (Resource r : active) {
            String value = "resource:" + r.id();
            scopes.add(new Option(value, r.name(), value.equals(form.scope())));
        }
        List<Option> units = java.util.Arrays.stream(Unit.values())
                .map(u -> new Option(
                        u.name(), ui.label("unit.", u.name()), u.name().equals(form.unit())))
                .toList();
        List<Option> groupOptions = all.stream()
                .map(g -> new Option(g.code(), g.name(), g.code().equals(form.group())))
                .toList();
        List<Option> rates = VatRate.all().stream()
                .map(v -> new Option(v.code(), vatLabel(v), v.code().equals(form.vatRate())))
                .toList();
        return pages.page(template)
                .data("rows", rows)
                .data("includesVat", prices.pricesIncludeVat())
                .data("scopes", scopes)
                .data("units", units)
                .data("groups", groupOptions)
                .data("rates", rates)
                .data("form", form)
                .data("error", error);
    }

    private Row row(Price p, Map<UUID, String> groupNames, Map<UUID, String> resourceNames) {
        Scope s = p.scope();
        String scope = s.isResource()
                ? resourceNames.getOrDefault(s.resource().value(), s.resource().toString())
                : ui.t("prices.every") + " " + ui.label("resource.kind.", s.kind());
        BigDecimal a = p.amount().stripTrailingZeros();
        if (a.scale() < 2) {
            a = a.setScale(2);
        }
        return new Row(
                p.id(),
                scope,
                ui.label("unit.", p.unit().name()),
                p.group() == null
                        ? ui.t("prices.any-group")
                        : groupNames.get(p.group().value()),
                a.toPlainString() + " " + ui.place().currency().getCurrencyCode(),
                vatLabel(p.vat()),
                ui.day(p.validFrom()),
                p.validUntil() == null ? "…" : ui.day(p.validUntil()));
    }

    private String vatLabel(VatRate v) {
        return v.exempt() ? ui.t("prices.vat-exempt") : v.code() + " %";
    }

    private static Scope scope(String value) {
        String v = value == null ? "" : value.strip();
        if (v.startsWith("kind:") && v.length() > 5) {
            return Scope.ofKind(v.substring(5));
        }
        if (v.startsWith("resource:")) {
            return Scope.ofResource(new ResourceId(Forms.id(v.substring(9), "resource.not-found")));
        }
        throw DomainException.invalid("price.scope-invalid", Map.of());
    }

    private static Unit unit(String value) {
        try {
            return Unit.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("price.unit-unknown", Map.of("unit", String.valueOf(value)));
        }
    }

    private static BigDecimal amount(String value) {
        try {
            return new BigDecimal(
                    value == null ? "" : value.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(
                    "price.amount-invalid", Map.of("amount", String.valueOf(value), "max", "100000"));
        }
    }
}
