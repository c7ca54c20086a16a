package org.askthenotes.generation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The answerers there are. Config, CLI, HTTP parameters, stats and feedback all name them by {@link #id()}; this
 * enum is the one list, so adding an answerer is one line here plus its case in {@link Answerers#create}.
 */
public enum AnswererKind {
    /** Offline, the default: quotes passages from the sources. */
    EXTRACTIVE,
    /** Any OpenAI-compatible endpoint. */
    OPENAI,
    /** Ollama through its OpenAI-compatible endpoint. */
    OLLAMA;

    /** "extractive, openai or ollama", for error messages. */
    public static final String CHOICES = choices();

    /** The name used in config files, options, JSON and metrics, e.g. "extractive". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the answerers that call a language model. */
    public boolean isLlm() {
        return this != EXTRACTIVE;
    }

    /** The answerer with this exact id, if any. */
    public static Optional<AnswererKind> find(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst();
    }

    /** The answerer with this exact id; throws naming the choices otherwise. */
    public static AnswererKind of(String id) {
        return find(id).orElseThrow(
                () -> new IllegalArgumentException("unknown answerer '" + id + "': use " + CHOICES));
    }

    private static String choices() {
        String[] ids = Arrays.stream(values()).map(AnswererKind::id).toArray(String[]::new);
        return Arrays.stream(ids, 0, ids.length - 1).collect(Collectors.joining(", ")) + " or " + ids[ids.length - 1];
    }
}
