package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.askthenotes.retrieval.Hit;
import org.junit.jupiter.api.Test;

class CitationsTest {
    private final List<Hit> sources = Fixtures.hits(0.6, Fixtures.FOUNDATION_MODELS, Fixtures.PRE_TRAINING,
            Fixtures.RAG);

    @Test
    void turnsMarkersIntoCitationsThatLocateTheChunk() {
        Citations.Resolved resolved = Citations.resolve(
                "FMs are typically pre-trained through self-supervised learning [2].", sources);

        assertEquals(1, resolved.citations().size());
        Citation c = resolved.citations().get(0);
        assertEquals(2, c.n());
        assertEquals(Fixtures.PRE_TRAINING.id(), c.chunkId());
        assertEquals(Fixtures.NOTE, c.notePath());
        assertEquals(Fixtures.PRE_TRAINING.headingPath(), c.headingPath());
        assertEquals("2-pre-training-預訓練", c.anchor());
        assertEquals(32, c.startLine());
        assertEquals(41, c.endLine());
        assertEquals("FMs are typically pre-trained through self-supervised learning.", c.snippet());
    }

    @Test
    void dropsAndReportsMarkersThatPointAtNoSource() {
        Citations.Resolved resolved = Citations.resolve(
                "RAG does not change the weights [3]. The moon is cheese [9]. Both [1, 0, 3].", sources);

        assertEquals("RAG does not change the weights [3]. The moon is cheese. Both [1, 3].", resolved.text());
        assertEquals(List.of("[9]", "[0]"), resolved.droppedMarkers());
        assertEquals(List.of(1, 3), resolved.citations().stream().map(Citation::n).toList());
    }

    @Test
    void listsSourcesNeverCitedApartWithTheirOpening() {
        Citations.Resolved resolved = Citations.resolve("Foundation models are pretrained [1][3].", sources);

        assertEquals(List.of(1, 3), resolved.citations().stream().map(Citation::n).toList());
        assertEquals(List.of(2), resolved.alsoRetrieved().stream().map(Citation::n).toList());
        assertTrue(resolved.alsoRetrieved().get(0).snippet().startsWith("FMs are typically pre-trained"));
        assertTrue(resolved.alsoRetrieved().get(0).snippet().length() <= Citations.SNIPPET_CHARS + 1);
    }
}
