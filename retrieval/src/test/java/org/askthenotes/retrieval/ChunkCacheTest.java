package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunks read back once per segment and document, never stale: a note changed by a sync is found with its new text,
 * the least recently used entry goes first and a closed segment takes its entries with it. Pure caching logic on a
 * real on-disk index, so a {@link HashEmbedder} stands in for the model.
 */
class ChunkCacheTest {
    @TempDir
    Path dir;

    static final Note SAGEMAKER_REWRITTEN = FixtureNotes.note("aws/sagemaker.md", "Amazon SageMaker",
            List.of("aws", "ml"), List.of("aws"),
            FixtureNotes.section("SageMaker Ground Truth",
                    "SageMaker Ground Truth Plus runs the whole labeling project for you with an expert workforce.",
                    ""));

    @Test
    void aNoteChangedBySyncIsFoundWithItsNewText() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, new HashEmbedder("hash-a"))) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
            SearchRequest request = new SearchRequest("SageMaker Ground Truth labeling", 3, SearchMode.HYBRID);
            assertEquals(index.search(request), index.search(request), "a cached chunk equals the stored one");
            assertTrue(topText(index, request).contains("human labelers"));

            index.sync(FixtureNotes.ingest(FixtureNotes.LLM_BASICS, SAGEMAKER_REWRITTEN,
                    FixtureNotes.RESPONSIBLE_AI), SyncListener.NONE);

            assertTrue(topText(index, request).contains("expert workforce"), topText(index, request));
        }
    }

    @Test
    void theLeastRecentlyUsedChunkGoesFirstAndAClosedSegmentTakesItsChunks() throws IOException {
        try (NotesIndex index = NotesIndex.open(dir, new HashEmbedder("hash-a"))) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
        }
        ChunkCache cache = new ChunkCache(2);
        List<Integer> loaded = new ArrayList<>();
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            LeafReaderContext leaf = reader.leaves().get(0);
            for (int doc : new int[] {1, 2, 1, 3, 1, 2}) {
                cache.get(leaf, doc, () -> {
                    loaded.add(doc);
                    return ANY;
                });
            }
            assertEquals(List.of(1, 2, 3, 2), loaded, "2 went when 3 came: 1 had been used since");
            assertEquals(2, cache.size());
        }
        assertEquals(0, cache.size(), "closing the reader closed its segments");
    }

    private static String topText(NotesIndex index, SearchRequest request) {
        return index.search(request).get(0).chunk().text();
    }

    private static final Chunk ANY = FixtureNotes.ingest(FixtureNotes.SAGEMAKER).notes().get(0).chunks().get(0);
}
