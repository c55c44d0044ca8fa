package org.tierslieux.core.people;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Secrets;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * A manager invites someone by e-mail to their place. The person gets an account if they had none and the role
 * at once (roles stay in our tables, whatever the identity mode). How they will sign in depends on the mode:
 * in {@code oidc} mode Keycloak's admin API finds or creates their user and sends its own e-mail (choose a
 * password, verify the address); in {@code local} mode a one-time link, stored hashed and expiring, lets them
 * choose a password here. Someone who can already sign in just gets a notice.
 */
@ApplicationScoped
public class Invitations {

    /** Every password link's secret starts with it, so that a leaked one is recognisable. */
    public static final String PREFIX = "tli_";

    /** How the invited person will learn of it. */
    public enum Delivery {
        /** Keycloak's e-mail: choose a password and verify the address (OIDC mode, new user). */
        KEYCLOAK_ACTIONS,
        /** Our e-mail with a one-time link to choose a password (local mode, no password yet). */
        PASSWORD_LINK,
        /** Our e-mail saying they now have a role in the place (they can already sign in). */
        NOTICE
    }

    public record Invited(PersonId person, String email, String displayName, Role role, Delivery delivery) {}

    /** What the password page shows about a link that still works. */
    public record Pending(String email, String displayName, String placeName, Instant expiresAt) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final PlaceDirectory places;
    private final PeopleService people;
    private final PasswordHasher hasher;
    private final IdentityMode mode;
    private final KeycloakAccounts keycloak;
    private final Event<PersonInvited> invited;
    private final String publicUrl;
    private final Duration validity;

    Invitations(
            Clock clock,
            PlaceContext placeContext,
            PlaceDirectory places,
            PeopleService people,
            PasswordHasher hasher,
            IdentityMode mode,
            KeycloakAccounts keycloak,
            Event<PersonInvited> invited,
            @ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String publicUrl,
            @ConfigProperty(name = "tl.invitation.validity", defaultValue = "P7D") Duration validity) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.places = places;
        this.people = people;
        this.hasher = hasher;
        this.mode = mode;
        this.keycloak = keycloak;
        this.invited = invited;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.validity = validity;
    }

    /**
     * Invites {@code email} to the current place with {@code role}. Inviting someone again is allowed (a lost
     * e-mail): a new password link replaces the previous one. If Keycloak cannot be reached, nothing is kept and
     * the answer is a 503 {@code identity.unavailable}.
     */
    @Transactional
    public Invited invite(PersonId by, String email, String displayNameOrNull, Role role) {
        PlaceRef place = placeContext.require();
        String normalized = Person.normalizeEmail(email);
        Person person = people.byEmail(normalized)
                .orElseGet(() -> people.find(
                        people.createAccount(normalized, nameFor(normalized, displayNameOrNull), null, false)));
        people.grant(person.id(), role);
        Delivery delivery;
        String link = null;
        if (mode.isOidc()) {
            var user = keycloak.findOrCreate(person.email(), person.displayName());
            if (person.oidcSubject() == null) {
                person.linkOidcSubject(user.subject());
            }
            if (user.emailVerified()) {
                delivery = Delivery.NOTICE;
            } else {
                keycloak.sendFirstActions(user.subject());
                delivery = Delivery.KEYCLOAK_ACTIONS;
            }
        } else if (!person.hasPassword()) {
            link = publicUrl + "/invitations/" + newLink(person, place, role, by);
            delivery = Delivery.PASSWORD_LINK;
        } else {
            delivery = Delivery.NOTICE;
        }
        invited.fire(new PersonInvited(place, person.id(), role, link, delivery == Delivery.KEYCLOAK_ACTIONS));
        return new Invited(person.id(), person.email(), person.displayName(), role, delivery);
    }

    /** What a password link is about, while it still works (404, or 409 once used or expired). */
    @Transactional
    public Pending pending(String secret) {
        Invitation invitation = usable(secret);
        Person person = people.find(invitation.person());
        String placeName = places.byId(invitation.place()).map(PlaceRef::name).orElse("");
        return new Pending(person.email(), person.displayName(), placeName, invitation.expiresAt());
    }

    /** The invited person chooses their password; the link is spent. A weak password leaves the link usable. */
    @Transactional
    public PersonId accept(String secret, String password) {
        Invitation invitation = usable(secret);
        Person person = people.find(invitation.person());
        String hash = hasher.hashChosen(password, person.email());
        invitation.use(clock.instant());
        person.setPasswordHash(hash);
        return person.id();
    }

    private Invitation usable(String secret) {
        if (!mode.isLocal() || secret == null || !secret.startsWith(PREFIX)) {
            throw DomainException.notFound("invitation.not-found", Map.of());
        }
        Invitation invitation = em().createQuery("from Invitation i where i.tokenHash = :hash", Invitation.class)
                .setParameter("hash", Secrets.hash(secret))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("invitation.not-found", Map.of()));
        invitation.checkUsable(clock.instant());
        return invitation;
    }

    private String newLink(Person person, PlaceRef place, Role role, PersonId by) {
        Instant now = clock.instant();
        em().createQuery("from Invitation i where i.personId = :person and i.usedAt is null", Invitation.class)
                .setParameter("person", person.id().value())
                .getResultList()
                .forEach(previous -> previous.supersede(now));
        String secret = Secrets.newSecret(PREFIX);
        em().persist(new Invitation(person.id(), place.id(), role, Secrets.hash(secret), by, now, now.plus(validity)));
        return secret;
    }

    /** The name given, else the part of the address before the {@code @}. */
    private static String nameFor(String email, String displayNameOrNull) {
        if (displayNameOrNull != null && !displayNameOrNull.isBlank()) {
            return displayNameOrNull.strip();
        }
        return email.substring(0, Math.max(1, email.indexOf('@')));
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
