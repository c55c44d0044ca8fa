/**
 * Start-up of one node among several on one database: the nodes start one at a time (a PostgreSQL advisory
 * lock held from before Quarkus starts until it has started), so that two nodes never run the Liquibase
 * migrations together, not even on an empty database where Liquibase's own lock table does not exist yet.
 */
package org.tierslieux.server.startup;
