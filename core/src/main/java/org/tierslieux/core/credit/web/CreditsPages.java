package org.tierslieux.core.credit.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.credit.CreditEntry;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.credit.Lot;
import org.tierslieux.core.credit.Pack;
import org.tierslieux.core.credit.PackService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.web.Pages;

/**
 * "My credits": what is left of each lot, the ledger's history, and the packs on sale. Buying asks first on a
 * page that shows the quote.
 */
@Path("/{place}/credits")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class CreditsPages {

    /** A lot with what it is for, in words. */
    @TemplateData
    public record LotLine(Lot lot, String kind, String resource, String left, String granted, boolean usable) {}

    @TemplateData
    public record EntryLine(CreditEntry entry, String quantity) {}

    @TemplateData
    public record PackLine(Pack pack, String kind, String resource, String quantity, String price) {}

    private final CreditLedger ledger;
    private final PackService packs;
    private final ResourceService resources;
    private final Caller caller;
    private final Clock clock;
    private final Pages pages;
    private final Template list;
    private final Template buyTemplate;

    CreditsPages(
            CreditLedger ledger,
            PackService packs,
            ResourceService resources,
            Caller caller,
            Clock clock,
            Pages pages,
            @Location("core/credits.html") Template list,
            @Location("core/buy-pack.html") Template buyTemplate) {
        this.ledger = ledger;
        this.packs = packs;
        this.resources = resources;
        this.caller = caller;
        this.clock = clock;
        this.pages = pages;
        this.list = list;
        this.buyTemplate = buyTemplate;
    }

    @GET
    public TemplateInstance mine(@PathParam("place") String place, @QueryParam("done") String done) {
        return listPage(null).data("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
    }

    @GET
    @Path("packs/{id}/buy")
    public TemplateInstance askToBuy(@PathParam("place") String place, @PathParam("id") UUID id) {
        return buyPage(id, null);
    }

    @POST
    @Path("packs/{id}/buy")
    public Response buy(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            packs.buy(caller.requirePerson(), id);
            return Pages.redirect("/" + place + "/credits?done=bought");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> buyPage(id, error));
        }
    }

    private TemplateInstance listPage(String error) {
        PersonId me = caller.requirePerson();
        Map<UUID, String> names = resources.names();
        Instant now = clock.instant();
        List<LotLine> lots = ledger.lots(me).stream()
                .map(l -> new LotLine(
                        l,
                        l.scope().kind(),
                        resourceName(l.scope(), names),
                        l.left().stripTrailingZeros().toPlainString(),
                        l.granted().stripTrailingZeros().toPlainString(),
                        l.left().signum() > 0 && now.isBefore(l.expiresAt())))
                .toList();
        List<EntryLine> history = ledger.history(me, 0, 50).stream()
                .map(e -> new EntryLine(
                        e,
                        (e.quantity().signum() > 0 ? "+" : "")
                                + e.quantity().stripTrailingZeros().toPlainString()))
                .toList();
        return pages.page(list)
                .data("lots", lots)
                .data("history", history)
                .data(
                        "packs",
                        packs.list(false).stream().map(p -> pack(p, names)).toList())
                .data("error", error)
                .data("done", null);
    }

    private TemplateInstance buyPage(UUID id, String error) {
        Pack pack = packs.find(id);
        return pages.page(buyTemplate)
                .data("line", pack(pack, resources.names()))
                .data("quote", QuoteBox.of(packs.quote(caller.requirePerson(), id)))
                .data("error", error);
    }

    private static PackLine pack(Pack p, Map<UUID, String> names) {
        return new PackLine(
                p,
                p.scope().kind(),
                resourceName(p.scope(), names),
                p.quantity().stripTrailingZeros().toPlainString(),
                p.price().toString());
    }

    /** The name of the resource a scope names, or null for a kind (pages translate kinds with resource.kind.*). */
    public static String resourceName(Scope scope, Map<UUID, String> names) {
        return scope.isResource() ? names.getOrDefault(scope.resource().value(), "?") : null;
    }
}
