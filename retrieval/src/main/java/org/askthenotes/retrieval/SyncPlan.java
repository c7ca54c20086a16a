package org.askthenotes.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.askthenotes.ingest.FileStamp;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;

/**
 * What one sync will do, by content hash, whichever engine holds the index (NotesSync here, SolrSync in the solr
 * module): the notes to (re)index, the ones among them that replace an indexed version, the paths to delete, the
 * unchanged notes whose file stamp moved (a touch, a copy) and only need their note document's stamp replaced, and the
 * counts for the sync's report.
 *
 * @param kept notes the index holds whose file could not be read today: kept, never deleted; a rebuild re-embeds
 *             them from what was indexed (they lead {@link #toIndex}, so the rebuild's first commit holds them)
 */
public record SyncPlan(List<Note> toIndex, Set<String> replaced, List<String> toDelete,
                       Map<String, IndexedFile> restamp, int added, int changed, int unchanged, int kept) {

    /** Reads back a note as the index holds it, for a rebuild that cannot read its file today. */
    public interface StoredNotes {
        Note read(String path, String contentHash) throws IOException;
    }

    /**
     * @param indexed what the index holds for each note file
     * @param holder  what holds the index, for error messages: "the index", "the collection"
     * @throws IllegalArgumentException when the ingest result does not fit the index (a note read twice, or read as
     *                                  unchanged but not indexed): the caller should read the notes again
     */
    public static SyncPlan of(IngestResult ingest, Map<String, IndexedFile> indexed, boolean rebuild, String holder,
                              StoredNotes stored) throws IOException {
        Set<String> seen = new HashSet<>();
        Map<String, IndexedFile> restamp = new LinkedHashMap<>();
        for (String path : ingest.unchanged()) {
            if (!seen.add(path) || rebuild || !indexed.containsKey(path)) {
                throw new IllegalArgumentException("note " + path + " was not read as unchanged, but " + holder + " "
                        + (rebuild ? "is being rebuilt" : "does not hold it") + ": read it again");
            }
            FileStamp stamp = ingest.stamps().get(path);
            if (stamp != null && !stamp.equals(indexed.get(path).stamp())) {
                restamp.put(path, new IndexedFile(stamp, indexed.get(path).contentHash()));
            }
        }
        List<Note> toIndex = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        int added = 0;
        int changed = 0;
        for (Note note : ingest.notes()) {
            if (!seen.add(note.path())) {
                throw new IllegalArgumentException("the ingest result holds note " + note.path() + " twice");
            }
            IndexedFile known = indexed.get(note.path());
            if (known == null || rebuild || !known.contentHash().equals(note.contentHash())) {
                toIndex.add(note);
                added += known == null ? 1 : 0;
                changed += known == null ? 0 : 1;
                if (known != null && !rebuild) {
                    replaced.add(note.path());
                }
            }
        }
        Set<String> skipped = ingest.report().skippedPaths();
        List<String> toDelete = new ArrayList<>();
        List<Note> rebuiltFromIndex = new ArrayList<>();
        int kept = 0;
        for (Map.Entry<String, IndexedFile> entry : indexed.entrySet()) {
            if (seen.contains(entry.getKey())) {
                continue;
            }
            if (!skipped.contains(entry.getKey())) {
                toDelete.add(entry.getKey());
                continue;
            }
            kept++;
            if (rebuild) {
                rebuiltFromIndex.add(stored.read(entry.getKey(), entry.getValue().contentHash()));
            }
        }
        toIndex.addAll(0, rebuiltFromIndex);
        int unchanged = seen.size() - added - changed;
        return new SyncPlan(toIndex, replaced, toDelete, restamp, added, changed, unchanged, kept);
    }
}
