package org.tierslieux.core.people;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.tenancy.PlaceContext;

/** Who is calling, and what they may do in the place of the request. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    PlaceContext placeContext;

    @Inject
    PersonDirectory directory;

    private Set<Role> rolesHere;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    /** The person behind the identity; empty for anonymous callers and for unknown OIDC subjects. */
    public Optional<PersonId> person() {
        return Optional.ofNullable(identity.getAttribute(Identities.PERSON_ID));
    }

    public PersonId requirePerson() {
        return person().orElseThrow(() ->
                isAuthenticated() ? DomainException.forbidden("access.no-account") : new Unauthenticated());
    }

    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean isNetworkAdmin() {
        return identity.hasRole(Identities.NETWORK_ADMIN_ROLE) && person().isPresent();
    }

    /** The caller's roles in the place of the request (none outside a place or for anonymous callers). */
    public Set<Role> rolesHere() {
        if (rolesHere == null) {
            rolesHere = person().flatMap(
                            p -> placeContext.current().map(place -> directory.rolesInCurrentPlace(p, place.id())))
                    .orElse(Set.of());
        }
        return rolesHere;
    }

    public boolean has(Role role) {
        return rolesHere().contains(role);
    }

    /** A member of the place is anyone with a role there (a manager or a treasurer is a member too). */
    public boolean isMemberHere() {
        return !rolesHere().isEmpty();
    }
}
