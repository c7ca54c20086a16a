package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineNumbersTest {

    private static final String NOTE = """
            ---
            title: Lines
            tags:
            - [aws]
            ---
            # Lines

            ## Bedrock

            %s

            %s

            ## Code

            ```python
            def handler(event):
                return bedrock.invoke_model(body=event["prompt"], modelId="anthropic.claude")
            ```

            ## Mixed paragraph
            %s
            %s
            """.formatted(NoteFiles.english(1, 40), NoteFiles.chinese(1, 40), NoteFiles.english(2, 40),
            NoteFiles.chinese(2, 40));

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"LF", "CRLF", "BOM+CRLF"})
    void chunksPointAtTheirLinesInTheSourceFile(String variant, @TempDir Path root) {
        String text = variant.contains("CRLF") ? NOTE.replace("\n", "\r\n") : NOTE;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (variant.startsWith("BOM")) {
            byte[] withBom = new byte[bytes.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(bytes, 0, withBom, 3, bytes.length);
            bytes = withBom;
        }
        NoteFiles.writeBytes(root, "lines.md", bytes);
        IngestResult result = NoteFiles.ingest(root);
        assertEquals(List.of(), result.report().problems());
        List<String> lines = NOTE.lines().toList();

        List<Chunk> chunks = result.notes().get(0).chunks();
        assertEquals(3, chunks.size());
        assertSpan(chunks.get(0), lines, 10, 12);
        assertSpan(chunks.get(1), lines, 16, 19);
        assertSpan(chunks.get(2), lines, 22, 23);
        for (Chunk chunk : chunks) {
            String firstLine = lines.get(chunk.startLine() - 1);
            String firstPassage = chunk.passages().get(0).text();
            assertTrue(firstPassage.startsWith(firstLine.strip()) || firstLine.startsWith(firstPassage.lines()
                    .findFirst().orElseThrow()), "startLine " + chunk.startLine() + " is '" + firstLine + "'");
        }
    }

    private static void assertSpan(Chunk chunk, List<String> lines, int start, int end) {
        assertEquals(start, chunk.startLine(), chunk.breadcrumb() + " starts at " + lines.get(start - 1));
        assertEquals(end, chunk.endLine(), chunk.breadcrumb() + " ends at " + lines.get(end - 1));
    }
}
