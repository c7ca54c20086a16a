package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.DefaultContentInjector;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.service.AiServices;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.NotesContentRetriever;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SearchMode;
import org.junit.jupiter.api.Test;

/**
 * The LangChain4j example of docs/langchain4j.md, run: the real Lucene index of the bundled notes (real model)
 * behind LangChain4j's {@link DefaultRetrievalAugmentor} and {@link AiServices}, with an OpenAI-compatible
 * {@link ChatModel} pointed at a loopback server that speaks the chat-completions protocol and answers from the
 * prompt it is sent, citing the first source's note path and headings.
 */
class LangChain4jRagTest {

    /** What the application asks; AiServices implements it. */
    interface NotesChat {
        String answer(String question);
    }

    /** The wiring docs/langchain4j.md shows, verbatim. */
    static NotesChat notesChat(NotesIndex index, ChatModel chatModel) {
        ContentRetriever retriever = new NotesContentRetriever(index, 3, SearchMode.HYBRID, Filters.NONE);
        RetrievalAugmentor augmentor = DefaultRetrievalAugmentor.builder()
                .contentRetriever(retriever)
                // the model sees where each passage came from, so it can cite it
                .contentInjector(DefaultContentInjector.builder()
                        .metadataKeysToInclude(List.of(NotesContentRetriever.NOTE_PATH,
                                NotesContentRetriever.HEADING_PATH))
                        .build())
                .build();
        return AiServices.builder(NotesChat.class)
                .chatModel(chatModel)
                .retrievalAugmentor(augmentor)
                .build();
    }

    @Test
    void answersAGoldenQuestionWithACitationOfTheRetrievedNote() throws IOException {
        BundledNotes.assumePresent();
        BundledNotes.Question golden = BundledNotes.golden().stream()
                .filter(q -> q.id().equals("en-022")).findFirst().orElseThrow();
        Content top = new NotesContentRetriever(BundledNotes.index(), 3, SearchMode.HYBRID, Filters.NONE)
                .retrieve(Query.from(golden.question())).get(0);
        Metadata source = top.textSegment().metadata();
        assertEquals(golden.notePath(), source.getString(NotesContentRetriever.NOTE_PATH),
                "the index ranks the golden note first");

        try (FakeOpenAiServer server = new FakeOpenAiServer(LangChain4jRagTest::answerFromPrompt)) {
            ChatModel chatModel = OpenAiChatModel.builder()
                    .baseUrl(server.baseUrl()).apiKey("not-needed").modelName("test").build();

            String answer = notesChat(BundledNotes.index(), chatModel).answer(golden.question());

            assertEquals(1, server.requests().size());
            String prompt = FakeOpenAiServer.message(server.requests().get(0), "user");
            assertTrue(prompt.startsWith(golden.question()), prompt);
            assertTrue(prompt.contains(top.textSegment().text()), "the retrieved note text reaches the model: " + prompt);
            String citation = "[" + golden.notePath() + " › " + source.getString(NotesContentRetriever.HEADING_PATH)
                    + "]";
            assertTrue(answer.endsWith(citation), answer);
            assertTrue(answer.contains("How RAG works"), answer);
            assertTrue(answer.startsWith("The model's weights never change"), "states the golden fact: " + answer);
        }
    }

    /**
     * Plays a model that answers from its sources: the sentence of the first source that shares the most words with
     * the question, cited by the note path and headings the content injector wrote beside it.
     */
    static String answerFromPrompt(JsonNode request) {
        String prompt = FakeOpenAiServer.message(request, "user");
        String question = prompt.substring(0, prompt.indexOf("\n")).toLowerCase(Locale.ROOT);
        String source = prompt.substring(prompt.indexOf("content: "), prompt.indexOf("\nnotePath: "));
        String best = "";
        int bestShared = -1;
        for (String sentence : source.split("(?<=[.!?])\\s+|\\n+")) {
            int shared = 0;
            for (String word : sentence.toLowerCase(Locale.ROOT).split("\\W+")) {
                shared += word.length() > 3 && question.contains(word) ? 1 : 0;
            }
            if (shared > bestShared) {
                best = sentence.strip();
                bestShared = shared;
            }
        }
        return best + " [" + field(prompt, "notePath") + " › " + field(prompt, "headingPath") + "]";
    }

    private static String field(String prompt, String key) {
        for (String line : prompt.split("\n")) {
            if (line.startsWith(key + ": ")) {
                return line.substring(key.length() + 2).strip();
            }
        }
        throw new AssertionError("no " + key + " line in the prompt: " + prompt);
    }
}
