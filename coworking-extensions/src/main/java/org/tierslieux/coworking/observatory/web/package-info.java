/** The observatory's pages: tables readable without JavaScript, and Chart.js charts drawn by a static script. */
package org.tierslieux.coworking.observatory.web;
