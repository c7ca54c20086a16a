package org.askthenotes.retrieval;

import java.util.Locale;

/** Which ranked lists a search uses. */
public enum SearchMode {
    BM25, VECTOR, HYBRID;

    /** Accepts "bm25", "vector", "hybrid" in any case. */
    public static SearchMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + value + "': use bm25, vector or hybrid");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
