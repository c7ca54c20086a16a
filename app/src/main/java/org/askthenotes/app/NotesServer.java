package org.askthenotes.app;

import io.javalin.Javalin;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.web.AccessGuard;
import org.askthenotes.app.web.WebApp;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.retrieval.SyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code serve} runs: the index synced at start, the web app, and the watcher that keeps the two in step. */
public final class NotesServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(NotesServer.class);

    private final NotesService service;
    private final Javalin app;
    private final NotesWatcher watcher;
    private boolean closed;

    private NotesServer(NotesService service, Javalin app, NotesWatcher watcher) {
        this.service = service;
        this.app = app;
        this.watcher = watcher;
    }

    /** Syncs, starts listening on the configured host and port (0: a free one), then watches the notes. */
    public static NotesServer start(AppConfig config, SyncListener progress) throws IOException {
        // Before the model loads and the notes are embedded: a refused start costs nothing.
        String warning = AccessGuard.checkStartup(config);
        if (warning != null) {
            LOG.warn(warning);
        }
        checkPortFree(config.host(), config.port());
        NotesService service = NotesService.open(config);
        try {
            NotesService.SyncOutcome first = service.sync(progress);
            LOG.info("Index in sync: {} notes read, {} chunks embedded, {} problems", first.ingest().notesRead(),
                    first.sync().chunksEmbedded(), first.ingest().problems().size());
            first.ingest().problems().forEach(p -> LOG.warn("{}", p));
            // a warming search, as Solr's firstSearcher runs: the query model, the graph and the Chinese dictionary
            // (loaded beside it) are ready before a learner's first question
            warm(service);
            Javalin app = WebApp.create(service).start(config.host(), config.port());
            NotesWatcher watcher = new NotesWatcher(config.notes(), config.index(), NotesWatcher.DEFAULT_DEBOUNCE,
                    () -> logSync(service.syncUnchecked(progress))).start();
            return new NotesServer(service, app, watcher);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** A warming search that fails costs the first question its speed, not the server its start. */
    private static void warm(NotesService service) {
        try {
            service.search(new SearchRequest("warming search", 1, SearchMode.HYBRID));
        } catch (RuntimeException e) {
            LOG.warn("The warming search failed; the first question will be slower: {}", e.toString());
        }
    }

    /**
     * A taken port is found out before the first sync, which can take minutes, rather than after it. Binds the way
     * Jetty does (SO_REUSEADDR), so a port a stopped server left in TIME_WAIT still counts as free.
     */
    static void checkPortFree(String host, int port) throws IOException {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new IOException("port " + port + " on " + host + " is already in use (another serve?): stop that "
                    + "process or pick another port with --port N (0 picks a free one)", e);
        }
    }

    public int port() {
        return app.port();
    }

    public NotesService service() {
        return service;
    }

    private static void logSync(NotesService.SyncOutcome outcome) {
        LOG.info("Notes changed: {} added, {} changed, {} deleted; {} chunks embedded",
                outcome.sync().notesAdded(), outcome.sync().notesChanged(), outcome.sync().notesDeleted(),
                outcome.sync().chunksEmbedded());
    }

    /** Stops watching, then serving, then closes the index; a second call does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        watcher.close();
        app.stop();
        service.close();
    }
}
