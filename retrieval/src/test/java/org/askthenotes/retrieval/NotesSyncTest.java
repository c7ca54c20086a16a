package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.askthenotes.ingest.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental sync on a real on-disk index: what it embeds, what it keeps, when it rebuilds, how it survives. Pure
 * sync logic, so a {@link HashEmbedder} stands in for the model; two ids stand for two models.
 */
class NotesSyncTest {
    static final Embedder embedder = new HashEmbedder("hash-a");

    @TempDir
    Path dir;

    static final Note SAGEMAKER_CHANGED = FixtureNotes.note("aws/sagemaker.md", "Amazon SageMaker",
            List.of("aws", "ml"), List.of("aws"),
            FixtureNotes.section("SageMaker Clarify",
                    "SageMaker Clarify detects bias in training data and in model predictions.", ""),
            FixtureNotes.section("SageMaker Canvas",
                    "SageMaker Canvas lets business analysts build models without writing code.",
                    "SageMaker Canvas 讓業務分析師無需撰寫程式碼即可建立模型。"));

    static final Note BEDROCK = FixtureNotes.note("aws/bedrock.md", "Amazon Bedrock", List.of("aws"),
            List.of("aws"),
            FixtureNotes.section("Knowledge bases",
                    "Knowledge Bases for Amazon Bedrock implement retrieval-augmented generation over your documents.",
                    "Amazon Bedrock 知識庫可在您的文件上實作檢索增強生成。"));

