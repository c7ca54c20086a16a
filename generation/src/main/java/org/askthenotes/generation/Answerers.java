package org.askthenotes.generation;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Creates the answerer named in the settings.
 *
 * <p>Ollama is reached through its OpenAI-compatible endpoint ({@code http://localhost:11434/v1}) with the same
 * OpenAI client: {@code langchain4j-ollama} is not published at 1.19.0 and its newest release pulls an older
 * {@code langchain4j-core}. The same path serves vLLM, llama.cpp's server, LM Studio and gateways.
 */
public final class Answerers {
    /** Read by the "openai" answerer when the settings carry no API key. */
    public static final String API_KEY_VARIABLE = "OPENAI_API_KEY";

    private Answerers() {
    }

    public static Answerer create(AnswererSettings settings) {
        return switch (settings.kind()) {
            case EXTRACTIVE -> new ExtractiveAnswerer();
            case OPENAI, OLLAMA -> llm(settings);
        };
    }

    private static LlmAnswerer llm(AnswererSettings settings) {
        String apiKey = apiKey(settings);
        OpenAiChatModel chat = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.modelName())
                .apiKey(apiKey)
                .temperature(settings.temperature())
                .timeout(settings.timeout())
                .maxRetries(1)
                .build();
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.modelName())
                .apiKey(apiKey)
                .temperature(settings.temperature())
                .timeout(settings.timeout())
                .build();
        return new LlmAnswerer(settings.name(), chat, streaming, settings.timeout(), settings.baseUrl());
    }

    /**
     * Ollama and local servers ignore the key but the client sends one; OpenAI itself needs a real one. The
     * environment's OpenAI key goes only to the "openai" answerer, never to an Ollama server.
     */
    private static String apiKey(AnswererSettings settings) {
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            return settings.apiKey();
        }
        boolean openai = settings.kind() == AnswererKind.OPENAI;
        String fromEnvironment = openai ? System.getenv(API_KEY_VARIABLE) : null;
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (openai && settings.baseUrl().equals(AnswererSettings.OPENAI_BASE_URL)) {
            throw new IllegalArgumentException("the openai answerer needs an API key: set " + API_KEY_VARIABLE);
        }
        return "not-needed";
    }
}
