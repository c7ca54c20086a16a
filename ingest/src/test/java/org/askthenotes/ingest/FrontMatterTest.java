package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrontMatterTest {

    private static final String BODY = """
            # Heading from the body

            Amazon Bedrock offers foundation models from several providers through one managed API for builders.

            Amazon Bedrock 透過單一受管 API 提供多家供應商的基礎模型，讓開發人員可以直接使用。
            """;

    static Stream<Arguments> frontMatters() {
        return Stream.of(
                Arguments.of("seed's nested lists and 'category'", """
                        title: AWS AIF-C01 llm基礎篇
                        date: 2024-10-08 22:44:28
                        tags:
                        - [aws]
                        - [ai]
                        category:
                        - [aws]
                        index_img: ../image/aws/aif_c01_index.png
                        """, "AWS AIF-C01 llm基礎篇", "2024-10-08 22:44:28", List.of("aws", "ai"), List.of("aws")),
                Arguments.of("flat 'categories' and flow tags", """
                        title: "Quoted: title"
                        date: 2024-01-02
                        tags: [bedrock, rag]
                        categories:
                        - aws
                        - ai
                        """, "Quoted: title", "2024-01-02", List.of("bedrock", "rag"), List.of("aws", "ai")),
                Arguments.of("a single scalar tag, no date", """
                        title: Plain
                        tags: security
                        """, "Plain", "", List.of("security"), List.of()),
                Arguments.of("duplicates and blanks dropped", """
                        title: Dupes
                        tags:
                        - [aws, ai]
                        - aws
                        - ""
                        """, "Dupes", "", List.of("aws", "ai"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontMatters")
    void chunksCarryTheFrontMatterAsWritten(String name, String yaml, String title, String date, List<String> tags,
                                            List<String> categories, @TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, "---\n" + yaml + "---\n" + BODY);

        assertEquals(title, note.title());
        for (Chunk chunk : note.chunks()) {
            assertEquals(title, chunk.noteTitle());
            assertEquals(date, chunk.date());
            assertEquals(tags, chunk.tags());
            assertEquals(categories, chunk.categories());
        }
    }

    @Test
    void brokenYamlIsOneWarningAtItsFileLineAndTheBodyIsStillIngested(@TempDir Path root) {
        NoteFiles.write(root, "broken.md", "---\ntitle: Broken\ntags: [aws, ai\ndate: 2024-10-08\n---\n" + BODY);

        IngestResult result = NoteFiles.ingest(root);

        List<Problem> problems = result.report().problems();
        assertEquals(1, problems.size(), problems.toString());
        Problem problem = problems.get(0);
        assertEquals("broken.md", problem.path());
        assertEquals(Problem.Severity.WARNING, problem.severity());
        assertTrue(problem.line() >= 3 && problem.line() <= 5, "line inside the front matter: " + problem);
        assertTrue(problem.reason().contains("front matter"), problem.reason());
        Note note = result.notes().get(0);
        assertEquals("Heading from the body", note.title(), "title falls back to the first # heading");
        assertFalse(note.chunks().isEmpty());
        assertTrue(note.chunks().get(0).text().contains("Amazon Bedrock offers"));
        assertEquals(List.of(), note.chunks().get(0).tags());
    }

    @Test
    void frontMatterThatIsNotAMappingIsAWarning(@TempDir Path root) {
        NoteFiles.write(root, "list.md", "---\n- just\n- a list\n---\n" + BODY);

        IngestResult result = NoteFiles.ingest(root);

        assertEquals(1, result.report().problems().size());
        assertEquals(Problem.Severity.WARNING, result.report().problems().get(0).severity());
        assertEquals(1, result.notes().size());
    }

    @Test
    void titleFallsBackToTheFirstLevelOneHeadingThenTheFileName(@TempDir Path root) {
        NoteFiles.write(root, "with-heading.md", "---\ndate: 2024-01-01\n---\n" + BODY);
        NoteFiles.write(root, "no-heading.md", BODY.replace("# Heading from the body", ""));

        IngestResult result = NoteFiles.ingest(root);

        assertEquals(List.of("no-heading", "Heading from the body"),
                result.notes().stream().map(Note::title).toList());
    }
}
