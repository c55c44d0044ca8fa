package org.tierslieux.core.people;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads personal API tokens ({@code Authorization: Bearer tlm_...}) in local mode, so that integrations and
 * load never hash a password per request. Any other bearer value is left to the other mechanisms (OIDC).
 */
@ApplicationScoped
class PersonalTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final IdentityMode mode;

    PersonalTokenMechanism(IdentityMode mode) {
        this.mode = mode;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (!mode.isLocal()
                || header == null
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !header.substring(BEARER.length()).strip().startsWith(PersonalTokens.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                new PersonalTokenRequest(header.substring(BEARER.length()).strip()));
    }

    /** No challenge of its own: the login form (local) or Keycloak (OIDC) is how a person signs in. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(PersonalTokenRequest.class);
    }

    @Override
    public int getPriority() {
        // before Basic, form and OIDC: a tlm_ token is ours alone
        return 3000;
    }
}
