package org.askthenotes.app.cli;

import java.io.PrintWriter;
import org.askthenotes.retrieval.SyncListener;

/** A one-line progress bar with an ETA on stderr, redrawn in place with a carriage return. */
public final class ProgressBar implements SyncListener {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long startNanos = System.nanoTime();
    private String lastLine = "";
    private boolean drawn;

    public ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    public synchronized void update(int done, int total) {
        if (total <= 0) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        String line = String.format("\r%s [%s%s] %d/%d %3d%% %s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, total, 100 * done / total, eta(done, total));
        if (!line.equals(lastLine)) {
            err.print(line);
            err.flush();
            lastLine = line;
            drawn = true;
        }
    }

    /** As a sync's listener the bar ends its own line once everything is embedded. */
    @Override
    public void onEmbedded(int done, int total) {
        update(done, total);
        if (done >= total) {
            finish();
        }
    }

    /** Ends the bar's line so whatever follows starts on a fresh one. */
    public synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    private String eta(int done, int total) {
        if (done == 0) {
            return "ETA --:--";
        }
        if (done >= total) {
            return "done     ";
        }
        long elapsedSeconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
        long remaining = elapsedSeconds * (total - done) / done;
        return String.format("ETA %d:%02d", remaining / 60, remaining % 60);
    }
}
