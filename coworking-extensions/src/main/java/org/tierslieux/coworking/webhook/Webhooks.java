package org.tierslieux.coworking.webhook;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Secrets;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Paged;

/**
 * The current place's webhook subscriptions, as its managers handle them: add (the secret is made here, sealed,
 * and returned this once), change, remove, disable and enable again, replace the secret, read the log, send a
 * test.
 */
@ApplicationScoped
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class);
    static final int MAX_PER_PLACE = 20;

    private final PlaceContext placeContext;
    private final WebhookUrls urls;
    private final WebhookSecrets cipher;
    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final Caller caller;
    private final Clock clock;

    Webhooks(
            PlaceContext placeContext,
            WebhookUrls urls,
            WebhookSecrets cipher,
            WebhookOutbox outbox,
            WebhookSender sender,
            Caller caller,
            Clock clock) {
        this.placeContext = placeContext;
        this.urls = urls;
        this.cipher = cipher;
        this.outbox = outbox;
        this.sender = sender;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public List<WebhookViews.Subscription> list() {
        placeContext.require();
        return em().createQuery("from WebhookSubscription s order by s.createdAt, s.id", WebhookSubscription.class)
                .getResultStream()
                .map(WebhookViews.Subscription::of)
                .toList();
    }

    @Transactional
    public WebhookViews.Subscription get(UUID id) {
        return WebhookViews.Subscription.of(find(id));
    }

    /** 422 {@code webhook.url-invalid}, {@code webhook.url-self}, {@code webhook.events-required}, ... */
    @Transactional
    public WebhookViews.Created create(String url, String description, Collection<String> events) {
        PlaceRef place = placeContext.require();
        String checked = urls.check(url);
        Set<WebhookEvent> wanted = events(events);
        long count = em().createQuery("select count(s) from WebhookSubscription s", Long.class)
                .getSingleResult();
        if (count >= MAX_PER_PLACE) {
            throw DomainException.conflict("webhook.too-many", Map.of("max", MAX_PER_PLACE));
        }
        String secret = Secrets.newSecret("whsec_");
        var subscription = new WebhookSubscription(
                UUID.randomUUID(),
                checked,
                description(description),
                wanted,
                caller.person().map(PersonId::value).orElse(null),
                clock.instant());
        subscription.seal(cipher.seal(place.id().value(), secret));
        em().persist(subscription);
        em().flush();
        LOG.infof("Webhook %s added at %s for %s", subscription.id(), place.slug(), wanted);
        return new WebhookViews.Created(WebhookViews.Subscription.of(subscription), secret);
    }

    @Transactional
    public WebhookViews.Subscription change(UUID id, String url, String description, Collection<String> events) {
        WebhookSubscription subscription = find(id);
        subscription.change(urls.check(url), description(description), events(events));
        return WebhookViews.Subscription.of(subscription);
    }

    /** A new secret for the subscription, shown this once; the old one stops signing at once. */
    @Transactional
    public WebhookViews.Created replaceSecret(UUID id) {
        WebhookSubscription subscription = find(id);
        String secret = Secrets.newSecret("whsec_");
        subscription.seal(cipher.seal(placeContext.require().id().value(), secret));
        return new WebhookViews.Created(WebhookViews.Subscription.of(subscription), secret);
    }

    /** Removes the subscription and its log. */
    @Transactional
    public void remove(UUID id) {
        em().remove(find(id));
    }

    @Transactional
    public WebhookViews.Subscription disable(UUID id) {
        WebhookSubscription subscription = find(id);
        subscription.disable(WebhookSubscription.DisabledReason.MANAGER, clock.instant());
        return WebhookViews.Subscription.of(subscription);
    }

    /** Enabled again: its failures are forgotten and its pending deliveries are due at once. */
    @Transactional
    public WebhookViews.Subscription enable(UUID id) {
        WebhookSubscription subscription = find(id);
        subscription.enable();
        Instant now = clock.instant();
        em().createQuery(
                        "from WebhookDelivery d where d.subscriptionId = :s and d.status = :pending",
                        WebhookDelivery.class)
                .setParameter("s", id)
                .setParameter("pending", WebhookDelivery.Status.PENDING)
                .getResultStream()
                .forEach(d -> d.dueAt(now));
        return WebhookViews.Subscription.of(subscription);
    }

    /** The subscription's deliveries, the latest first. */
    @Transactional
    public Paged<WebhookViews.Delivery> deliveries(UUID id, int page, int size) {
        find(id);
        int pageSize = Math.max(1, Math.min(size, Paged.MAX_SIZE));
        int pageNumber = Math.max(0, page);
        List<WebhookViews.Delivery> items = em().createQuery(
                        "from WebhookDelivery d where d.subscriptionId = :s order by d.createdAt desc, d.id",
                        WebhookDelivery.class)
                .setParameter("s", id)
                .setFirstResult(pageNumber * pageSize)
                .setMaxResults(pageSize)
                .getResultStream()
                .map(WebhookViews.Delivery::of)
                .toList();
        long total = em().createQuery("select count(d) from WebhookDelivery d where d.subscriptionId = :s", Long.class)
                .setParameter("s", id)
                .getSingleResult();
        return new Paged<>(items, pageNumber, pageSize, total);
    }

    /**
     * Sends a {@code webhook.test} delivery now, once (never retried, not counted as a failure of the
     * subscription, sent even when it is disabled), and answers how it went.
     */
    public WebhookViews.Delivery test(UUID id) {
        PlaceRef place = placeContext.require();
        UUID delivery = QuarkusTransaction.joiningExisting().call(() -> {
            WebhookSubscription subscription = find(id);
            Instant now = clock.instant();
            UUID fresh = UUID.randomUUID();
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("subscriptionId", subscription.id());
            data.put("message", "Test");
            var row = new WebhookDelivery(
                    fresh,
                    subscription.id(),
                    WebhookEvent.TEST,
                    outbox.payload(fresh, WebhookEvent.TEST, place, now, data),
                    now);
            row.dueAt(null);
            em().persist(row);
            return fresh;
        });
        return sender.attemptNow(delivery);
    }

    private WebhookSubscription find(UUID id) {
        placeContext.require();
        return em().createQuery("from WebhookSubscription s where s.id = :id", WebhookSubscription.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("webhook.not-found", Map.of("id", String.valueOf(id))));
    }

    private static Set<WebhookEvent> events(Collection<String> events) {
        if (events == null || events.isEmpty()) {
            throw DomainException.invalid("webhook.events-required", Map.of());
        }
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        events.forEach(e -> set.add(WebhookEvent.parse(e)));
        return set;
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String d = description.strip();
        if (d.length() > 200) {
            throw DomainException.invalid("webhook.description-too-long", Map.of("max", 200));
        }
        return d;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
