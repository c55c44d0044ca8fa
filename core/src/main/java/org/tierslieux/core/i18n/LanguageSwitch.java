package org.tierslieux.core.i18n;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.tierslieux.core.people.Access;

/** The language switcher: remembers the choice in a cookie and goes back to the page. */
@Path("/lang/{code}")
@Access.Public
public class LanguageSwitch {

    private final org.tierslieux.core.people.Caller caller;
    private final org.tierslieux.core.people.PersonDirectory people;

    LanguageSwitch(org.tierslieux.core.people.Caller caller, org.tierslieux.core.people.PersonDirectory people) {
        this.caller = caller;
        this.people = people;
    }

    @GET
    public Response switchTo(@PathParam("code") String code, @QueryParam("back") String back) {
        Locale chosen = Messages.supported(Locale.forLanguageTag(code));
        // signed in: mails follow the choice too
        caller.person().ifPresent(person -> people.rememberLocale(person, chosen));
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back
                : "/network";
        NewCookie cookie = new NewCookie.Builder(RequestLocale.COOKIE)
                .value(chosen.getLanguage())
                .path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        URI location;
        try {
            location = URI.create(target);
        } catch (IllegalArgumentException malformed) {
            location = URI.create("/network");
        }
        return Response.seeOther(location).cookie(cookie).build();
    }
}
