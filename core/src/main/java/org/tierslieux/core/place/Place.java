package org.tierslieux.core.place;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tiers-lieu: the tenant that owns its resources, members, bookings and invoices. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "place")
public class Place {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false, length = 3)
    private String currency;

    @Embedded
    private LegalIdentity legal;

    @Embedded
    private Address address;

    @Embedded
    private GeoPoint coordinates;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] kinds;

    private String website;

    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Place() {}

    Place(PlaceId id, Slug slug, PlaceProfile profile, Instant createdAt) {
        this.id = id.value();
        this.slug = slug.value();
        this.createdAt = createdAt;
        apply(profile);
    }

    /** Replaces what a network admin may edit; the slug and the id never change (URLs and invoices use them). */
    void apply(PlaceProfile profile) {
        this.name = profile.name();
        this.timeZone = profile.zone().getId();
        this.currency = profile.currency().getCurrencyCode();
        this.legal = profile.legal();
        this.address = profile.address();
        this.coordinates = profile.coordinates();
        this.kinds = profile.kinds().stream().map(Enum::name).sorted().toArray(String[]::new);
        this.website = profile.website();
    }

    public PlaceId id() {
        return new PlaceId(id);
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public LegalIdentity legal() {
        return legal;
    }

    public Address address() {
        return address;
    }

    public GeoPoint coordinates() {
        return coordinates == null ? new GeoPoint(null, null) : coordinates;
    }

    public Set<PlaceKind> kinds() {
        Set<PlaceKind> set = EnumSet.noneOf(PlaceKind.class);
        Arrays.stream(kinds).map(PlaceKind::valueOf).forEach(set::add);
        return set;
    }

    public String website() {
        return website;
    }

    /** A few lines the place writes about itself for its public page; null when none. */
    public String description() {
        return description;
    }

    /** Replaces the public description (blank clears it). */
    void describe(String text) {
        String stripped = text == null ? null : text.strip();
        if (stripped != null && stripped.length() > 2000) {
            throw org.tierslieux.core.error.DomainException.invalid(
                    "place.description-too-long", java.util.Map.of("max", 2000));
        }
        this.description = stripped == null || stripped.isEmpty() ? null : stripped;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    public PlaceRef ref() {
        return new PlaceRef(id(), slug, name, zone(), currency());
    }

    public PlaceProfile profile() {
        return new PlaceProfile(name, zone(), currency(), legal, address, coordinates(), kinds(), website);
    }
}
