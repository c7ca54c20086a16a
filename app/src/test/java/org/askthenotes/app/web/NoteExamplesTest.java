package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Example questions are made from the notes' own section headings, English part only. */
class NoteExamplesTest {
    @Test
    void aHeadingBecomesAQuestion() {
        assertEquals("Tell me about Language services.", NoteExamples.question("Language services"));
        assertEquals("What is a foundation model?", NoteExamples.question("What is a foundation model"));
        assertEquals("When to fine-tune?", NoteExamples.question("When to fine-tune?"));
    }

    @Test
    void oneExampleFromEachOfUpToFourNotesSpreadOverTheFolder() {
        List<List<String>> sections = List.of(List.of("A1", "A2"), List.of("B1"), List.of("C1", "C2"),
                List.of("D1", "D2"), List.of("E1", "E2"), List.of("F1", "F2"), List.of("G1", "G2"), List.of("H1"));
        assertEquals(List.of("Tell me about A2.", "Tell me about C2.", "Tell me about E2.", "Tell me about G2."),
                NoteExamples.examples(sections));
        assertTrue(NoteExamples.examples(List.of()).isEmpty());
    }
}
