/** The network pass over HTTP: the agreement, places opting in, the member's pass, visitors, the settlement. */
package org.tierslieux.coworking.network.api;
