/** The JSON API of member groups ({@code /groups}) and company accounts ({@code /companies}). */
package org.tierslieux.core.membership.api;
