package org.tierslieux.core.place;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tierslieux.core.error.DomainException;

/**
 * The name of a place in URLs: lowercase {@code [a-z0-9-]{2,40}}, never one of the application's own first
 * path segments (otherwise {@code /api/...} or {@code /login} would become a place).
 */
public record Slug(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    /** First path segments the application uses itself. Keep in step with the routes of every module. */
    public static final Set<String> RESERVED = Set.of(
            "api",
            "q",
            "ical",
            "network",
            "login",
            "logout",
            "invitations",
            "static",
            "webjars",
            "lang",
            "me",
            "admin",
            "assets",
            "favicon.ico",
            "robots.txt",
            "health",
            "metrics",
            "openapi",
            "swagger-ui",
            "j_security_check",
            "places",
            "new",
            "docs",
            "help",
            "account",
            "public",
            "www");

    public Slug {
        if (value == null || value.length() < 2 || !SHAPE.matcher(value).matches()) {
            throw DomainException.invalid("place.slug-invalid", Map.of("slug", String.valueOf(value)));
        }
        if (RESERVED.contains(value)) {
            throw DomainException.invalid("place.slug-reserved", Map.of("slug", value));
        }
    }

    /** Whether a path segment could be a slug at all (cheap pre-check before a lookup). */
    public static boolean looksLikeOne(String candidate) {
        return candidate != null
                && candidate.length() >= 2
                && SHAPE.matcher(candidate).matches()
                && !RESERVED.contains(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
