package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.askthenotes.retrieval.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The grounding check with the real embedding model: paraphrases pass, inventions and wrong citations do not. */
class GroundingCheckTest {
    private final GroundingCheck check = new GroundingCheck(TestModels.embedder());
    private final List<Hit> sources = Fixtures.hits(0.6, Fixtures.FOUNDATION_MODELS, Fixtures.PRE_TRAINING,
            Fixtures.RAG);

    static Stream<Arguments> supported() {
        return Stream.of(
                Arguments.of("Foundation models are pretrained on internet-scale data [1]."),
                Arguments.of("A single foundation model can be adapted to many tasks such as summarization [1]."),
                Arguments.of("Continuous pre-training trains the model further on additional data [2]."),
                Arguments.of("RAG supplies relevant data as context and leaves the model weights unchanged [3]."),
                Arguments.of("基礎模型是基於互聯網規模資料預訓練的模型[1]。"),
                Arguments.of(Abstention.SENTENCE));
    }

    @ParameterizedTest
    @MethodSource("supported")
    void acceptsSentencesTheCitedChunksSupport(String answer) {
        GroundingCheck.Result result = check.check(answer, sources);

        assertTrue(result.grounded(), result.ungroundedSentences().toString());
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("Amazon Bedrock charges per hour for provisioned throughput in every region [1]."),
                Arguments.of("The Eiffel Tower was completed in Paris in 1889 for a world fair [2]."),
                // True of source 3, but it cites source 1.
                Arguments.of("It supplies domain-relevant data as context without changing the weights [1]."));
    }

    @ParameterizedTest
    @MethodSource("unsupported")
    void flagsInventedFactsAndWrongCitations(String sentence) {
        String answer = "Foundation models are pretrained on internet-scale data [1]. " + sentence;

        GroundingCheck.Result result = check.check(answer, sources);

        assertFalse(result.grounded());
        assertEquals(List.of(sentence), result.ungroundedSentences());
    }

    @Test
    void checksAnUncitedSentenceAgainstAllSources() {
        assertTrue(check.check("FMs are typically pre-trained through self-supervised learning.", sources).grounded());
        assertFalse(check.check("Penguins live mostly in the southern hemisphere oceans.", sources).grounded());
    }
}
