package org.tierslieux.core.credit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.tenancy.TenantOwned;

/** A member bought a pack: PENDING while it awaits payment (when billing asks for it), then CONFIRMED with its lot. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "pack_purchase")
public class PackPurchase extends TenantOwned {

    @Column(name = "pack_id", nullable = false, updatable = false)
    private UUID packId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private UUID personId;

    @Column(nullable = false)
    private String status;

    @Column(name = "lot_id")
    private UUID lotId;

    @Column(name = "quote_id")
    private UUID quoteId;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    private BigDecimal price;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "purchased_at", nullable = false, updatable = false)
    private Instant purchasedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PackPurchase() {}

    PackPurchase(Pack pack, PersonId person, Money charged, Instant now, Instant expiresAt) {
        super(UUID.randomUUID());
        this.packId = pack.id();
        this.personId = person.value();
        this.status = "PENDING";
        this.price = charged.amount();
        this.currency = charged.currency().getCurrencyCode();
        this.purchasedAt = now;
        this.expiresAt = expiresAt;
    }

    /** PENDING → CONFIRMED: the credits are granted as lot {@code lot}. */
    void confirm(UUID lot) {
        if (!"PENDING".equals(status)) {
            throw DomainException.conflict("pack.purchase-not-pending", Map.of("status", status));
        }
        status = "CONFIRMED";
        lotId = lot;
    }

    void quoted(UUID quote) {
        this.quoteId = quote;
    }

    public UUID id() {
        return uuid();
    }

    public UUID packId() {
        return packId;
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public String status() {
        return status;
    }

    public UUID lotId() {
        return lotId;
    }

    public UUID quoteId() {
        return quoteId;
    }

    public Money price() {
        return new Money(price, Currency.getInstance(currency));
    }

    public Instant purchasedAt() {
        return purchasedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
