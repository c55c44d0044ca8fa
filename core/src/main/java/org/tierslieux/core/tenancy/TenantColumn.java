package org.tierslieux.core.tenancy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Hibernate hands tenant identifiers around as strings (Quarkus' resolver returns one), while the
 * {@code tenant_id} columns are {@code uuid}: entities map their {@code @TenantId} as a String through this
 * converter, so the column keeps its type (and its indexes, foreign keys and policies keep working).
 */
@Converter
public class TenantColumn implements AttributeConverter<String, UUID> {

    @Override
    public UUID convertToDatabaseColumn(String tenant) {
        return tenant == null ? null : UUID.fromString(tenant);
    }

    @Override
    public String convertToEntityAttribute(UUID column) {
        return column == null ? null : column.toString();
    }
}
