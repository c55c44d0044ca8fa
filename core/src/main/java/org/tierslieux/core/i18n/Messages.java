package org.tierslieux.core.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/** Looks texts up by key in every module's bundle, in the requested language, falling back to French. */
@ApplicationScoped
public class Messages {

    public static final Locale DEFAULT = Locale.FRENCH;
    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<String> baseNames = new ArrayList<>();

    Messages(Instance<MessageSource> sources) {
        sources.forEach(source -> baseNames.add(source.baseName()));
    }

    /** The text of {@code key}, or the key itself when no bundle has it (visible, never a crash). */
    public String get(Locale locale, String key) {
        return find(locale, key).orElse(key);
    }

    /** The text with its {@code {name}} placeholders filled from {@code arguments}. */
    public String get(Locale locale, String key, Map<String, ?> arguments) {
        return fill(get(locale, key), arguments);
    }

    /** The text with its placeholders filled, if any bundle has the key. */
    public Optional<String> find(Locale locale, String key, Map<String, ?> arguments) {
        return find(locale, key).map(text -> fill(text, arguments));
    }

    private static String fill(String text, Map<String, ?> arguments) {
        for (var argument : arguments.entrySet()) {
            text = text.replace("{" + argument.getKey() + "}", String.valueOf(argument.getValue()));
        }
        return text;
    }

    public Optional<String> find(Locale locale, String key) {
        Locale language = supported(locale);
        for (String baseName : baseNames) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(
                        baseName, language, Thread.currentThread().getContextClassLoader(), NO_SYSTEM_FALLBACK);
                if (bundle.containsKey(key)) {
                    return Optional.of(bundle.getString(key)); // bundles are read as UTF-8 since Java 9
                }
            } catch (MissingResourceException absent) {
                // this module has no bundle for the language: try the next one
            }
        }
        return language.equals(DEFAULT) ? Optional.empty() : find(DEFAULT, key);
    }

    /** The closest supported language: English for any English, French for everything else. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return DEFAULT;
        }
        return SUPPORTED.stream()
                .filter(s -> s.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(DEFAULT);
    }
}
