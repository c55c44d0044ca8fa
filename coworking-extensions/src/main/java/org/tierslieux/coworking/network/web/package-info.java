/** The network pass's pages: the member's pass, a host's network visitors, the treasurers' settlement. */
package org.tierslieux.coworking.network.web;
