package org.tierslieux.core.web;

import io.quarkus.qute.TemplateData;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

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

    /** Anyone with a role in the place of the page (managers and treasurers are members too). */
    public boolean member() {
        return caller.isMemberHere();
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

    /** A day in the caller's language, for headings: "Mardi 9 décembre" (an instant is read in the place's zone). */
    public String day(Object value) {
        LocalDate date = date(value);
        if (date == null) {
            return "";
        }
        String text = DateTimeFormatter.ofPattern("EEEE d MMMM", locale()).format(date);
        return text.substring(0, 1).toUpperCase(locale()) + text.substring(1);
    }

    /** A short day for lists: "mar. 9 déc. 2026" or "Tue 9 Dec 2026". */
    public String shortDay(Object value) {
        LocalDate date = date(value);
        return date == null
                ? ""
                : DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale()).format(date);
    }

    /** The time of an instant in the place's zone: "09:00". */
    public String time(Instant instant) {
        return instant == null ? "" : HOURS.format(instant.atZone(zone()));
    }

    /** An instant in the place's zone, day and time: "mar. 9 déc. 2026 09:00". */
    public String dateTime(Instant instant) {
        return instant == null ? "" : shortDay(instant) + " " + time(instant);
    }

    /** A period in the place's zone: "mar. 9 déc. 2026, 09:00 – 13:00", the end's day too when it differs. */
    public String period(Instant start, Instant end) {
        if (start == null || end == null) {
            return "";
        }
        ZoneId zone = zone();
        boolean sameDay = start.atZone(zone)
                .toLocalDate()
                .equals(end.minusNanos(1).atZone(zone).toLocalDate());
        return shortDay(start) + ", " + time(start) + " – " + (sameDay ? time(end) : dateTime(end));
    }

    private ZoneId zone() {
        PlaceRef place = place();
        return place == null ? ZoneId.of("Europe/Paris") : place.zone();
    }

    private LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case Instant i -> i.atZone(zone()).toLocalDate();
            default -> LocalDate.parse(value.toString());
        };
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
