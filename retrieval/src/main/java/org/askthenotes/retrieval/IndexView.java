package org.askthenotes.retrieval;

import java.io.IOException;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.askthenotes.ingest.Chunk;

/**
 * What {@link HybridRetriever} ranks from, for one search: the embedded Lucene index (one point-in-time searcher) or
 * another engine holding the same documents (the solr module). The queries come as Lucene queries, already analyzed,
 * so every backend runs the same terms and filters; fusion, the section cap and the hits stay in HybridRetriever.
 * Doc numbers are the view's own: the same chunk must have the same number in both lists of one search. The two
 * lists may be asked for on different threads.
 */
public interface IndexView {
    /** The BM25 list: {@code query} as {@link Bm25Searcher} built it, filters included as FILTER clauses. */
    TopDocs bm25(Query query, int n) throws IOException;

    /**
     * The kNN list over the HNSW graph: the best {@code n} of a graph search that explores {@code explored} (at least
     * n) candidates, {@code filter} (null: none) applied before the vector search.
     */
    TopDocs knn(float[] queryVector, Query filter, int n, int explored) throws IOException;

    /** The chunk behind a doc number of either list, exactly as it was indexed. */
    Chunk chunk(int doc) throws IOException;

    /** The dot product of the query and the chunk's stored unit vector (its cosine similarity). */
    double similarity(int doc, float[] queryVector) throws IOException;
}
