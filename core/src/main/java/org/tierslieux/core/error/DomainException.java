package org.tierslieux.core.error;

import java.util.Map;

/**
 * A refusal by a business rule. The {@code code} is stable (clients and translations depend on it); the
 * arguments fill the translated message ({@code {name}} placeholders) and must not hold secrets.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final int status;
    private final Map<String, Object> arguments;

    public DomainException(int status, String code, Map<String, Object> arguments) {
        super(code + " " + arguments);
        this.status = status;
        this.code = code;
        this.arguments = Map.copyOf(arguments);
    }

    public DomainException(int status, String code) {
        this(status, code, Map.of());
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    /** 404: the thing does not exist, or exists in another place (which the caller must not learn). */
    public static DomainException notFound(String code, Map<String, Object> arguments) {
        return new DomainException(404, code, arguments);
    }

    /** 403: the caller is known but lacks the role needed here. */
    public static DomainException forbidden(String code) {
        return new DomainException(403, code);
    }

    /** 409: the request is well formed but the current state refuses it. */
    public static DomainException conflict(String code, Map<String, Object> arguments) {
        return new DomainException(409, code, arguments);
    }

    /** 422: the request is well formed but breaks a rule of the domain. */
    public static DomainException invalid(String code, Map<String, Object> arguments) {
        return new DomainException(422, code, arguments);
    }
}
