package org.tierslieux.core.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Starts every page: the template with {@code ui} and the caller's language. */
@ApplicationScoped
public class Pages {

    @Inject
    Ui ui;

    public TemplateInstance page(Template template) {
        return template.data("ui", ui).setLocale(ui.locale());
    }

    /** After a form post: back to a page with a GET (so a reload does not post twice). */
    public static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
