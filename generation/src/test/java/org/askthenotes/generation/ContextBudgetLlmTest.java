package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An LLM behind the OpenAI wire protocol gets only the sources that fit its budget; the answer says what was cut. */
class ContextBudgetLlmTest {
    static final String QUESTION = "What are foundation models?";

    @Test
    void theWeakestSourceIsNotSentAndThePromptNamesIt(@TempDir Path dir) throws IOException {
        try (NotesIndex index = Fixtures.index(dir);
             FakeOpenAiServer server = new FakeOpenAiServer(request -> "Foundation models are pretrained [1].")) {
            List<Hit> hits = index.search(new SearchRequest(QUESTION, 3, SearchMode.HYBRID, Filters.NONE));
            assertEquals(3, hits.size());
            Hit weakest = hits.stream().min(Comparator.comparingDouble(Hit::score)).orElseThrow();
            List<Hit> rest = hits.stream().filter(h -> h != weakest).toList();
            OpenAiTokenCountEstimator gpt = new OpenAiTokenCountEstimator("gpt-4o-mini");
            Prompt fits = PromptTemplate.defaults().render(QUESTION, List.of(), rest);
            int needed = gpt.estimateTokenCountInText(fits.system()) + gpt.estimateTokenCountInText(fits.user());
            PromptBudget budget = PromptBudget.forLlm(Embedders.tokenBudget(Embedders.DEFAULT), "gpt-4o-mini",
                    new PromptBudget.Limits(needed + 256, 256));
            Answerer llm = Answerers.create(new AnswererSettings(AnswererKind.OPENAI.id(), server.baseUrl(),
                    "gpt-4o-mini", "test-key", 0.0, Duration.ofSeconds(20)));
            NotesAssistant assistant = new NotesAssistant(index, TestModels.embedder(), llm,
                    PromptTemplate.defaults(), Abstention.DEFAULT, budget);

            Answer answer = assistant.ask(new AskRequest(QUESTION, List.of(), 3, SearchMode.HYBRID, Filters.NONE,
                    true), AnswerListener.NONE);

            String sent = FakeOpenAiServer.message(server.requests().get(0), "user");
            assertEquals(fits.user(), sent);
            assertFalse(sent.contains("<source id=\"3\""), sent);
            PromptTokens.Budget said = answer.prompt().tokens().budget();
            assertEquals(List.of(weakest.chunk().id()), said.leftOut().stream().map(PromptTokens.LeftOut::chunkId)
                    .toList());
            assertEquals(needed, said.promptTokens());
            assertEquals(2, answer.prompt().tokens().sources().size());
            assertTrue(answer.alsoRetrieved().stream().noneMatch(c -> c.chunkId().equals(weakest.chunk().id())),
                    "a source that was not sent is not offered as context either");
        }
    }
}
