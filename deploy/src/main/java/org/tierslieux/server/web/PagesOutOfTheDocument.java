package org.tierslieux.server.web;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Keeps the OpenAPI document to the API: {@code /api/**} (JSON, CSV, GeoJSON) and the calendar feeds
 * ({@code /ical/**}). Pages ({@code /{place}/...}, {@code /network}, {@code /login}...) answer HTML to browsers and
 * are no contract for integrations; dropping them by path, rather than listing their packages, keeps a new page
 * resource out of the document without anyone having to remember it. The isolation sweep relies on this: every
 * operation of the document is swept as an API call, the pages have their own sweep.
 */
public class PagesOutOfTheDocument implements OASFilter {

    static final List<String> API_PREFIXES = List.of("/api/", "/ical/");

    static boolean isApi(String path) {
        return API_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> items = document.getPaths().getPathItems();
        for (String path : List.copyOf(items.keySet())) {
            if (!isApi(path)) {
                document.getPaths().removePathItem(path);
            }
        }
    }
}
