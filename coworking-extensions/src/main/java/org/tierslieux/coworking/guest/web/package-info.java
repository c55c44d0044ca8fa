/** The guests page of a member: invite someone for a day, see one's guests. */
package org.tierslieux.coworking.guest.web;
