/** The meeting rooms' page: capacity, equipment, rates, and the manager's form for equipment and non-member rate. */
package org.tierslieux.coworking.room.web;
