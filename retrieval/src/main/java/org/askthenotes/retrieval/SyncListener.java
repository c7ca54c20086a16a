package org.askthenotes.retrieval;

/** Progress of a sync, for a progress bar: chunks embedded so far out of those that need embedding. */
@FunctionalInterface
public interface SyncListener {
    SyncListener NONE = (done, total) -> { };

    void onEmbedded(int done, int total);
}
