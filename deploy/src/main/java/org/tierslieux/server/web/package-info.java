/** The shell's own endpoints: the start-up message with the address to open. */
package org.tierslieux.server.web;
