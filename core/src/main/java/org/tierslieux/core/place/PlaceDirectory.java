package org.tierslieux.core.place;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves a slug to its place on every request, so it is cached. It reads with plain JDBC on purpose: the
 * ORM session of a request fixes its tenant when it opens, and it must not open before the place is known.
 *
 * <p>Several nodes share the database, and an edit made through one node only clears that node's entry: so
 * an entry is also read again once it is older than {@code tl.place.cache-ttl} (10 s by default). A new name,
 * zone or currency is seen everywhere within that time; the slug and the id never change.
 */
@ApplicationScoped
public class PlaceDirectory {

    private record Entry(PlaceRef place, long loadedAt) {}

    private final AgroalDataSource dataSource;
    private final long ttlNanos;
    private final Map<String, Entry> bySlug = new ConcurrentHashMap<>();
    private final Map<PlaceId, String> slugById = new ConcurrentHashMap<>();

    PlaceDirectory(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "tl.place.cache-ttl", defaultValue = "PT10S") Duration ttl) {
        this.dataSource = dataSource;
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<PlaceRef> bySlug(String slug) {
        if (!Slug.looksLikeOne(slug)) {
            return Optional.empty();
        }
        Entry cached = bySlug.get(slug);
        // the age of an entry is measured on the monotonic clock: it is no date of the domain
        if (cached != null && System.nanoTime() - cached.loadedAt() < ttlNanos) {
            return Optional.of(cached.place());
        }
        Optional<PlaceRef> loaded = load("slug = ?", slug);
        loaded.ifPresentOrElse(
                ref -> {
                    bySlug.put(slug, new Entry(ref, System.nanoTime()));
                    slugById.put(ref.id(), slug);
                },
                () -> bySlug.remove(slug));
        return loaded;
    }

    /** The place of an id, for work that starts from an event or a stored row rather than from a path. */
    public Optional<PlaceRef> byId(PlaceId id) {
        String slug = slugById.get(id);
        if (slug != null) {
            return bySlug(slug);
        }
        Optional<PlaceRef> loaded = load("id = ?::uuid", id.toString());
        loaded.ifPresent(ref -> {
            bySlug.put(ref.slug(), new Entry(ref, System.nanoTime()));
            slugById.put(ref.id(), ref.slug());
        });
        return loaded;
    }

    /** The postal address of a place (e-mails, calendar events); not cached, as it is read rarely. */
    public Optional<Address> addressOf(PlaceId id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select street, postal_code, city, country from place where id = ?")) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Address(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the address of the place " + id, e);
        }
    }

    /** Every place of the network, for work that visits them one by one (scheduled sweeps). */
    public java.util.List<PlaceRef> all() {
        java.util.List<String> slugs = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select slug from place order by slug");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                slugs.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the places", e);
        }
        return slugs.stream().map(this::bySlug).flatMap(Optional::stream).toList();
    }

    /** Called when a place changes, so that the next request on this node sees its new name or zone at once. */
    void forget(String slug) {
        bySlug.remove(slug);
    }

    private Optional<PlaceRef> load(String condition, String value) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id, slug, name, time_zone, currency from place where " + condition)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PlaceRef(
                        new PlaceId(row.getObject(1, UUID.class)),
                        row.getString(2),
                        row.getString(3),
                        ZoneId.of(row.getString(4)),
                        Currency.getInstance(row.getString(5).trim())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the place " + value, e);
        }
    }
}
