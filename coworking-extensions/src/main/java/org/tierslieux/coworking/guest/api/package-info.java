/** The guests API: invite, list. */
package org.tierslieux.coworking.guest.api;
