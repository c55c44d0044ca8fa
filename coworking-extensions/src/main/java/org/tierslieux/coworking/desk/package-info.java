/** What a coworking lends beyond core's kinds: phone booths for now; desk pools and day passes come next. */
package org.tierslieux.coworking.desk;
