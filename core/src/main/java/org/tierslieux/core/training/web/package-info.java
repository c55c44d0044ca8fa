/**
 * The managers' training pages: sessions of each training, who booked them, marking members qualified and
 * revoking it. Same services as the API, server-rendered, working without JavaScript.
 */
package org.tierslieux.core.training.web;
