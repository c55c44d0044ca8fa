package org.tierslieux.core.people;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.i18n.Messages;
import org.tierslieux.core.place.PlaceId;

/**
 * Reads accounts and roles with plain JDBC: authentication and role checks run before a request's ORM
 * session exists, and must not open it (its tenant is fixed at opening).
 */
@ApplicationScoped
public class PersonDirectory {

    /** What authentication needs of an account. */
    public record Account(PersonId id, String email, String displayName, String passwordHash, boolean networkAdmin) {}

    /** Where and how to write to a person: their address, the name to greet them by, their language. */
    public record Contact(PersonId id, String email, String displayName, Locale locale) {}

    /** One place where a person has roles, for the place switcher and {@code /api/v1/me}. */
    @io.quarkus.qute.TemplateData
    public record PlaceRoles(PlaceId placeId, String slug, String name, Set<Role> roles) {}

    private static final String ACCOUNT_COLUMNS =
            "select id, email, display_name, password_hash, network_admin from person ";

    private final AgroalDataSource dataSource;

    PersonDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Account> byEmail(String email) {
        return account(ACCOUNT_COLUMNS + "where email = ?", Person.normalizeEmail(email));
    }

    public Optional<Account> byOidcSubject(String subject) {
        return account(ACCOUNT_COLUMNS + "where oidc_subject = ?", subject);
    }

    public Optional<Account> byId(PersonId id) {
        return account(ACCOUNT_COLUMNS + "where id = ?::uuid", id.toString());
    }

    /** Keeps the language a person chose, for the mails they receive. */
    public void rememberLocale(PersonId id, Locale locale) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("update person set locale = ? where id = ? and locale <> ?")) {
            String code = Messages.supported(locale).getLanguage();
            update.setString(1, code);
            update.setObject(2, id.value());
            update.setString(3, code);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep a person's language", e);
        }
    }

    /** How to reach a person by e-mail, in their language ({@code person.locale}, French unless they chose English). */
    public Optional<Contact> contact(PersonId id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select email, display_name, locale from person where id = ?")) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Contact(
                        id,
                        row.getString(1),
                        row.getString(2),
                        Messages.supported(Locale.forLanguageTag(row.getString(3)))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a contact", e);
        }
    }

    /**
     * The person's roles in the place the connection is set to (row-level security hides other places'
     * memberships): call it once the request's place is known.
     */
    public Set<Role> rolesInCurrentPlace(PersonId person, PlaceId place) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select role from membership where tenant_id = ? and person_id = ?")) {
            select.setObject(1, place.value());
            select.setObject(2, person.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    roles.add(Role.valueOf(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read roles", e);
        }
        return roles;
    }

    /**
     * Every place where the person has a role. Crosses places on purpose, through the one policy that lets a
     * person read their own memberships ({@code app.person_id}, set for this transaction only).
     */
    public List<PlaceRoles> placesOf(PersonId person) {
        List<PlaceRoles> places = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement me =
                        connection.prepareStatement("select set_config('app.person_id', ?, true)")) {
                    me.setString(1, person.toString());
                    me.execute();
                }
                try (PreparedStatement select = connection.prepareStatement("""
                        select p.id, p.slug, p.name, array_agg(m.role order by m.role)
                          from membership m join place p on p.id = m.tenant_id
                         where m.person_id = ?
                         group by p.id, p.slug, p.name
                         order by p.name""")) {
                    select.setObject(1, person.value());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            Set<Role> roles = EnumSet.noneOf(Role.class);
                            for (String role : (String[]) rows.getArray(4).getArray()) {
                                roles.add(Role.valueOf(role));
                            }
                            places.add(new PlaceRoles(
                                    new PlaceId(rows.getObject(1, UUID.class)),
                                    rows.getString(2),
                                    rows.getString(3),
                                    roles));
                        }
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the places of a person", e);
        }
        return places;
    }

    private Optional<Account> account(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Account(
                        new PersonId(row.getObject(1, UUID.class)),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getBoolean(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read an account", e);
        }
    }
}