    @Test
    void aSecondSyncOfTheSameNotesEmbedsNothing() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            SyncReport first = index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
            assertEquals(3, first.notesAdded());
            assertEquals(chunkCount(FixtureNotes.all()), first.chunksEmbedded());
            assertFalse(first.rebuilt());
            SyncReport second = index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
            assertEquals(new SyncReport(0, 0, 0, 3, 0, 0, false, "", second.millis()), second);
        }
    }

    @Test
    void addsChangesAndDeletesOneNoteEachAndLeavesTheOthersAlone() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
            Set<String> llmIdsBefore = idsOf(index, "aws/llm-basics.md");
            List<int[]> progress = new ArrayList<>();

            SyncReport report = index.sync(FixtureNotes.ingest(FixtureNotes.LLM_BASICS, SAGEMAKER_CHANGED, BEDROCK),
                    (done, total) -> progress.add(new int[] {done, total}));

            assertEquals(new SyncReport(1, 1, 1, 1, 0, 3, false, "", report.millis()), report);
            assertEquals(3, progress.get(progress.size() - 1)[0]);
            assertEquals(3, progress.get(progress.size() - 1)[1]);
            assertEquals(llmIdsBefore, idsOf(index, "aws/llm-basics.md"), "the unchanged note's chunks stay");
            assertEquals(ids(SAGEMAKER_CHANGED), idsOf(index, "aws/sagemaker.md"), "the changed note is replaced whole");
            assertEquals(ids(BEDROCK), idsOf(index, "aws/bedrock.md"));
            assertEquals(Set.of(), idsOf(index, "security/"), "the deleted note is gone");
            assertEquals(3, index.stats().notes());
            assertEquals(List.of("ai", "aws", "ml"), List.copyOf(index.stats().tags()),
                    "tags only deleted chunks had no longer show");
            assertEquals(List.of("aws"), List.copyOf(index.stats().categories()));
            String canvas = index.search(new SearchRequest("build models without code", 1, SearchMode.HYBRID))
                    .get(0).chunk().headingPath().get(0);
            assertEquals("SageMaker Canvas", canvas);
        }
    }

    @Test
    void skippedPathsKeepWhatWasIndexed() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
            SyncReport report = index.sync(FixtureNotes.ingest(
                    List.of(FixtureNotes.LLM_BASICS, FixtureNotes.SAGEMAKER), "security/responsible-ai.md"),
                    SyncListener.NONE);
            assertEquals(new SyncReport(0, 0, 0, 2, 1, 0, false, "", report.millis()), report);
            assertEquals(ids(FixtureNotes.RESPONSIBLE_AI), idsOf(index, "security/"));
        }
    }

    @Test
    void theIndexSurvivesReopeningAndSyncsOnFromThere() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
        }
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            assertEquals(3, index.stats().notes());
            assertEquals(ids(FixtureNotes.SAGEMAKER), idsOf(index, "aws/sagemaker.md"));
            SyncReport report = index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
            assertEquals(3, report.notesUnchanged());
            assertEquals(0, report.chunksEmbedded());
        }
    }

    @Test
    void anotherModelRebuildsTheIndexOnItsFirstSync() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
        }
        Embedder quantized = new HashEmbedder("hash-b");
        try (NotesIndex index = NotesIndex.open(dir, quantized)) {
            assertEquals("model changed from hash-a to hash-b", index.pendingRebuild());
            assertEquals("hash-a", index.stats().modelId());
            IllegalStateException stale = assertThrows(IllegalStateException.class,
                    () -> index.search(new SearchRequest("foundation model", 3, SearchMode.HYBRID)));
            assertTrue(stale.getMessage().contains("needs a sync"), stale.getMessage());

            SyncReport report = index.sync(FixtureNotes.ingest(FixtureNotes.LLM_BASICS, FixtureNotes.SAGEMAKER),
                    SyncListener.NONE);

            assertTrue(report.rebuilt());
            assertEquals("model changed from hash-a to hash-b", report.rebuildReason());
            assertEquals(2, report.notesChanged());
            assertEquals(1, report.notesDeleted());
            assertEquals(chunkCount(List.of(FixtureNotes.LLM_BASICS, FixtureNotes.SAGEMAKER)),
                    report.chunksEmbedded());
            assertEquals("hash-b", index.stats().modelId());
            assertEquals("", index.pendingRebuild());
            Hit hit = index.search(new SearchRequest("foundation model", 1, SearchMode.VECTOR)).get(0);
            float[] expected = quantized.embed(hit.chunk().textToEmbed());
            assertEquals(VectorSearcher.dot(quantized.embedQuery("foundation model"), expected),
                    hit.vectorSimilarity(), 1e-4, "vectors come from the new model");
        }
    }

    @Test
    void aRebuildReEmbedsSkippedNotesInsteadOfLosingThem() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
        }
        try (NotesIndex index = NotesIndex.open(dir, new HashEmbedder("hash-b"))) {
            SyncReport report = index.sync(FixtureNotes.ingest(List.of(FixtureNotes.LLM_BASICS, FixtureNotes.SAGEMAKER),
                    "security/responsible-ai.md"), SyncListener.NONE);
            assertTrue(report.rebuilt());
            assertEquals(1, report.notesKept());
            assertEquals(chunkCount(FixtureNotes.all()), report.chunksEmbedded());
            assertEquals(ids(FixtureNotes.RESPONSIBLE_AI), idsOf(index, "security/"));
        }
    }

    @Test
    void aSyncThatFailsLeavesTheLastCommitAndTheNextSyncFinishesTheJob() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
            SyncListener failing = (done, total) -> {
                if (done > 0) {
                    throw new IllegalStateException("the process is going down");
                }
            };
            assertThrows(IllegalStateException.class, () -> index.sync(
                    FixtureNotes.ingest(FixtureNotes.LLM_BASICS, SAGEMAKER_CHANGED, BEDROCK), failing));
            assertEquals(ids(FixtureNotes.SAGEMAKER), idsOf(index, "aws/sagemaker.md"));
            assertEquals(3, index.stats().notes());

            SyncReport report = index.sync(FixtureNotes.ingest(FixtureNotes.LLM_BASICS, SAGEMAKER_CHANGED, BEDROCK),
                    SyncListener.NONE);
            assertEquals(new SyncReport(1, 1, 1, 1, 0, 3, false, "", report.millis()), report);
            assertEquals(ids(SAGEMAKER_CHANGED), idsOf(index, "aws/sagemaker.md"));
        }
    }

    /**
     * A process killed mid-sync: its writer flushed new segments and deletions to disk but never committed. A copy of
     * the directory taken at that moment is what the next process finds.
     */
    @Test
    void anIndexWhoseWriterDiedWithoutCommittingReopensAtTheLastCommit() throws IOException {
        Path live = dir.resolve("live");
        try (NotesIndex index = NotesIndex.open(live, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
        }
        Path crashed = dir.resolve("crashed");
        try (FSDirectory directory = FSDirectory.open(live);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCommitOnClose(false))) {
            writer.deleteDocuments(ChunkDocuments.pathTerm("aws/sagemaker.md"));
            Document half = ChunkDocuments.noteDocument("half.md", "no chunks were written yet", null);
            writer.addDocument(half);
            writer.flush();
            copyDirectory(live, crashed);
            writer.rollback();
        }
        try (NotesIndex index = NotesIndex.open(crashed, embedder)) {
            assertEquals(3, index.stats().notes());
            assertEquals(ids(FixtureNotes.SAGEMAKER), idsOf(index, "aws/sagemaker.md"));
            assertEquals(Set.of(), idsOf(index, "half.md"));
            SyncReport report = index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
            assertEquals(3, report.notesUnchanged());
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    static int chunkCount(List<Note> notes) {
        return notes.stream().mapToInt(n -> n.chunks().size()).sum();
    }

    static Set<String> ids(Note note) {
        return new TreeSet<>(note.chunks().stream().map(c -> c.id()).toList());
    }

    /** The ids of every chunk under a path prefix, as a search filtered to it sees them. */
    static Set<String> idsOf(NotesIndex index, String pathPrefix) {
        Filters filters = new Filters(Set.of(), Set.of(), pathPrefix, null);
        try {
            return new TreeSet<>(index.search(new SearchRequest("the", 100, SearchMode.VECTOR, filters)).stream()
                    .map(h -> h.chunk().id()).toList());
        } catch (UncheckedIOException e) {
            throw new AssertionError(e);
        }
    }
}
