package org.tierslieux.core.error;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tierslieux.core.web.Pages;

/** The browser's side of errors: a page in the user's language, inside the usual layout. */
@ApplicationScoped
class ErrorPages {

    /** The cookie Quarkus' form login reads to send the person back where they were going. */
    static final String REDIRECT_COOKIE = "quarkus-redirect-location";

    @Inject
    @Location("core/error.html")
    Template error;

    @Inject
    Pages pages;

    Response page(int status, String title, String detail) {
        String html;
        try {
            html = pages.page(error)
                    .data("status", status)
                    .data("title", title)
                    .data("detail", detail)
                    .render();
        } catch (RuntimeException renderingFailed) {
            // never fail while reporting a failure: a bare page still tells the person what happened
            html = "<!doctype html><title>" + status + "</title><h1>" + escape(title) + "</h1><p>" + escape(detail)
                    + "</p>";
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .build();
    }

    /**
     * The {@code Set-Cookie} header that sends the person back to this page after login. Written by hand:
     * JAX-RS would quote the value (a version 1 cookie), which the form login then takes for part of the path.
     */
    static String rememberWhereToGoBack(HttpServerRequest request) {
        // Quarkus only follows an absolute address on this very origin (no open redirect)
        String target = request.absoluteURI();
        boolean safe = target != null
                && target.chars().noneMatch(c -> c <= ' ' || c == ';' || c == ',' || c == '"' || c == '\\' || c > 126);
        // an address that cannot go in a cookie is forgotten: after login the landing page opens
        return safe
                ? REDIRECT_COOKIE + "=" + target + "; Path=/; HttpOnly; SameSite=Lax"
                : REDIRECT_COOKIE + "=; Path=/; Max-Age=0";
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
