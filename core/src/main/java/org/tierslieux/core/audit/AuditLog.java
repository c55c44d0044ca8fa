package org.tierslieux.core.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.web.Paged;

/**
 * Writes and reads the audit log with plain JDBC. Writing happens after the request's own transaction, on a
 * connection the pool hands out with the request's place set (row-level security checks the row is of that
 * place). Reading goes through the network view only: network admins see every place, nobody switches the
 * tenancy off.
 */
@ApplicationScoped
public class AuditLog {

    /** What a network admin asks for: an optional place (slug) and period, a page. */
    public record Query(Optional<String> place, Optional<Instant> from, Optional<Instant> to, int page, int size) {}

    private final AgroalDataSource dataSource;
    private final Clock clock;

    AuditLog(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records one action in the current place (the connection's place must be {@code place}). */
    void record(
            PlaceId place,
            PersonId person,
            String email,
            String roles,
            String method,
            String path,
            String operation,
            int status) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into audit_log (tenant_id, id, at, person_id, person_email, roles, method, path,"
                                + " operation, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, place.value());
            insert.setObject(2, UUID.randomUUID());
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.setObject(4, person.value());
            insert.setString(5, cut(email, 254));
            insert.setString(6, cut(roles, 60));
            insert.setString(7, cut(method, 10));
            insert.setString(8, cut(path, 2000));
            insert.setString(9, cut(operation, 200));
            insert.setInt(10, status);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the audit log", e);
        }
    }

    /** A page of the whole network's log, newest first (network admins only: the endpoints check it). */
    public Paged<AuditEntry> network(Query query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        query.place().ifPresent(slug -> {
            where.append(" and place_slug = ?");
            parameters.add(slug);
        });
        query.from().ifPresent(from -> {
            where.append(" and at >= ?");
            parameters.add(Timestamp.from(from));
        });
        query.to().ifPresent(to -> {
            where.append(" and at < ?");
            parameters.add(Timestamp.from(to));
        });
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count =
                    connection.prepareStatement("select count(*) from network_audit_log" + where)) {
                bind(count, parameters);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<AuditEntry> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, at, place_slug, place_name, person_id, person_email, roles, method, path, operation,"
                            + " status from network_audit_log" + where + " order by at desc, id limit ? offset ?")) {
                bind(select, parameters);
                select.setInt(parameters.size() + 1, query.size());
                select.setLong(parameters.size() + 2, (long) query.page() * query.size());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        items.add(new AuditEntry(
                                row.getObject(1, UUID.class),
                                row.getTimestamp(2).toInstant(),
                                row.getString(3),
                                row.getString(4),
                                row.getObject(5, UUID.class),
                                row.getString(6),
                                row.getString(7),
                                row.getString(8),
                                row.getString(9),
                                row.getString(10),
                                row.getInt(11)));
                    }
                }
            }
            return new Paged<>(items, query.page(), query.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static String cut(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
