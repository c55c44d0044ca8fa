package org.tierslieux.core.people;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identity mode {@code oidc}: Keycloak proves who the caller is; this finds the matching person (by the
 * token's subject, else by its verified email, which it then links) so that our roles apply. A token for
 * nobody we know stays an identity without a person: it may read public pages, nothing of a place.
 */
@ApplicationScoped
class OidcPersonAugmentor implements SecurityIdentityAugmentor {

    private final PersonDirectory directory;
    private final PeopleService people;

    OidcPersonAugmentor(PersonDirectory directory, PeopleService people) {
        this.directory = directory;
        this.people = people;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || identity.getAttribute(Identities.PERSON_ID) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Optional<PersonDirectory.Account> account = directory.byOidcSubject(token.getSubject());
            Object verified = token.getClaim("email_verified");
            if (account.isEmpty() && verified != null && Boolean.parseBoolean(verified.toString())) {
                String email = token.getClaim("email");
                account = email == null ? Optional.empty() : directory.byEmail(email);
                account.ifPresent(found -> people.linkOidcSubject(found.id(), token.getSubject()));
            }
            if (account.isEmpty()) {
                return identity;
            }
            var builder = QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(Identities.PERSON_ID, account.get().id());
            if (account.get().networkAdmin()) {
                builder.addRole(Identities.NETWORK_ADMIN_ROLE);
            }
            return builder.build();
        });
    }
}
