package org.askthenotes.retrieval;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.askthenotes.ingest.NotesIngestor;

/**
 * What the vectors and chunks in an index were made with, kept in the commit's user data: when any of it differs
 * from what the index is opened with, the stored vectors and chunks are stale and the next sync rebuilds. The solr
 * module keeps the same in a document of its own.
 */
public record IndexManifest(String modelId, int dimension, String chunkerVersion) {
    /**
     * Bumped when this module changes how documents are laid out, which also needs a rebuild. 2: the flat
     * {@code contents_en} field (an index without it would find no English question).
     */
    static final String FORMAT_VERSION = "2";

    /** Chunks cut by another chunker version have other ids and boundaries: the index must be rebuilt. */
    static final String CHUNKER_VERSION = Integer.toString(NotesIngestor.CHUNKER_VERSION);

    private static final String MODEL = "atn.model";
    private static final String DIMENSION = "atn.dimension";
    private static final String CHUNKER = "atn.chunker";
    private static final String FORMAT = "atn.format";
    private static final String LAST_SYNC = "atn.lastSync";
    /** Set on every commit of a rebuild but its last: why the rebuild started, so a restart finishes it. */
    private static final String REBUILDING = "atn.rebuilding";

    public static IndexManifest of(Embedder embedder) {
        return new IndexManifest(embedder.modelId(), embedder.dimension(), CHUNKER_VERSION);
    }

    /** Null for an index never committed by a sync (new or not ours). */
    static IndexManifest fromUserData(Map<String, String> userData) {
        if (!userData.containsKey(MODEL)) {
            return null;
        }
        String format = userData.getOrDefault(FORMAT, "");
        String chunker = userData.getOrDefault(CHUNKER, "");
        return new IndexManifest(userData.get(MODEL), Integer.parseInt(userData.get(DIMENSION)),
                format.equals(FORMAT_VERSION) ? chunker : chunker + " (index format " + format + ")");
    }

    static Instant lastSync(Map<String, String> userData) {
        String value = userData.get(LAST_SYNC);
        return value == null ? null : Instant.parse(value);
    }

    /** Why a rebuild that committed part of its notes started; "" when none is unfinished. */
    static String unfinishedRebuild(Map<String, String> userData) {
        return userData.getOrDefault(REBUILDING, "");
    }

    Map<String, String> toUserData(Instant lastSync) {
        return toUserData(lastSync, "");
    }

    /** @param rebuilding why the rebuild this commit is part of started; "" for a finished sync */
    Map<String, String> toUserData(Instant lastSync, String rebuilding) {
        Map<String, String> data = new HashMap<>();
        if (!rebuilding.isEmpty()) {
            data.put(REBUILDING, rebuilding);
        }
        data.put(MODEL, modelId);
        data.put(DIMENSION, Integer.toString(dimension));
        data.put(CHUNKER, chunkerVersion);
        data.put(FORMAT, FORMAT_VERSION);
        data.put(LAST_SYNC, lastSync.toString());
        return data;
    }

    /** Why an index built as {@code indexed} must be rebuilt for this manifest; "" when it need not. */
    public String rebuildReason(IndexManifest indexed) {
        if (indexed == null) {
            return "";
        }
        if (!indexed.modelId.equals(modelId)) {
            return "model changed from " + indexed.modelId + " to " + modelId;
        }
        if (indexed.dimension != dimension) {
            return "dimension changed from " + indexed.dimension + " to " + dimension;
        }
        if (!indexed.chunkerVersion.equals(chunkerVersion)) {
            return "chunker version changed from " + indexed.chunkerVersion + " to " + chunkerVersion;
        }
        return "";
    }
}
