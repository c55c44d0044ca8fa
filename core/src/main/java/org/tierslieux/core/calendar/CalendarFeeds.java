package org.tierslieux.core.calendar;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.kernel.Secrets;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Creates and revokes feed links, and finds the feed a presented link belongs to. Plain JDBC on a network table:
 * serving a feed happens outside any place, before the places it covers are entered one by one.
 */
@ApplicationScoped
public class CalendarFeeds {

    /** Recognisable in a leaked URL; never accepted as an API token (those start with {@code tlm_}). */
    static final String PREFIX = "tlc_";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ResourceService resources;
    private final PlaceContext placeContext;
    private final String publicUrl;

    CalendarFeeds(
            AgroalDataSource dataSource,
            Clock clock,
            ResourceService resources,
            PlaceContext placeContext,
            @ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String publicUrl) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.resources = resources;
        this.placeContext = placeContext;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A new link to the person's bookings in all their places; the previous one stops working. */
    @Transactional
    public String createForMember(PersonId person) {
        revoke(person, null, null);
        return insert(person, null, null);
    }

    /** Revokes the person's feed link, if they have one. */
    @Transactional
    public void revokeForMember(PersonId person) {
        revoke(person, null, null);
    }

    /**
     * A new link to one resource's bookings in the current place, for a manager; their previous link to it stops
     * working. It works as long as its creator stays a manager of the place.
     */
    @Transactional
    public String createForResource(PersonId manager, ResourceId resource) {
        PlaceId place = placeContext.require().id();
        resources.find(resource); // 404 for an id of another place, as for an id of none
        revoke(manager, place, resource);
        return insert(manager, place, resource);
    }

    @Transactional
    public void revokeForResource(PersonId manager, ResourceId resource) {
        PlaceId place = placeContext.require().id();
        resources.find(resource);
        revoke(manager, place, resource);
    }

    /** The live feed a secret opens, if any (unknown and revoked links alike open nothing). */
    Optional<CalendarFeed> live(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        select id, person_id, place_id, resource_id from calendar_feed
                         where token_hash = ? and revoked_at is null""")) {
            select.setString(1, Secrets.hash(secret));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                UUID place = row.getObject(3, UUID.class);
                UUID resource = row.getObject(4, UUID.class);
                return Optional.of(new CalendarFeed(
                        row.getObject(1, UUID.class),
                        new PersonId(row.getObject(2, UUID.class)),
                        place == null ? null : new PlaceId(place),
                        resource == null ? null : new ResourceId(resource)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a calendar feed", e);
        }
    }

    private String insert(PersonId person, PlaceId place, ResourceId resource) {
        String secret = Secrets.newSecret(PREFIX);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into calendar_feed (id, token_hash, person_id, place_id, resource_id, created_at)
                        values (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Secrets.hash(secret));
            insert.setObject(3, person.value());
            insert.setObject(4, place == null ? null : place.value());
            insert.setObject(5, resource == null ? null : resource.value());
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a calendar feed", e);
        }
        return publicUrl + "/ical/" + secret + ".ics";
    }

    private void revoke(PersonId person, PlaceId place, ResourceId resource) {
        String sql = "update calendar_feed set revoked_at = ? where person_id = ? and revoked_at is null and "
                + (resource == null ? "resource_id is null" : "place_id = ? and resource_id = ?");
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setObject(2, person.value());
            if (resource != null) {
                update.setObject(3, place.value());
                update.setObject(4, resource.value());
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke a calendar feed", e);
        }
    }
}
