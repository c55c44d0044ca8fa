/** What a new production install needs to be usable: its first network admin, from configuration. */
package org.tierslieux.server.bootstrap;
