package org.tierslieux.billing.invoice;

import io.quarkus.hibernate.orm.panache.Panache;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.tierslieux.core.error.DomainException;

/**
 * Plain SQL on the connection of the current ORM session (so in the caller's transaction and place, row-level
 * security applying). Legal records are written and read here, column by column, so that what is hashed is
 * exactly what is stored. The database's refusals of the legal-record triggers become domain errors:
 * {@code tl:period-closed} → 409 {@code invoice.period-closed}, {@code tl:legal-record-immutable} → 409
 * {@code invoice.immutable}.
 */
public final class Jdbc {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Jdbc() {}

    public static int update(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    public static <T> List<T> list(String sql, Row<T> mapper, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    public static <T> Optional<T> one(String sql, Row<T> mapper, Object... parameters) {
        List<T> rows = list(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Streams the rows to a consumer with a cursor (fetch size 500), never holding them all. */
    public static void each(String sql, Row<Void> consumer, Object... parameters) {
        work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                statement.setFetchSize(500);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.map(rows);
                    }
                }
                return null;
            }
        });
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        java.time.OffsetDateTime t = row.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static java.time.LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, java.time.LocalDate.class);
    }

    public static java.util.UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, java.util.UUID.class);
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static <T> T work(Work<T> work) {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        try {
            return session.doReturningWork(connection -> {
                try {
                    return work.on(connection);
                } catch (SQLException e) {
                    throw translate(e);
                }
            });
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            DomainException domain = translate(e);
            if (domain != null) {
                throw domain;
            }
            throw e;
        }
    }

    private static RuntimeException translate(SQLException e) {
        DomainException domain = translate((Throwable) e);
        return domain != null ? domain : new IllegalStateException(e.getMessage(), e);
    }

    /** The legal-record triggers' refusals, read from their hint; null for any other failure. */
    static DomainException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "P0001".equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                if (message.contains("tl:period-closed")) {
                    return DomainException.conflict("invoice.period-closed", Map.of());
                }
                if (message.contains("tl:legal-record-immutable")) {
                    return DomainException.conflict("invoice.immutable", Map.of());
                }
            }
        }
        return null;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            switch (p) {
                case null -> statement.setNull(i + 1, Types.OTHER);
                case Instant instant -> statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                case BigDecimal d -> statement.setBigDecimal(i + 1, d);
                case Enum<?> e -> statement.setString(i + 1, e.name());
                default -> statement.setObject(i + 1, p);
            }
        }
        return statement;
    }
}
