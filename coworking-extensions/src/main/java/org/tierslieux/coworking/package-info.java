/**
 * Coworking and the network, plugged into core and billing through their extension points only: desks and
 * desk pools, day passes and carnets, meeting rooms, guests, check-in, the network pass, the public map and
 * the observatory. Core never names anything here.
 */
package org.tierslieux.coworking;
