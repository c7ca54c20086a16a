package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.askthenotes.ingest.FileStamp;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NotesIngestor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync that dies part-way (the model fails after some chunks: the same state a kill leaves, since a closed writer
 * drops what it did not commit) keeps the batches it committed; the next sync embeds only the rest, and the index
 * ends equal to a clean one, for an incremental sync and for a rebuild alike. Pure sync logic: a
 * {@link HashEmbedder} stands in for the model.
 */
class ResumableSyncTest {
    private static final int BATCH = 4;
    private static final int NOTES = 12;

    static Embedder model;
    static NotesIngestor ingestor;

    @TempDir
    Path dir;

    Path notes;

    @BeforeAll
    static void loadModel() {
        model = new HashEmbedder("hash-a");
        ingestor = new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(Embedders.DEFAULT));
    }

    @BeforeEach
    void writeNotes() throws IOException {
        notes = Files.createDirectories(dir.resolve("notes"));
        for (int i = 0; i < NOTES; i++) {
            Files.writeString(notes.resolve("note-" + i + ".md"), "# Note " + i + "\n\n## Storage\n\n"
                    + "Bucket " + i + " keeps objects in S3 with versioning turned on for every upload.\n".repeat(4)
                    + "\n## Compute\n\n"
                    + "Instance " + i + " runs the batch jobs at night when spot capacity is cheap.\n".repeat(4));
        }
    }

    @Test
    void aSyncThatDiesKeepsItsCommittedBatchesAndTheNextEmbedsOnlyTheRest() throws IOException {
        Path index = dir.resolve("index");
        int total = ingestor.ingest(notes).report().chunks();
        Counting failing = new Counting(model, model.modelId(), 9);
        try (NotesIndex crashed = NotesIndex.open(index, failing, RetrievalOptions.defaults(), BATCH)) {
            assertThrows(IllegalStateException.class, () -> crashed.sync(ingest(crashed), SyncListener.NONE));
        }
        Counting counting = new Counting(model, model.modelId(), Integer.MAX_VALUE);
        try (NotesIndex reopened = NotesIndex.open(index, counting, RetrievalOptions.defaults(), BATCH)) {
            int kept = reopened.contents().size();
            assertTrue(kept > 0 && failing.embedded.get() - kept <= BATCH, "lost at most one batch: embedded "
                    + failing.embedded.get() + ", kept " + kept);

            SyncReport resumed = reopened.sync(ingest(reopened), SyncListener.NONE);

            assertEquals(total - kept, resumed.chunksEmbedded());
            assertEquals(total - kept, counting.embedded.get(), "nothing committed is embedded twice");
            assertEquals(clean(), reopened.contents());
            assertEquals(0, reopened.sync(ingest(reopened), SyncListener.NONE).chunksEmbedded());
        }
    }

    @Test
    void aRebuildThatDiesIsFinishedAsARebuildByTheNextSync() throws IOException {
        Path index = dir.resolve("index");
        try (NotesIndex old = NotesIndex.open(index, new Counting(model, "older-model", Integer.MAX_VALUE),
                RetrievalOptions.defaults(), BATCH)) {
            old.sync(ingest(old), SyncListener.NONE);
        }
        int total = ingestor.ingest(notes).report().chunks();
        Counting failing = new Counting(model, model.modelId(), 9);
        try (NotesIndex crashed = NotesIndex.open(index, failing, RetrievalOptions.defaults(), BATCH)) {
            assertTrue(crashed.pendingRebuild().startsWith("model changed"), crashed.pendingRebuild());
            assertThrows(IllegalStateException.class, () -> crashed.sync(ingest(crashed), SyncListener.NONE));
        }
        Counting counting = new Counting(model, model.modelId(), Integer.MAX_VALUE);
        try (NotesIndex reopened = NotesIndex.open(index, counting, RetrievalOptions.defaults(), BATCH)) {
            assertEquals("a rebuild (model changed from older-model to " + model.modelId()
                    + ") was interrupted before it finished", reopened.pendingRebuild());
            assertThrows(IllegalStateException.class, () -> reopened.search(
                    new SearchRequest("bucket", 3, SearchMode.VECTOR, Filters.NONE)), "a half-rebuilt index is not searched");
            int kept = reopened.contents().size();
            assertTrue(kept > 0 && kept < total, "the first batches were committed: " + kept);

            SyncReport finished = reopened.sync(ingest(reopened), SyncListener.NONE);

            assertTrue(finished.rebuilt(), finished.toString());
            assertEquals(total - kept, finished.chunksEmbedded());
            assertEquals("", reopened.pendingRebuild());
            assertEquals(clean(), reopened.contents());
        }
    }

    /**
     * The model embeds the next batch while the sync writes this one (EmbeddingAhead): when the listener hears that a
     * batch is embedded, before the sync writes it, the model has already been asked for the next; the index still
     * ends equal to a clean one.
     */
    @Test
    void theModelEmbedsTheNextBatchWhileTheSyncWritesThisOne() throws IOException {
        Watching watching = new Watching(model, new AtomicInteger(), new CountDownLatch(1));
        List<Boolean> nextAlreadyAsked = new ArrayList<>();
        SyncListener listener = (done, total) -> {
            if (done > 0 && done < total) {
                try {
                    nextAlreadyAsked.add(watching.secondCall().await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        try (NotesIndex index = NotesIndex.open(dir.resolve("index"), watching, RetrievalOptions.defaults(), BATCH)) {
            index.sync(ingest(index), listener);

            assertTrue(nextAlreadyAsked.size() > 1, "several batches: " + nextAlreadyAsked);
            assertEquals(List.of(true), nextAlreadyAsked.subList(0, 1), "the second batch was asked for first");
            assertEquals(clean(), index.contents());
        }
    }

    /**
     * A sync that writes most of the index (here the first, in batches of four chunks: six segments without the merge)
     * merges it into one segment, one HNSW graph for a query to search; a small sync after it keeps the index whole.
     */
    @Test
    void aLargeSyncEndsInOneSegment() throws IOException {
        Path index = dir.resolve("index");
        try (NotesIndex first = NotesIndex.open(index, model, RetrievalOptions.defaults(), BATCH)) {
            first.sync(ingest(first), SyncListener.NONE);
            assertEquals(1, segments(index));

            Files.writeString(notes.resolve("note-0.md"), "# Note 0\n\n## Storage\n\nBucket 0 moved to Glacier.\n");
            SyncReport small = first.sync(ingest(first), SyncListener.NONE);

            assertEquals(1, small.notesChanged());
            assertEquals(clean(), first.contents());
        }
    }

    private static int segments(Path index) throws IOException {
        try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.leaves().size();
        }
    }

    @Test
    void aTouchedNoteIsRestampedWithoutEmbeddingAndThenSkippedUnread() throws IOException {
        Path note = notes.resolve("note-3.md");
        try (NotesIndex index = NotesIndex.open(dir.resolve("index"), model, RetrievalOptions.defaults(), BATCH)) {
            index.sync(ingest(index), SyncListener.NONE);
            FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
            Files.setLastModifiedTime(note, hourAgo);

            IngestResult touched = ingest(index);
            SyncReport report = index.sync(touched, SyncListener.NONE);
            IngestResult next = ingest(index);

            assertTrue(touched.unchanged().contains("note-3.md"), "same bytes: not parsed");
            assertEquals(0, report.chunksEmbedded());
            assertEquals(new FileStamp(Files.size(note), hourAgo.toMillis()),
                    index.indexedFiles().get("note-3.md").stamp(), "the new stamp is kept");
            assertEquals(NOTES, next.unchanged().size());
            assertEquals(List.of(), next.notes());
        }
    }

    private IngestResult ingest(NotesIndex index) throws IOException {
        return ingestor.ingest(notes, index.indexedFiles());
    }

    private SortedMap<String, String> clean() throws IOException {
        try (NotesIndex clean = NotesIndex.open(dir.resolve("clean-" + System.nanoTime()), model)) {
            clean.sync(ingestor.ingest(notes), SyncListener.NONE);
            return clean.contents();
        }
    }

    /** The model, counting its embedAll calls and opening {@code secondCall} when the second begins. */
    private record Watching(Embedder model, AtomicInteger calls, CountDownLatch secondCall) implements Embedder {
        @Override
        public String modelId() {
            return model.modelId();
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public float[] embed(String text) {
            return model.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            if (calls.incrementAndGet() == 2) {
                secondCall.countDown();
            }
            return model.embedAll(texts);
        }
    }

    /** The model under another id if asked, counting what it embeds and failing once past a limit. */
    private record Counting(Embedder model, String modelId, int failAfter, AtomicInteger embedded)
            implements Embedder {
        Counting(Embedder model, String modelId, int failAfter) {
            this(model, modelId, failAfter, new AtomicInteger());
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public float[] embed(String text) {
            return model.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            if (embedded.get() + texts.size() > failAfter) {
                throw new IllegalStateException("the model stopped after " + embedded.get() + " chunks");
            }
            embedded.addAndGet(texts.size());
            return model.embedAll(texts);
        }
    }
}
