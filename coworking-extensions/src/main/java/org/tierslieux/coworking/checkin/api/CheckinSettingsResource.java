package org.tierslieux.coworking.checkin.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.coworking.checkin.CheckinSettings;
import org.tierslieux.coworking.checkin.CheckinSettingsService;

/** How the place runs check-in and what guests cost. */
@Path("/api/v1/places/{place}/checkin-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in")
public class CheckinSettingsResource {

    public record SettingsRequest(
            @NotNull Boolean enabled,
            Integer graceMinutes,
            CheckinSettings.GuestPolicy guestPolicy,
            BigDecimal guestPrice) {}

    public record SettingsResponse(
            boolean enabled,
            Instant enabledAt,
            int graceMinutes,
            CheckinSettings.GuestPolicy guestPolicy,
            Map<String, String> guestPrice) {
        static SettingsResponse of(CheckinSettings s) {
            return new SettingsResponse(
                    s.enabled(),
                    s.enabledAt(),
                    s.graceMinutes(),
                    s.guestPolicy(),
                    Map.of(
                            "amount",
                            s.guestPrice().amount().setScale(2).toPlainString(),
                            "currency",
                            s.guestPrice().currency().getCurrencyCode()));
        }
    }

    private final CheckinSettingsService settings;

    CheckinSettingsResource(CheckinSettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "Check-in settings", description = "Members read them (the guest policy and price).")
    public SettingsResponse get(@PathParam("place") String place) {
        return SettingsResponse.of(settings.current());
    }

    @PUT
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Change the check-in settings",
            description = "`enabled`, `graceMinutes` (0-1440, default 30), `guestPolicy` FREE | HOST_CREDITS |"
                    + " BILL_HOST, `guestPrice` (amount, the place's currency, VAT included; required above zero"
                    + " for BILL_HOST). 422 checkin.grace-invalid / checkin.guest-price-invalid.")
    public SettingsResponse put(@PathParam("place") String place, @Valid @NotNull SettingsRequest request) {
        CheckinSettings before = settings.current();
        return SettingsResponse.of(settings.change(
                request.enabled(),
                request.graceMinutes() == null ? before.graceMinutes() : request.graceMinutes(),
                request.guestPolicy() == null ? before.guestPolicy() : request.guestPolicy(),
                request.guestPrice() == null ? before.guestPrice().amount() : request.guestPrice()));
    }
}
