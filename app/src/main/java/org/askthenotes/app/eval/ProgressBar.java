package org.askthenotes.app.eval;

import java.io.PrintWriter;
import org.askthenotes.retrieval.SyncListener;

/** A one-line text progress bar for embedding, redrawn in place with '\r' when the percentage moves. */
public final class ProgressBar implements SyncListener {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private int lastPercent = -1;

    public ProgressBar(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void onEmbedded(int done, int total) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        out.print("\r" + render(label, done, total));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    static String render(String label, int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        return label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " "
                + percent + "%";
    }
}
