package org.tierslieux.core.people.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.i18n.Messages;
import org.tierslieux.core.i18n.RequestLocale;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Invitations;
import org.tierslieux.core.web.Pages;

/**
 * Identity mode {@code local}: the page an invitation e-mail links to, where the invited person chooses their
 * password. The link's secret is the only credential; it works once, until it expires.
 */
@Path("/invitations/{token}")
@Produces(MediaType.TEXT_HTML)
@Access.Public
public class InvitationPages {

    private final Invitations invitations;
    private final Pages pages;
    private final Template welcome;
    private final Messages messages;
    private final RequestLocale locale;

    InvitationPages(
            Invitations invitations,
            Pages pages,
            @Location("core/invitation.html") Template welcome,
            Messages messages,
            RequestLocale locale) {
        this.invitations = invitations;
        this.pages = pages;
        this.welcome = welcome;
        this.messages = messages;
        this.locale = locale;
    }

    @GET
    public TemplateInstance show(@PathParam("token") String token) {
        return form(token, invitations.pending(token), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("token") String token, @RestForm String password, @RestForm String repeat) {
        var pending = invitations.pending(token);
        try {
            if (password == null || !password.equals(repeat)) {
                throw DomainException.invalid("invitations.welcome.mismatch", Map.of());
            }
            invitations.accept(token, password);
            return Pages.redirect("/login?welcome=true");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> form(token, pending, error));
        }
    }

    private TemplateInstance form(String token, Invitations.Pending pending, String error) {
        return pages.page(welcome)
                .data("token", token)
                .data("pending", pending)
                .data(
                        "intro",
                        messages.get(
                                locale.get(),
                                "invitations.welcome.intro",
                                Map.of(
                                        "name", pending.displayName(),
                                        "place", pending.placeName(),
                                        "email", pending.email())))
                .data("error", error);
    }
}
