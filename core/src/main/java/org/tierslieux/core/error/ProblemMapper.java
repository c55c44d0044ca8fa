package org.tierslieux.core.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tierslieux.core.i18n.Messages;
import org.tierslieux.core.i18n.RequestLocale;
import org.tierslieux.core.people.IdentityMode;
import org.tierslieux.core.people.LoginLocked;
import org.tierslieux.core.people.Unauthenticated;

/**
 * The one place where failures become answers: {@code application/problem+json} for the API (and for any
 * client that does not ask for HTML), an error page in the user's language for the browser. Unexpected
 * failures are logged with an incident number that the answer repeats, never with their stack trace.
 */
class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String FORM_LOGIN_ACTION = "/j_security_check";

    @Inject
    Messages messages;

    @Inject
    RequestLocale requestLocale;

    @Inject
    HttpServerRequest request;

    @Inject
    ErrorPages errorPages;

    @Inject
    IdentityMode identityMode;

    @ServerExceptionMapper
    Response domain(DomainException e) {
        if (e instanceof Unauthenticated) {
            return unauthenticated();
        }
        if (e.status() == 503) {
            return Response.fromResponse(answer(e.status(), e.code(), e.arguments(), null))
                    .header("Retry-After", "10")
                    .build();
        }
        return answer(e.status(), e.code(), e.arguments(), null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response unauthorized(RuntimeException e) {
        LoginLocked locked = lockedIn(e);
        if (locked != null) {
            long seconds = locked.retryAfter().toSeconds();
            if (request.path().equals(FORM_LOGIN_ACTION)) {
                // the login form says for how long (in minutes, rounded up)
                return Response.seeOther(java.net.URI.create("/login?locked=" + ((seconds + 59) / 60)))
                        .build();
            }
            return Response.fromResponse(
                            answer(429, "access.login-locked", Map.of("minutes", (seconds + 59) / 60), null))
                    .header("Retry-After", Long.toString(seconds))
                    .build();
        }
        if (request.path().equals(FORM_LOGIN_ACTION)) {
            // a wrong password on the login form: back to the form, with its message
            return Response.seeOther(java.net.URI.create("/login?error=true")).build();
        }
        return unauthenticated();
    }

    /**
     * Quarkus OIDC could not reach Keycloak (at start-up it retries at each request): not the caller's fault,
     * and temporary. A token already verified with the keys Keycloak published does not need it.
     */
    @ServerExceptionMapper
    Response identityUnavailable(OIDCException e) {
        LOG.warnf("Keycloak cannot be reached: %s", e.getMessage());
        return Response.fromResponse(answer(503, "identity.unavailable", Map.of(), null))
                .header("Retry-After", "10")
                .build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return answer(403, "access.denied", Map.of(), null);
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.merge(field(violation), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        String detail = errors.entrySet().stream()
                .map(x -> x.getKey() + ": " + x.getValue())
                .collect(Collectors.joining(", "));
        return answer(400, "request.invalid", Map.of("fields", detail), errors);
    }

    // Each Jackson failure is named: Quarkus has built-in mappers for some subtypes (empty 400 bodies), and
    // the most specific mapper wins.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        ValueInstantiationException.class
    })
    Response unreadable(JsonProcessingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "request.malformed";
            case 401 -> "access.unauthenticated";
            case 403 -> "access.denied";
            case 404 -> "route.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            default -> status >= 500 ? "server.error" : "request.refused";
        };
        if (status == 401) {
            return unauthenticated();
        }
        if (status >= 500) {
            return unexpected(e);
        }
        return answer(status, code, Map.of("path", request.path()), null);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    Response stale(RuntimeException e) {
        return answer(409, "request.stale", Map.of(), null);
    }

    @ServerExceptionMapper
    Response persistence(PersistenceException e) {
        if (e instanceof OptimisticLockException) {
            return stale(e);
        }
        return unexpected(e);
    }

    /**
     * The last resort. A refusal by the database (a unique key, an exclusion constraint...) still gets its
     * own answer, even when it surfaced at commit, wrapped in a transaction failure; anything else is a 500
     * with an incident number, logged with its stack trace.
     */
    @ServerExceptionMapper
    Response unexpected(Throwable e) {
        if (badlyEncoded(e)) {
            return answer(400, "request.unreadable", Map.of(), null);
        }
        SQLException sql = sqlCause(e);
        String state = sql == null ? "" : String.valueOf(sql.getSQLState());
        switch (state) {
            case "23505":
                return answer(409, "data.duplicate", Map.of(), null);
            case "23P01":
                return answer(409, "data.overlap", Map.of(), null);
            case "23503":
                return answer(409, "data.still-referenced", Map.of(), null);
            case "23514", "22001", "22003", "22007", "22P02":
                return answer(422, "data.rejected", Map.of(), null);
            case "40001", "40P01":
                return answer(409, "request.stale", Map.of(), null);
            case "P0001":
                // a trigger guarding legal records said no; its hint names the rule (billing's schema)
                String message = String.valueOf(sql.getMessage());
                if (message.contains("tl:period-closed")) {
                    return answer(409, "invoice.period-closed", Map.of(), null);
                }
                if (message.contains("tl:legal-record-immutable")) {
                    return answer(409, "invoice.immutable", Map.of(), null);
                }
                return unknown(e);
            default:
                // Agroal says "Acquisition timeout" or "Sorry, acquisition timeout!" depending on where it waited
                if (sql != null
                        && String.valueOf(sql.getMessage())
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains("acquisition timeout")) {
                    // Every database connection stayed busy for the whole wait: a surge, not a fault.
                    return Response.fromResponse(answer(503, "server.busy", Map.of(), null))
                            .header("Retry-After", "2")
                            .build();
                }
                return unknown(e);
        }
    }

    private Response unknown(Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Incident %s on %s %s", incident, request.method(), request.path());
        return answer(500, "server.error", Map.of("incident", incident), null);
    }

    private Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return answer(
                    400,
                    "request.unknown-field",
                    Map.of("field", unknown.getPropertyName()),
                    Map.of(unknown.getPropertyName(), "unknown"));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            return answer(400, "request.wrong-type", Map.of("field", field), Map.of(field, "wrong type or format"));
        }
        return answer(400, "request.malformed", Map.of("path", request.path()), null);
    }

    private static LoginLocked lockedIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LoginLocked locked) {
                return locked;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private Response unauthenticated() {
        if (wantsHtml()) {
            return Response.seeOther(java.net.URI.create("/login"))
                    .header("Set-Cookie", ErrorPages.rememberWhereToGoBack(request))
                    .build();
        }
        String challenge = identityMode.isOidc() ? "Bearer" : "Basic realm=\"TiersLieux\", charset=\"UTF-8\"";
        return Response.fromResponse(answer(401, "access.unauthenticated", Map.of(), null))
                .header("WWW-Authenticate", challenge)
                .build();
    }

    private Response answer(int status, String code, Map<String, ?> arguments, Map<String, String> errors) {
        Locale locale = locale();
        String title = messages.get(locale, code + ".title", arguments);
        String detail = messages.find(locale, code, arguments).orElse(title);
        if (title.equals(code + ".title")) {
            title = detail;
        }
        if (wantsHtml()) {
            return errorPages.page(status, title, detail);
        }
        Problem problem = Problem.of(status, code, title, detail, request.path());
        if (errors != null && !errors.isEmpty()) {
            problem = problem.withErrors(errors);
        }
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Locale locale() {
        try {
            return requestLocale.get();
        } catch (RuntimeException noRequest) {
            return Messages.DEFAULT;
        }
    }

    /** Pages (browser navigation) get HTML; the API and every other client get problem+json. */
    private boolean wantsHtml() {
        String path = request.path();
        if (path.startsWith("/api/") || path.startsWith("/q/") || path.startsWith("/ical/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.request.name" -> "name": drop the method and parameter names
        String[] parts = path.split("\\.");
        return parts.length > 2
                ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return field.isEmpty() ? "body" : field;
    }

    /**
     * Whether the failure is the server's URL decoder refusing what the client sent (a form field or an address
     * with {@code %} not followed by two hex digits): the client's fault, not an incident.
     */
    private static boolean badlyEncoded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    String type = frame.getClassName();
                    if (type.endsWith(".URLUtils")
                            || type.endsWith(".URIDecoder")
                            || type.endsWith(".QueryStringDecoder")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
