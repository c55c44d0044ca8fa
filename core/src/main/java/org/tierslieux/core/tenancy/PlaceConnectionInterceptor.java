package org.tierslieux.core.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells PostgreSQL which place a pooled connection works for, each time the pool hands it out. The row-level
 * security policies read {@code app.place_id}; an empty value matches no row. The value is written at every
 * hand-out, so a connection never keeps the place of its previous user.
 */
@ApplicationScoped
class PlaceConnectionInterceptor implements AgroalPoolInterceptor {

    @Override
    public void onConnectionAcquire(Connection connection) {
        String placeId = PlaceTenantResolver.currentPlaceId();
        set(connection, PlaceTenantResolver.NO_PLACE.equals(placeId) ? "" : placeId);
    }

    private static void set(Connection connection, String placeId) {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.place_id', ?, false)")) {
            statement.setString(1, placeId);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the place of a database connection", e);
        }
    }
}
