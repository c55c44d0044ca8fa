package org.tierslieux.core.people;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Locks local sign-ins after repeated failures, per account and per client address, for a while. The counts
 * live in the database ({@code login_throttle}), so every node of an instance shares them. Each failure is
 * one atomic upsert; a lock is checked before the (deliberately slow) password check.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Settings under {@code tl.security.login}, documented in docs/configuration.md. */
    @ConfigMapping(prefix = "tl.security.login")
    public interface Settings {
        /** Failed sign-ins for one account, within {@link #window()}, that lock it. */
        @WithDefault("5")
        int maxFailuresPerAccount();

        /** Failed sign-ins from one client address, within {@link #window()}, that lock the address. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** The period over which failures are counted. */
        @WithDefault("PT15M")
        Duration window();

        /** How long a lock lasts. */
        @WithDefault("PT15M")
        Duration lockout();
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Settings settings;

    LoginThrottle(AgroalDataSource dataSource, Clock clock, Settings settings) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settings = settings;
    }

    /** Refuses at once when the account or the address is locked. */
    public void checkNotLocked(String email, String address) {
        Instant now = clock.instant();
        Optional<Instant> until = lockedUntil(accountKey(email), now);
        Optional<Instant> byAddress = address == null ? Optional.empty() : lockedUntil(addressKey(address), now);
        Instant latest = until.orElse(null);
        if (byAddress.isPresent() && (latest == null || byAddress.get().isAfter(latest))) {
            latest = byAddress.get();
        }
        if (latest != null) {
            throw new AuthenticationFailedException(
                    "Too many failed sign-ins", new LoginLocked(Duration.between(now, latest)));
        }
    }

    /** Counts a failure for the account and the address; the one that reaches its limit is locked. */
    public void failed(String email, String address) {
        count(accountKey(email), settings.maxFailuresPerAccount());
        if (address != null) {
            count(addressKey(address), settings.maxFailuresPerAddress());
        }
    }

    /** A right password: the account's failures are forgotten (the address's are not, so that one valid account
     * does not reset the count of someone trying others). */
    public void succeeded(String email) {
        execute("delete from login_throttle where subject = ?", accountKey(email));
    }

    private void count(String subject, int max) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(
                        "insert into login_throttle (subject, failures, window_start) values (?, 1, ?)"
                                + " on conflict (subject) do update set"
                                + " failures = case when login_throttle.window_start <= ? then 1"
                                + "   else login_throttle.failures + 1 end,"
                                + " window_start = case when login_throttle.window_start <= ? then excluded.window_start"
                                + "   else login_throttle.window_start end"
                                + " returning failures");
                PreparedStatement lock = connection.prepareStatement(
                        "update login_throttle set locked_until = ?, failures = 0, window_start = ? where subject = ?")) {
            Timestamp at = Timestamp.from(now);
            Timestamp windowStartedBefore = Timestamp.from(now.minus(settings.window()));
            upsert.setString(1, subject);
            upsert.setTimestamp(2, at);
            upsert.setTimestamp(3, windowStartedBefore);
            upsert.setTimestamp(4, windowStartedBefore);
            int failures;
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                failures = row.getInt(1);
            }
            if (failures >= max) {
                lock.setTimestamp(1, Timestamp.from(now.plus(settings.lockout())));
                lock.setTimestamp(2, at);
                lock.setString(3, subject);
                lock.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count a failed sign-in", e);
        }
    }

    private Optional<Instant> lockedUntil(String subject, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select locked_until from login_throttle where subject = ?")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getTimestamp(1) == null) {
                    return Optional.empty();
                }
                Instant until = row.getTimestamp(1).toInstant();
                return until.isAfter(now) ? Optional.of(until) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sign-in locks", e);
        }
    }

    private void execute(String sql, String subject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, subject);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the sign-in locks", e);
        }
    }

    private static String accountKey(String email) {
        return sha256("account:" + Person.normalizeEmail(email == null ? "" : email));
    }

    private static String addressKey(String address) {
        return sha256("address:" + address);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
