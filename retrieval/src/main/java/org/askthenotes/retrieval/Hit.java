package org.askthenotes.retrieval;

import org.askthenotes.ingest.Chunk;

/**
 * One ranked result, with how each list ranked it: for a debug view and for calibrating abstention.
 *
 * @param score            the fused score in hybrid mode, else the single list's score
 * @param bm25Rank         1-based rank in the BM25 list, 0 when the chunk was not in it
 * @param bm25Score        the BM25 score, 0 when not in the list
 * @param vectorRank       1-based rank in the kNN list, 0 when the chunk was not in it
 * @param vectorSimilarity cosine similarity of the query and chunk embeddings, in [-1, 1], filled for every hit in
 *                         every mode (also when the chunk was not in the kNN list): abstention reads it
 * @param englishQuery     a Chinese question's English query terms (its dictionary translation, docs/evaluation.md):
 *                         BM25's English fields searched them and the query embedding is theirs; "" when the question
 *                         was searched as written; the same for every hit of one search
 */
public record Hit(Chunk chunk, double score, int bm25Rank, double bm25Score, int vectorRank, double vectorSimilarity,
        String englishQuery) {
    public Hit {
        java.util.Objects.requireNonNull(englishQuery, "englishQuery");
    }

    /** A hit of a question searched as written. */
    public Hit(Chunk chunk, double score, int bm25Rank, double bm25Score, int vectorRank, double vectorSimilarity) {
        this(chunk, score, bm25Rank, bm25Score, vectorRank, vectorSimilarity, "");
    }
}
