/** The desks' pages: the week of hot desks per half-day and day, one tap to book, the member's desk credits. */
package org.tierslieux.coworking.desk.web;
