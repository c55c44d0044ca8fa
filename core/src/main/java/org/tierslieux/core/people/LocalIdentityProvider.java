package org.tierslieux.core.people;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Identity mode {@code local}: an email and a password, checked against the bcrypt hash of the account (the
 * form login and HTTP Basic on {@code /api/**} both end here).
 */
@ApplicationScoped
class LocalIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final PersonDirectory directory;
    private final PasswordHasher hasher;
    private final IdentityMode mode;

    LocalIdentityProvider(PersonDirectory directory, PasswordHasher hasher, IdentityMode mode) {
        this.directory = directory;
        this.hasher = hasher;
        this.mode = mode;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            if (!mode.isLocal()) {
                throw new AuthenticationFailedException("Passwords are not accepted in OIDC mode");
            }
            String email = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            var account = directory.byEmail(email);
            if (!hasher.matches(
                    password, account.map(PersonDirectory.Account::passwordHash).orElse(null))) {
                throw new AuthenticationFailedException("Wrong email or password");
            }
            return Identities.of(account.get());
        });
    }
}
