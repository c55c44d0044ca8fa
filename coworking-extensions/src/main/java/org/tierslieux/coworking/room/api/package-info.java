/** The meeting rooms' JSON API: rooms with equipment and non-member supplement, quotes for the caller. */
package org.tierslieux.coworking.room.api;
