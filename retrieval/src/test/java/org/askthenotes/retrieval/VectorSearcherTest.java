package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kNN list explores {@link VectorSearcher#OVERSAMPLE} times as many candidates as it keeps: it still returns
 * exactly n chunks, best first, and on an index small enough for the graph search to be exact they are the exact
 * nearest n. Pure search logic over a real index: a {@link HashEmbedder} stands in for the model.
 */
class VectorSearcherTest {
    @TempDir
    Path dir;

    @Test
    void theListKeepsNOfTheDeeperSearchBestFirstAndExactOnASmallIndex() throws IOException {
        Embedder embedder = new HashEmbedder("hash-a");
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
        }
        float[] query = embedder.embedQuery("bucket versioning for model artifacts");
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int chunks = FixtureNotes.all().stream().mapToInt(note -> note.chunks().size()).sum();
            int n = chunks / 2;

            ScoreDoc[] list = VectorSearcher.search(searcher, query, null, n).scoreDocs;

            assertEquals(n, list.length, "n of the " + (int) Math.ceil(n * VectorSearcher.OVERSAMPLE) + " explored");
            for (int i = 1; i < list.length; i++) {
                assertEquals(true, list[i - 1].score >= list[i].score, "best first at " + i);
            }
            assertEquals(exactTop(searcher, query, n), Arrays.stream(list).map(hit -> hit.doc).sorted().toList());
        }
    }

    @Test
    void anUnfilteredSearchOfEachSegmentFindsWhatLucenesKnnQueryFinds() throws IOException {
        Embedder embedder = new HashEmbedder("hash-a");
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            // one note per sync: several segments, each with its own graph
            for (int i = 1; i <= FixtureNotes.all().size(); i++) {
                index.sync(FixtureNotes.ingest(FixtureNotes.all().subList(0, i)), SyncListener.NONE);
            }
        }
        float[] query = embedder.embedQuery("labeled training data");
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertTrue(reader.leaves().size() > 1, "segments: " + reader.leaves().size());

            ScoreDoc[] direct = VectorSearcher.search(searcher, query, null, 5, 8).scoreDocs;
            ScoreDoc[] lucene = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, query, 8), 5).scoreDocs;

            assertEquals(docsAndScores(lucene), docsAndScores(direct));
        }
    }

    private static List<String> docsAndScores(ScoreDoc[] list) {
        return Arrays.stream(list).map(hit -> hit.doc + ":" + hit.score).toList();
    }

    /** Brute force over every chunk's stored vector. */
    private static List<Integer> exactTop(IndexSearcher searcher, float[] query, int n) throws IOException {
        List<double[]> all = new ArrayList<>();
        for (ScoreDoc doc : VectorSearcher.search(searcher, query, null, 10_000).scoreDocs) {
            all.add(new double[] {VectorSearcher.similarity(searcher, doc.doc, query), doc.doc});
        }
        return all.stream().sorted(Comparator.comparingDouble((double[] d) -> -d[0])).limit(n)
                .map(d -> (int) d[1]).sorted().toList();
    }
}
