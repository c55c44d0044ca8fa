package org.tierslieux.core.membership.web;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.membership.GroupService;
import org.tierslieux.core.membership.MemberGroup;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;

/** Member groups for managers: the place's groups, a form to add one, and each member's group. */
@Path("/{place}/manage/groups")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class GroupsPages {

    /** The members listed on the page, at most. */
    static final int MEMBERS_SHOWN = 500;

    /** A member and their group's code. */
    @TemplateData
    public record MemberRow(UUID personId, String name, String email, String group) {}

    @TemplateData
    public record Form(String code, String name) {}

    private final GroupService groups;
    private final PeopleService people;
    private final Pages pages;
    private final Template template;

    GroupsPages(
            GroupService groups,
            PeopleService people,
            Pages pages,
            @Location("core/manage-groups.html") Template template) {
        this.groups = groups;
        this.people = people;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place, @QueryParam("done") String done) {
        return page(new Form("", ""), null).data("done", "saved".equals(done) ? done : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("place") String place, @RestForm String code, @RestForm String name) {
        try {
            groups.create(code, name);
            return Pages.redirect("/" + place + "/manage/groups?done=saved");
        } catch (DomainException refused) {
            return pages.refused(
                    refused, error -> page(new Form(code, name), error).data("done", null));
        }
    }

    @POST
    @Path("assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("place") String place, @RestForm String personId, @RestForm String group) {
        try {
            groups.assign(new PersonId(Forms.id(personId, "person.not-found")), group);
            return Pages.redirect("/" + place + "/manage/groups?done=saved");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(new Form("", ""), error).data("done", null));
        }
    }

    private TemplateInstance page(Form form, String error) {
        List<MemberGroup> all = groups.groups();
        Map<UUID, String> assigned = groups.assignments();
        List<MemberRow> members = people.membersHere(0, MEMBERS_SHOWN).items().stream()
                .map(m -> new MemberRow(
                        m.person().value(),
                        m.displayName(),
                        m.email(),
                        assigned.getOrDefault(m.person().value(), MemberGroup.STANDARD)))
                .toList();
        return pages.page(template)
                .data("groups", all)
                .data("members", members)
                .data("form", form)
                .data("error", error);
    }
}
