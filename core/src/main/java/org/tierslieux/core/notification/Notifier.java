package org.tierslieux.core.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.CancelCause;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Writes to a person about their bookings, in their language, with dates in the place's zone. Every method may
 * be called inside a transaction: the mail leaves only once it commits (never if it rolls back), on a worker
 * thread, and a failure to render or send is logged, never thrown at the caller.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final PersonDirectory people;
    private final ResourceService resources;
    private final PlaceScope placeScope;
    private final Letters letters;
    private final Mailer mailer;
    private final AfterCommit afterCommit;
    private final String publicUrl;

    Notifier(
            PersonDirectory people,
            ResourceService resources,
            PlaceScope placeScope,
            Letters letters,
            Mailer mailer,
            AfterCommit afterCommit,
            @ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String publicUrl) {
        this.people = people;
        this.resources = resources;
        this.placeScope = placeScope;
        this.letters = letters;
        this.mailer = mailer;
        this.afterCommit = afterCommit;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The booking is confirmed: what, where, when. */
    public void bookingConfirmed(PlaceRef place, PersonId person, ResourceId resource, TimeRange period) {
        send(MailKind.BOOKING_CONFIRMED, place, person, () -> resourceName(resource), Map.of("period", period));
    }

    /**
     * The booking is cancelled: by its member, by a manager (with their reason), because of a maintenance, or a
     * hold that ran out. {@code reason}, if any, is shown as written.
     */
    public void bookingCancelled(
            PlaceRef place, PersonId person, ResourceId resource, TimeRange period, CancelCause cause, String reason) {
        Map<String, Object> data = new HashMap<>();
        data.put("period", period);
        data.put("cause", cause.name());
        data.put("reason", blankToNull(reason));
        send(MailKind.BOOKING_CANCELLED, place, person, () -> resourceName(resource), data);
    }

    /**
     * A maintenance of the resource overlaps the person's booking; the manager will decide whether the booking
     * stays or is cancelled (a cancellation then sends its own mail).
     */
    public void maintenanceImpact(
            PlaceRef place,
            PersonId person,
            String resourceName,
            TimeRange booking,
            TimeRange maintenance,
            String reason) {
        maintenanceImpact(place, person, () -> resourceName, booking, maintenance, reason);
    }

    void maintenanceImpact(
            PlaceRef place,
            PersonId person,
            Supplier<String> resourceName,
            TimeRange booking,
            TimeRange maintenance,
            String reason) {
        impact(MailKind.MAINTENANCE_IMPACT, place, person, resourceName, booking, maintenance, reason);
    }

    /** The place or the resource will be closed during a booking; its managers decide to keep or cancel it. */
    void closureImpact(
            PlaceRef place,
            PersonId person,
            Supplier<String> resourceName,
            TimeRange booking,
            TimeRange closure,
            String reason) {
        impact(MailKind.CLOSURE_IMPACT, place, person, resourceName, booking, closure, reason);
    }

    private void impact(
            MailKind kind,
            PlaceRef place,
            PersonId person,
            Supplier<String> resourceName,
            TimeRange booking,
            TimeRange unavailable,
            String reason) {
        Map<String, Object> data = new HashMap<>();
        data.put("period", booking);
        data.put("maintenance", unavailable);
        data.put("reason", blankToNull(reason));
        send(kind, place, person, resourceName, data);
    }

    /**
     * A place freed up for someone on the waitlist and is held for them: they have until {@code confirmBefore} to
     * confirm the held booking.
     */
    public void waitlistOffer(
            PlaceRef place,
            PersonId person,
            String resourceName,
            TimeRange period,
            Instant confirmBefore,
            BookingId booking) {
        waitlistOffer(place, person, () -> resourceName, period, confirmBefore, booking);
    }

    void waitlistOffer(
            PlaceRef place,
            PersonId person,
            Supplier<String> resourceName,
            TimeRange period,
            Instant confirmBefore,
            BookingId booking) {
        Map<String, Object> data = new HashMap<>();
        data.put("period", period);
        data.put("deadline", confirmBefore);
        data.put("link", bookingLink(place, booking));
        send(MailKind.WAITLIST_OFFER, place, person, resourceName, data);
    }

    /**
     * Someone was given a role in the place by an invitation: with a one-time link to choose their password
     * ({@code passwordLink}), or a plain notice with the place's address when they can already sign in.
     */
    public void invited(PlaceRef place, PersonId person, String passwordLink) {
        Map<String, Object> data = new HashMap<>();
        data.put("setPassword", passwordLink != null);
        if (passwordLink != null) {
            data.put("link", passwordLink);
        }
        send(MailKind.INVITATION, place, person, () -> "", data);
    }

    /**
     * Where a mail sends someone to act on one booking: their bookings at the place (after signing in), scrolled to
     * that booking, where a held one has its "Confirmer" button.
     */
    private String bookingLink(PlaceRef place, BookingId booking) {
        return publicUrl + "/" + place.slug() + "/bookings#booking-" + booking;
    }

    /** The name of a resource of the current place (the mail's place, entered on the worker thread). */
    Supplier<String> nameOf(ResourceId resource) {
        return () -> resourceName(resource);
    }

    private void send(
            MailKind kind, PlaceRef place, PersonId person, Supplier<String> resourceName, Map<String, Object> facts) {
        afterCommit.submit(
                kind.template + " mail to person " + person,
                () -> placeScope.run(place, () -> {
                    var contact = people.contact(person).orElse(null);
                    if (contact == null) {
                        LOG.warnf("No %s mail: person %s has no account any more", kind.template, person);
                        return;
                    }
                    var locale = contact.locale();
                    Map<String, Object> data = new HashMap<>();
                    data.put("name", contact.displayName());
                    data.put("place", place.name());
                    data.put("resource", resourceName.get());
                    data.put("link", publicUrl + "/" + place.slug());
                    facts.forEach((key, value) -> {
                        if (value instanceof TimeRange range) {
                            data.put(key, When.range(range, place.zone(), locale));
                        } else if (value instanceof Instant instant) {
                            data.put(key, When.instant(instant, place.zone(), locale));
                        } else {
                            data.put(key, value);
                        }
                    });
                    var letter = letters.render(kind, locale, data);
                    mailer.send(Mail.withHtml(contact.email(), letter.subject(), letter.html())
                            .setText(letter.text()));
                }));
    }

    private String resourceName(ResourceId resource) {
        return resources.find(resource).name();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
