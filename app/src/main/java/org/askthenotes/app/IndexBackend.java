package org.askthenotes.app;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.IndexStats;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.SyncReport;
import org.askthenotes.solr.SolrNotesIndex;
import org.askthenotes.solr.SolrTarget;

/**
 * The index {@link NotesService} syncs and searches, whichever backend holds it: the embedded Lucene index
 * (default) or a SolrCloud collection ({@code --backend solr}). Both rank through retrieval's same fusion.
 */
interface IndexBackend extends Retriever, Closeable {
    /** A new Solr collection: two shards, each on two nodes, so one node can go without losing a search. */
    int SOLR_SHARDS = 2;
    int SOLR_REPLICAS = 2;

    Map<String, IndexedFile> indexedFiles() throws IOException;

    SyncReport sync(IngestResult ingest, SyncListener listener) throws IOException;

    IndexStats stats();

    /** True when another process holds the (embedded) index and this one only reads its last commit. */
    boolean readOnly();

    /** @param readIfInUse open an embedded index that another process holds read-only instead of failing */
    static IndexBackend open(AppConfig config, Embedder embedder, boolean readIfInUse) throws IOException {
        if (config.backend().equals(AppConfig.BACKEND_SOLR)) {
            SolrTarget target = SolrTarget.of(config.solrUrl(), config.solrCollection(), SOLR_SHARDS, SOLR_REPLICAS);
            return solr(SolrNotesIndex.open(target, embedder, RetrievalOptions.defaults()));
        }
        try {
            return lucene(NotesIndex.open(config.index(), embedder));
        } catch (NotesIndex.IndexInUseException e) {
            if (!readIfInUse) {
                throw e;
            }
            return lucene(NotesIndex.openReadOnly(config.index(), embedder, RetrievalOptions.defaults()));
        }
    }

    private static IndexBackend lucene(NotesIndex index) {
        return new IndexBackend() {
            public Map<String, IndexedFile> indexedFiles() throws IOException {
                return index.indexedFiles();
            }

            public SyncReport sync(IngestResult ingest, SyncListener listener) throws IOException {
                return index.sync(ingest, listener);
            }

            public IndexStats stats() {
                return index.stats();
            }

            public boolean readOnly() {
                return index.readOnly();
            }

            public List<Hit> search(SearchRequest request) {
                return index.search(request);
            }

            public void close() throws IOException {
                index.close();
            }
        };
    }

    private static IndexBackend solr(SolrNotesIndex index) {
        return new IndexBackend() {
            public Map<String, IndexedFile> indexedFiles() throws IOException {
                return index.indexedFiles();
            }

            public SyncReport sync(IngestResult ingest, SyncListener listener) throws IOException {
                return index.sync(ingest, listener);
            }

            public IndexStats stats() {
                return index.stats();
            }

            /** A collection takes syncs from any process: the server's and an ingest's are both writes. */
            public boolean readOnly() {
                return false;
            }

            public List<Hit> search(SearchRequest request) {
                return index.search(request);
            }

            public void close() throws IOException {
                index.close();
            }
        };
    }
}
