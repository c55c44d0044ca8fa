/** The HTTP side of a person's own data: {@code GET /api/v1/me/export}. */
package org.tierslieux.core.privacy.api;
