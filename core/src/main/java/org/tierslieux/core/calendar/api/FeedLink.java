package org.tierslieux.core.calendar.api;

/** The secret address of a feed: shown once, at creation; whoever has it can read the calendar. */
public record FeedLink(String url) {}
