package org.tierslieux.core.people;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
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
    private final LoginThrottle throttle;

    LocalIdentityProvider(PersonDirectory directory, PasswordHasher hasher, IdentityMode mode, LoginThrottle throttle) {
        this.directory = directory;
        this.hasher = hasher;
        this.mode = mode;
        this.throttle = throttle;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String address = clientAddress(request);
        return context.runBlocking(() -> {
            if (!mode.isLocal()) {
                throw new AuthenticationFailedException("Passwords are not accepted in OIDC mode");
            }
            String email = request.getUsername();
            throttle.checkNotLocked(email, address);
            String password = new String(request.getPassword().getPassword());
            var account = directory.byEmail(email);
            if (!hasher.matches(
                    password, account.map(PersonDirectory.Account::passwordHash).orElse(null))) {
                throttle.failed(email, address);
                throw new AuthenticationFailedException("Wrong email or password");
            }
            throttle.succeeded(email);
            return Identities.of(account.get());
        });
    }

    /** The client's address (behind a proxy, the forwarded one when the proxy settings trust it). */
    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || routing.request().remoteAddress() == null) {
            return null;
        }
        return routing.request().remoteAddress().hostAddress();
    }
}
