package org.askthenotes.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Embeds a sync's batches one batch ahead of the writer: while the sync analyses, inserts into the HNSW graph and
 * commits batch i (one thread), the model embeds batch i + 1 (on every core), so the core the writer leaves idle
 * keeps embedding. Never more than one batch ahead: a model that fails is seen after the batch before it was
 * committed, as it would be without the look-ahead, so a crash still loses at most one batch.
 */
final class EmbeddingAhead implements AutoCloseable {
    private final Embedder embedder;
    private final List<List<String>> batches;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread embedding = new Thread(runnable, "sync-embedding");
        embedding.setDaemon(true);
        return embedding;
    });
    private Future<List<float[]>> ahead;
    private int next;

    /** Starts embedding the first batch. */
    EmbeddingAhead(Embedder embedder, List<List<String>> batches) {
        this.embedder = embedder;
        this.batches = batches;
        startNext();
    }

    /** The next batch's vectors, in text order, once the model has them; the batch after starts embedding. */
    List<float[]> next() throws IOException {
        if (ahead == null) {
            throw new IllegalStateException("all " + batches.size() + " batches were taken");
        }
        List<float[]> vectors = await(ahead);
        startNext();
        return vectors;
    }

    private void startNext() {
        if (next == batches.size()) {
            ahead = null;
            return;
        }
        List<String> texts = batches.get(next++);
        ahead = thread.submit(() -> embed(texts));
    }

    private List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += NotesSync.EMBED_BATCH) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + NotesSync.EMBED_BATCH));
            List<float[]> partVectors = embedder.embedAll(part);
            if (partVectors.size() != part.size()) {
                throw new IllegalStateException(embedder.modelId() + " returned " + partVectors.size()
                        + " vectors for " + part.size() + " texts");
            }
            vectors.addAll(partVectors);
        }
        return vectors;
    }

    private static List<float[]> await(Future<List<float[]>> vectors) throws IOException {
        try {
            return vectors.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            // the model's own exception, as a sync without the look-ahead would have thrown it
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("embedding failed", e.getCause());
        }
    }

    /** A batch still embedding when the sync fails is left to finish on its own; its vectors are dropped. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
