package org.askthenotes.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchInputTest {
    @TempDir
    Path dir;
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void jsonlLinesBecomeQuestionsAndEachBadLineAProblemWithItsNumber() throws IOException {
        Path in = dir.resolve("q.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\": \"a\", \"question\": \" What is RAG? \"}",
                "{\"id\": 7, \"question\": \"什麼是微調？\"}",
                "not json",
                "[1, 2]",
                "{\"id\": \"a\", \"question\": \"duplicate\"}",
                "{\"id\": true, \"question\": \"bad id\"}",
                "{\"id\": \"e\", \"question\": \"\"}",
                "",
                "{\"id\": \"long\", \"question\": \"" + "x".repeat(2001) + "\"}"));
        BatchInput.Parsed parsed = BatchInput.read(in, mapper);
        assertEquals(List.of(new BatchInput.Question("a", "What is RAG?"), new BatchInput.Question("7", "什麼是微調？")),
                parsed.questions());
        List<String> lines = parsed.problems().stream()
                .map(p -> p.substring(in.toString().length() + 1, p.indexOf(':', in.toString().length() + 1)))
                .toList();
        assertEquals(List.of("3", "4", "5", "6", "7", "9"), lines, parsed.problems().toString());
        assertEquals(true, parsed.problems().get(2).contains("duplicate id 'a'"), parsed.problems().get(2));
    }

    @Test
    void textLinesAreQuestionsNumberedByLine() throws IOException {
        Path in = dir.resolve("q.txt");
        Files.writeString(in, "# a comment\nWhat is a token?\n\n  What are embeddings?  \n");
        BatchInput.Parsed parsed = BatchInput.read(in, mapper);
        assertEquals(List.of(new BatchInput.Question("2", "What is a token?"),
                new BatchInput.Question("4", "What are embeddings?")), parsed.questions());
        assertEquals(List.of(), parsed.problems());
    }

    @Test
    void csvRowsNeedAHeaderAndKeepTheirLineNumbers() throws IOException {
        Path in = dir.resolve("q.csv");
        // Excel's "CSV UTF-8" starts with a byte order mark; a quoted field may hold commas and a line break
        Files.writeString(in, "\uFEFFid,question\na,\"What is RAG, briefly?\"\nb,\n,\"Two\nlines?\"\n");
        BatchInput.Parsed parsed = BatchInput.read(in, mapper);
        assertEquals(List.of(new BatchInput.Question("a", "What is RAG, briefly?"),
                new BatchInput.Question("4", "Two\nlines?")), parsed.questions());
        assertEquals(List.of(in + ":3: empty question"), parsed.problems());
    }
}
