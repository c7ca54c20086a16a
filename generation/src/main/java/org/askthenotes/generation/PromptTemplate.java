package org.askthenotes.generation;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askthenotes.retrieval.Hit;

/**
 * The four parts of prompt engineering as separate templates: instructions (the system message), then context,
 * input data and output indicator (the user message, in that order). The defaults ship as text resources next to
 * this class under {@code prompt/}; any part can be replaced from a file. Templates use {@code {{placeholders}}}.
 * It stays beside LangChain4j's {@code PromptTemplate} (one template, one message) because a prompt here is four
 * named, separately replaceable parts with their placeholders checked at load, rendered into a system and a user
 * message.
 */
public final class PromptTemplate {

    /** A part of the prompt, the file it lives in, the placeholder it must hold ("" for none) and those it may. */
    public enum Part {
        INSTRUCTIONS("instructions.txt", "", List.of("count", "abstention")),
        CONTEXT("context.txt", "sources", List.of("sources", "count")),
        INPUT_DATA("input-data.txt", "question", List.of("question", "history")),
        OUTPUT_INDICATOR("output-indicator.txt", "", List.of("count"));

        private final String fileName;
        private final String required;
        private final List<String> placeholders;

        Part(String fileName, String required, List<String> placeholders) {
            this.fileName = fileName;
            this.required = required;
            this.placeholders = placeholders;
        }

        public String fileName() {
            return fileName;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");
    private static final int MAX_HISTORY_TURNS = 3;
    private static final int MAX_HISTORY_ANSWER_CHARS = 600;

    private final Map<Part, String> parts;

    private PromptTemplate(Map<Part, String> parts) {
        this.parts = new EnumMap<>(parts);
        for (Part part : Part.values()) {
            check(part, this.parts.get(part), "part " + part.fileName);
        }
    }

    /** The shipped template. */
    public static PromptTemplate defaults() {
        Map<Part, String> parts = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            parts.put(part, resource("prompt/" + part.fileName));
        }
        return new PromptTemplate(parts);
    }

    /**
     * The shipped template with every part whose file ({@code instructions.txt}, {@code context.txt},
     * {@code input-data.txt}, {@code output-indicator.txt}) exists in {@code dir} replaced by that file.
     */
    public static PromptTemplate load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("prompt template directory not found: " + dir);
        }
        PromptTemplate template = defaults();
        for (Part part : Part.values()) {
            Path file = dir.resolve(part.fileName);
            if (Files.exists(file)) {
                template = template.with(part, file);
            }
        }
        return template;
    }

    /** This template with one part read from {@code file}; an unknown or missing placeholder names the file. */
    public PromptTemplate with(Part part, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        check(part, text, file.toString());
        return with(part, text);
    }

    /** This template with one part replaced by {@code text}. */
    public PromptTemplate with(Part part, String text) {
        Map<Part, String> copy = new EnumMap<>(parts);
        copy.put(part, text);
        return new PromptTemplate(copy);
    }

    public String part(Part part) {
        return parts.get(part);
    }

    /** Renders the four parts for a question, the earlier turns and the sources numbered [1]..[k] in list order. */
    public Prompt render(String question, List<Turn> history, List<Hit> sources) {
        Map<String, String> values = Map.of(
                "sources", SourceBlocks.render(sources),
                "count", Integer.toString(sources.size()),
                "question", question.strip(),
                "history", history(history),
                "abstention", Abstention.SENTENCE);
        String instructions = fill(parts.get(Part.INSTRUCTIONS), values).strip();
        String context = fill(parts.get(Part.CONTEXT), values).strip();
        String inputData = fill(parts.get(Part.INPUT_DATA), values).strip();
        String outputIndicator = fill(parts.get(Part.OUTPUT_INDICATOR), values).strip();
        String user = String.join("\n\n", context, inputData, outputIndicator);
        return new Prompt(instructions, context, inputData, outputIndicator, instructions, user, null);
    }

    /** The prompt as LangChain4j chat messages: the instructions as the system message, the rest as the user's. */
    public static List<ChatMessage> messages(Prompt prompt) {
        return List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()));
    }

    /** Fills {@code {{name}}} placeholders of any template (also the condense prompt) from {@code values}. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String resource(String name) {
        try (InputStream in = PromptTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + PromptTemplate.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name, e);
        }
    }

    private static void check(Part part, String text, String where) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + ": the " + part + " part is empty");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        boolean hasRequired = part.required.isEmpty();
        while (m.find()) {
            if (!part.placeholders.contains(m.group(1))) {
                throw new IllegalArgumentException(where + ": unknown placeholder {{" + m.group(1) + "}} in the "
                        + part + " part; it may use " + part.placeholders);
            }
            hasRequired |= m.group(1).equals(part.required);
        }
        if (!hasRequired) {
            throw new IllegalArgumentException(where + ": the " + part + " part must contain {{" + part.required + "}}");
        }
    }

    static String history(List<Turn> history) {
        if (history.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Earlier in this conversation:\n");
        for (Turn turn : history.subList(Math.max(0, history.size() - MAX_HISTORY_TURNS), history.size())) {
            out.append("Q: ").append(turn.question().strip()).append('\n');
            // Old markers pointed at old sources: left in, they would read as citations of this context.
            String answer = Citations.withoutMarkers(turn.answer());
            out.append("A: ").append(abbreviate(answer, MAX_HISTORY_ANSWER_CHARS)).append('\n');
        }
        return out.append('\n').toString();
    }

    static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max).strip() + "…";
    }
}
