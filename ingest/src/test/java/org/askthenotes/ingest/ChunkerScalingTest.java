package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.TokenCountEstimator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chunking costs tokenizing in proportion to the note's length: doubling an unpunctuated paragraph (the case that
 * made a 1 MB line take 40 s) doubles the characters the chunker hands the tokenizer, give or take.
 */
class ChunkerScalingTest {

    /** The real tokenizer, counting how many characters it is asked to read. */
    private static final class Counting implements TokenCountEstimator {
        private final TokenCountEstimator tokenizer = NoteFiles.tokenizer();
        long characters;

        @Override
        public int estimateTokenCountInText(String text) {
            characters += text.length();
            return tokenizer.estimateTokenCountInText(text);
        }

        @Override
        public int estimateTokenCountInMessage(ChatMessage message) {
            return tokenizer.estimateTokenCountInMessage(message);
        }

        @Override
        public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
            return tokenizer.estimateTokenCountInMessages(messages);
        }
    }

    private static long charactersTokenized(int words, List<Chunk> chunks) {
        Counting counting = new Counting();
        String text = "vector index ".repeat(words / 2).strip();
        Section section = new Section(List.of("Long"), 1, "long", 1,
                List.of(new SourceBlock(3, 3, Language.ENGLISH, text, 0)));
        chunks.addAll(new Chunker(counting, NoteFiles.MAX_TOKENS)
                .chunk(new Chunker.NoteInfo("long.md", "Long", List.of(), List.of(), ""), List.of(section)));
        return counting.characters;
    }

    @Test
    void tokenizingGrowsLinearlyWithAnUnpunctuatedParagraph() {
        List<Chunk> small = new java.util.ArrayList<>();
        List<Chunk> large = new java.util.ArrayList<>();
        long once = charactersTokenized(20_000, small);
        long twice = charactersTokenized(40_000, large);

        double ratio = (double) twice / once;
        assertTrue(ratio < 2.3, "tokenized " + once + " then " + twice + " characters: ratio " + ratio);
        assertTrue(twice < 40L * "vector index ".length() * 40_000 / 2, "a few passes over the text, not one per word");
        assertEquals(large.size(), 2 * small.size(), 1, "chunks scale with the text");
        assertEquals(String.join(" ", large.stream().map(Chunk::text).toList()).replaceAll("\\s+", " "),
                "vector index ".repeat(20_000).strip(), "nothing lost or repeated");
    }
}
