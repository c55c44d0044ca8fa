package org.tierslieux.core.plan.web;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.credit.Pack;
import org.tierslieux.core.credit.PackService;
import org.tierslieux.core.credit.PackTerms;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.plan.IncludedCredit;
import org.tierslieux.core.plan.PlanDraft;
import org.tierslieux.core.plan.PlanPeriod;
import org.tierslieux.core.plan.PlanService;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.resource.ResourceKinds;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;

/** Managers: the plans and packs of the place, offering new ones (one kind of credit each), archiving. */
@Path("/{place}/manage/plans")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class ManagePlansPages {

    @TemplateData
    public record PackLine(Pack pack, String quantity, String price, String kind, String resource) {}

    private final PlanService plans;
    private final PackService packs;
    private final ResourceService resources;
    private final ResourceKinds kinds;
    private final PlaceContext placeContext;
    private final Pages pages;
    private final Template template;

    ManagePlansPages(
            PlanService plans,
            PackService packs,
            ResourceService resources,
            ResourceKinds kinds,
            PlaceContext placeContext,
            Pages pages,
            @Location("core/manage-plans.html") Template template) {
        this.plans = plans;
        this.packs = packs;
        this.resources = resources;
        this.kinds = kinds;
        this.placeContext = placeContext;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place) {
        return page(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createPlan(
            @PathParam("place") String place,
            @RestForm String name,
            @RestForm String period,
            @RestForm String price,
            @RestForm String vat,
            @RestForm String commitment,
            @RestForm String kind,
            @RestForm String unit,
            @RestForm String quantity,
            @RestForm String carryOver,
            @RestForm String discount) {
        try {
            List<IncludedCredit> credits = Forms.isBlank(kind) || Forms.isBlank(quantity)
                    ? List.of()
                    : List.of(
                            new IncludedCredit(Scope.ofKind(kinds.byCode(kind).code()), unit(unit), decimal(quantity)));
            plans.create(new PlanDraft(
                    name,
                    null,
                    Forms.isBlank(period) ? null : PlanPeriod.valueOf(period),
                    money(price),
                    VatRate.of(vat),
                    Forms.isBlank(commitment) ? 0 : Forms.number(commitment, "commitment", 0, 120),
                    credits,
                    carryOver != null,
                    Forms.isBlank(discount) ? BigDecimal.ZERO : decimal(discount)));
            return Pages.redirect("/" + place + "/manage/plans");
        } catch (DomainException refused) {
            return pages.refused(refused, this::page);
        } catch (IllegalArgumentException wrong) {
            return pages.refused(DomainException.invalid("plan.period-missing", Map.of()), this::page);
        }
    }

    @POST
    @Path("packs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createPack(
            @PathParam("place") String place,
            @RestForm String name,
            @RestForm String kind,
            @RestForm String unit,
            @RestForm String quantity,
            @RestForm String validityDays,
            @RestForm String validityMonths,
            @RestForm String price,
            @RestForm String vat,
            @RestForm String dayPass) {
        try {
            packs.create(new PackTerms(
                    name,
                    null,
                    Scope.ofKind(kinds.byCode(kind).code()),
                    unit(unit),
                    decimal(quantity),
                    Forms.isBlank(validityDays) ? null : Forms.number(validityDays, "validityDays", 1, 3660),
                    Forms.isBlank(validityMonths) ? null : Forms.number(validityMonths, "validityMonths", 1, 120),
                    money(price),
                    VatRate.of(vat),
                    dayPass != null));
            return Pages.redirect("/" + place + "/manage/plans");
        } catch (DomainException refused) {
            return pages.refused(refused, this::page);
        }
    }

    @POST
    @Path("{id}/archive")
    public Response archivePlan(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            plans.archive(id);
            return Pages.redirect("/" + place + "/manage/plans");
        } catch (DomainException refused) {
            return pages.refused(refused, this::page);
        }
    }

    @POST
    @Path("packs/{id}/archive")
    public Response archivePack(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            packs.archive(id);
            return Pages.redirect("/" + place + "/manage/plans");
        } catch (DomainException refused) {
            return pages.refused(refused, this::page);
        }
    }

    private TemplateInstance page(String error) {
        Map<UUID, String> names = resources.names();
        return pages.page(template)
                .data(
                        "offers",
                        plans.list(true).stream()
                                .map(o -> PlansPages.line(o, names, false))
                                .toList())
                .data(
                        "packs",
                        packs.list(true).stream()
                                .map(p -> new PackLine(
                                        p,
                                        p.quantity().stripTrailingZeros().toPlainString(),
                                        p.price().toString(),
                                        p.scope().kind(),
                                        org.tierslieux.core.credit.web.CreditsPages.resourceName(p.scope(), names)))
                                .toList())
                .data("kinds", kinds.all().stream().map(k -> k.code()).sorted().toList())
                .data("units", List.of(Unit.values()))
                .data("periods", List.of(PlanPeriod.values()))
                .data("error", error);
    }

    private Money money(String text) {
        try {
            return new Money(
                    new BigDecimal(text.strip().replace(',', '.')),
                    placeContext.require().currency());
        } catch (RuntimeException e) {
            throw DomainException.invalid("price.amount-invalid", Map.of());
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (RuntimeException e) {
            throw DomainException.invalid("credit.quantity-invalid", Map.of("step", "0.25"));
        }
    }

    private static Unit unit(String text) {
        try {
            return Unit.valueOf(text);
        } catch (RuntimeException e) {
            throw DomainException.invalid("credit.unit-missing", Map.of());
        }
    }
}
