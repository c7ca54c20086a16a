package org.askthenotes.retrieval;

import org.apache.lucene.search.similarities.BM25Similarity;

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
 * @param bm25K1               BM25's term-frequency saturation: how much a second, third… occurrence still adds
 * @param bm25B                BM25's length normalisation, 0 (none) to 1 (full); index norms do not depend on k1 or
 *                             b, so changing either needs no rebuild
 * @param translateChinese     whether a question written mostly in Chinese also searches the English fields with its
 *                             CC-CEDICT translation ({@link QueryTranslator}), so it can find notes written in English
 */
public record RetrievalOptions(int rrfK, int minCandidates, int candidatesPerResult, int maxPerSection,
        double chineseVectorWeight, float bm25K1, float bm25B, boolean translateChinese) {
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
        if (!(bm25K1 >= 0) || !Float.isFinite(bm25K1)) {
            throw new IllegalArgumentException("bm25K1 must be a finite number >= 0: " + bm25K1);
        }
        if (!(bm25B >= 0 && bm25B <= 1)) {
            throw new IllegalArgumentException("bm25B must be in [0, 1]: " + bm25B);
        }
        if (maxPerSection < 0) {
            throw new IllegalArgumentException("maxPerSection must not be negative: " + maxPerSection);
        }
    }

    /**
     * RRF k = 20 ({@link #DEFAULT_RRF_K}); 100 candidates per list (a vector search's HNSW explores twice as many,
     * {@link VectorSearcher#OVERSAMPLE}: recall@10 on the bench's 100k corpus 0.990, against 0.946 exploring 100; a
     * hybrid search's kNN list is {@link HybridRetriever#HYBRID_VECTOR_DEPTH} deep); two chunks per section so one
     * section cannot fill a page; Chinese questions lean on BM25.
     */
    public static RetrievalOptions defaults() {
        return new RetrievalOptions(DEFAULT_RRF_K, 100, 4, 2, DEFAULT_CHINESE_VECTOR_WEIGHT,
                DEFAULT_BM25_K1, DEFAULT_BM25_B, true);
    }

    /**
     * Lower than the paper's 60, so a document near the top of either list weighs more against one that is middling in
     * both. Chosen on SciFact with the flat BM25 field (hybrid nDCG@10: 0.7044 at 60, 0.7071 at 40, 0.7092–0.7094 at
     * 10 to 30) and checked on the golden set (hybrid MRR@10 0.9662 at 60, 0.9743 at 20); bge-small-en-v15-q's SciFact
     * hybrid is the same within 0.001 (docs/evaluation.md). A lower kNN weight for English questions (0.7) added
     * 0.003 on SciFact with all-MiniLM-L6-v2 but cost bge-small, whose vector list is the stronger one: not kept.
     */
    static final int DEFAULT_RRF_K = 20;

    /** Anserini's BEIR settings (Lucene's defaults are k1 = 1.2, b = 0.75); see docs/evaluation.md. */
    static final float DEFAULT_BM25_K1 = 0.9f;
    static final float DEFAULT_BM25_B = 0.4f;

    /**
     * On the bundled golden set (68 questions, 17 in Chinese) with all-MiniLM-L6-v2, hybrid hit@3 was 0.82 at weight 1,
     * 0.88 at 0.5, 0.90 at 0.3 and 0.91 at 0.15 with the first BM25; once BM25 matched each script with its own
     * analyzer, the Chinese questions' hybrid MRR@10 was 0.83 at 0.15, 0.87 at 0.05 and 0.91 at 0 (BM25 alone 0.94):
     * the list is kept only as a tie-breaker. Once Chinese questions were translated and their translation embedded,
     * 0.2 gained one question of 67 on the cross-lingual set and lost MRR@10 on the golden set (0.9441 against 0.9588),
     * so 0.05 stayed.
     */
    static final double DEFAULT_CHINESE_VECTOR_WEIGHT = 0.05;

    int candidates(int k) {
        return Math.max(minCandidates, k * candidatesPerResult);
    }

    public RetrievalOptions withMaxPerSection(int max) {
        return new RetrievalOptions(rrfK, minCandidates, candidatesPerResult, max, chineseVectorWeight, bm25K1,
                bm25B, translateChinese);
    }

    public RetrievalOptions withChineseVectorWeight(double weight) {
        return new RetrievalOptions(rrfK, minCandidates, candidatesPerResult, maxPerSection, weight, bm25K1,
                bm25B, translateChinese);
    }

    public RetrievalOptions withBm25(float k1, float b) {
        return new RetrievalOptions(rrfK, minCandidates, candidatesPerResult, maxPerSection, chineseVectorWeight, k1,
                b, translateChinese);
    }

    public RetrievalOptions withTranslateChinese(boolean translate) {
        return new RetrievalOptions(rrfK, minCandidates, candidatesPerResult, maxPerSection, chineseVectorWeight, bm25K1,
                bm25B, translate);
    }

    BM25Similarity similarity() {
        return new BM25Similarity(bm25K1, bm25B);
    }
}
