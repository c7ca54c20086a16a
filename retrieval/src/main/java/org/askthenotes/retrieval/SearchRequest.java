package org.askthenotes.retrieval;

import java.util.Objects;

/**
 * One query: its text, how many hits, which mode, which filters.
 *
 * @param wholeSections every matching chunk of a section, not at most the index's per-section cap
 *                      ({@link RetrievalOptions#maxPerSection()}): for reading sections, not ranking passages
 */
public record SearchRequest(String query, int k, SearchMode mode, Filters filters, boolean wholeSections) {
    /**
     * The longest question, in characters, that the API, {@code ask} and {@code batch} accept; BM25 reads an
     * English query whole up to it. A SciFact claim runs to 300.
     */
    public static final int MAX_QUERY_CHARS = 2000;

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(filters, "filters");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
    }

    public SearchRequest(String query, int k, SearchMode mode, Filters filters) {
        this(query, k, mode, filters, false);
    }

    public SearchRequest(String query, int k, SearchMode mode) {
        this(query, k, mode, Filters.NONE);
    }
}
