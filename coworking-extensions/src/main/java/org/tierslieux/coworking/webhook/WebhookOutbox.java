package org.tierslieux.coworking.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.coworking.checkin.CheckinCreated;

/**
 * Writes the deliveries of an event, one per enabled subscription that wants it, in the transaction that
 * published the event (observers run in it): they exist only if it commits, and the sender finds them then.
 */
@ApplicationScoped
class WebhookOutbox {

    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class);
    private static final int LAST = Interceptor.Priority.APPLICATION + 2000;

    private final PlaceContext placeContext;
    private final ResourceService resources;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(PlaceContext placeContext, ResourceService resources, ObjectMapper json, Clock clock) {
        this.placeContext = placeContext;
        this.resources = resources;
        this.json = json;
        this.clock = clock;
    }

    void confirmed(@Observes @Priority(LAST) BookingConfirmed e) {
        enqueue(WebhookEvent.BOOKING_CONFIRMED, e.place(), () -> {
            Map<String, Object> data =
                    booking(e.booking().value(), e.resource(), e.person().value(), e.period());
            data.put("seats", e.seats());
            return data;
        });
    }

    void cancelled(@Observes @Priority(LAST) BookingCancelled e) {
        enqueue(WebhookEvent.BOOKING_CANCELLED, e.place(), () -> {
            Map<String, Object> data =
                    booking(e.booking().value(), e.resource(), e.person().value(), e.period());
            data.put("seats", e.seats());
            data.put("cause", e.cause() == null ? null : e.cause().name());
            data.put("reason", e.reason());
            return data;
        });
    }

    void checkedIn(@Observes @Priority(LAST) CheckinCreated e) {
        enqueue(WebhookEvent.CHECKIN_CREATED, e.place(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("checkinId", e.checkin());
            data.put("bookingId", e.booking());
            data.put("resourceId", e.resource());
            data.put("resourceName", e.resource() == null ? null : resourceName(new ResourceId(e.resource())));
            data.put("personId", e.person() == null ? null : e.person().value());
            data.put("guestName", e.guestName());
            data.put("method", e.method());
            data.put("at", local(e.at()));
            return data;
        });
    }

    private Map<String, Object> booking(UUID booking, ResourceId resource, UUID person, TimeRange period) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bookingId", booking);
        data.put("resourceId", resource.value());
        data.put("resourceName", resourceName(resource));
        data.put("personId", person);
        data.put("start", local(period.start()));
        data.put("end", local(period.end()));
        return data;
    }

    private void enqueue(WebhookEvent event, PlaceId place, Supplier<Map<String, Object>> data) {
        PlaceRef here = placeContext.current().orElse(null);
        if (here == null || !here.id().equals(place)) {
            LOG.warnf("%s of place %s published outside that place: no webhook", event.type(), place);
            return;
        }
        List<UUID> subscriptions = em().createQuery(
                        "select s.id from WebhookSubscription s where s.enabled = true and s.events like :event",
                        UUID.class)
                .setParameter("event", "%" + event.type() + "%")
                .getResultList();
        if (subscriptions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> body = data.get();
        for (UUID subscription : subscriptions) {
            UUID id = UUID.randomUUID();
            em().persist(new WebhookDelivery(
                    id, subscription, event.type(), payload(id, event.type(), here, now, body), now));
        }
    }

    /** The JSON body of a delivery: {@code id}, {@code type}, {@code occurredAt}, {@code place}, {@code data}. */
    String payload(UUID id, String type, PlaceRef place, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(place.zone())));
        body.put("place", Map.of("slug", place.slug(), "name", place.name()));
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a webhook body", e);
        }
    }

    private String local(Instant instant) {
        return instant == null
                ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        instant.atZone(placeContext.require().zone()));
    }

    private String resourceName(ResourceId resource) {
        // names() never refuses: a missing resource must not roll the booking back
        return resources.names().get(resource.value());
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
