package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.askthenotes.ingest.Note;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches running while syncs replace a note see either all of its old chunks or all of its new ones. */
class ConcurrentSearchTest {
    static Embedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        embedder = Embedders.create(Embedders.DEFAULT);
    }

    static final Note VERSION_A = FixtureNotes.note("toggle.md", "Zebra notes", List.of("zoo"), List.of("animals"),
            FixtureNotes.section("Stripes", "Zebra stripes confuse biting flies.", "斑馬的條紋會迷惑咬人的蒼蠅。"),
            FixtureNotes.section("Herds", "Zebra herds move with wildebeest.", ""),
            FixtureNotes.section("Diet", "A zebra grazes on grass for most of the day.", ""));

    static final Note VERSION_B = FixtureNotes.note("toggle.md", "Zebra notes", List.of("zoo"), List.of("animals"),
            FixtureNotes.section("Species", "There are three species of zebra.", ""),
            FixtureNotes.section("Stripes, revised", "Each zebra has a unique stripe pattern.", ""),
            FixtureNotes.section("Predators", "Lions hunt the zebra at night.", ""),
            FixtureNotes.section("Sleep", "A zebra sleeps standing up.", "斑馬站著睡覺。"));

    @Test
    void searchesDuringSyncsRaiseNoErrorsAndNeverSeeHalfANote() throws Exception {
        Set<String> idsA = NotesSyncTest.ids(VERSION_A);
        Set<String> idsB = NotesSyncTest.ids(VERSION_B);
        ExecutorService searchers = Executors.newFixedThreadPool(3);
        AtomicBoolean syncing = new AtomicBoolean(true);
        try (NotesIndex index = NotesIndex.open(dir, embedder)) {
            index.sync(FixtureNotes.ingest(FixtureNotes.LLM_BASICS, FixtureNotes.SAGEMAKER, VERSION_A),
                    SyncListener.NONE);
            List<Future<Integer>> results = new ArrayList<>();
            for (SearchMode mode : SearchMode.values()) {
                results.add(searchers.submit(() -> searchUntilDone(index, mode, syncing, idsA, idsB)));
            }
            for (int i = 0; i < 6; i++) {
                Note next = i % 2 == 0 ? VERSION_B : VERSION_A;
                SyncReport report = index.sync(
                        FixtureNotes.ingest(FixtureNotes.LLM_BASICS, FixtureNotes.SAGEMAKER, next), SyncListener.NONE);
                assertEquals(1, report.notesChanged());
            }
            syncing.set(false);
            for (Future<Integer> result : results) {
                assertTrue(result.get(2, TimeUnit.MINUTES) > 0, "each searcher ran");
            }
            assertEquals(idsA, toggleIds(index, SearchMode.BM25));
        } finally {
            syncing.set(false);
            searchers.shutdownNow();
        }
    }

    /** Searches in a bounded loop; returns how many searches it made. */
    private static int searchUntilDone(NotesIndex index, SearchMode mode, AtomicBoolean syncing, Set<String> idsA,
            Set<String> idsB) {
        int searches = 0;
        while ((syncing.get() || searches == 0) && searches < 20_000) {
            Set<String> seen = toggleIds(index, mode);
            if (!seen.equals(idsA) && !seen.equals(idsB)) {
                throw new AssertionError(mode + " saw a half-updated note: " + seen);
            }
            searches++;
        }
        return searches;
    }

    private static Set<String> toggleIds(NotesIndex index, SearchMode mode) {
        Filters toggleOnly = new Filters(Set.of(), Set.of(), "toggle.md", null);
        return new TreeSet<>(index.search(new SearchRequest("zebra", 20, mode, toggleOnly)).stream()
                .map(h -> h.chunk().id()).toList());
    }
}
