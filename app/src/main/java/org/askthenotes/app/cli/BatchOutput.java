package org.askthenotes.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.askthenotes.app.view.Json;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.Citation;

/** The batch output file: one JSON line per answered question, appended and flushed as each one finishes. */
public final class BatchOutput implements Closeable {
    private final BufferedWriter writer;
    private final ObjectMapper mapper;

    /** One output line; grounded is null for an abstention. */
    public record Line(String id, String question, String answer, boolean abstained, Boolean grounded,
                       List<LineCitation> citations, Map<String, Long> timingsMs) {
        static Line of(String id, String question, Answer answer) {
            return new Line(id, question, answer.text(), answer.abstained(), answer.grounded(),
                    answer.citations().stream().map(LineCitation::of).toList(), answer.timingsMs());
        }
    }

    public record LineCitation(int n, String notePath, List<String> headingPath, String anchor, int startLine,
                               int endLine, String snippet) {
        static LineCitation of(Citation c) {
            return new LineCitation(c.n(), c.notePath(), c.headingPath(), c.anchor(), c.startLine(), c.endLine(),
                    c.snippet());
        }
    }

    private BatchOutput(BufferedWriter writer, ObjectMapper mapper) {
        this.writer = writer;
        this.mapper = mapper;
    }

    /**
     * The ids an earlier run already answered. A line cut short by an interrupted run is reported and left out
     * (so its question is asked again).
     */
    public static Set<String> doneIds(Path file, ObjectMapper mapper, PrintWriter err) throws IOException {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(file)) {
            return ids;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode id = mapper.readTree(lines.get(i)).get("id");
                if (id == null) {
                    throw new IOException("no id");
                }
                ids.add(id.asText());
            } catch (IOException e) {
                err.printf("warning: %s:%d: unreadable output line (an interrupted run?); its question is asked again%n",
                        file, i + 1);
            }
        }
        return ids;
    }

    /** Opens for appending; first ends a line an interrupted run left unfinished. */
    public static BatchOutput append(Path file, ObjectMapper mapper) throws IOException {
        boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (needsNewline) {
            writer.newLine();
        }
        return new BatchOutput(writer, mapper);
    }

    public synchronized void write(String id, String question, Answer answer) throws IOException {
        writer.write(Json.line(mapper, Line.of(id, question, answer)));
        writer.newLine();
        writer.flush();
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(channel.size() - 1);
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last);
            return last.get(0) == '\n';
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
