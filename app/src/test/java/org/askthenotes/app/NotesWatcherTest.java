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
        try (NotesWatcher watcher = new NotesWatcher(root, null, Duration.ofMillis(100), syncs::release).start()) {
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
    void changesInTheIgnoredFolderDoNotTriggerASync() throws Exception {
        Path index = Files.createDirectories(root.resolve(".index"));
        Semaphore syncs = new Semaphore(0);
        try (NotesWatcher watcher = new NotesWatcher(root, index, Duration.ofMillis(100), syncs::release).start()) {
            Files.writeString(index.resolve("segments_1"), "x");
            Files.createDirectories(index.resolve("sub"));
            Files.writeString(root.resolve("note.md"), "# N\n");
            assertTrue(syncs.tryAcquire(30, TimeUnit.SECONDS), "the note edit syncs");
            Files.writeString(index.resolve("segments_2"), "y");
            Files.writeString(index.resolve("sub/file"), "z");
            assertTrue(!syncs.tryAcquire(2, TimeUnit.SECONDS), "index writes do not");
        }
    }

    @Test
    void aBurstOfEditsIsOneSyncOnceTheySettle() throws Exception {
        Semaphore syncs = new Semaphore(0);
        // A long debounce so the whole burst surely falls inside it, however slow the machine.
        try (NotesWatcher watcher = new NotesWatcher(root, null, Duration.ofSeconds(3), syncs::release).start()) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(root.resolve("n" + i + ".md"), "# N\n");
            }
            assertTrue(syncs.tryAcquire(60, TimeUnit.SECONDS), "one sync after the burst");
            assertTrue(!syncs.tryAcquire(4, TimeUnit.SECONDS), "no second sync for the same burst");
        }
    }
}
