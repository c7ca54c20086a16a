package org.askthenotes.app.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgments: query id → doc id → grade. A grade above 0 means relevant (trec_eval's default
 * relevance level); 0 or below means judged not relevant.
 */
public record Qrels(Map<String, Map<String, Integer>> judgments) {

    public Qrels {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        judgments.forEach((query, docs) -> copy.put(query, Map.copyOf(docs)));
        judgments = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Reads BEIR's qrels TSV: a header line, then {@code query-id<TAB>corpus-id<TAB>score} lines. BEIR ships these
     * files with CRLF endings, so a trailing '\r' is stripped.
     */
    public static Qrels readBeirTsv(Path file) throws IOException {
        Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                throw new IOException(file + ": empty qrels file (expected a header line)");
            }
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                line = stripCarriageReturn(line);
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    throw new IOException(file + ":" + lineNumber + ": expected 3 tab-separated fields, got "
                            + fields.length + ": '" + line + "'");
                }
                int grade;
                try {
                    grade = Integer.parseInt(fields[2].trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNumber + ": score is not an integer: '" + fields[2] + "'");
                }
                judgments.computeIfAbsent(fields[0].trim(), q -> new LinkedHashMap<>()).put(fields[1].trim(), grade);
            }
        }
        return new Qrels(judgments);
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    public Set<String> queryIds() {
        return judgments.keySet();
    }

    /** The judged docs of a query with their grades; empty when the query has no judgments. */
    public Map<String, Integer> judged(String queryId) {
        return judgments.getOrDefault(queryId, Map.of());
    }

    /** Judged docs with a grade above 0: recall's denominator. */
    public int relevantCount(String queryId) {
        return (int) judged(queryId).values().stream().filter(g -> g > 0).count();
    }

    /** Only queries with at least one relevant doc are evaluated; the others would divide by zero. */
    public boolean hasRelevant(String queryId) {
        return relevantCount(queryId) > 0;
    }
}
