package org.tierslieux.core.people;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The session cookie of the form login already proves the password; this reloads the account on each page
 * so that a deleted account or a revoked admin flag takes effect at once.
 */
@ApplicationScoped
class TrustedLocalIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final PersonDirectory directory;

    TrustedLocalIdentityProvider(PersonDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> directory
                .byEmail(request.getPrincipal())
                .map(Identities::of)
                .orElseThrow(() -> new AuthenticationFailedException("The account no longer exists")));
    }
}
