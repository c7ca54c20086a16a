package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.NotesIngestor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental sync of a copy of the bundled notes folder, edited on disk and re-read by the real ingestor. */
class BundledNotesSyncTest {
    static Embedder embedder;

    @TempDir
    Path work;

    @BeforeAll
    static void loadModel() {
        embedder = Embedders.create(Embedders.DEFAULT);
    }

    @Test
    void editingTheFolderReEmbedsOnlyWhatChangedAndKeepsBrokenFiles() throws IOException {
        Path notes = copyOfBundledNotes();
        NotesIngestor ingestor = new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(Embedders.DEFAULT));
        try (NotesIndex index = NotesIndex.open(work.resolve("index"), embedder,
                RetrievalOptions.defaults().withMaxPerSection(0))) {
            IngestResult first = ingestor.ingest(notes);
            index.sync(first, SyncListener.NONE);
            Map<String, Set<String>> before = idsByNote(index, first);

            Path changed = notes.resolve("aif-c01-fine-tuning.md");
            Files.writeString(changed, "\n## Adapters 轉接器\n\nLoRA adapters train a few extra weights and leave the "
                    + "base model frozen.\n\nLoRA 轉接器只訓練少量額外權重，基礎模型保持凍結。\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            Files.delete(notes.resolve("aif-c01-ai-services.md"));
            Files.writeString(notes.resolve("new-note.md"), "---\ntitle: Vector math\ntags:\n- [ai]\n---\n"
                    + "# Vector math\n\n## Dot product 內積\n\nThe dot product of two unit vectors is their cosine.\n",
                    StandardCharsets.UTF_8);
            // a half-written save: the ingestor skips the file, the index keeps what it had
            Files.write(notes.resolve("aif-c01-sagemaker.md"), new byte[] {'#', ' ', (byte) 0xFF, (byte) 0xFE, '\n'});
            IngestResult second = ingestor.ingest(notes);
            assumeTrue(second.report().skippedPaths().contains("aif-c01-sagemaker.md"),
                    "the ingestor did not skip a note that is not UTF-8: " + second.report().problems());

            SyncReport report = index.sync(second, SyncListener.NONE);

            int expectedEmbedded = chunks(second, "aif-c01-fine-tuning.md") + chunks(second, "new-note.md");
            assertEquals(new SyncReport(1, 1, 1, first.notes().size() - 3, 1, expectedEmbedded, false, "",
                    report.millis()), report);
            Map<String, Set<String>> after = idsByNote(index, first);
            for (Note note : first.notes()) {
                String path = note.path();
                if (path.equals("aif-c01-fine-tuning.md") || path.equals("aif-c01-ai-services.md")) {
                    continue;
                }
                assertEquals(before.get(path), after.get(path), path + " kept its chunks");
            }
            assertEquals(Set.of(), after.get("aif-c01-ai-services.md"));
            assertTrue(index.search(new SearchRequest("LoRA adapters frozen base model", 3, SearchMode.HYBRID))
                    .stream().anyMatch(h -> h.chunk().text().contains("LoRA adapters")));
        }
    }

    private Path copyOfBundledNotes() throws IOException {
        Path bundled = BundledNotes.notesDir();
        Path copy = work.resolve("notes");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static int chunks(IngestResult ingest, String path) {
        return ingest.notes().stream().filter(n -> n.path().equals(path)).mapToInt(n -> n.chunks().size()).sum();
    }

    private static Map<String, Set<String>> idsByNote(NotesIndex index, IngestResult ingest) {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (Note note : ingest.notes()) {
            Filters only = new Filters(Set.of(), Set.of(), note.path(), null);
            ids.put(note.path(), index.search(new SearchRequest("notes", 1000, SearchMode.VECTOR, only)).stream()
                    .map(h -> h.chunk().id()).collect(Collectors.toCollection(TreeSet::new)));
        }
        return ids;
    }
}
