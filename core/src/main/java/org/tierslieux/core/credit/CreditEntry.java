package org.tierslieux.core.credit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * One line of the credit ledger, never changed once written. A {@code GRANT} opens a lot (its own id is the
 * lot's id); every other entry names its lot and carries the lot's scope and unit, so that a balance is a plain
 * sum. Signs: grants and refunds add, consumptions and expiries take away, adjustments either way.
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "credit_entry")
public class CreditEntry extends TenantOwned {

    @Column(name = "person_id", nullable = false, updatable = false)
    private UUID personId;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private UUID lotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CreditSource source;

    @Column(name = "source_id", updatable = false)
    private UUID sourceId;

    @Column(nullable = false, updatable = false)
    private String label;

    @Column(name = "scope_kind", updatable = false)
    private String scopeKind;

    @Column(name = "scope_resource_id", updatable = false)
    private UUID scopeResourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Unit unit;

    @Column(nullable = false, updatable = false, precision = 10, scale = 2)
    private BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EntryType type;

    @Column(name = "booking_id", updatable = false)
    private UUID bookingId;

    @Column(name = "valid_from", updatable = false)
    private Instant validFrom;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(updatable = false)
    private String note;

    /** Written by the database in insertion order. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    protected CreditEntry() {}

    private CreditEntry(
            UUID id,
            UUID lotId,
            PersonId person,
            CreditSource source,
            UUID sourceId,
            String label,
            Scope scope,
            Unit unit,
            BigDecimal quantity,
            EntryType type,
            Instant at) {
        super(id);
        this.lotId = lotId;
        this.personId = person.value();
        this.source = Objects.requireNonNull(source, "source");
        this.sourceId = sourceId;
        this.label = Objects.requireNonNull(label, "label");
        this.scopeKind = scope.kind();
        this.scopeResourceId =
                scope.resource() == null ? null : scope.resource().value();
        this.unit = Objects.requireNonNull(unit, "unit");
        this.quantity = quantity.setScale(2, java.math.RoundingMode.UNNECESSARY);
        this.type = type;
        this.at = at;
    }

    /** Opens a lot of {@code quantity} credits usable for what starts in {@code [validFrom, expiresAt)}. */
    static CreditEntry grant(
            PersonId person,
            CreditSource source,
            UUID sourceId,
            String label,
            Scope scope,
            Unit unit,
            BigDecimal quantity,
            Instant validFrom,
            Instant expiresAt,
            Instant at,
            String note) {
        if (quantity.signum() <= 0 || !expiresAt.isAfter(validFrom)) {
            throw new IllegalArgumentException("A grant is positive and ends after it starts");
        }
        UUID id = UUID.randomUUID();
        CreditEntry grant =
                new CreditEntry(id, id, person, source, sourceId, label, scope, unit, quantity, EntryType.GRANT, at);
        grant.validFrom = validFrom;
        grant.expiresAt = expiresAt;
        grant.note = note;
        return grant;
    }

    /** A movement on the lot this grant opened: signed {@code quantity}, for a booking or not. */
    CreditEntry movement(EntryType type, BigDecimal quantity, UUID bookingId, Instant at, String note) {
        if (this.type != EntryType.GRANT) {
            throw new IllegalStateException("Movements go on a lot's grant");
        }
        CreditEntry entry = new CreditEntry(
                UUID.randomUUID(), lotId, person(), source, sourceId, label, scope(), unit, quantity, type, at);
        entry.bookingId = bookingId;
        entry.note = note;
        return entry;
    }

    public UUID id() {
        return uuid();
    }

    public UUID lotId() {
        return lotId;
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public CreditSource source() {
        return source;
    }

    public UUID sourceId() {
        return sourceId;
    }

    public String label() {
        return label;
    }

    public Scope scope() {
        return new Scope(scopeKind, scopeResourceId == null ? null : new ResourceId(scopeResourceId));
    }

    public Unit unit() {
        return unit;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public EntryType type() {
        return type;
    }

    public UUID bookingId() {
        return bookingId;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant at() {
        return at;
    }

    public String note() {
        return note;
    }
}
