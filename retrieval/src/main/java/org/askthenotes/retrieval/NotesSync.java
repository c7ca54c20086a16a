package org.askthenotes.retrieval;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.util.Bits;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;

/**
 * One sync: compares the notes' content hashes with the index's, embeds only what changed, then replaces each changed
 * note in one {@code updateDocuments} call and commits once. Everything is embedded before the writer is touched, so
 * a sync that fails while embedding leaves the writer as it was; one that dies later leaves only uncommitted, whole
 * notes, which the next sync reconciles (it compares against the writer's own view) and a close discards.
 */
final class NotesSync {
    /** Progress granularity; large enough that LangChain4j keeps every core busy within a batch. */
    static final int EMBED_BATCH = 256;

    private final IndexWriter writer;
    private final Embedder embedder;

    NotesSync(IndexWriter writer, Embedder embedder) {
        this.writer = writer;
        this.embedder = embedder;
    }

    /** @param rebuildReason non-empty when every note must be re-embedded and the index rewritten from scratch */
    SyncReport run(IngestResult ingest, SyncListener listener, IndexManifest manifest, String rebuildReason)
            throws IOException {
        long start = System.nanoTime();
        boolean rebuild = !rebuildReason.isEmpty();
        Plan plan;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            plan = plan(ingest, reader, rebuild);
        }
        List<float[]> vectors = embed(plan.toIndex(), listener);
        write(plan.toIndex(), vectors, plan.toDelete(), rebuild);
        writer.setLiveCommitData(manifest.toUserData(Instant.now()).entrySet());
        writer.commit();
        return new SyncReport(plan.added(), plan.changed(), plan.toDelete().size(), plan.unchanged(), plan.kept(),
                vectors.size(), rebuild, rebuildReason, (System.nanoTime() - start) / 1_000_000);
    }

    /** What a sync will do: the notes to (re)index, the paths to delete, and the counts for its report. */
    private record Plan(List<Note> toIndex, List<String> toDelete, int added, int changed, int unchanged, int kept) {
    }

    private static Plan plan(IngestResult ingest, DirectoryReader reader, boolean rebuild) throws IOException {
        Map<String, String> indexed = indexedHashes(reader);
        List<Note> toIndex = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int added = 0;
        int changed = 0;
        for (Note note : ingest.notes()) {
            if (!seen.add(note.path())) {
                throw new IllegalArgumentException("the ingest result holds note " + note.path() + " twice");
            }
            String hash = indexed.get(note.path());
            if (hash == null || rebuild || !hash.equals(note.contentHash())) {
                toIndex.add(note);
                added += hash == null ? 1 : 0;
                changed += hash == null ? 0 : 1;
            }
        }
        Set<String> skipped = ingest.report().skippedPaths();
        List<String> toDelete = new ArrayList<>();
        int kept = 0;
        for (Map.Entry<String, String> entry : indexed.entrySet()) {
            if (seen.contains(entry.getKey())) {
                continue;
            }
            if (!skipped.contains(entry.getKey())) {
                toDelete.add(entry.getKey());
                continue;
            }
            kept++;
            if (rebuild) {
                // today's file is unreadable: re-embed what was indexed rather than lose it
                toIndex.add(storedNote(reader, entry.getKey(), entry.getValue()));
            }
        }
        int unchanged = seen.size() - added - changed;
        return new Plan(toIndex, toDelete, added, changed, unchanged, kept);
    }

    private List<float[]> embed(List<Note> notes, SyncListener listener) {
        List<String> texts = notes.stream().flatMap(n -> n.chunks().stream()).map(Chunk::textToEmbed).toList();
        List<float[]> vectors = new ArrayList<>(texts.size());
        listener.onEmbedded(0, texts.size());
        for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH));
            List<float[]> batchVectors = embedder.embedAll(batch);
            if (batchVectors.size() != batch.size()) {
                throw new IllegalStateException(embedder.modelId() + " returned " + batchVectors.size()
                        + " vectors for " + batch.size() + " texts");
            }
            vectors.addAll(batchVectors);
            listener.onEmbedded(vectors.size(), texts.size());
        }
        return vectors;
    }

    private void write(List<Note> notes, List<float[]> vectors, List<String> toDelete, boolean rebuild)
            throws IOException {
        if (rebuild) {
            writer.deleteAll();
        } else {
            for (String path : toDelete) {
                writer.deleteDocuments(ChunkDocuments.pathTerm(path));
            }
        }
        int from = 0;
        for (Note note : notes) {
            List<float[]> noteVectors = vectors.subList(from, from + note.chunks().size());
            from += note.chunks().size();
            // one call per note: a reader sees all of a note's old documents or all of its new ones
            writer.updateDocuments(ChunkDocuments.pathTerm(note.path()),
                    ChunkDocuments.noteDocuments(note, noteVectors));
        }
    }

    /** Path to content hash of every note the writer holds now, committed or not. */
    private static Map<String, String> indexedHashes(DirectoryReader reader) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        Term noteKind = new Term(ChunkDocuments.KIND, ChunkDocuments.KIND_NOTE);
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum postings = leaf.reader().postings(noteKind, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    var document = stored.document(doc);
                    hashes.put(document.get(ChunkDocuments.PATH), document.get(ChunkDocuments.HASH));
                }
            }
        }
        return hashes;
    }

    /** A note as it was indexed, rebuilt from its chunk documents (in index order, which is the note's order). */
    static Note storedNote(DirectoryReader reader, String path, String contentHash) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(ChunkDocuments.pathTerm(path)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(ChunkDocuments.KIND, ChunkDocuments.KIND_CHUNK)),
                        BooleanClause.Occur.FILTER)
                .build();
        int count = Math.max(1, searcher.count(query));
        List<Chunk> chunks = new ArrayList<>(count);
        for (ScoreDoc hit : searcher.search(query, count, Sort.INDEXORDER).scoreDocs) {
            chunks.add(ChunkDocuments.toChunk(searcher.storedFields().document(hit.doc)));
        }
        String title = chunks.isEmpty() ? path : chunks.get(0).noteTitle();
        return new Note(path, title, contentHash, chunks);
    }
}
