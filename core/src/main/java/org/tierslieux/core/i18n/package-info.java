/**
 * Languages. French by default, English by {@code Accept-Language} or by the switcher (a {@code lang}
 * cookie). Messages live in plain resource bundles, one per module, contributed through {@link
 * org.tierslieux.core.i18n.MessageSource} beans; the API's problem details and the pages read the same
 * texts.
 */
package org.tierslieux.core.i18n;
