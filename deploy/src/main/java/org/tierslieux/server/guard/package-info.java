/** Checks that refuse to run production on the defaults meant for a laptop. */
package org.tierslieux.server.guard;
