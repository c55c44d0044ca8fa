/** The closings API ({@code /api/v1/places/{place}/closings}): treasurers close periods and download archives. */
package org.tierslieux.billing.closing.api;
