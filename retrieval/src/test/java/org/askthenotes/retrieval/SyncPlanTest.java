package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.askthenotes.ingest.FileStamp;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.Note;
import org.junit.jupiter.api.Test;

/** The plan both backends' syncs follow: by content hash, deleting only what is gone, keeping what is unreadable. */
class SyncPlanTest {
    private static final FileStamp STAMP = new FileStamp(1, 1);

    @Test
    void aChangedNoteReplacesItsIndexedVersionAndANoteThatIsGoneIsDeleted() throws IOException {
        Map<String, IndexedFile> indexed = new LinkedHashMap<>();
        indexed.put(FixtureNotes.LLM_BASICS.path(), new IndexedFile(STAMP, FixtureNotes.LLM_BASICS.contentHash()));
        indexed.put(FixtureNotes.SAGEMAKER.path(), new IndexedFile(STAMP, "an older version"));
        indexed.put("gone.md", new IndexedFile(STAMP, "whatever"));

        SyncPlan plan = SyncPlan.of(FixtureNotes.ingest(FixtureNotes.LLM_BASICS, FixtureNotes.SAGEMAKER,
                FixtureNotes.RESPONSIBLE_AI), indexed, false, "the index", SyncPlanTest::neverRead);

        assertEquals(List.of(FixtureNotes.SAGEMAKER, FixtureNotes.RESPONSIBLE_AI), plan.toIndex());
        assertEquals(Set.of(FixtureNotes.SAGEMAKER.path()), plan.replaced());
        assertEquals(List.of("gone.md"), plan.toDelete());
        assertEquals(List.of(1, 1, 1, 0), List.of(plan.added(), plan.changed(), plan.unchanged(), plan.kept()));
    }

    @Test
    void aNoteUnreadableTodayIsKeptAndReadBackOnlyForARebuild() throws IOException {
        Map<String, IndexedFile> indexed = Map.of(FixtureNotes.SAGEMAKER.path(), new IndexedFile(STAMP, "hash"));
        List<String> readBack = new ArrayList<>();
        SyncPlan.StoredNotes stored = (path, hash) -> {
            readBack.add(path);
            return FixtureNotes.SAGEMAKER;
        };

        SyncPlan sync = SyncPlan.of(FixtureNotes.ingest(List.of(), FixtureNotes.SAGEMAKER.path()), indexed, false,
                "the index", stored);
        assertEquals(List.of(), sync.toDelete());
        assertEquals(1, sync.kept());
        assertEquals(List.of(), readBack, "an ordinary sync leaves the kept note as it is");

        SyncPlan rebuild = SyncPlan.of(FixtureNotes.ingest(List.of(), FixtureNotes.SAGEMAKER.path()), indexed, true,
                "the index", stored);
        assertEquals(List.of(FixtureNotes.SAGEMAKER), rebuild.toIndex(), "re-embedded from what was indexed");
        assertEquals(List.of(FixtureNotes.SAGEMAKER.path()), readBack);
    }

    @Test
    void aNoteInTheIngestResultTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyncPlan.of(FixtureNotes.ingest(FixtureNotes.SAGEMAKER,
                FixtureNotes.SAGEMAKER), Map.of(), false, "the index", SyncPlanTest::neverRead));
    }

    private static Note neverRead(String path, String contentHash) {
        throw new AssertionError("read back " + path);
    }
}
