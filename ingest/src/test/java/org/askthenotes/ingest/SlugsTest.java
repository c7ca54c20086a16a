package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlugsTest {

    private static final String BODY = "\n\n" + NoteFiles.english(1, 45) + "\n";

    static Stream<Arguments> headings() {
        return Stream.of(
                Arguments.of("Foundation models (基礎模型)", "foundation-models-基礎模型"),
                Arguments.of("1. Data selection 數據選擇", "1-data-selection-數據選擇"),
                Arguments.of("生命週期", "生命週期"),
                Arguments.of("What's `RAG`? A/B", "whats-rag-ab"),
                Arguments.of("<span class=\"label label-info\">Bedrock</span> Guardrails", "bedrock-guardrails"),
                Arguments.of("Retrieval-augmented generation 檢索增強生成", "retrieval-augmented-generation-檢索增強生成"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("headings")
    void anchorsAreGitHubStyleSlugs(String heading, String anchor, @TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, "## " + heading + BODY);

        assertEquals(anchor, note.chunks().get(0).anchor());
    }

    @Test
    void repeatedHeadingsInOneNoteGetNumberedAndEachNoteStartsAfresh(@TempDir Path root) {
        String note = "# Tokens" + BODY + "## Tokens" + BODY + "### Tokens" + BODY + "## 嵌入" + BODY + "## 嵌入" + BODY;
        NoteFiles.write(root, "a.md", note);
        NoteFiles.write(root, "b.md", note);

        for (Note read : NoteFiles.ingest(root).notes()) {
            assertEquals(List.of("tokens", "tokens-1", "tokens-2", "嵌入", "嵌入-1"),
                    read.chunks().stream().map(Chunk::anchor).toList());
        }
    }
}
