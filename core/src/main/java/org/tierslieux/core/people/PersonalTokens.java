package org.tierslieux.core.people;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Secrets;

/** Personal API tokens: created (the secret shown once), listed, revoked, and checked on each request. */
@ApplicationScoped
public class PersonalTokens {

    /** Every token starts with it, so that a leaked one is recognisable (and scanners can find it). */
    public static final String PREFIX = "tlm_";

    static final int MAX_PER_PERSON = 20;
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(5);

    /** A token just created: the only moment its secret exists outside the caller's hands. */
    public record Created(PersonalToken token, String secret) {}

    private final Clock clock;
    private final AgroalDataSource dataSource;

    PersonalTokens(Clock clock, AgroalDataSource dataSource) {
        this.clock = clock;
        this.dataSource = dataSource;
    }

    @Transactional
    public Created create(PersonId owner, String name) {
        long active = Panache.getEntityManager()
                .createQuery(
                        "select count(t) from PersonalToken t where t.personId = :p and t.revokedAt is null",
                        Long.class)
                .setParameter("p", owner.value())
                .getSingleResult();
        if (active >= MAX_PER_PERSON) {
            throw DomainException.conflict("token.too-many", Map.of("max", MAX_PER_PERSON));
        }
        String secret = Secrets.newSecret(PREFIX);
        PersonalToken token = new PersonalToken(
                owner, name.strip(), hash(secret), secret.substring(0, PREFIX.length() + 6), clock.instant());
        Panache.getEntityManager().persist(token);
        return new Created(token, secret);
    }

    @Transactional
    public List<PersonalToken> of(PersonId owner) {
        return Panache.getEntityManager()
                .createQuery(
                        "from PersonalToken t where t.personId = :p order by t.createdAt desc", PersonalToken.class)
                .setParameter("p", owner.value())
                .getResultList();
    }

    /** Revokes one of the owner's tokens; another person's token is "not found", as a token of nobody. */
    @Transactional
    public PersonalToken revoke(PersonId owner, UUID id) {
        PersonalToken token = Panache.getEntityManager().find(PersonalToken.class, id);
        if (token == null || !token.owner().equals(owner)) {
            throw DomainException.notFound("token.not-found", Map.of("id", id.toString()));
        }
        token.revoke(clock.instant());
        return token;
    }

    /**
     * The account a presented token belongs to, if the token exists and is not revoked. Plain JDBC: it runs
     * during authentication, before the request's ORM session. The last use is written at most every few
     * minutes, so that a busy integration does not write on every request.
     */
    Optional<PersonDirectory.Account> accountOf(String secret) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        select p.id, p.email, p.display_name, p.network_admin, t.id, t.last_used_at
                          from api_token t join person p on p.id = t.person_id
                         where t.token_hash = ? and t.revoked_at is null""")) {
            select.setString(1, hash(secret));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                var account = new PersonDirectory.Account(
                        new PersonId(row.getObject(1, UUID.class)),
                        row.getString(2),
                        row.getString(3),
                        null,
                        row.getBoolean(4));
                Timestamp lastUsed = row.getTimestamp(6);
                Instant now = clock.instant();
                if (lastUsed == null
                        || lastUsed.toInstant().plus(LAST_USE_RESOLUTION).isBefore(now)) {
                    try (PreparedStatement touch =
                            c.prepareStatement("update api_token set last_used_at = ? where id = ?")) {
                        touch.setTimestamp(1, Timestamp.from(now));
                        touch.setObject(2, row.getObject(5, UUID.class));
                        touch.executeUpdate();
                    }
                }
                return Optional.of(account);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check a token", e);
        }
    }

    static String hash(String secret) {
        return Secrets.hash(secret);
    }
}
