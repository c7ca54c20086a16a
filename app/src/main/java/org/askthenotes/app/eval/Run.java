package org.askthenotes.app.eval;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A system's results: query id → retrieved docs with scores. Order of the given lists does not matter: like
 * trec_eval, {@link #ranking(String)} ranks by score descending and breaks ties by doc id descending, so the
 * numbers here match trec_eval run on the file {@link #writeTrec} writes.
 */
public record Run(Map<String, List<ScoredDoc>> results) {

    /** trec_eval's order (form_res_rels.c): higher score first; equal scores by doc id, later in strcmp order first. */
    public static final Comparator<ScoredDoc> TREC_EVAL_ORDER = Comparator.comparingDouble(ScoredDoc::score).reversed()
            .thenComparing(ScoredDoc::docId, Comparator.reverseOrder());

    public Run {
        Map<String, List<ScoredDoc>> copy = new LinkedHashMap<>();
        results.forEach((query, docs) -> {
            Set<String> seen = new HashSet<>();
            for (ScoredDoc doc : docs) {
                if (!seen.add(doc.docId())) {
                    // trec_eval refuses duplicates too: a doc counted twice would inflate every metric.
                    throw new IllegalArgumentException("query '" + query + "' retrieves doc '" + doc.docId() + "' twice");
                }
            }
            List<ScoredDoc> sorted = new ArrayList<>(docs);
            sorted.sort(TREC_EVAL_ORDER);
            copy.put(query, List.copyOf(sorted));
        });
        results = Collections.unmodifiableMap(copy);
    }

    /** The docs of a query in trec_eval's order; empty when the query is not in the run. */
    public List<ScoredDoc> ranked(String queryId) {
        return results.getOrDefault(queryId, List.of());
    }

    /** The doc ids of a query in trec_eval's order. */
    public List<String> ranking(String queryId) {
        return ranked(queryId).stream().map(ScoredDoc::docId).toList();
    }

    /** Writes the TREC run format, one line a doc: {@code qid Q0 docid rank score tag}. */
    public void writeTrec(Path file, String tag) throws IOException {
        if (tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("run tag must be non-empty without whitespace: '" + tag + "'");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, List<ScoredDoc>> entry : results.entrySet()) {
                int rank = 1;
                for (ScoredDoc doc : entry.getValue()) {
                    // Plain, exact decimal: rounding could create ties that trec_eval would then reorder.
                    String score = BigDecimal.valueOf(doc.score()).toPlainString();
                    writer.write(entry.getKey() + " Q0 " + doc.docId() + " " + rank++ + " " + score + " " + tag);
                    writer.newLine();
                }
            }
        }
    }

    /** Reads the TREC run format; ranks in the file are ignored, as trec_eval ignores them. */
    public static Run readTrec(Path file) throws IOException {
        Map<String, List<ScoredDoc>> results = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                if (fields.length != 6) {
                    throw new IOException(file + ":" + lineNumber + ": expected 'qid Q0 docid rank score tag', got '"
                            + line + "'");
                }
                double score;
                try {
                    score = Double.parseDouble(fields[4]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNumber + ": score is not a number: '" + fields[4] + "'");
                }
                results.computeIfAbsent(fields[0], q -> new ArrayList<>()).add(new ScoredDoc(fields[2], score));
            }
        }
        try {
            return new Run(results);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
