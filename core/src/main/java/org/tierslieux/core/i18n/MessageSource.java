package org.tierslieux.core.i18n;

/**
 * Extension point: a module contributes its texts as a resource bundle ({@code i18n/<name>_fr.properties},
 * {@code i18n/<name>_en.properties}). Declare one as an {@code @ApplicationScoped} bean per module.
 */
public interface MessageSource {

    /** The bundle's base name on the class path, e.g. {@code i18n/core}. */
    String baseName();
}
