/**
 * The application: it assembles core, billing and coworking, owns the configuration profiles, the web shell
 * (layout, navigation, login page), the embedded database of the default run and its demo network.
 */
package org.tierslieux.server;
