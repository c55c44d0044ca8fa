package org.tierslieux.core.people;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Identity mode {@code oidc}: Keycloak proves who the caller is; this finds the matching person (by the token's
 * subject, else by its verified e-mail, which it then links) so that our roles apply. Someone signing in for the
 * first time with a verified e-mail we do not know gets an account (subject, e-mail, name) with no role
 * anywhere: places answer them 403 until a manager invites them or gives them a role. A token without a
 * verified e-mail (a service account, an unverified address) stays an identity without a person, which may read
 * public pages and nothing else.
 */
@ApplicationScoped
class OidcPersonAugmentor implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(OidcPersonAugmentor.class);

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
            Optional<PersonDirectory.Account> account = personOf(token);
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

    private Optional<PersonDirectory.Account> personOf(JsonWebToken token) {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        Optional<PersonDirectory.Account> account = directory.byOidcSubject(subject);
        if (account.isPresent()) {
            return account;
        }
        String email = token.getClaim("email");
        Object verified = token.getClaim("email_verified");
        if (email == null || email.isBlank() || verified == null || !Boolean.parseBoolean(verified.toString())) {
            return Optional.empty();
        }
        account = directory.byEmail(email);
        if (account.isPresent()) {
            people.linkOidcSubject(account.get().id(), subject);
            return account;
        }
        try {
            people.provision(subject, email, displayName(token, email));
        } catch (RuntimeException raced) {
            // two first requests at once: the other one created the account (unique subject and e-mail)
            LOG.debugf("Provisioning %s raced: %s", subject, raced.getMessage());
        }
        return directory.byOidcSubject(subject);
    }

    /** The token's {@code name}, else given and family names, else the part of the e-mail before the @. */
    static String displayName(JsonWebToken token, String email) {
        String name = token.getClaim("name");
        if (name == null || name.isBlank()) {
            String given = token.getClaim("given_name");
            String family = token.getClaim("family_name");
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        if (name.isBlank()) {
            name = email.substring(0, Math.max(1, email.indexOf('@')));
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
