package org.askthenotes.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.retrieval.NotesIndex;

/**
 * The commands' one way to open the configured index and bring it in line with the notes, with a progress bar on
 * stderr. A running serve holds the index's write lock and keeps it in sync itself: the reading commands (ask, batch)
 * then read its last commit instead, and ingest says how to ask the server to reindex.
 */
final class SyncedIndex {
    private SyncedIndex() {
    }

    /** For ingest: opens the index for writing and syncs it; {@link NotesService#lastSync()} says what changed. */
    static NotesService openForWriting(AppConfig config, PrintWriter err) throws IOException {
        NotesService service;
        try {
            service = NotesService.open(config);
        } catch (NotesIndex.IndexInUseException e) {
            throw new IOException(inUseByServe(config), e);
        }
        return synced(service, err);
    }

    /** For ask and batch: syncs, or, when serve holds the index, says the answers come from its last sync. */
    static NotesService openForReading(AppConfig config, PrintWriter err) throws IOException {
        NotesService service = NotesService.openForReading(config);
        if (service.readOnly()) {
            err.println("note: the index at " + config.index() + " is in use by another process (a "
                    + "running serve?); reading its last sync without syncing the notes first");
            err.flush();
            return service;
        }
        return synced(service, err);
    }

    private static NotesService synced(NotesService service, PrintWriter err) throws IOException {
        ProgressBar bar = new ProgressBar(err, "embedding");
        try {
            service.sync(bar);
            return service;
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        } finally {
            bar.finish();
        }
    }

    /** What ingest says when serve holds the index: serve syncs by itself, and reindexes on request. */
    static String inUseByServe(AppConfig config) {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        String auth = config.reindexToken() == null ? "" : " -H \"Authorization: Bearer $ATN_REINDEX_TOKEN\"";
        return "the index at " + config.index() + " is in use by another process, most likely a running serve, which "
                + "already syncs it when notes change. To sync now, ask the server: curl -X POST http://" + host + ":"
                + config.port() + "/api/reindex" + auth + " with the host and port serve was started with (or stop "
                + "serve, then run ingest)";
    }
}
