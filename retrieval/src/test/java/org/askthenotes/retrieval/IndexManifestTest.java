package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.askthenotes.ingest.NotesIngestor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexManifestTest {
    static final IndexManifest CURRENT = new IndexManifest("all-minilm-l6-v2", 384, "1");

    static Stream<Arguments> indexedManifests() {
        return Stream.of(
                Arguments.of(CURRENT, ""),
                Arguments.of(null, ""),
                Arguments.of(new IndexManifest("all-minilm-l6-v2-q", 384, "1"),
                        "model changed from all-minilm-l6-v2-q to all-minilm-l6-v2"),
                Arguments.of(new IndexManifest("all-minilm-l6-v2", 768, "1"), "dimension changed from 768 to 384"),
                Arguments.of(new IndexManifest("all-minilm-l6-v2", 384, "0"), "chunker version changed from 0 to 1"));
    }

    @ParameterizedTest
    @MethodSource("indexedManifests")
    void rebuildsWhenModelDimensionOrChunkerDiffer(IndexManifest indexed, String reason) {
        assertEquals(reason, CURRENT.rebuildReason(indexed));
    }

    @Test
    void roundTripsThroughCommitUserData() {
        Instant now = Instant.parse("2026-11-28T16:30:00Z");
        Map<String, String> data = CURRENT.toUserData(now);
        assertEquals(CURRENT, IndexManifest.fromUserData(data));
        assertEquals(now, IndexManifest.lastSync(data));
        assertNull(IndexManifest.fromUserData(Map.of()));
    }

    @Test
    void anOlderDocumentLayoutCountsAsAnotherChunker() {
        Map<String, String> data = new HashMap<>(CURRENT.toUserData(Instant.EPOCH));
        data.put("atn.format", "0");
        assertEquals("chunker version changed from 1 (index format 0) to 1",
                CURRENT.rebuildReason(IndexManifest.fromUserData(data)));
    }

    @Test
    void theIndexFollowsTheIngestorsChunkerVersion() {
        assertEquals(Integer.toString(NotesIngestor.CHUNKER_VERSION), IndexManifest.CHUNKER_VERSION);
    }
}
