package org.tierslieux.server.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header: how to authenticate (so that Swagger UI's "Authorize" sends credentials).
 * Pages are left out of the document by {@link PagesOutOfTheDocument}.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "TiersLieux Manager API",
                        version = "1",
                        description =
                                "Booking, subscription and invoicing for a network of tiers-lieux. Errors are application/problem+json.",
                        license = @License(name = "AGPL-3.0-or-later")),
        security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "basic")},
        components =
                @Components(
                        securitySchemes = {
                            @SecurityScheme(
                                    securitySchemeName = "token",
                                    type = SecuritySchemeType.HTTP,
                                    scheme = "bearer",
                                    description =
                                            "A personal API token (tlm_...) in local mode, a Keycloak access token in OIDC mode"),
                            @SecurityScheme(
                                    securitySchemeName = "basic",
                                    type = SecuritySchemeType.HTTP,
                                    scheme = "basic",
                                    description = "Email and password of a local account")
                        }))
public class ApiDocument extends Application {}
