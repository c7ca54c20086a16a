package org.askthenotes.retrieval;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.util.Bits;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.FileStamp;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;

/**
 * One sync: compares the notes' content hashes with the index's, embeds only what changed, and writes it in batches
 * of whole notes, committing after each, so a crash loses at most the batch being embedded. Each note is replaced in
 * one {@code updateDocuments} call, so a reader sees all of a note's old documents or all of its new ones. A rebuild
 * deletes everything in its first commit and marks each commit but its last as unfinished (see IndexManifest), so
 * a restart finishes it by embedding only the notes its earlier commits did not hold.
 */
final class NotesSync {
    /** Chunks embedded between commits; large enough that LangChain4j keeps every core busy within a batch. */
    static final int EMBED_BATCH = 256;

    private final IndexWriter writer;
    private final Embedder embedder;
    private final int batchChunks;

    NotesSync(IndexWriter writer, Embedder embedder, int batchChunks) {
        if (batchChunks < 1) {
            throw new IllegalArgumentException("batchChunks must be positive: " + batchChunks);
        }
        this.writer = writer;
        this.embedder = embedder;
        this.batchChunks = batchChunks;
    }

    /**
     * @param rebuildReason non-empty when every note must be re-embedded and the index rewritten from scratch
     * @param unfinished    why an earlier rebuild started that committed only part of the notes; "" when none
     */
    SyncReport run(IngestResult ingest, SyncListener listener, IndexManifest manifest, String rebuildReason,
                   String unfinished) throws IOException {
        long start = System.nanoTime();
        boolean rebuild = !rebuildReason.isEmpty();
        SyncPlan plan;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            plan = SyncPlan.of(ingest, indexedFiles(reader), rebuild, "the index",
                    (path, contentHash) -> storedNote(reader, path, contentHash));
        }
        String rebuilding = rebuild ? rebuildReason : unfinished;
        int embedded = write(plan, ingest, listener, manifest, rebuild, rebuilding);
        writer.setLiveCommitData(manifest.toUserData(Instant.now()).entrySet());
        writer.commit();
        int written = plan.toIndex().stream().mapToInt(note -> note.chunks().size() + 1).sum();
        if (written > 0 && 2L * written >= writer.getDocStats().numDocs) {
            compact();
        }
        return new SyncReport(plan.added(), plan.changed(), plan.toDelete().size(), plan.unchanged(), plan.kept(),
                embedded, !rebuilding.isEmpty(), rebuilding, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Merges the index into one segment after a sync that wrote at least half of it (a first sync, a rebuild, a large
     * import); smaller syncs leave merging to Lucene's merge policy. A query searches every segment's HNSW graph and
     * term dictionary: one sync commits a segment per batch, so a 10k-chunk first sync left 21 segments, and the kNN
     * search over them cost three times what it costs over one (docs/benchmarks.md). Lucene's merge starts from the
     * largest segment's graph and inserts the rest. Runs after the sync's last commit, so a crash while merging loses
     * nothing but the merge.
     */
    private void compact() throws IOException {
        writer.forceMerge(1);
        writer.commit();
    }

    /**
     * Embeds the notes batch by batch (whole notes, at least {@code batchChunks} chunks unless the notes run out)
     * and commits each batch but the last, which {@link #run} commits; the model embeds the next batch while one is
     * written ({@link EmbeddingAhead}). The deletions go in with the first batch, after its embedding: a model that
     * fails leaves the writer exactly at its last commit. Returns the chunks embedded.
     */
    private int write(SyncPlan plan, IngestResult ingest, SyncListener listener, IndexManifest manifest,
                      boolean rebuild, String rebuilding) throws IOException {
        List<List<Note>> batches = batches(plan.toIndex(), rebuild ? plan.kept() : 0);
        int total = plan.toIndex().stream().mapToInt(note -> note.chunks().size()).sum();
        listener.onEmbedded(0, total);
        int done = 0;
        try (EmbeddingAhead embedding = new EmbeddingAhead(embedder, batches.stream().map(NotesSync::texts).toList())) {
            for (int b = 0; b < batches.size(); b++) {
                List<float[]> vectors = embedding.next();
                done += vectors.size();
                listener.onEmbedded(done, total);
                if (b == 0) {
                    delete(plan.toDelete(), rebuild);
                }
                replace(batches.get(b), vectors, ingest.stamps());
                if (b + 1 < batches.size()) {
                    writer.setLiveCommitData(manifest.toUserData(Instant.now(), rebuilding).entrySet());
                    writer.commit();
                }
            }
        }
        if (batches.isEmpty()) {
            delete(plan.toDelete(), rebuild);
        }
        for (Map.Entry<String, IndexedFile> entry : plan.restamp().entrySet()) {
            Query noteDocument = new BooleanQuery.Builder()
                    .add(new TermQuery(ChunkDocuments.pathTerm(entry.getKey())), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_NOTE)),
                            BooleanClause.Occur.FILTER)
                    .build();
            writer.updateDocuments(noteDocument, List.of(ChunkDocuments.noteDocument(entry.getKey(),
                    entry.getValue().contentHash(), entry.getValue().stamp())));
        }
        return done;
    }

    /**
     * Whole notes, at least {@code batchChunks} chunks a batch (the last may hold fewer); the first {@code keptFirst}
     * notes (a rebuild's kept ones) all go in the first batch, so the commit that deletes everything holds them again.
     */
    private List<List<Note>> batches(List<Note> notes, int keptFirst) {
        List<List<Note>> batches = new ArrayList<>();
        int from = 0;
        int chunks = 0;
        for (int i = 0; i < notes.size(); i++) {
            chunks += notes.get(i).chunks().size();
            boolean last = i + 1 == notes.size();
            if ((chunks >= batchChunks && i + 1 >= keptFirst) || last) {
                batches.add(notes.subList(from, i + 1));
                from = i + 1;
                chunks = 0;
            }
        }
        return batches;
    }

    private static List<String> texts(List<Note> notes) {
        return notes.stream().flatMap(n -> n.chunks().stream()).map(Chunk::textToEmbed).toList();
    }

    private void delete(List<String> paths, boolean rebuild) throws IOException {
        if (rebuild) {
            writer.deleteAll();
            return;
        }
        for (String path : paths) {
            writer.deleteDocuments(ChunkDocuments.pathTerm(path));
        }
    }

    private void replace(List<Note> notes, List<float[]> vectors, Map<String, FileStamp> stamps)
            throws IOException {
        int from = 0;
        for (Note note : notes) {
            List<float[]> noteVectors = vectors.subList(from, from + note.chunks().size());
            from += note.chunks().size();
            // one call per note: a reader sees all of a note's old documents or all of its new ones
            writer.updateDocuments(ChunkDocuments.pathTerm(note.path()),
                    ChunkDocuments.noteDocuments(note, stamps.get(note.path()), noteVectors));
        }
    }

    /** What the writer holds now for every note, committed or not, by path. */
    static Map<String, IndexedFile> indexedFiles(DirectoryReader reader) throws IOException {
        Map<String, IndexedFile> files = new LinkedHashMap<>();
        Term noteKind = new Term(IndexFields.KIND, IndexFields.KIND_NOTE);
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
                    files.put(document.get(IndexFields.PATH), ChunkDocuments.indexedFile(document));
                }
            }
        }
        return files;
    }

    /** A note as it was indexed, rebuilt from its chunk documents (in index order, which is the note's order). */
    static Note storedNote(DirectoryReader reader, String path, String contentHash) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(ChunkDocuments.pathTerm(path)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_CHUNK)),
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
