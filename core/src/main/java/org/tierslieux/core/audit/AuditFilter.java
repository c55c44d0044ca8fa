package org.tierslieux.core.audit;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * After every state-changing request (not GET, HEAD or OPTIONS) in a place, by a person who is manager or
 * treasurer there, or by a network admin on an endpoint that asks for those roles: one row in the place's audit
 * log, refusals included (their status says so). It runs after the endpoint's transaction has ended, so the
 * row records what was answered; a failure to write it is logged, never turned into a failed answer for an
 * action that has already happened.
 */
class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<Role> AUDITED = EnumSet.of(Role.MANAGER, Role.TREASURER);

    @Inject
    PlaceContext placeContext;

    @Inject
    Caller caller;

    @Inject
    AuditLog log;

    @Inject
    PersonDirectory directory;

    @ServerResponseFilter
    void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (READS.contains(request.getMethod()) || response.getStatus() == 401) {
            return;
        }
        var place = placeContext.current();
        if (place.isEmpty() || !signedIn()) {
            return;
        }
        var person = caller.person();
        if (person.isEmpty()) {
            return;
        }
        Set<Role> roles;
        try {
            roles = caller.rolesHere();
        } catch (RuntimeException e) {
            // reading the roles needs a database connection too: a surge that holds them all must not turn the
            // answer (of an action that already happened) into a 500
            LOG.warnf(
                    "Audit: the roles of %s could not be read, %s %s not audited: %s",
                    caller.name(), request.getMethod(), request.getUriInfo().getPath(), e.toString());
            return;
        }
        try {
            Set<String> actingAs = new TreeSet<>();
            roles.stream().filter(AUDITED::contains).forEach(role -> actingAs.add(role.name()));
            Method method = resource == null ? null : resource.getResourceMethod();
            if (actingAs.isEmpty() && caller.isNetworkAdmin() && asksForAuditedRole(method, resource)) {
                actingAs.add("NETWORK_ADMIN");
            }
            if (actingAs.isEmpty()) {
                return;
            }
            String operation =
                    method == null ? "" : method.getDeclaringClass().getSimpleName() + "." + method.getName();
            log.record(
                    place.get().id(),
                    person.get(),
                    // the account's email (in OIDC mode the principal's name may be the token's subject)
                    directory
                            .byId(person.get())
                            .map(PersonDirectory.Account::email)
                            .orElse(caller.name()),
                    String.join(",", actingAs),
                    request.getMethod(),
                    request.getUriInfo().getPath(),
                    operation,
                    response.getStatus());
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Audit log not written for %s %s by %s",
                    request.getMethod(),
                    request.getUriInfo().getPath(),
                    caller.name());
        }
    }

    /**
     * Authentication is lazy: asking who the caller is may check their credentials now. Refused ones (a locked
     * account answers 429, not 401) mean nobody to audit, not a 500 instead of the refusal.
     */
    private boolean signedIn() {
        try {
            return caller.isAuthenticated();
        } catch (AuthenticationFailedException refused) {
            return false;
        } catch (RuntimeException refused) {
            // the same refusal, wrapped on its way out of the identity provider
            if (causedBy(refused, AuthenticationFailedException.class)) {
                return false;
            }
            throw refused;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asksForAuditedRole(Method method, ResourceInfo resource) {
        if (method == null) {
            return false;
        }
        Access.InPlace rule = method.getAnnotation(Access.InPlace.class);
        if (rule == null) {
            rule = resource.getResourceClass().getAnnotation(Access.InPlace.class);
        }
        return rule != null && Arrays.stream(rule.value()).anyMatch(AUDITED::contains);
    }
}
