package org.askthenotes.retrieval;

import java.util.Objects;

/** One query: its text, how many hits, which mode, which filters. */
public record SearchRequest(String query, int k, SearchMode mode, Filters filters) {
    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(filters, "filters");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
    }

    public SearchRequest(String query, int k, SearchMode mode) {
        this(query, k, mode, Filters.NONE);
    }
}
