package org.tierslieux.core.people;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a personal token against the stored hashes: one indexed lookup, no password hashing. */
@ApplicationScoped
class PersonalTokenIdentityProvider implements IdentityProvider<PersonalTokenRequest> {

    private final PersonalTokens tokens;

    PersonalTokenIdentityProvider(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<PersonalTokenRequest> getRequestType() {
        return PersonalTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(PersonalTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.accountOf(request.token())
                .map(Identities::of)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked token")));
    }
}
