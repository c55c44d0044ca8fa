package org.tierslieux.core.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The body of an {@code application/problem+json} answer (RFC 9457) with our stable {@code code}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String instance,
        Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://tierslieux.org/problems/";

    public static Problem of(int status, String code, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, instance, null);
    }

    public Problem withErrors(Map<String, String> fieldErrors) {
        return new Problem(type, title, status, detail, code, instance, fieldErrors);
    }
}
