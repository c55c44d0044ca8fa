package org.tierslieux.core.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import org.tierslieux.core.error.DomainException;

/** Starts every page: the template with {@code ui} and the caller's language. */
@ApplicationScoped
public class Pages {

    @Inject
    Ui ui;

    public TemplateInstance page(Template template) {
        return template.data("ui", ui).setLocale(ui.locale());
    }

    /**
     * A form the domain refused: the same form again, with what was typed and the reason in the caller's
     * language; 409 for a conflict of state, 422 otherwise.
     */
    public Response refused(DomainException refusal, Function<String, TemplateInstance> formWithError) {
        return Response.status(refusal.status() == 409 ? 409 : 422)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(formWithError.apply(ui.explain(refusal)).render())
                .build();
    }

    /** After a form post: back to a page with a GET (so a reload does not post twice). */
    public static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
