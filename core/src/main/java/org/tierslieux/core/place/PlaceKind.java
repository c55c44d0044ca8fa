package org.tierslieux.core.place;

/** What a place is; a place may be several (a café with a workshop). */
public enum PlaceKind {
    COWORKING,
    FABLAB,
    WORKSHOP,
    CAFE,
    MAKERSPACE,
    THIRD_PLACE,
    OTHER
}
