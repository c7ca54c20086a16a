package org.askthenotes.retrieval;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.analysis.Analyzer;

/**
 * Retrieval for an index kept elsewhere (the solr module): the same query analysis, BM25 query, fusion, section cap
 * and hits as {@link NotesIndex}, over the lists an {@link IndexView} returns.
 */
public final class ViewRetriever implements Closeable {
    private final Analyzer queryAnalyzer = Analyzers.queryPerField();
    private final ExecutorService textSearches = NotesIndex.textSearchPool();
    private final HybridRetriever retriever;

    public ViewRetriever(Embedder embedder, RetrievalOptions options) {
        this.retriever = new HybridRetriever(embedder, queryAnalyzer, options, textSearches);
    }

    public List<Hit> search(IndexView view, SearchRequest request) {
        try {
            return retriever.search(view, request);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("searching " + view, e);
        }
    }

    @Override
    public void close() {
        textSearches.shutdown();
        queryAnalyzer.close();
    }
}
