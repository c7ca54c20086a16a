package org.askthenotes.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;

/**
 * How the reading commands (ask, batch) share the index with a running serve: it holds the write lock and keeps the
 * index in sync itself, so they read its last commit instead of syncing first.
 */
final class SharedIndex {
    private SharedIndex() {
    }

    /** Syncs with a progress bar, or, when serve holds the index, says the answers come from its last sync. */
    static void syncOrRead(NotesService service, PrintWriter err) throws IOException {
        if (service.readOnly()) {
            err.println("note: the index at " + service.config().index() + " is in use by another process (a "
                    + "running serve?); reading its last sync without syncing the notes first");
            err.flush();
            return;
        }
        ProgressBar bar = new ProgressBar(err, "embedding");
        try {
            service.sync(bar::update);
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
