package org.askthenotes.solr;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.askthenotes.retrieval.IndexFields;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.FileStamp;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.SyncPlan;
import org.askthenotes.retrieval.SyncReport;

/**
 * One sync of the collection, with the embedded index's plan (retrieval's NotesSync): only notes whose content hash
 * changed are embedded, deleted notes are removed, notes unreadable today are kept, and a model or chunker change
 * rebuilds. Writes go in batches of whole notes, each committed (and so made visible) at once.
 *
 * <p>How a changed note is replaced so no search sees it half-updated: all of a note's documents share a route key
 * (SolrDocuments), so they live on one shard; one update request adds the new documents (a chunk whose id did not
 * change overwrites itself) and deletes by id the old ones that are gone, and nothing is visible until the commit
 * that follows, which switches that shard's searchers to the whole new note at once. Delete-by-query is kept for
 * notes that are gone and for a rebuild, in a request of its own before the adds: SolrJ sends a request's
 * delete-by-query after its documents.
 */
final class SolrSync {
    private final SolrNotesIndex index;
    private final Embedder embedder;
    private final int batchChunks;

    SolrSync(SolrNotesIndex index, Embedder embedder, int batchChunks) {
        this.index = index;
        this.embedder = embedder;
        this.batchChunks = batchChunks;
    }

    SyncReport run(IngestResult ingest, SyncListener listener, SolrManifest manifest, String rebuildReason,
                   String unfinished) throws IOException {
        long start = System.nanoTime();
        boolean rebuild = !rebuildReason.isEmpty();
        SyncPlan plan = SyncPlan.of(ingest, index.indexedFilesNow(), rebuild, "the collection", index::storedNote);
        String rebuilding = rebuild ? rebuildReason : unfinished;
        int embedded = write(plan, ingest, listener, manifest, rebuild, rebuilding);
        UpdateRequest last = new UpdateRequest();
        plan.restamp().forEach((path, file) ->
                last.add(SolrDocuments.noteDocument(path, file.contentHash(), file.stamp())));
        last.add(manifest.toDocument(Instant.now(), ""));
        index.commit(last);
        return new SyncReport(plan.added(), plan.changed(), plan.toDelete().size(), plan.unchanged(), plan.kept(),
                embedded, !rebuilding.isEmpty(), rebuilding, (System.nanoTime() - start) / 1_000_000);
    }

    private int write(SyncPlan plan, IngestResult ingest, SyncListener listener, SolrManifest manifest, boolean rebuild,
                      String rebuilding) throws IOException {
        List<Note> notes = plan.toIndex();
        int total = notes.stream().mapToInt(note -> note.chunks().size()).sum();
        listener.onEmbedded(0, total);
        int done = 0;
        int from = 0;
        boolean deleted = false;
        for (int i = 0; i < notes.size(); i++) {
            int batchSize = notes.subList(from, i + 1).stream().mapToInt(note -> note.chunks().size()).sum();
            boolean last = i + 1 == notes.size();
            if (batchSize < batchChunks && !last) {
                continue;
            }
            List<Note> batch = notes.subList(from, i + 1);
            List<float[]> vectors = embed(batch, done, total, listener);
            done += vectors.size();
            if (!deleted) {
                // after the first batch's embedding: a model that fails leaves the collection as it was
                delete(plan.toDelete(), rebuild);
                deleted = true;
            }
            UpdateRequest update = replace(batch, vectors, plan.replaced(), ingest.stamps());
            if (!last) {
                update.add(manifest.toDocument(Instant.now(), rebuilding));
            }
            index.commit(update);
            from = i + 1;
        }
        if (!deleted) {
            delete(plan.toDelete(), rebuild);
        }
        return done;
    }

    private void delete(List<String> paths, boolean rebuild) throws IOException {
        UpdateRequest delete = new UpdateRequest();
        if (rebuild) {
            delete.deleteByQuery("*:*");
        }
        for (String path : rebuild ? List.<String>of() : paths) {
            delete.deleteByQuery("{!term f=" + IndexFields.PATH + "}" + path);
        }
        if (delete.getDeleteQuery() != null && !delete.getDeleteQuery().isEmpty()) {
            index.send(delete);
        }
    }

    private UpdateRequest replace(List<Note> notes, List<float[]> vectors, Set<String> replaced,
                                  Map<String, FileStamp> stamps) throws IOException {
        UpdateRequest update = new UpdateRequest();
        int from = 0;
        for (Note note : notes) {
            List<float[]> noteVectors = vectors.subList(from, from + note.chunks().size());
            from += note.chunks().size();
            List<SolrInputDocument> documents = SolrDocuments.noteDocuments(note, stamps.get(note.path()), noteVectors);
            update.add(documents);
            if (replaced.contains(note.path())) {
                Set<String> stale = new HashSet<>(index.docIds(note.path()));
                documents.forEach(document -> stale.remove((String) document.getFieldValue(SolrDocuments.DOC_ID)));
                if (!stale.isEmpty()) {
                    update.deleteById(new ArrayList<>(stale));
                }
            }
        }
        return update;
    }

    private List<float[]> embed(List<Note> notes, int done, int total, SyncListener listener) {
        List<String> texts = notes.stream().flatMap(n -> n.chunks().stream()).map(Chunk::textToEmbed).toList();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += SolrNotesIndex.EMBED_BATCH) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + SolrNotesIndex.EMBED_BATCH));
            List<float[]> partVectors = embedder.embedAll(part);
            if (partVectors.size() != part.size()) {
                throw new IllegalStateException(embedder.modelId() + " returned " + partVectors.size()
                        + " vectors for " + part.size() + " texts");
            }
            vectors.addAll(partVectors);
            listener.onEmbedded(done + vectors.size(), total);
        }
        return vectors;
    }

}
