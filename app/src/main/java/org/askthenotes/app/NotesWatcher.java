package org.askthenotes.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the notes tree and runs a sync once edits settle: a burst of saves (an editor writes a temp file,
 * renames, touches) becomes one sync after {@code debounce} of quiet, and syncs never overlap.
 */
public final class NotesWatcher implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(NotesWatcher.class);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(500);

    private final Path root;
    private final Path ignored;
    private final Runnable onChange;
    private final Duration debounce;
    private final WatchService watchService;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(daemon("notes-watcher"));
    /** One thread: a sync scheduled while another runs waits for it. */
    private final ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(daemon("notes-sync"));
    private ScheduledFuture<?> pending;

    /**
     * @param ignored a folder inside the tree whose changes are not note edits (the index, when a user keeps it
     *                under the notes): watching it would make every sync trigger the next. Null for none.
     */
    public NotesWatcher(Path root, Path ignored, Duration debounce, Runnable onChange) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.ignored = ignored == null ? null : ignored.toAbsolutePath().normalize();
        this.debounce = debounce;
        this.onChange = onChange;
        this.watchService = FileSystems.getDefault().newWatchService();
    }

    public NotesWatcher start() throws IOException {
        registerTree(root);
        loop.submit(this::watch);
        return this;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                Path dir = (Path) key.watchable();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    Path changed = event.context() == null ? dir : dir.resolve((Path) event.context());
                    if (!watched(changed)) {
                        continue;
                    }
                    relevant = true;
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        register(changed);
                    }
                }
                key.reset();
                if (relevant) {
                    schedule();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = syncer.schedule(this::runSync, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whatever a sync throws, even an Error, is logged here and the watcher keeps going: the sync itself records
     * the failure for /api/health, and the next edit runs a new sync. An executor would swallow it silently.
     */
    private void runSync() {
        try {
            onChange.run();
        } catch (Throwable e) {
            LOG.error("Sync after a change in {} failed: {}", root, e.getMessage(), e);
        }
    }

    /** A new folder that cannot be listed (no permission, a link loop) is logged, not the end of watching. */
    private void register(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot watch new folder {}: {}", root.relativize(dir), e.getMessage());
        }
    }

    private void registerTree(Path start) throws IOException {
        try (Stream<Path> dirs = Files.walk(start)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory).filter(this::watched)::iterator) {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    private boolean watched(Path dir) {
        return ignored == null || !dir.toAbsolutePath().normalize().startsWith(ignored);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        loop.shutdownNow();
        syncer.shutdownNow();
    }
}
