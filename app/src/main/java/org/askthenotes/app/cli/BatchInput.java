package org.askthenotes.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads batch questions: {@code .jsonl} lines {"id": ..., "question": ...}, or any other file as plain text with
 * one question a line (its id is the line number). A bad line becomes a problem naming its line; the rest go on.
 */
public final class BatchInput {
    private BatchInput() {
    }

    public record Question(String id, String question) {
    }

    public record Parsed(List<Question> questions, List<String> problems) {
    }

    public static Parsed read(Path file, ObjectMapper mapper) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean jsonl = file.getFileName().toString().endsWith(".jsonl");
        List<Question> questions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || (!jsonl && line.startsWith("#"))) {
                continue;
            }
            try {
                Question q = jsonl ? parseJson(line, mapper) : new Question(String.valueOf(lineNo), line);
                if (q.question().length() > 2000) {
                    throw new IllegalArgumentException("question longer than 2000 characters");
                }
                if (!ids.add(q.id())) {
                    throw new IllegalArgumentException("duplicate id '" + q.id() + "'");
                }
                questions.add(q);
            } catch (IllegalArgumentException e) {
                problems.add(file + ":" + lineNo + ": " + e.getMessage());
            }
        }
        return new Parsed(questions, problems);
    }

    private static Question parseJson(String line, ObjectMapper mapper) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object {\"id\", \"question\"}");
        }
        JsonNode id = node.get("id");
        JsonNode question = node.get("question");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new IllegalArgumentException("missing or empty \"id\" (a string or an integer)");
        }
        if (question == null || !question.isTextual() || question.asText().isBlank()) {
            throw new IllegalArgumentException("missing or empty \"question\"");
        }
        return new Question(id.asText(), question.asText().strip());
    }
}
