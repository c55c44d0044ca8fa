/**
 * The embedded default: a PostgreSQL (zonky) started in-process on a data directory that survives restarts,
 * with the two roles the application expects (an owner that migrates, an application role that owns
 * nothing). Also used by the tests.
 */
package org.tierslieux.server.embedded;
