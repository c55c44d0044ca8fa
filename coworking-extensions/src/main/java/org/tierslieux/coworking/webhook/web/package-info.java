/** The managers' webhook pages: the list, adding one (secret shown once), the log, re-enabling, a test. */
package org.tierslieux.coworking.webhook.web;
