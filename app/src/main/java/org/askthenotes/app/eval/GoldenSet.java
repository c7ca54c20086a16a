package org.askthenotes.app.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;

/**
 * The golden questions of a JSON Lines file, one
 * {@code {"id","question","language","relevant":[{"notePath","headingPath","grade"}],"facts":[["..."]],"offTopic"}}
 * object a line.
 */
public record GoldenSet(Path source, List<GoldenQuestion> questions) {

    public GoldenSet {
        questions = List.copyOf(questions);
    }

    public static GoldenSet read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<GoldenQuestion> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + lineNumber;
                GoldenQuestion question;
                try {
                    question = mapper.readValue(line, GoldenQuestion.class);
                } catch (JsonProcessingException e) {
                    throw new IOException(where + ": " + e.getOriginalMessage(), e);
                }
                validate(question, where);
                if (!ids.add(question.id())) {
                    throw new IOException(where + ": duplicate id '" + question.id() + "'");
                }
                questions.add(question);
            }
        }
        if (questions.isEmpty()) {
            throw new IOException(file + ": no questions");
        }
        return new GoldenSet(file, questions);
    }

    private static void validate(GoldenQuestion q, String where) throws IOException {
        if (q.id().isBlank() || q.id().chars().anyMatch(Character::isWhitespace)) {
            throw new IOException(where + ": 'id' must be non-empty without whitespace: '" + q.id() + "'");
        }
        if (q.question().isBlank()) {
            throw new IOException(where + ": question '" + q.id() + "' has an empty 'question'");
        }
        try {
            q.parsedLanguage();
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": question '" + q.id() + "': 'language' must be one of "
                    + List.of(Language.values()).stream().map(Language::code).toList() + ", got '" + q.language() + "'");
        }
        if (q.offTopic() != q.relevant().isEmpty()) {
            throw new IOException(where + ": question '" + q.id() + "' must have 'relevant' sections exactly when it "
                    + "is not 'offTopic'");
        }
        for (GoldenQuestion.Relevant relevant : q.relevant()) {
            if (relevant.grade() < 1) {
                throw new IOException(where + ": question '" + q.id() + "': 'grade' of " + relevant.label()
                        + " must be at least 1, got " + relevant.grade());
            }
        }
        validateFacts(q, where);
    }

    /**
     * Facts are what the answer-content metric counts, so each must be able to fail: no empty alternative, and none
     * the question already contains (an answer that repeats the question would state it for free).
     */
    private static void validateFacts(GoldenQuestion q, String where) throws IOException {
        // An answerable question without facts is a candidate (feedback export writes them): retrieval metrics
        // count it, the fact metrics skip it, and GoldenSetTest holds docs/eval/golden.jsonl to 2-4 facts each.
        if (q.offTopic() && !q.facts().isEmpty()) {
            throw new IOException(where + ": question '" + q.id() + "' is 'offTopic' and cannot have 'facts'");
        }
        for (int i = 0; i < q.facts().size(); i++) {
            List<String> fact = q.facts().get(i);
            String which = where + ": question '" + q.id() + "': fact " + (i + 1) + " " + fact;
            if (fact.isEmpty()) {
                throw new IOException(which + " has no alternatives");
            }
            for (String alternative : fact) {
                if (FactMatcher.normalise(alternative).isEmpty()) {
                    throw new IOException(which + " has an empty alternative");
                }
                if (FactMatcher.states(q.question(), List.of(alternative))) {
                    throw new IOException(which + ": '" + alternative + "' is already in the question");
                }
            }
        }
    }

    public List<GoldenQuestion> answerable() {
        return questions.stream().filter(GoldenQuestion::answerable).toList();
    }

    public List<GoldenQuestion> offTopic() {
        return questions.stream().filter(GoldenQuestion::offTopic).toList();
    }

    /**
     * Checks every relevant section names at least one indexed chunk: a typo in a heading would otherwise read as a
     * retrieval miss.
     */
    public void requireSectionsExist(List<Chunk> chunks) {
        List<String> missing = new ArrayList<>();
        for (GoldenQuestion question : questions) {
            for (GoldenQuestion.Relevant relevant : question.relevant()) {
                if (chunks.stream().noneMatch(relevant::matches)) {
                    missing.add(question.id() + ": " + relevant.label());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(source + ": relevant sections that match no chunk of the notes:\n  "
                    + String.join("\n  ", missing));
        }
    }
}
