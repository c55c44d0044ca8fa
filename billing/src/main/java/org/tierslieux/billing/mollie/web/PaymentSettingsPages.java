package org.tierslieux.billing.mollie.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.billing.mollie.MollieAccounts;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Pages;

/** Managers and treasurers set, replace or remove the place's Mollie key; the page never shows the key. */
@Path("/{place}/manage/payment-settings")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace({Role.MANAGER, Role.TREASURER})
public class PaymentSettingsPages {

    private final MollieAccounts accounts;
    private final Pages pages;
    private final Template template;

    PaymentSettingsPages(
            MollieAccounts accounts, Pages pages, @Location("billing/manage-payment-settings.html") Template template) {
        this.accounts = accounts;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place, @QueryParam("done") String done) {
        return page(null).data("done", "saved".equals(done) || "removed".equals(done) ? done : "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("place") String place, @RestForm String apiKey) {
        try {
            accounts.set(apiKey);
            return Pages.redirect("/" + place + "/manage/payment-settings?done=saved");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(error).data("done", ""));
        }
    }

    @POST
    @Path("remove")
    public Response remove(@PathParam("place") String place) {
        accounts.remove();
        return Pages.redirect("/" + place + "/manage/payment-settings?done=removed");
    }

    private TemplateInstance page(String error) {
        return pages.page(template)
                .data("account", accounts.shown().orElse(null))
                .data("error", error);
    }
}
