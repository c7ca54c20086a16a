package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StableIdsTest {

    private static String note(String deploymentText) {
        return "---\ntitle: Lifecycle\n---\n# Lifecycle\n\n## Training\n\n" + NoteFiles.english(1, 50) + "\n\n"
                + NoteFiles.chinese(1, 50) + "\n\n## Deployment\n\n" + deploymentText + "\n\n"
                + NoteFiles.chinese(2, 50) + "\n\n## Feedback\n\n" + NoteFiles.english(3, 50) + "\n";
    }

    @Test
    void theSameNoteGetsTheSameIdsOnEveryRunAndInAnyFolder(@TempDir Path first, @TempDir Path second) {
        NoteFiles.write(first, "ai/lifecycle.md", note(NoteFiles.english(2, 50)));
        NoteFiles.write(second, "ai/lifecycle.md", note(NoteFiles.english(2, 50)));

        List<String> ids = ids(NoteFiles.ingest(first));

        assertEquals(ids, ids(NoteFiles.ingest(first)), "a second run");
        assertEquals(ids, ids(NoteFiles.ingest(second)), "another root folder");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique");
        ids.forEach(id -> assertTrue(id.matches("[0-9a-f]{16}"), id));
    }

    @Test
    void changingOneSectionChangesOnlyThatSectionsIds(@TempDir Path root) {
        NoteFiles.write(root, "lifecycle.md", note(NoteFiles.english(2, 50)));
        Map<String, String> before = idsBySection(NoteFiles.ingest(root));
        NoteFiles.write(root, "lifecycle.md", note(NoteFiles.english(2, 50).replace("explains", "describes")));
        Map<String, String> after = idsBySection(NoteFiles.ingest(root));

        assertEquals(before.keySet(), after.keySet());
        assertEquals(before.get("Training"), after.get("Training"));
        assertEquals(before.get("Feedback"), after.get("Feedback"));
        assertNotEquals(before.get("Deployment"), after.get("Deployment"));
    }

    @Test
    void theNotePathIsPartOfTheId(@TempDir Path root) {
        NoteFiles.write(root, "a.md", note(NoteFiles.english(2, 50)));
        NoteFiles.write(root, "b.md", note(NoteFiles.english(2, 50)));

        List<Note> notes = NoteFiles.ingest(root).notes();

        assertNotEquals(notes.get(0).chunks().get(0).id(), notes.get(1).chunks().get(0).id());
        assertEquals(notes.get(0).contentHash(), notes.get(1).contentHash(), "same bytes, same content hash");
        assertTrue(notes.get(0).contentHash().matches("[0-9a-f]{64}"));
    }

    private static List<String> ids(IngestResult result) {
        return result.notes().stream().flatMap(n -> n.chunks().stream()).map(Chunk::id).toList();
    }

    private static Map<String, String> idsBySection(IngestResult result) {
        return result.notes().get(0).chunks().stream().collect(Collectors.toMap(
                chunk -> chunk.headingPath().get(chunk.headingPath().size() - 1), Chunk::id,
                (a, b) -> a + "," + b));
    }

}
