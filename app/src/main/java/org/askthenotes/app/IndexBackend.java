package org.askthenotes.app;

import java.io.IOException;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.NotesStore;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.solr.SolrNotesIndex;
import org.askthenotes.solr.SolrTarget;

/**
 * Opens the index {@link NotesService} syncs and searches, whichever backend the config names: the embedded Lucene
 * index (default) or a SolrCloud collection ({@code --backend solr}). Both are retrieval's {@link NotesStore}.
 */
final class IndexBackend {
    /** A new Solr collection: two shards, each on two nodes, so one node can go without losing a search. */
    static final int SOLR_SHARDS = 2;
    static final int SOLR_REPLICAS = 2;

    private IndexBackend() {
    }

    /** @param readIfInUse open an embedded index that another process holds read-only instead of failing */
    static NotesStore open(AppConfig config, Embedder embedder, boolean readIfInUse) throws IOException {
        if (config.backend().equals(AppConfig.BACKEND_SOLR)) {
            SolrTarget target = SolrTarget.of(config.solrUrl(), config.solrCollection(), SOLR_SHARDS, SOLR_REPLICAS);
            return SolrNotesIndex.open(target, embedder, RetrievalOptions.defaults());
        }
        try {
            return NotesIndex.open(config.index(), embedder);
        } catch (NotesIndex.IndexInUseException e) {
            if (!readIfInUse) {
                throw e;
            }
            return NotesIndex.openReadOnly(config.index(), embedder, RetrievalOptions.defaults());
        }
    }
}
