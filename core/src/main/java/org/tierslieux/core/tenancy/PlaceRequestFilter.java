package org.tierslieux.core.tenancy;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.people.Unauthenticated;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;

/**
 * Before any endpoint runs: takes the place from the path ({@code {place}}), 404 when there is none of that
 * name, then checks the endpoint's {@link Access} rule against the caller. Runs on the endpoint's thread,
 * before its ORM session opens, so the session takes the place as its tenant.
 */
class PlaceRequestFilter {

    static final String PLACE_PARAMETER = "place";

    @Inject
    PlaceDirectory places;

    @Inject
    PlaceContext placeContext;

    @Inject
    Caller caller;

    @ServerRequestFilter
    void enterPlaceAndCheckAccess(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        String slug = request.getUriInfo().getPathParameters().getFirst(PLACE_PARAMETER);
        if (slug != null) {
            PlaceRef place = places.bySlug(slug)
                    .orElseThrow(() -> DomainException.notFound("place.not-found", Map.of("place", slug)));
            placeContext.enter(place);
        }
        check(method, resource.getResourceClass(), slug != null);
    }

    private void check(Method method, Class<?> type, boolean underPlace) {
        if (rule(method, type, Access.Public.class) != null) {
            return;
        }
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated();
        }
        if (rule(method, type, Access.SignedIn.class) != null) {
            return;
        }
        if (caller.person().isEmpty()) {
            // a valid token for somebody we have no account for (OIDC mode)
            throw DomainException.forbidden("access.no-account");
        }
        if (rule(method, type, Access.NetworkAdmin.class) != null) {
            if (!caller.isNetworkAdmin()) {
                throw DomainException.forbidden("access.network-admin-only");
            }
            return;
        }
        Access.InPlace inPlace = rule(method, type, Access.InPlace.class);
        if (inPlace == null || !underPlace) {
            throw DomainException.forbidden("access.denied");
        }
        if (inPlace.networkAdmin() && caller.isNetworkAdmin()) {
            return;
        }
        boolean allowed = Arrays.stream(inPlace.value())
                .anyMatch(role -> role == Role.MEMBER ? caller.isMemberHere() : caller.has(role));
        if (!allowed) {
            throw DomainException.forbidden(caller.isMemberHere() ? "access.role-missing" : "access.not-a-member");
        }
    }

    private static <A extends java.lang.annotation.Annotation> A rule(
            Method method, Class<?> type, Class<A> annotation) {
        A onMethod = method.getAnnotation(annotation);
        return onMethod != null ? onMethod : ((AnnotatedElement) type).getAnnotation(annotation);
    }
}
