package org.tierslieux.billing.mollie;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The current place's Mollie account: set, replace or remove its API key. The key is checked with Mollie when
 * it is set (a key Mollie refuses is not stored; when Mollie cannot be reached the key is stored anyway), sealed
 * by {@link KeyCipher}, and never shown back: callers see its mode and last four characters.
 */
@ApplicationScoped
public class MollieAccounts {

    private static final Logger LOG = Logger.getLogger(MollieAccounts.class);

    /** What may be shown of a place's key. */
    @io.quarkus.qute.TemplateData
    public record Shown(String mode, String last4, Instant updatedAt) {}

    private final PlaceContext placeContext;
    private final KeyCipher cipher;
    private final MollieApi mollie;
    private final Caller caller;
    private final Clock clock;

    MollieAccounts(PlaceContext placeContext, KeyCipher cipher, MollieApi mollie, Caller caller, Clock clock) {
        this.placeContext = placeContext;
        this.cipher = cipher;
        this.mollie = mollie;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public Optional<Shown> shown() {
        return account().map(a -> new Shown(a.mode(), a.last4(), a.updatedAt()));
    }

    /** Sets or replaces the key: 422 {@code mollie.key-invalid} (format) or {@code mollie.key-rejected} (Mollie said no). */
    public Shown set(String typed) {
        MollieKey key = new MollieKey(typed);
        placeContext.require();
        // ask Mollie first, outside any transaction (no database connection held during the call)
        if (mollie.accepts(key.value()).filter(accepted -> !accepted).isPresent()) {
            throw DomainException.invalid("mollie.key-rejected", Map.of());
        }
        return QuarkusTransaction.joiningExisting().call(() -> store(key));
    }

    private Shown store(MollieKey key) {
        UUID place = placeContext.require().id().value();
        MollieAccount account = account().orElseGet(() -> {
            MollieAccount fresh = new MollieAccount(UUID.randomUUID());
            return fresh;
        });
        UUID by = caller.person().map(PersonId::value).orElse(null);
        account.replaceKey(key, cipher.seal(place, key.value()), by, clock.instant());
        if (!em().contains(account)) {
            em().persist(account);
        }
        em().flush();
        LOG.infof("Mollie key of %s set (%s, ending %s)", placeContext.require().slug(), key.mode(), key.last4());
        return new Shown(key.mode(), key.last4(), account.updatedAt());
    }

    /** Sets the key without asking Mollie (demo seeding against the local server, tests). */
    @Transactional
    public void setUnchecked(MollieKey key) {
        UUID place = placeContext.require().id().value();
        MollieAccount account = account().orElseGet(() -> new MollieAccount(UUID.randomUUID()));
        account.replaceKey(key, cipher.seal(place, key.value()), null, clock.instant());
        if (!em().contains(account)) {
            em().persist(account);
        }
    }

    /** Removes the key; the place then takes no online payment. Answers whether there was one. */
    @Transactional
    public boolean remove() {
        Optional<MollieAccount> account = account();
        account.ifPresent(a -> {
            em().remove(a);
            LOG.infof("Mollie key of %s removed", placeContext.require().slug());
        });
        return account.isPresent();
    }

    /** The current place's key in clear, for the adapter only; resealed under the current key when rotated. */
    @Transactional
    Optional<String> apiKey() {
        UUID place = placeContext.require().id().value();
        return account().map(a -> {
            String key = cipher.open(place, a.sealed());
            if (cipher.outdated(a.sealed())) {
                a.reseal(cipher.seal(place, key));
            }
            return key;
        });
    }

    private Optional<MollieAccount> account() {
        placeContext.require();
        return em().createQuery("from MollieAccount", MollieAccount.class)
                .getResultStream()
                .findFirst();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
