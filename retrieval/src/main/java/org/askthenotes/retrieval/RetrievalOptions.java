package org.askthenotes.retrieval;

/**
 * How a {@link NotesIndex} ranks.
 *
 * @param rrfK                 Reciprocal Rank Fusion's constant: a list's item at rank r adds 1 / (rrfK + r)
 * @param minCandidates        each list hands at least this many candidates to fusion and diversity
 * @param candidatesPerResult  and at least this many per requested hit
 * @param maxPerSection        at most this many hits from one note section (note path + anchor); 0 turns the cap off
 * @param chineseVectorWeight  the kNN list's weight in fusion for a query written mostly in Chinese (BM25's is 1):
 *                             the supported embedding models were trained on English and place Chinese text poorly,
 *                             while the CJK bigram analyzer matches it well
 */
public record RetrievalOptions(int rrfK, int minCandidates, int candidatesPerResult, int maxPerSection,
        double chineseVectorWeight) {
    public RetrievalOptions {
        if (rrfK < 1) {
            throw new IllegalArgumentException("rrfK must be at least 1: " + rrfK);
        }
        if (minCandidates < 1 || candidatesPerResult < 1) {
            throw new IllegalArgumentException("minCandidates and candidatesPerResult must be at least 1");
        }
        if (chineseVectorWeight < 0 || chineseVectorWeight > 1) {
            throw new IllegalArgumentException("chineseVectorWeight must be in [0, 1]: " + chineseVectorWeight);
        }
        if (maxPerSection < 0) {
            throw new IllegalArgumentException("maxPerSection must not be negative: " + maxPerSection);
        }
    }

    /**
     * RRF k = 60 (the paper's); 100 candidates per list (HNSW explores as many, which lifted recall@10 on the bench's
     * 10k corpus from 0.94 at 50 to 0.99); two chunks per section so one section cannot fill a page; Chinese
     * questions lean on BM25.
     */
    public static RetrievalOptions defaults() {
        return new RetrievalOptions(RrfFusion.DEFAULT_K, 100, 4, 2, DEFAULT_CHINESE_VECTOR_WEIGHT);
    }

    /**
     * On the bundled golden set (68 questions, 17 in Chinese) hybrid hit@3 with all-MiniLM-L6-v2 was 0.82 at weight 1,
     * 0.88 at 0.5, 0.90 at 0.3 and 0.91 at 0.15, against 0.85 for BM25 alone.
     */
    static final double DEFAULT_CHINESE_VECTOR_WEIGHT = 0.15;

    int candidates(int k) {
        return Math.max(minCandidates, k * candidatesPerResult);
    }

    public RetrievalOptions withMaxPerSection(int max) {
        return new RetrievalOptions(rrfK, minCandidates, candidatesPerResult, max, chineseVectorWeight);
    }

    public RetrievalOptions withChineseVectorWeight(double weight) {
        return new RetrievalOptions(rrfK, minCandidates, candidatesPerResult, maxPerSection, weight);
    }
}
