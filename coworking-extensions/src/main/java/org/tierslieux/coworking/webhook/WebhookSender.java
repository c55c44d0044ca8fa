package org.tierslieux.coworking.webhook;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.JobLock;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Posts the deliveries that are due, place by place, on one node at a time ({@link JobLock}). Each attempt
 * reads its delivery in a short transaction, posts with no transaction or connection held, and records the
 * outcome in another: a 2xx delivers it; anything else (another status, a timeout, a refused connection) sets
 * the next attempt along the backoff, or gives up, and counts against the subscription, disabled past the limit.
 * Redirects are not followed (a receiver that moved is a failure the manager sees in the log).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final String USER_AGENT = "TiersLieux-Webhooks/1";

    /** What one attempt needs, read in a transaction and used outside it. */
    record Attempt(UUID delivery, String type, String url, String secret, String body) {
        @Override
        public String toString() {
            return "Attempt[" + delivery + " " + type + " to " + url + "]";
        }
    }

    /** The outcome of a post: the status code when there was an answer, an error otherwise. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final PlaceDirectory places;
    private final PlaceScope scope;
    private final PlaceContext placeContext;
    private final JobLock lock;
    private final WebhookSecrets cipher;
    private final WebhookSettings settings;
    private final Event<WebhookDisabled> disabled;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(
            PlaceDirectory places,
            PlaceScope scope,
            PlaceContext placeContext,
            JobLock lock,
            WebhookSecrets cipher,
            WebhookSettings settings,
            Event<WebhookDisabled> disabled,
            Clock clock) {
        this.places = places;
        this.scope = scope;
        this.placeContext = placeContext;
        this.lock = lock;
        this.cipher = cipher;
        this.settings = settings;
        this.disabled = disabled;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            identity = "webhook-sender",
            every = "${tl.webhooks.send-every:10s}",
            delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sendDue();
    }

    /** Sends what is due at every place, unless another node is at it; answers how many attempts were made. */
    public int sendDue() {
        return lock.runAlone("webhook-sender", this::sendDueEverywhere).orElse(0);
    }

    private int sendDueEverywhere() {
        int attempts = 0;
        for (PlaceRef place : places.all()) {
            try {
                attempts += scope.call(place, this::sendDueHere);
            } catch (RuntimeException e) {
                LOG.warnf("Webhooks at %s: %s", place.slug(), e.toString());
            }
        }
        return attempts;
    }

    private int sendDueHere() {
        Instant now = clock.instant();
        List<UUID> due = QuarkusTransaction.requiringNew()
                .call(() -> em().createQuery(
                                "select d.id from WebhookDelivery d, WebhookSubscription s"
                                        + " where s.id = d.subscriptionId and s.enabled = true"
                                        + " and d.status = :pending and d.nextAttemptAt <= :now"
                                        + " order by d.nextAttemptAt, d.createdAt",
                                UUID.class)
                        .setParameter("pending", WebhookDelivery.Status.PENDING)
                        .setParameter("now", now)
                        .setMaxResults(settings.batch())
                        .getResultList());
        int attempts = 0;
        for (UUID delivery : due) {
            // the subscription may have been disabled by an earlier failure of this batch
            if (attempt(delivery, true).isPresent()) {
                attempts++;
            }
        }
        return attempts;
    }

    /** One attempt of a delivery now, whatever its schedule (a test); answers it as it stands after. */
    WebhookViews.Delivery attemptNow(UUID delivery) {
        attempt(delivery, false);
        return QuarkusTransaction.requiringNew().call(() -> WebhookViews.Delivery.of(delivery(delivery)));
    }

    private Optional<Outcome> attempt(UUID delivery, boolean onlyIfEnabled) {
        Optional<Attempt> attempt;
        try {
            attempt = QuarkusTransaction.requiringNew().call(() -> prepare(delivery, onlyIfEnabled));
        } catch (DomainException unreadable) {
            // the application's key changed and the secret cannot be opened: a failure the manager sees in the
            // log (a new secret mends it), not an error of the whole run
            Outcome outcome = new Outcome(
                    null,
                    "Secret unreadable (" + unreadable.code()
                            + "): replace the secret, or set the server's encryption key");
            QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome));
            return Optional.of(outcome);
        }
        if (attempt.isEmpty()) {
            return Optional.empty();
        }
        Outcome outcome = post(attempt.get());
        QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome));
        return Optional.of(outcome);
    }

    private Optional<Attempt> prepare(UUID id, boolean onlyIfEnabled) {
        WebhookDelivery delivery = delivery(id);
        if (delivery == null || delivery.status() != WebhookDelivery.Status.PENDING) {
            return Optional.empty();
        }
        WebhookSubscription subscription = subscription(delivery.subscriptionId());
        if (subscription == null || onlyIfEnabled && !subscription.enabled()) {
            return Optional.empty();
        }
        String secret = cipher.open(placeContext.require().id().value(), subscription.sealed());
        return Optional.of(new Attempt(id, delivery.eventType(), subscription.url(), secret, delivery.payload()));
    }

    Outcome post(Attempt attempt) {
        long timestamp = clock.instant().getEpochSecond();
        String id = attempt.delivery().toString();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header("Webhook-Id", id)
                    .header("Webhook-Timestamp", Long.toString(timestamp))
                    .header("Webhook-Signature", WebhookSignature.sign(attempt.secret(), id, timestamp, attempt.body()))
                    .header("Webhook-Event", attempt.type())
                    .POST(HttpRequest.BodyPublishers.ofString(attempt.body()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "Timeout after " + settings.timeout().toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(
                    null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Interrupted");
        }
    }

    private void record(UUID id, Outcome outcome) {
        WebhookDelivery delivery = delivery(id);
        if (delivery == null) {
            return; // removed with its subscription meanwhile
        }
        WebhookSubscription subscription = subscription(delivery.subscriptionId());
        Instant now = clock.instant();
        boolean test = WebhookEvent.TEST.equals(delivery.eventType());
        if (outcome.delivered()) {
            delivery.delivered(outcome.statusCode(), now);
            if (!test && subscription != null) {
                subscription.succeeded();
            }
            return;
        }
        Duration retry = test ? null : settings.retryAfter(delivery.attempts() + 1);
        delivery.attemptFailed(outcome.statusCode(), outcome.error(), now, retry);
        if (!test && subscription != null && subscription.failed(settings.disableAfter(), now)) {
            LOG.warnf(
                    "Webhook %s of %s disabled after %d failed attempts in a row",
                    subscription.id(), placeContext.require().slug(), subscription.consecutiveFailures());
            disabled.fire(new WebhookDisabled(
                    placeContext.require(), subscription.id(), subscription.url(), subscription.consecutiveFailures()));
        }
    }

    private static WebhookDelivery delivery(UUID id) {
        return em().createQuery("from WebhookDelivery d where d.id = :id", WebhookDelivery.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static WebhookSubscription subscription(UUID id) {
        return em().createQuery("from WebhookSubscription s where s.id = :id", WebhookSubscription.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
