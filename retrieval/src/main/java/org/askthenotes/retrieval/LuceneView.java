package org.askthenotes.retrieval;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.askthenotes.ingest.Chunk;

/** The embedded index's {@link IndexView}: one point-in-time searcher. */
final class LuceneView implements IndexView {
    private final IndexSearcher searcher;
    private final ChunkCache chunks;
    /** One reader for the whole request: each storedFields() call clones the readers and their decompression state. */
    private StoredFields stored;

    LuceneView(IndexSearcher searcher, ChunkCache chunks) {
        this.searcher = searcher;
        this.chunks = chunks;
    }

    /** A view that reads every chunk from the stored fields. */
    LuceneView(IndexSearcher searcher) {
        this(searcher, null);
    }

    @Override
    public TopDocs bm25(Query query, int n) throws IOException {
        return searcher.search(query, n);
    }

    @Override
    public TopDocs knn(float[] queryVector, Query filter, int n, int explored) throws IOException {
        return VectorSearcher.search(searcher, queryVector, filter, n, explored);
    }

    /** Called only while the hits are built, on the searching thread. */
    @Override
    public Chunk chunk(int doc) throws IOException {
        if (chunks == null) {
            return read(doc);
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return chunks.get(leaf, doc - leaf.docBase, () -> read(doc));
    }

    private Chunk read(int doc) throws IOException {
        if (stored == null) {
            stored = searcher.storedFields();
        }
        return ChunkDocuments.toChunk(stored.document(doc));
    }

    @Override
    public double similarity(int doc, float[] queryVector) throws IOException {
        return VectorSearcher.similarity(searcher, doc, queryVector);
    }
}
