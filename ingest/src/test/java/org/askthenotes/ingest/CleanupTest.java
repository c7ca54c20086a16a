package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanupTest {

    private static final String NOTE = """
            # Cleanup

            ## Everything in one section

            Models are <span class="label label-danger">transformer based</span>, **bold** with [a link](https://example.com/x) and ![alt words](../image/ai/x.png) and `inline <code>`.

            <div class="note">Block <b>HTML</b> keeps its words <img src="y.png" alt="picture alt"><!-- a comment --></div>

            ```java
            int x = 1; // <not html> **not bold**
            ```

            | Service | Use |
            |---|---|
            | **Bedrock** | foundation <span class="label label-info">models</span> |

            - first item with [link text](https://example.com)
              - nested item
            - second item

            1. one
            2. two
            """;

    @Test
    void passagesHoldTheTextAReaderSees(@TempDir Path root) {
        List<String> texts = NoteFiles.passages(NoteFiles.ingestOne(root, NOTE)).stream().map(Passage::text).toList();

        assertEquals(List.of(
                "Models are transformer based, bold with a link and alt words and inline <code>.",
                "Block HTML keeps its words picture alt",
                "```java\nint x = 1; // <not html> **not bold**\n```",
                "Service | Use\nBedrock | foundation models",
                "- first item with link text\n  - nested item\n- second item",
                "1. one\n2. two"), texts);
    }

    @Test
    void noMarkupOrLinkTargetSurvives(@TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, NOTE);
        String all = String.join("\n", note.chunks().stream().map(Chunk::text).toList());

        assertFalse(all.contains("<span"), all);
        assertFalse(all.contains("label-danger"), all);
        assertFalse(all.contains("https://"), all);
        assertFalse(all.contains("x.png"), all);
        assertFalse(all.contains("a comment"), all);
        assertTrue(all.contains("// <not html> **not bold**"), "code is kept verbatim");
    }

    @Test
    void headingMarkupIsCleanedInTheHeadingPath(@TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, """
                # The `Bedrock` <span class="label label-warning">API</span> and [Guardrails](https://x.y)

                Amazon Bedrock Guardrails filter harmful content in prompts and responses with configurable policies for every application.
                """);

        assertEquals(List.of("The Bedrock API and Guardrails"), note.chunks().get(0).headingPath());
    }
}
