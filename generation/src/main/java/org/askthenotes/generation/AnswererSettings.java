package org.askthenotes.generation;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which answerer to use and how to reach its model. Unset (null) fields get the defaults of the named answerer;
 * a null apiKey is read from the environment by {@link Answerers#create}.
 *
 * @param name        an {@link AnswererKind#id()}: "extractive" (offline, the default), "openai" or "ollama"
 * @param baseUrl     the OpenAI-compatible endpoint, ending in /v1
 * @param temperature sampling temperature; low, since answers should stick to the sources
 */
public record AnswererSettings(
        String name, String baseUrl, String modelName, String apiKey, Double temperature, Duration timeout) {
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    public static final String OLLAMA_BASE_URL = "http://localhost:11434/v1";

    public AnswererSettings {
        name = name == null ? AnswererKind.EXTRACTIVE.id() : name.strip().toLowerCase(Locale.ROOT);
        switch (AnswererKind.of(name)) {
            case EXTRACTIVE -> { }
            case OPENAI -> {
                baseUrl = Objects.requireNonNullElse(baseUrl, OPENAI_BASE_URL);
                modelName = Objects.requireNonNullElse(modelName, "gpt-4o-mini");
            }
            case OLLAMA -> {
                baseUrl = Objects.requireNonNullElse(baseUrl, OLLAMA_BASE_URL);
                modelName = Objects.requireNonNullElse(modelName, "llama3.2");
            }
        }
        temperature = Objects.requireNonNullElse(temperature, 0.1);
        timeout = Objects.requireNonNullElse(timeout, Duration.ofSeconds(120));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** The answerer these settings name. */
    public AnswererKind kind() {
        return AnswererKind.of(name);
    }

    /** Keeps the API key out of logs. */
    @Override
    public String toString() {
        return "AnswererSettings[name=" + name + ", baseUrl=" + baseUrl + ", modelName=" + modelName
                + ", apiKey=" + (apiKey == null ? "null" : "***") + ", temperature=" + temperature
                + ", timeout=" + timeout + "]";
    }

    /** The named answerer with all its defaults. */
    public static AnswererSettings of(String name) {
        return new AnswererSettings(name, null, null, null, null, null);
    }
}
