package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** List and definition answers over notes in another author's style, which the answerer was not tuned on. */
class ThirdPartyNotesAnswerTest {
    @TempDir
    static Path dir;
    private static NotesIndex index;
    private static NotesAssistant assistant;

    @BeforeAll
    static void indexTheNotes() {
        Embedder embedder = TestModels.embedder();
        index = ThirdPartyNotes.index(dir.resolve("index"));
        assistant = new NotesAssistant(index, embedder, new ExtractiveAnswerer(), PromptTemplate.defaults(),
                Abstention.DEFAULT, TestModels.countOnly());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void aListQuestionGetsTheItemsUnderTheirLeadIn() {
        Answer answer = ask("What are the five characteristics of cloud computing?");

        for (String item : List.of("On-demand self-service", "Broad network access", "Resource pooling",
                "Rapid elasticity", "Measured service")) {
            assertTrue(answer.text().contains(item), item + " in " + answer.text());
        }
        assertTrue(answer.text().indexOf("five essential characteristics") < answer.text().indexOf("On-demand"),
                answer.text());
    }

    @Test
    void aDefinitionQuestionStartsWithTheDefiningSentence() {
        Answer answer = ask("What is serverless computing?");

        assertTrue(answer.text().startsWith("Serverless computing is a cloud execution model"), answer.text());
    }

    @Test
    void aTableQuestionQuotesTheRowWithItsHeader() {
        Answer answer = ask("What do you manage yourself in the PaaS service model?");

        assertTrue(answer.text().contains("PaaS; You manage: applications and data only"), answer.text());
    }

    @Test
    void aLeadInIsNeverTheLastThingSaid() {
        Answer answer = ask("What does serverless help to do?");

        assertTrue(answer.text().contains("scale to zero"), answer.text());
        assertFalse(answer.text().strip().endsWith(":"), answer.text());
    }

    private static Answer ask(String question) {
        Answer answer = assistant.ask(AskRequest.of(question), AnswerListener.NONE);
        assertFalse(answer.abstained(), question);
        assertTrue(answer.grounded(), answer.ungroundedSentences().toString());
        return answer;
    }
}
