package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One note read on its own gets the verdict, in the same words, that a walk of its folder gives it. */
class NoteLoaderTest {

    @Test
    void everyFileOfTheHostileFolderGetsTheSameVerdictAsInTheIngestReport() throws URISyntaxException, IOException {
        Path hostile = Path.of(NoteLoaderTest.class.getResource("/hostile").toURI());
        IngestOptions defaults = IngestOptions.defaults();
        IngestOptions options = new IngestOptions(defaults.include(), defaults.exclude(), 4096);
        IngestResult ingest = new NotesIngestor(options, NoteFiles.budget()).ingest(hostile);
        Map<String, Problem> skipped = ingest.report().problems().stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR)
                .collect(Collectors.toMap(Problem::path, Function.identity()));
        NoteLoader loader = new NoteLoader(options);

        for (String path : List.of("binary.md", "invalid-utf8.md", "empty.md", "big.md", "good.md",
                "nested/also-good.md", "broken-yaml.md")) {
            NoteLoader.Loaded loaded = loader.load(hostile, path);
            assertEquals(skipped.get(path), loaded.problem(), path);
            assertEquals(loaded.problem() == null, loaded.text() != null, path);
            assertTrue(!loaded.notANote(), path);
        }
        assertTrue(loader.load(hostile, "good.md").text().contains("# "), "the note's text");
    }

    @Test
    void hiddenFilesAndFoldersAndExcludedFilesAreNoNotes(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve(".git"));
        Files.createDirectories(root.resolve("drafts"));
        for (String path : List.of(".hidden.md", ".git/x.md", "drafts/wip.md", "ok.md")) {
            Files.writeString(root.resolve(path), "# Title\n\ntext\n");
        }
        IngestOptions options = new IngestOptions(List.of("**/*.md"), List.of("drafts/**"), 1024);
        NoteLoader loader = new NoteLoader(options);

        assertEquals(List.of("ok.md"), new NotesIngestor(options, NoteFiles.budget()).ingest(root).notes().stream().map(Note::path).toList(),
                "the walk reads only ok.md");
        for (String path : List.of(".hidden.md", ".git/x.md")) {
            Problem problem = loader.load(root, path).problem();
            assertNotNull(problem, path);
            assertTrue(loader.load(root, path).notANote(), path);
            assertEquals("hidden files and folders are not notes", problem.reason());
        }
        assertTrue(loader.load(root, "drafts/wip.md").problem().reason().contains("exclude"));
        assertNull(loader.load(root, "ok.md").problem());
    }
}
