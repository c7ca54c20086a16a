package org.askthenotes.generation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SyncListener;

/** The sample notes and golden questions bundled under docs/, indexed for real into a temporary directory. */
final class BundledNotes {
    private BundledNotes() {
    }

    /** One golden question: the note that answers it (null when off-topic). */
    record Question(String id, String question, String language, boolean offTopic, String notePath) {
    }

    static Path repoRoot() {
        return org.askthenotes.ingest.RepoRoot.path();
    }

    /** Skips the calling test, saying why, when the bundled notes or the golden set are not in this checkout. */
    static void assumePresent() {
        Path notes = repoRoot().resolve("docs/notes");
        Path golden = repoRoot().resolve("docs/eval/golden.jsonl");
        assumeTrue(Files.isDirectory(notes), "bundled notes absent: " + notes);
        assumeTrue(Files.isRegularFile(golden), "golden set absent: " + golden);
    }

    /**
     * One real index of the bundled notes for all tests of this JVM, since building it is slow; it lives in a
     * temporary directory removed at exit. Callers must not close it.
     */
    static NotesIndex index() {
        return Shared.INDEX;
    }

    /** The offline pipeline as the app runs it by default: extractive answerer, default prompt and abstention. */
    static NotesAssistant extractiveAssistant() {
        return new NotesAssistant(index(), embedder(), new ExtractiveAnswerer(), PromptTemplate.defaults(),
                Abstention.DEFAULT, TestModels.countOnly());
    }

    static Embedder embedder() {
        return Shared.EMBEDDER;
    }

    private static final class Shared {
        static final Embedder EMBEDDER = TestModels.embedder();
        static final NotesIndex INDEX = build();

        private static NotesIndex build() {
            try {
                Path dir = Files.createTempDirectory("atn-generation-index");
                NotesIndex index = NotesIndex.open(dir, EMBEDDER);
                index.sync(new NotesIngestor(IngestOptions.defaults(),
                org.askthenotes.retrieval.Embedders.tokenBudget(org.askthenotes.retrieval.Embedders.DEFAULT)).ingest(repoRoot().resolve("docs/notes")),
                        SyncListener.NONE);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAndDelete(index, dir)));
                return index;
            } catch (IOException e) {
                throw new UncheckedIOException("indexing the bundled notes", e);
            }
        }

        private static void closeAndDelete(NotesIndex index, Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                index.close();
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("removing " + dir, e);
            }
        }
    }

    static List<Question> golden() {
        ObjectMapper json = new ObjectMapper();
        List<Question> questions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(repoRoot().resolve("docs/eval/golden.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String note = null;
                for (JsonNode relevant : node.path("relevant")) {
                    if (relevant.path("grade").asInt() == 2) {
                        note = relevant.get("notePath").asText();
                    }
                }
                questions.add(new Question(node.get("id").asText(), node.get("question").asText(),
                        node.get("language").asText(), node.path("offTopic").asBoolean(false), note));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading docs/eval/golden.jsonl", e);
        }
        return questions;
    }
}
