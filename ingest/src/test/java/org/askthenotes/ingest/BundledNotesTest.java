package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample notes shipped in docs/notes: the demo corpus and the golden-test corpus. */
class BundledNotesTest {

    private static final Path NOTES = RepoRoot.resolve("docs/notes");

    private static IngestResult result;

    @BeforeAll
    static void ingestTheBundledNotes() {
        if (Files.isDirectory(NOTES)) {
            result = NoteFiles.ingest(NOTES);
        }
    }

    /** Per test rather than in @BeforeAll, so each test shows up as skipped with the reason. */
    @BeforeEach
    void bundledNotesArePresent() {
        assumeTrue(result != null, "skipped: " + NOTES + " is missing (the bundled notes land in main"
                + " separately; merge main to run this test)");
    }

    @Test
    void atLeastTenNotesAndNoErrors() {
        assertTrue(result.notes().size() >= 10, "notes: " + result.notes().size());
        assertEquals(List.of(), result.report().problems().stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR).toList());
    }

    @Test
    void everyNoteHasAtLeastThreeChunks() {
        for (Note note : result.notes()) {
            assertTrue(note.chunks().size() >= 3, note.path() + " has " + note.chunks().size() + " chunks");
        }
    }

    @Test
    void everyChunkIsWithinTheBudgetAndHasAUniqueId() {
        HuggingFaceTokenCountEstimator tokenizer = NoteFiles.tokenizer();
        Set<String> ids = new HashSet<>();
        for (Note note : result.notes()) {
            for (Chunk chunk : note.chunks()) {
                int tokens = tokenizer.estimateTokenCountInText(chunk.textToEmbed());
                assertTrue(tokens <= NoteFiles.MAX_TOKENS, chunk.breadcrumb() + ": " + tokens);
                assertTrue(ids.add(chunk.id()), "duplicate id " + chunk.id() + " at " + chunk.breadcrumb());
            }
        }
    }

    @Test
    void everyChunkUnderAHeadingHasAHeadingPathAndAnAnchor() {
        for (Note note : result.notes()) {
            for (Chunk chunk : note.chunks()) {
                assertFalse(chunk.text().isBlank(), chunk.breadcrumb());
                if (chunk.headingPath().isEmpty()) {
                    assertEquals("", chunk.anchor(), "text before the first heading has no anchor");
                } else {
                    assertFalse(chunk.anchor().isBlank(), chunk.breadcrumb());
                    assertTrue(chunk.headingPath().stream().noneMatch(String::isBlank), chunk.breadcrumb());
                }
            }
        }
    }

    /**
     * The golden set names target sections by heading path; a chunk matches when that path is a prefix of its
     * own. A target the chunker merged away (or renamed by cleanup) could never be found, so every one must match.
     */
    @Test
    void everyGoldenTargetSectionHasAChunk() throws IOException {
        Path golden = NOTES.resolveSibling("eval").resolve("golden.jsonl");
        assumeTrue(Files.isRegularFile(golden), "skipped: " + golden + " is missing");
        ObjectMapper json = new ObjectMapper();
        int targets = 0;
        for (String line : Files.readAllLines(golden)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode question = json.readTree(line);
            for (JsonNode relevant : question.path("relevant")) {
                String notePath = relevant.path("notePath").asText();
                List<String> headingPath = new ArrayList<>();
                relevant.path("headingPath").forEach(heading -> headingPath.add(heading.asText()));
                targets++;
                assertTrue(result.notes().stream()
                                .filter(note -> note.path().equals(notePath))
                                .flatMap(note -> note.chunks().stream())
                                .anyMatch(chunk -> startsWith(chunk.headingPath(), headingPath)),
                        question.path("id").asText() + ": no chunk under " + notePath + " " + headingPath);
            }
        }
        assertTrue(targets >= 50, "golden targets: " + targets);
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
