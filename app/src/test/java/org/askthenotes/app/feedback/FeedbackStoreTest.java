package org.askthenotes.app.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.askthenotes.generation.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 ratings store on disk: round trip, concurrent writers, a writer killed with SIGKILL. */
class FeedbackStoreTest {

    @Test
    void aRatingComesBackAsStored(@TempDir Path dir) throws IOException {
        Rating rating = new Rating(0, java.time.Instant.parse("2026-11-29T18:01:02.345Z"), "什麼是 top-p？",
                List.of(new Turn("What is temperature?", "It scales the logits [1].")), "Top-p keeps [1] the nucleus.",
                List.of(Ratings.citation(1, "aif-c01-prompting.md", "Prompting", "Top-p 核取樣")),
                "openai", "vector", "all-minilm-l6-v2", "gpt-4o-mini", Rating.Thumbs.DOWN, "  wrong section ",
                new Rating.Section("aif-c01-inference.md", List.of("Inference", "Top-p")));
        Rating stored;
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            stored = store.add(rating);
        }
        assertNotEquals(0, stored.id());
        try (FeedbackStore reopened = FeedbackStore.open(dir)) {
            assertEquals(List.of(stored), reopened.all());
        }
        assertEquals("wrong section", stored.comment(), "comments are stored stripped");
    }

    @Test
    void twoHundredConcurrentRatingsAreAllKept(@TempDir Path dir) throws Exception {
        int ratings = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            List<Future<Rating>> futures = new ArrayList<>();
            for (int i = 0; i < ratings; i++) {
                String question = "question " + i;
                Rating.Thumbs thumbs = i % 3 == 0 ? Rating.Thumbs.DOWN : Rating.Thumbs.UP;
                futures.add(pool.submit(() -> store.add(Ratings.rating(question, thumbs,
                        List.of(Ratings.citation(1, "a.md", "A")), null, null))));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Rating> future : futures) {
                ids.add(future.get(60, TimeUnit.SECONDS).id());
            }
            assertEquals(ratings, ids.size(), "every add got its own id");
        } finally {
            pool.shutdownNow();
        }
        try (FeedbackStore reopened = FeedbackStore.open(dir)) {
            List<Rating> all = reopened.all();
            assertEquals(ratings, all.size());
            Set<String> questions = new HashSet<>();
            all.forEach(r -> questions.add(r.question()));
            for (int i = 0; i < ratings; i++) {
                assertTrue(questions.contains("question " + i), "lost question " + i);
            }
            assertEquals(67, all.stream().filter(r -> r.thumbs() == Rating.Thumbs.DOWN).count());
        }
    }

    /**
     * A real child JVM writes ratings until it is killed with SIGKILL (no shutdown hook, no close). Every rating it
     * acknowledged before the kill must be readable afterwards, and the store must open and take new ratings.
     */
    @Test
    void killMinusNineDuringWritesLeavesAReadableStore(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                RatingWriterMain.class.getName(), store.toString())
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        long lastAcknowledged = 0;
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < 300 && (line = out.readLine()) != null) {
                lastAcknowledged = Long.parseLong(line.substring("stored ".length()));
                acknowledged++;
            }
            assertEquals(300, acknowledged, "the child stopped early: "
                    + Files.readString(dir.resolve("child-stderr.txt")));
            child.destroyForcibly(); // SIGKILL on Linux and macOS: the child gets no chance to close the store
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
        assertEquals(137, child.exitValue(), "killed by signal 9");
        try (FeedbackStore reopened = FeedbackStore.open(store)) {
            List<Rating> all = reopened.all();
            long last = lastAcknowledged;
            assertTrue(all.stream().anyMatch(r -> r.id() == last), "the last acknowledged rating " + last
                    + " is gone; the store holds " + all.size());
            assertTrue(all.size() >= acknowledged, all.size() + " ratings, " + acknowledged + " acknowledged");
            for (Rating r : all) {
                assertTrue(r.question().startsWith("crash question "), "a torn rating: " + r);
                assertFalse(r.citations().isEmpty(), "a torn rating: " + r);
            }
            Rating after = reopened.add(Ratings.rating("after the crash", Rating.Thumbs.UP, List.of(), null, null));
            assertTrue(after.id() > last);
        }
    }

    @Test
    void theStoreLivesBesideTheIndexNotInIt(@TempDir Path dir) {
        Path index = dir.resolve(".index");
        Path store = FeedbackStore.folderFor(index);
        assertEquals(dir.resolve(".index-feedback").toAbsolutePath(), store);
        assertFalse(store.startsWith(index.toAbsolutePath()));
    }

    @Test
    void badThumbsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rating.Thumbs.parse("sideways"));
        assertTrue(e.getMessage().contains("'thumbs'"), e.getMessage());
    }
}
