package org.askthenotes.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.askthenotes.retrieval.SearchRequest;

/**
 * Reads batch questions: {@code .jsonl} lines {"id": ..., "question": ...}; {@code .csv} with a header row naming a
 * {@code question} column (and optionally {@code id}); any other file as plain text with one question a line (its id
 * is the line number). A bad line becomes a problem naming its line; the rest go on.
 */
public final class BatchInput {
    private BatchInput() {
    }

    public record Question(String id, String question) {
    }

    public record Parsed(List<Question> questions, List<String> problems) {
    }

    public static Parsed read(Path file, ObjectMapper mapper) throws IOException {
        String text = readUtf8(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? readCsv(file, text) : readLines(file, text, name.endsWith(".jsonl"), mapper);
    }

    private static Parsed readLines(Path file, String text, boolean jsonl, ObjectMapper mapper) {
        List<String> lines = text.lines().toList();
        Collector collector = new Collector(file);
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || (!jsonl && line.startsWith("#"))) {
                continue;
            }
            try {
                collector.add(jsonl ? parseJson(line, mapper) : new Question(String.valueOf(lineNo), line));
            } catch (IllegalArgumentException e) {
                collector.problem(lineNo, e.getMessage());
            }
        }
        return collector.parsed();
    }

    /** A header row is required: without one the first question would be taken for column names, or vice versa. */
    private static Parsed readCsv(Path file, String text) throws IOException {
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Collector collector = new Collector(file);
        try (MappingIterator<Map<String, String>> rows =
                     csv.readerForMapOf(String.class).with(schema).readValues(text)) {
            List<String> columns = ((CsvSchema) rows.getParserSchema()).getColumnNames();
            if (!columns.contains("question")) {
                throw new IOException(file + ": line 1 must be a header naming a 'question' column (and optionally "
                        + "'id'), e.g. id,question; found " + String.join(",", columns));
            }
            // the line a row starts on is where the reader stands before it: a quoted field may span lines
            for (int lineNo = rows.getCurrentLocation().getLineNr(); rows.hasNextValue();
                    lineNo = rows.getCurrentLocation().getLineNr()) {
                Map<String, String> row = rows.nextValue();
                String question = row.getOrDefault("question", "").strip();
                String id = row.getOrDefault("id", "").strip();
                try {
                    if (question.isEmpty()) {
                        throw new IllegalArgumentException("empty question");
                    }
                    collector.add(new Question(id.isEmpty() ? String.valueOf(lineNo) : id, question));
                } catch (IllegalArgumentException e) {
                    collector.problem(lineNo, e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not readable as CSV: " + e.getMessage(), e);
        }
        return collector.parsed();
    }

    /** The file as UTF-8 text; otherwise an error naming the file and the first line that is not UTF-8. */
    static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IOException(file + ": line " + line + " is not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xff) + "); save the file as UTF-8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        // Windows editors (and Excel's "CSV UTF-8") start the file with a byte order mark; it is not text
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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

    /** Questions and problems in input order; checks what every format shares (length, unique ids). */
    private static final class Collector {
        private final Path file;
        private final List<Question> questions = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        Collector(Path file) {
            this.file = file;
        }

        void add(Question q) {
            if (q.question().length() > SearchRequest.MAX_QUERY_CHARS) {
                throw new IllegalArgumentException(
                        "question longer than " + SearchRequest.MAX_QUERY_CHARS + " characters");
            }
            if (!ids.add(q.id())) {
                throw new IllegalArgumentException("duplicate id '" + q.id() + "'");
            }
            questions.add(q);
        }

        void problem(int lineNo, String message) {
            problems.add(file + ":" + lineNo + ": " + message);
        }

        Parsed parsed() {
            return new Parsed(questions, problems);
        }
    }
}
