package org.tierslieux.core.i18n;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The language of the current request: the {@code lang} cookie set by the switcher wins, then the first
 * supported language of {@code Accept-Language}, then French.
 */
@RequestScoped
public class RequestLocale {

    public static final String COOKIE = "lang";

    @Inject
    HttpServerRequest request;

    private Locale locale;

    public Locale get() {
        if (locale == null) {
            locale = resolve();
        }
        return locale;
    }

    private Locale resolve() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return Messages.supported(Locale.forLanguageTag(cookie.getValue()));
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    Locale candidate = Locale.forLanguageTag(range.getRange());
                    for (Locale supported : Messages.SUPPORTED) {
                        if (supported.getLanguage().equals(candidate.getLanguage())) {
                            return supported;
                        }
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header falls back to the default language
            }
        }
        return Messages.DEFAULT;
    }
}
