/**
 * The network pass ("tiers-lieu nomade"): places opt in to reciprocity, a member with an active plan at one
 * place books desk-days at another within a monthly allowance set by the network, and treasurers read the
 * monthly settlement of who hosted whom.
 */
package org.tierslieux.coworking.network;
