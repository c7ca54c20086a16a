package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which questions are read in the conversation's context and which stand alone, in English and Chinese. */
class FollowUpDetectorTest {
    private static final List<Turn> HISTORY = List.of(new Turn("What does temperature do?",
            "Temperature controls how random the next-token choice is [1]."));

    static Stream<Arguments> questions() {
        return Stream.of(
                // A new topic stands alone, however short.
                Arguments.of("How do I bake sourdough bread?", false),
                Arguments.of("How do I change a car tire?", false),
                Arguments.of("What is RAG?", false),
                Arguments.of("What does top-k do?", false),
                Arguments.of("Which AWS service detects PII in documents?", false),
                Arguments.of("What is the service that stores vectors for RAG?", false),
                Arguments.of("How do I make sure that my prompts are safe?", false),
                Arguments.of("Is it possible to fine-tune a model on Bedrock?", false),
                Arguments.of("What is it called when a model makes up facts?", false),
                Arguments.of("It’s possible to stream answers from Bedrock, isn't it?", false),
                Arguments.of("When a model hallucinates, how can I reduce it?", false),
                Arguments.of("Is top-p the same as temperature?", false),
                Arguments.of("怎麼烤酸種麵包？", false),
                Arguments.of("溫度參數有什麼作用？", false),
                Arguments.of("什麼是提示工程呢？", false),
                Arguments.of("Как испечь хлеб?", false),
                // Known limits (docs/generation.md): no signal, so it stands alone; a later antecedent still counts.
                Arguments.of("Is top-k tuned the same way?", false),
                Arguments.of("Is it still useful, RAG?", true),
                // Ellipsis and continuations.
                Arguments.of("and what about top-p?", true),
                Arguments.of("And top-p?", true),
                Arguments.of("What about top-k?", true),
                Arguments.of("how about Bedrock?", true),
                Arguments.of("And in Chinese?", true),
                Arguments.of("But why?", true),
                Arguments.of("那 top-p 呢？", true),
                Arguments.of("top-k 呢？", true),
                Arguments.of("還有其他參數嗎？", true),
                Arguments.of("那麼最大 token 數呢？", true),
                // Pronouns and demonstratives that point back.
                Arguments.of("How does it compare to top-k?", true),
                Arguments.of("What are its limits?", true),
                Arguments.of("What’s it used for?", true),
                Arguments.of("How are they trained?", true),
                Arguments.of("Can you give an example of them?", true),
                Arguments.of("What does that mean?", true),
                Arguments.of("Is that true?", true),
                Arguments.of("Why are these parameters useful?", true),
                Arguments.of("Does Bedrock support this?", true),
                Arguments.of("它和 top-k 有什麼不同？", true),
                Arguments.of("它們是怎麼訓練的？", true),
                Arguments.of("這個參數要怎麼設定？", true),
                Arguments.of("那個服務收費嗎？", true),
                Arguments.of("這些有什麼差別？", true),
                // No topic of its own.
                Arguments.of("Why?", true),
                Arguments.of("Give me an example.", true),
                Arguments.of("Can you explain more?", true),
                Arguments.of("Tell me more", true),
                Arguments.of("為什麼？", true),
                Arguments.of("舉個例子？", true),
                Arguments.of("可以再說詳細一點嗎？", true));
    }

    @ParameterizedTest(name = "{0} -> follow-up {1}")
    @MethodSource("questions")
    void decidesWhetherAQuestionDependsOnTheConversation(String question, boolean followUp) {
        FollowUpDetector.Decision decision = FollowUpDetector.decide(question, HISTORY);

        assertEquals(followUp, decision.followUp(), decision.reason());
    }

    @Test
    void withoutEarlierTurnsNothingIsAFollowUp() {
        for (String question : List.of("And top-p?", "How does it work?", "Why?", "那 top-p 呢？")) {
            assertFalse(FollowUpDetector.decide(question, List.of()).followUp(), question);
        }
    }

    @Test
    void theJoiningCondenserKeepsTheThreadOfEllipticalFollowUps() {
        List<Turn> thread = List.of(new Turn("What is RAG?", "…"), new Turn("What does temperature do?", "…"),
                new Turn("And top-p?", "…"));

        assertEquals("What does temperature do? And top-p? And top-k?", QueryCondenser.JOINING.condense(
                "And top-k?", thread));
        assertEquals("What does temperature do? How is it set?", QueryCondenser.JOINING.condense(
                "How is it set?", thread.subList(0, 2)));
        assertEquals("Why?", QueryCondenser.JOINING.condense("Why?", List.of()));
    }
}
