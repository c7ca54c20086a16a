package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnswererSettingsTest {
    @Test
    void fillsTheDefaultsOfTheNamedAnswerer() {
        AnswererSettings ollama = AnswererSettings.of("Ollama");

        assertEquals("ollama", ollama.name());
        assertEquals("http://localhost:11434/v1", ollama.baseUrl());
        assertEquals(AnswererSettings.OPENAI_BASE_URL, AnswererSettings.of("openai").baseUrl());
        assertEquals("extractive", AnswererSettings.of(null).name());
        assertEquals(Duration.ofSeconds(120), ollama.timeout());
    }

    @Test
    void keepsTheApiKeyOutOfItsText() {
        AnswererSettings settings = new AnswererSettings("openai", null, null, "sk-secret", null, null);

        assertTrue(settings.toString().contains("apiKey=***") && !settings.toString().contains("sk-secret"));
    }

    @Test
    void rejectsAnUnknownAnswererByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnswererSettings.of("gpt"));

        assertTrue(e.getMessage().contains("'gpt'"), e.getMessage());
    }

    @Test
    void createsTheExtractiveAnswererByDefaultAndAnLlmOneForOllama() {
        assertInstanceOf(ExtractiveAnswerer.class, Answerers.create(AnswererSettings.of(null)));
        assertInstanceOf(LlmAnswerer.class, Answerers.create(AnswererSettings.of("ollama")));
    }
}
