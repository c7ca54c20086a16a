package org.askthenotes.retrieval;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Approximate nearest neighbours over the HNSW graph, under the same filters as BM25. */
final class VectorSearcher {
    private VectorSearcher() {
    }

    /**
     * How much deeper than its length a vector search's list is searched (HNSW's efSearch over k): the graph search
     * keeps 2 n candidates and the list keeps the best n. On the bench's 100k-chunk index (one segment, M 16, beam
     * 200) recall@10 was 0.946 at 100 candidates, 0.982 at 150 and 0.990 at 200 (docs/benchmarks.md); 150 gave
     * 0.965 to 0.976 over rebuilds of the same corpus (the graph is built on every core, so not twice the same), too
     * close to the 0.97 aimed at. Hybrid search has its own, shallower list ({@link
     * HybridRetriever#HYBRID_VECTOR_DEPTH}), so this costs only vector-only searches.
     */
    static final double OVERSAMPLE = 2.0;

    /** How many candidates a vector search of list length {@code n} explores. */
    static int explored(int n) {
        return (int) Math.ceil(n * OVERSAMPLE);
    }

    /** The best {@code n} chunks by the approximate search, which explores {@link #explored(int)} candidates. */
    static TopDocs search(IndexSearcher searcher, float[] queryVector, Query filter, int n) throws IOException {
        return search(searcher, queryVector, filter, n, explored(n));
    }

    /** The best {@code n} of an approximate search exploring {@code explored} candidates. */
    static TopDocs search(IndexSearcher searcher, float[] queryVector, Query filter, int n, int explored)
            throws IOException {
        int k = Math.max(n, explored);
        if (filter != null) {
            return searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, queryVector, k, filter), n);
        }
        // Unfiltered, each segment's graph is searched directly: KnnFloatVectorQuery does the same and then rewrites
        // its result into a query the searcher runs a second time, about a tenth of the kNN step at 10k chunks.
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        TopDocs[] perLeaf = new TopDocs[leaves.size()];
        for (int i = 0; i < perLeaf.length; i++) {
            LeafReader leaf = leaves.get(i).reader();
            TopDocs found = leaf.searchNearestVectors(IndexFields.VECTOR, queryVector, k, leaf.getLiveDocs(),
                    Integer.MAX_VALUE);
            for (ScoreDoc hit : found.scoreDocs) {
                hit.doc += leaves.get(i).docBase;
            }
            perLeaf[i] = found;
        }
        return TopDocs.merge(n, perLeaf);
    }

    /**
     * The dot product of the query and the chunk's stored (unit) vector, i.e. their cosine similarity: known for
     * every hit, including ones the kNN list missed.
     */
    static double similarity(IndexSearcher searcher, int doc, float[] queryVector) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        int leafDoc = doc - leaf.docBase;
        if (vectors == null || vectors.advance(leafDoc) != leafDoc) {
            throw new IllegalStateException("chunk document " + doc + " has no vector");
        }
        return dot(queryVector, vectors.vectorValue());
    }

    /** Lucene scores DOT_PRODUCT as (1 + cos) / 2 on unit vectors; this undoes it. */
    static double cosine(float knnScore) {
        return 2.0 * knnScore - 1.0;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
