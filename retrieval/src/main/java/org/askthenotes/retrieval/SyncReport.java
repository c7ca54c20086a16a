package org.askthenotes.retrieval;

/**
 * What one sync of the index with a notes folder did.
 *
 * @param notesKept     notes whose file was unreadable this time (see IngestReport.skippedPaths): left as indexed
 * @param rebuilt       true when the manifest (model id, dimension, chunker version) forced a clean rebuild
 * @param rebuildReason why it rebuilt, "" when it did not
 */
public record SyncReport(
        int notesAdded,
        int notesChanged,
        int notesDeleted,
        int notesUnchanged,
        int notesKept,
        int chunksEmbedded,
        boolean rebuilt,
        String rebuildReason,
        long millis) {
}
