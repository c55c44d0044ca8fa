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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Invitations;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Pages;

/** The people of a place and their roles, for its managers (and network admins, to appoint the first manager). */
@Path("/{place}/members")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(value = Role.MANAGER, networkAdmin = true)
public class MembersPages {

    private final PeopleService people;
    private final PersonDirectory directory;
    private final Pages pages;
    private final Template members;
    private final Invitations invitations;
    private final Caller caller;

    MembersPages(
            PeopleService people,
            PersonDirectory directory,
            Pages pages,
            @Location("core/members.html") Template members,
            Invitations invitations,
            Caller caller) {
        this.people = people;
        this.directory = directory;
        this.pages = pages;
        this.members = members;
        this.invitations = invitations;
        this.caller = caller;
    }

    @GET
    public TemplateInstance list(
            @PathParam("place") String place,
            @QueryParam("invited") String invited,
            @QueryParam("delivery") String delivery) {
        return page(null, null)
                .data("invited", invited)
                .data(
                        "invitedByKeycloak",
                        Invitations.Delivery.KEYCLOAK_ACTIONS.name().equals(delivery));
    }

    /**
     * Invites someone by e-mail with one role; the list then says who was invited. A refusal (an invalid
     * address, Keycloak out of reach) shows the form again with what was typed.
     */
    @POST
    @Path("invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(
            @PathParam("place") String place,
            @RestForm String email,
            @RestForm String displayName,
            @RestForm String role) {
        try {
            String address = email == null ? "" : email.strip();
            if (!address.matches("[^@\\s]+@[^@\\s]+") || address.length() > 254) {
                throw DomainException.invalid("person.email-invalid", Map.of("email", address));
            }
            String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
            if (name != null && name.length() > 120) {
                name = name.substring(0, 120);
            }
            var invited = invitations.invite(caller.requirePerson(), address, name, chosenRole(role));
            return Pages.redirect("/" + place + "/members?invited="
                    + java.net.URLEncoder.encode(invited.email(), java.nio.charset.StandardCharsets.UTF_8)
                    + "&delivery=" + invited.delivery());
        } catch (DomainException refused) {
            return pages.refused(
                    refused,
                    error -> page(null, null)
                            .data("inviteError", error)
                            .data("inviteEmail", email)
                            .data("inviteName", displayName));
        }
    }

    private static Role chosenRole(String role) {
        try {
            return role == null || role.isBlank() ? Role.MEMBER : Role.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            return Role.MEMBER;
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setRoles(@PathParam("place") String place, @RestForm String email, @RestForm List<String> roles) {
        try {
            var account = directory
                    .byEmail(email == null ? "" : email)
                    .orElseThrow(
                            () -> DomainException.notFound("person.not-found", Map.of("id", String.valueOf(email))));
            people.setRoles(account.id(), chosen(roles));
            return Pages.redirect("/" + place + "/members");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(error, email));
        }
    }

    private TemplateInstance page(String error, String email) {
        return pages.page(members)
                .data("members", people.membersHere(0, 500).items())
                .data("allRoles", EnumSet.allOf(Role.class))
                .data("error", error)
                .data("email", email)
                .data("invited", null)
                .data("invitedByKeycloak", false)
                .data("inviteError", null)
                .data("inviteEmail", null)
                .data("inviteName", null);
    }

    private static Set<Role> chosen(List<String> roles) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            for (String role : roles) {
                try {
                    chosen.add(Role.valueOf(role));
                } catch (IllegalArgumentException unknown) {
                    // a tampered form: an unknown role is ignored
                }
            }
        }
        return chosen;
    }
}
