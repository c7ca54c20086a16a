package org.askthenotes.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.SyncReport;
import org.askthenotes.solrcluster.SolrTestClusterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync on a real SolrCloud collection: incremental by content hash, replacements, deletions, a model change. */
class SolrSyncTest {
    @TempDir
    Path notes;
    private static CachingEmbedder embedder;
    private static SolrTestClusterProcess cluster;
    private final NotesIngestor ingestor = new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(Embedders.DEFAULT));

    @BeforeAll
    static void start() throws Exception {
        cluster = SolrTestClusterProcess.shared();
        embedder = new CachingEmbedder(Embedders.create(Embedders.DEFAULT));
    }

    @AfterAll
    static void stop() {
        embedder.close();
    }

    @Test
    void syncsOnlyWhatChangedReplacesWholeNotesDeletesAndRebuildsForAnotherModel() throws IOException {
        write("alpha.md", "# Alpha\n\n## Walrus\n\nThe walrus section stays the same.\n\n## Heron\n\nHerons wade in "
                + "shallow water version one.\n");
        write("beta.md", "# Beta\n\n## Pelican\n\nPelicans carry fish in their pouch.\n");
        write("gamma.md", "# Gamma\n\n## Ocelot\n\nThe ocelot hunts at night.\n");
        SolrTarget target = new SolrTarget(cluster.nodeUrls(), "sync", 2, 1);
        try (SolrNotesIndex index = SolrNotesIndex.open(target, embedder, RetrievalOptions.defaults())) {
            SyncReport first = index.sync(ingest(index), SyncListener.NONE);
            assertEquals(3, first.notesAdded(), first.toString());
            int chunks = index.stats().chunks();
            assertEquals(first.chunksEmbedded(), chunks);

            SyncReport again = index.sync(ingest(index), SyncListener.NONE);
            assertEquals(3, again.notesUnchanged(), again.toString());
            assertEquals(0, again.chunksEmbedded(), again.toString());

            write("alpha.md", "# Alpha\n\n## Walrus\n\nThe walrus section stays the same.\n\n## Heron\n\nHerons wade "
                    + "in shallow water version two, with egrets.\n");
            SyncReport changed = index.sync(ingest(index), SyncListener.NONE);
            assertEquals(1, changed.notesChanged(), changed.toString());
            assertEquals(2, changed.notesUnchanged(), changed.toString());
            assertEquals(chunks, index.stats().chunks(), "the replaced note's old chunks are gone");
            assertTrue(top(index, "egrets").chunk().text().contains("version two"));
            assertTrue(index.search(new SearchRequest("walrus", 5, SearchMode.BM25)).stream()
                    .anyMatch(hit -> hit.chunk().text().contains("walrus section stays")));
            assertFalse(index.search(new SearchRequest("version one", 10, SearchMode.BM25)).stream()
                    .anyMatch(hit -> hit.chunk().text().contains("version one")));

            Files.delete(notes.resolve("gamma.md"));
            SyncReport deleted = index.sync(ingest(index), SyncListener.NONE);
            assertEquals(1, deleted.notesDeleted(), deleted.toString());
            assertEquals(2, index.stats().notes());
            assertTrue(index.search(new SearchRequest("ocelot", 5, SearchMode.BM25)).isEmpty());
            assertTrue(index.search(new SearchRequest("ocelot hunts at night", 5, SearchMode.HYBRID)).stream()
                    .noneMatch(hit -> hit.chunk().notePath().equals("gamma.md")));
        }
        try (SolrNotesIndex other = SolrNotesIndex.open(target, embedder.renamed("another-model"),
                RetrievalOptions.defaults())) {
            assertTrue(other.pendingRebuild().contains("model changed"), other.pendingRebuild());
            assertThrows(IllegalStateException.class,
                    () -> other.search(new SearchRequest("pelican", 3, SearchMode.HYBRID)));
            assertTrue(other.indexedFiles().isEmpty(), "a rebuild reads every note");
            SyncReport rebuilt = other.sync(ingest(other), SyncListener.NONE);
            assertTrue(rebuilt.rebuilt(), rebuilt.toString());
            assertEquals(2, rebuilt.notesAdded() + rebuilt.notesChanged(), rebuilt.toString());
            assertEquals("another-model", other.stats().modelId());
            assertEquals("", other.pendingRebuild());
            assertEquals("beta.md", top(other, "pelican pouch").chunk().notePath());
        }
    }

    /**
     * A note replaced ten times while searches run: every search sees one version of it whole, never chunks of two
     * (each version's three sections carry its number; BM25 is one request, so one searcher per shard).
     */
    @Test
    void searchesNeverSeeANoteHalfReplaced() throws Exception {
        SolrTarget target = new SolrTarget(cluster.nodeUrls(), "atomic", 2, 2);
        try (SolrNotesIndex index = SolrNotesIndex.open(target, embedder, RetrievalOptions.defaults())) {
            write("kiwi.md", version(0));
            index.sync(ingest(index), SyncListener.NONE);
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.List<String> mixed = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();
            Thread searcher = new Thread(() -> {
                while (!done.get()) {
                    java.util.Set<String> versions = new java.util.TreeSet<>();
                    for (Hit hit : index.search(new SearchRequest("kiwi orchard", 10, SearchMode.BM25))) {
                        versions.add(hit.chunk().text().replaceAll("(?s).*(release \\d+).*", "$1"));
                    }
                    searches.incrementAndGet();
                    if (versions.size() != 1) {
                        mixed.add(versions.toString());
                    }
                }
            });
            searcher.start();
            for (int v = 1; v <= 10; v++) {
                write("kiwi.md", version(v));
                SyncReport report = index.sync(ingest(index), SyncListener.NONE);
                assertEquals(1, report.notesChanged(), report.toString());
            }
            done.set(true);
            searcher.join();
            assertTrue(searches.get() > 10, "searches ran during the syncs: " + searches.get());
            assertTrue(mixed.isEmpty(), "searches that saw two versions at once: " + mixed);
            assertEquals(3, index.stats().chunks());
        }
    }

    /** Three sections, each over the chunker's tiny-section size (a chunk of its own), each naming the release. */
    private static String version(int v) {
        StringBuilder note = new StringBuilder("# Kiwi\n");
        for (String section : List.of("Planting", "Pruning", "Harvest")) {
            note.append("\n## ").append(section).append("\n\nThe kiwi orchard notes, release ").append(v)
                    .append(": ").append(section.toLowerCase()).append(" the vines on their trellis in every season, ")
                    .append("with enough words that this section is a chunk of its own. Sections under forty word pieces are ")
                    .append("merged into their parent, so this one says a little more about ropes, shade, water and ")
                    .append("the patience a young vine asks of its grower before the first fruit.\n");
        }
        return note.toString();
    }

    private Hit top(SolrNotesIndex index, String query) {
        List<Hit> hits = index.search(new SearchRequest(query, 1, SearchMode.HYBRID));
        assertFalse(hits.isEmpty(), "no hit for " + query);
        return hits.get(0);
    }

    private IngestResult ingest(SolrNotesIndex index) throws IOException {
        return ingestor.ingest(notes, index.indexedFiles());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(notes.resolve(name), text);
    }
}
