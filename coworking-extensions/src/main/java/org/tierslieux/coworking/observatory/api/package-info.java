/** The observatory's JSON API: a place's figures, the network's figures, and the open-data export. */
package org.tierslieux.coworking.observatory.api;
