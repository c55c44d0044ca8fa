package org.tierslieux.core.web;

import io.quarkus.qute.TemplateData;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tierslieux.core.i18n.Messages;
import org.tierslieux.core.i18n.RequestLocale;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;

/** The page's view of the request: texts in the caller's language, who is signed in, the place, the switcher. */
@RequestScoped
@TemplateData
public class Ui {

    @Inject
    Messages messages;

    @Inject
    RequestLocale requestLocale;

    @Inject
    Caller caller;

    @Inject
    PlaceContext placeContext;

    @Inject
    PersonDirectory directory;

    @Inject
    HttpServerRequest request;

    private List<PersonDirectory.PlaceRoles> myPlaces;

    public Locale locale() {
        return requestLocale.get();
    }

    public String lang() {
        return locale().getLanguage();
    }

    public String t(String key) {
        return messages.get(locale(), key);
    }

    /** The label of a code: {@code label('resource.kind.', 'MACHINE')} reads {@code resource.kind.MACHINE}. */
    public String label(String prefix, Object code) {
        return t(prefix + code);
    }

    public String t(String key, String name, Object value) {
        return messages.get(locale(), key, Map.of(name, value));
    }

    /** The message of a refusal, in the caller's language, with its arguments filled in. */
    public String explain(org.tierslieux.core.error.DomainException refusal) {
        return messages.get(locale(), refusal.code(), refusal.arguments());
    }

    public boolean signedIn() {
        return caller.person().isPresent();
    }

    public String userName() {
        return caller.name();
    }

    public boolean networkAdmin() {
        return caller.isNetworkAdmin();
    }

    public PlaceRef place() {
        return placeContext.current().orElse(null);
    }

    public boolean manager() {
        return caller.has(Role.MANAGER);
    }

    public boolean treasurer() {
        return caller.has(Role.TREASURER);
    }

    /** The places where the caller has a role, for the place switcher. */
    public List<PersonDirectory.PlaceRoles> myPlaces() {
        if (myPlaces == null) {
            myPlaces = caller.person().map(directory::placesOf).orElse(List.of());
        }
        return myPlaces;
    }

    /** The current path, for the language switcher to come back to. */
    public String here() {
        return request.uri();
    }

    /** {@link #here()}, ready to go in a query string. */
    public String hereEncoded() {
        return java.net.URLEncoder.encode(here(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
