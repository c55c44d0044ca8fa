package org.tierslieux.core.audit;

import java.time.Instant;
import java.util.UUID;

/** One recorded action: who (person and email), as what (roles), what (method, path, operation), when, where. */
@io.quarkus.qute.TemplateData
public record AuditEntry(
        UUID id,
        Instant at,
        String placeSlug,
        String placeName,
        UUID personId,
        String personEmail,
        String roles,
        String method,
        String path,
        String operation,
        int status) {}
