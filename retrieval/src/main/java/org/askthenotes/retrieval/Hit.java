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
 */
public record Hit(Chunk chunk, double score, int bm25Rank, double bm25Score, int vectorRank, double vectorSimilarity) {
}
