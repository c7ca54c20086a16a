package org.askthenotes.retrieval;

/**
 * How a {@link NotesIndex} ranks.
 *
 * @param rrfK                 Reciprocal Rank Fusion's constant: a list's item at rank r adds 1 / (rrfK + r)
 * @param minCandidates        each list hands at least this many candidates to fusion and diversity
 * @param candidatesPerResult  and at least this many per requested hit
 * @param maxPerSection        at most this many hits from one note section (note path + anchor); 0 turns the cap off
 */
public record RetrievalOptions(int rrfK, int minCandidates, int candidatesPerResult, int maxPerSection) {
    public RetrievalOptions {
        if (rrfK < 1) {
            throw new IllegalArgumentException("rrfK must be at least 1: " + rrfK);
        }
        if (minCandidates < 1 || candidatesPerResult < 1) {
            throw new IllegalArgumentException("minCandidates and candidatesPerResult must be at least 1");
        }
        if (maxPerSection < 0) {
            throw new IllegalArgumentException("maxPerSection must not be negative: " + maxPerSection);
        }
    }

    /** RRF k = 60 (the paper's); 50 candidates per list; two chunks per section so one section cannot fill a page. */
    public static RetrievalOptions defaults() {
        return new RetrievalOptions(RrfFusion.DEFAULT_K, 50, 4, 2);
    }

    int candidates(int k) {
        return Math.max(minCandidates, k * candidatesPerResult);
    }

    public RetrievalOptions withMaxPerSection(int max) {
        return new RetrievalOptions(rrfK, minCandidates, candidatesPerResult, max);
    }
}
