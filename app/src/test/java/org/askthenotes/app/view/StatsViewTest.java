package org.askthenotes.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Answerer menu offers only what can answer: the LLM answerers need an endpoint, model or key. */
class StatsViewTest {
    @TempDir
    Path dir;

    private AppConfig config(Map<String, String> env) {
        return Settings.resolve(env, dir, null);
    }

    @Test
    void withoutAnLlmOnlyTheExtractiveAnswererIsOffered() {
        assertEquals(List.of("extractive"), StatsView.answerers(config(Map.of())));
    }

    @Test
    void anLlmEndpointModelOrKeyOffersTheLlmAnswerers() {
        List<String> all = List.of("extractive", "openai", "ollama");
        assertEquals(all, StatsView.answerers(config(Map.of("ATN_LLM_BASE_URL", "http://127.0.0.1:11434"))));
        assertEquals(all, StatsView.answerers(config(Map.of("ATN_LLM_MODEL", "llama3.2"))));
        assertEquals(all, StatsView.answerers(config(Map.of("OPENAI_API_KEY", "sk-test"))));
    }

    @Test
    void theConfiguredDefaultIsAlwaysOffered() {
        assertEquals(List.of("extractive", "ollama"), StatsView.answerers(config(Map.of("ATN_ANSWERER", "ollama"))));
    }
}
