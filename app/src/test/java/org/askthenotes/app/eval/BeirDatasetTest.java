package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BeirDatasetTest {

    private static final String CORPUS = """
            {"_id": "4983", "title": "Microstructural development", "text": "Alterations of white matter.", "metadata": {}}
            {"_id": "5836", "text": "No title here.", "metadata": {}}
            """;
    private static final String QUERIES = """
            {"_id": "0", "text": "0-dimensional biomaterials lack inductive properties.", "metadata": {}}
            {"_id": "1", "text": "A claim about white matter.", "metadata": {}}
            {"_id": "2", "text": "A training claim.", "metadata": {}}
            """;
    private static final String QRELS = "query-id\tcorpus-id\tscore\r\n1\t4983\t1\r\n0\t5836\t1\r\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsCorpusPlainOrGzippedQueriesAndQrels(boolean gzipped) throws IOException {
        Path data = writeDataset(dir.resolve("tiny"), gzipped);
        BeirDataset dataset = BeirDataset.read(data);
        assertEquals("tiny", dataset.name());
        assertEquals(List.of(
                new BeirDataset.Document("4983", "Microstructural development", "Alterations of white matter."),
                new BeirDataset.Document("5836", "", "No title here.")), dataset.corpus());
        assertEquals(Map.of("1", "A claim about white matter.", "0", "0-dimensional biomaterials lack inductive properties."),
                dataset.judgedQueries());
        assertEquals(List.of("1", "0"), List.copyOf(dataset.judgedQueries().keySet()), "qrels order");
        assertEquals(Map.of("4983", 1), dataset.qrels().judged("1"));
    }

    @Test
    void mapsEachDocumentToANoteWithOneEnglishChunkKeyedByDocId() throws IOException {
        IngestResult ingest = BeirDataset.read(writeDataset(dir.resolve("tiny"), false)).toIngestResult();
        assertEquals(2, ingest.notes().size());
        assertEquals(2, ingest.report().chunks());
        Note note = ingest.notes().get(0);
        assertEquals("4983", note.path());
        assertEquals(64, note.contentHash().length());
        Chunk chunk = note.chunks().get(0);
        assertEquals("4983", chunk.id());
        assertEquals("4983", chunk.notePath());
        assertEquals(List.of(), chunk.headingPath());
        assertEquals(Map.of(Language.ENGLISH, "Alterations of white matter."),
                Map.of(chunk.passages().get(0).language(), chunk.passages().get(0).text()));
        assertEquals("Microstructural development\nAlterations of white matter.", chunk.textToEmbed(),
                "title and text are both embedded");
    }

    @Test
    void namesFileAndLineOfABadCorpusLine() throws IOException {
        Path data = writeDataset(dir.resolve("bad"), false);
        Files.writeString(data.resolve("corpus.jsonl"), CORPUS + "{\"title\": \"no id\", \"text\": \"x\"}\n");
        IOException e = assertThrows(IOException.class, () -> BeirDataset.read(data));
        assertEquals(data.resolve("corpus.jsonl") + ":3: missing field '_id'", e.getMessage());
    }

    @Test
    void refusesAJudgedQueryWithoutText() throws IOException {
        Path data = writeDataset(dir.resolve("tiny"), false);
        Files.writeString(data.resolve("qrels/test.tsv"), QRELS + "9\t4983\t1\r\n");
        BeirDataset dataset = BeirDataset.read(data);
        IllegalStateException e = assertThrows(IllegalStateException.class, dataset::judgedQueries);
        assertTrue(e.getMessage().contains("query '9'"), e.getMessage());
    }

    @Test
    void readsTheSharedSciFactTestSplit() throws IOException {
        Path root = org.askthenotes.ingest.RepoRoot.path();
        // SciFact is shared data that sits beside the checkout (../shared), never in the repository
        Path scifact = root.resolve("../shared/eval/beir/scifact").normalize();
        assumeTrue(Files.isDirectory(scifact), "skipped: " + scifact + " is absent (../shared sits beside the"
                + " checkout on developer and CI machines, not in a fresh clone)");
        BeirDataset dataset = BeirDataset.read(scifact);
        assertEquals(5183, dataset.corpus().size());
        assertEquals(300, dataset.judgedQueries().size());
        assertEquals(339, dataset.qrels().queryIds().stream().mapToInt(q -> dataset.qrels().judged(q).size()).sum());
    }

    private static Path writeDataset(Path data, boolean gzipped) throws IOException {
        Files.createDirectories(data.resolve("qrels"));
        if (gzipped) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(data.resolve("corpus.jsonl.gz")))) {
                out.write(CORPUS.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(data.resolve("corpus.jsonl"), CORPUS);
        }
        Files.writeString(data.resolve("queries.jsonl"), QUERIES);
        Files.writeString(data.resolve("qrels/test.tsv"), QRELS);
        return data;
    }
}
