package org.tierslieux.core.web;

import java.util.List;

/** A page of a list, as every list of the API answers: {@code ?page=0&size=50}. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;
}
