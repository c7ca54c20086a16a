package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesFolderTest {

    private static final String NOTE = "# Note\n\n" + NoteFiles.english(1, 45) + "\n";

    private static IngestResult ingest(Path root, List<String> include, List<String> exclude) {
        IngestOptions defaults = IngestOptions.defaults();
        return new NotesIngestor(new IngestOptions(include, exclude, defaults.maxFileBytes()), NoteFiles.budget()).ingest(root);
    }

    private static List<String> paths(IngestResult result) {
        return result.notes().stream().map(Note::path).toList();
    }

    @Test
    void theDefaultGlobFindsTopLevelAndNestedNotesAndSkipsHiddenOnes(@TempDir Path root) {
        for (String path : List.of("top.md", "aws/bedrock.md", "aws/deep/er/rag.md", ".obsidian/cache.md",
                "aws/.draft.md", "readme.txt", "aws/image.png")) {
            NoteFiles.write(root, path, NOTE);
        }

        IngestResult result = NoteFiles.ingest(root);

        assertEquals(List.of("aws/bedrock.md", "aws/deep/er/rag.md", "top.md"), paths(result));
        assertEquals(3, result.report().filesSeen());
        assertEquals(List.of(), result.report().problems());
    }

    @Test
    void includeAndExcludeGlobsAreRelativeToTheRoot(@TempDir Path root) {
        for (String path : List.of("top.md", "aws/bedrock.md", "drafts/wip.md", "drafts/deeper/old.md")) {
            NoteFiles.write(root, path, NOTE);
        }

        assertEquals(List.of("aws/bedrock.md", "top.md"), paths(ingest(root, List.of("**/*.md"), List.of("drafts/**"))));
        assertEquals(List.of("top.md"), paths(ingest(root, List.of("*.md"), List.of())));
        assertEquals(List.of("aws/bedrock.md"), paths(ingest(root, List.of("aws/**/*.md"), List.of())));
    }

    @Test
    void symlinksInsideTheRootAreReadAndOthersAreReportedWithoutStoppingTheRun(@TempDir Path root,
                                                                                @TempDir Path outside)
            throws IOException {
        NoteFiles.write(root, "good.md", NOTE);
        NoteFiles.write(root, "aws/real.md", NOTE);
        NoteFiles.write(outside, "secret.md", NOTE);
        NoteFiles.write(outside, "folder/other.md", NOTE);
        Files.createSymbolicLink(root.resolve("alias.md"), root.resolve("aws/real.md"));
        Files.createSymbolicLink(root.resolve("leak.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(root.resolve("leak-folder"), outside.resolve("folder"));
        Files.createSymbolicLink(root.resolve("aws/loop"), root);
        Files.createSymbolicLink(root.resolve("dangling.md"), root.resolve("missing.md"));

        IngestResult result = NoteFiles.ingest(root);

        assertEquals(List.of("alias.md", "aws/real.md", "good.md"), paths(result));
        List<Problem> problems = result.report().problems();
        assertEquals(4, problems.size(), problems.toString());
        assertProblem(problems, "leak.md", "outside the notes folder");
        assertProblem(problems, "leak-folder", "outside the notes folder");
        assertProblem(problems, "aws/loop", "symbolic link loop");
        assertProblem(problems, "dangling.md", "broken symbolic link");
    }

    @Test
    void aMissingRootIsACallerErrorNamingTheFolder(@TempDir Path root) {
        Path missing = root.resolve("nope");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoteFiles.ingest(missing));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private static void assertProblem(List<Problem> problems, String path, String reason) {
        List<Problem> matching = problems.stream().filter(p -> p.path().equals(path)).toList();
        assertEquals(1, matching.size(), path + " in " + problems);
        assertEquals(Problem.Severity.ERROR, matching.get(0).severity());
        assertTrue(matching.get(0).reason().contains(reason), matching.get(0).toString());
    }
}
