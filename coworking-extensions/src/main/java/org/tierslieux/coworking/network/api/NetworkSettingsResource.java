package org.tierslieux.coworking.network.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.coworking.network.NetworkSettings;

@Path("/api/v1/network/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Network pass")
public class NetworkSettingsResource {

    public record SettingsRequest(
            @NotNull BigDecimal monthlyAllowance, @NotNull BigDecimal rate, String currency) {}

    public record SettingsResponse(
            BigDecimal monthlyAllowance, BigDecimal rate, String currency, List<String> participatingPlaces) {}

    private final NetworkSettings settings;
    private final PlaceDirectory places;
    private final Caller caller;

    NetworkSettingsResource(NetworkSettings settings, PlaceDirectory places, Caller caller) {
        this.settings = settings;
        this.places = places;
        this.caller = caller;
    }

    @GET
    @Access.SignedIn
    @Operation(
            summary = "The network pass agreement",
            description = "Desk-days a member may spend at other places each month, the rate the home place pays"
                    + " the host per desk-day, and the places taking part (slugs).")
    public SettingsResponse get() {
        return response();
    }

    @PUT
    @Access.NetworkAdmin
    @Operation(
            summary = "Set the network pass agreement (network admins)",
            description = "`monthlyAllowance` in desk-days, by halves, 0 to 31 (422 network.allowance-invalid);"
                    + " `rate` per desk-day, 0 to 10000 with 2 decimals (422 network.rate-invalid); `currency`"
                    + " ISO 4217, EUR by default. The rate is copied on each visit when it is booked.")
    public SettingsResponse set(@Valid @NotNull SettingsRequest request) {
        settings.set(caller.requirePerson(), request.monthlyAllowance(), request.rate(), request.currency());
        return response();
    }

    private SettingsResponse response() {
        var terms = settings.terms();
        var participating = settings.participating();
        List<String> slugs = places.all().stream()
                .filter(p -> participating.contains(p.id()))
                .map(p -> p.slug())
                .sorted()
                .toList();
        return new SettingsResponse(
                terms.monthlyAllowance(),
                terms.rate().amount(),
                terms.rate().currency().getCurrencyCode(),
                slugs);
    }
}
