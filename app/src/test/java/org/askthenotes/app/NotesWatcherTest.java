package org.askthenotes.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesWatcherTest {
    @TempDir
    Path root;

    @Test
    void aChangeAnywhereInTheTreeTriggersASync() throws Exception {
        Files.createDirectories(root.resolve("aws"));
        Semaphore syncs = new Semaphore(0);
        try (NotesWatcher watcher = new NotesWatcher(root, Duration.ofMillis(100), syncs::release).start()) {
            Files.writeString(root.resolve("aws/a.md"), "# A\n");
            assertTrue(syncs.tryAcquire(30, TimeUnit.SECONDS), "a sync after a new note in a subfolder");

            Path created = Files.createDirectories(root.resolve("new-folder"));
            // The new folder is registered when its creation is seen; give that sync time to pass first.
            assertTrue(syncs.tryAcquire(30, TimeUnit.SECONDS), "a sync after a new folder");
            Files.writeString(created.resolve("b.md"), "# B\n");
            assertTrue(syncs.tryAcquire(30, TimeUnit.SECONDS), "a sync after a note in a folder created later");
        }
    }

    @Test
    void aBurstOfEditsIsOneSyncOnceTheySettle() throws Exception {
        Semaphore syncs = new Semaphore(0);
        // A long debounce so the whole burst surely falls inside it, however slow the machine.
        try (NotesWatcher watcher = new NotesWatcher(root, Duration.ofSeconds(3), syncs::release).start()) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(root.resolve("n" + i + ".md"), "# N\n");
            }
            assertTrue(syncs.tryAcquire(60, TimeUnit.SECONDS), "one sync after the burst");
            assertTrue(!syncs.tryAcquire(4, TimeUnit.SECONDS), "no second sync for the same burst");
        }
    }
}
