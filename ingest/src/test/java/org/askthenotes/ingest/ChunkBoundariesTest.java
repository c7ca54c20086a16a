package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkBoundariesTest {

    private static final HuggingFaceTokenCountEstimator TOKENIZER = NoteFiles.tokenizer();

    /** Every kind of long block: pairs, a long English paragraph, unpunctuated Chinese, code, one giant word. */
    private static String longNote() {
        StringBuilder note = new StringBuilder("---\ntitle: Long note\n---\n# Long note\n\n## Pairs\n\n");
        for (int i = 0; i < 12; i++) {
            note.append(NoteFiles.english(i, 30)).append("\n\n").append(NoteFiles.chinese(i, 35)).append("\n\n");
        }
        note.append("## One long paragraph\n\n");
        for (int i = 0; i < 40; i++) {
            note.append(NoteFiles.english(100 + i, 12)).append(' ');
        }
        note.append("\n\n");
        note.append(NoteFiles.chinese(200, 700).replace("。", "")).append("\n\n");
        note.append("## Code\n\n```python\n");
        for (int i = 0; i < 80; i++) {
            note.append("value_").append(i).append(" = compute(value_").append(i - 1).append(", factor=").append(i)
                    .append(")\n");
            if (i % 10 == 9) {
                note.append("\n\n");
            }
        }
        note.append("```\n\n## Giant word\n\n").append("abcdefghij".repeat(120)).append("\n");
        return note.toString();
    }

    @ParameterizedTest(name = "budget {0}")
    @ValueSource(ints = {48, 120, NoteFiles.MAX_TOKENS})
    void noChunkIsOverTheBudgetAndNoTextIsLost(int budget, @TempDir Path root) {
        NoteFiles.write(root, "long.md", longNote());

        Note split = NoteFiles.ingest(root, budget).notes().get(0);
        Note whole = NoteFiles.ingest(root, 1_000_000).notes().get(0);

        for (Chunk chunk : split.chunks()) {
            int tokens = TOKENIZER.estimateTokenCountInText(chunk.textToEmbed());
            assertTrue(tokens <= budget, tokens + " word pieces over " + budget + " in " + chunk.breadcrumb());
            assertFalse(chunk.text().isBlank(), "no chunk of whitespace only");
        }
        assertTrue(split.chunks().size() > whole.chunks().size());
        assertEquals(4, whole.chunks().size(), "one chunk per section when nothing needs splitting");
        assertEquals(withoutWhitespace(whole), withoutWhitespace(split), "splitting only cuts, it never drops text");
    }

    @Test
    void englishParagraphsAndTheirChineseCounterpartsStayTogether(@TempDir Path root) {
        StringBuilder note = new StringBuilder("# Pairs\n\n");
        for (int i = 0; i < 8; i++) {
            note.append(NoteFiles.english(i, 35)).append("\n\n").append(NoteFiles.chinese(i, 40)).append("\n\n");
        }
        NoteFiles.write(root, "pairs.md", note.toString());

        List<Chunk> chunks = NoteFiles.ingest(root).notes().get(0).chunks();

        assertTrue(chunks.size() > 1, "the section is long enough to need several chunks");
        for (Chunk chunk : chunks) {
            List<Passage> passages = chunk.passages();
            assertEquals(0, passages.size() % 2, "whole pairs only: " + chunk.text());
            for (int i = 0; i < passages.size(); i += 2) {
                assertEquals(Language.ENGLISH, passages.get(i).language());
                assertEquals(Language.CHINESE, passages.get(i + 1).language());
                assertEquals(number("Sentence (\\d+)", passages.get(i).text()),
                        number("第(\\d+)句", passages.get(i + 1).text()), "a pair is one unit");
            }
        }
    }

    @Test
    void aPairOverTheBudgetOnItsOwnIsSplit(@TempDir Path root) {
        NoteFiles.write(root, "big-pair.md", "# Big pair\n\n" + NoteFiles.english(1, 160) + "\n\n"
                + NoteFiles.chinese(1, 170) + "\n");

        List<Chunk> chunks = NoteFiles.ingest(root).notes().get(0).chunks();

        assertTrue(chunks.size() >= 2);
        chunks.forEach(chunk -> assertTrue(
                TOKENIZER.estimateTokenCountInText(chunk.textToEmbed()) <= NoteFiles.MAX_TOKENS));
    }

    @Test
    void aChunkNeverHoldsTwoSections(@TempDir Path root) {
        StringBuilder note = new StringBuilder("# Guide\n\n");
        for (int s = 0; s < 5; s++) {
            note.append("## Section ").append(s).append("\n\n");
            for (int p = 0; p <= s; p++) {
                note.append(NoteFiles.english(s * 10 + p, 45)).append("\n\n");
            }
        }
        String text = note.toString();
        NoteFiles.write(root, "sections.md", text);
        List<Integer> headingLines = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("## ")) {
                headingLines.add(i + 1);
            }
        }
        headingLines.add(lines.size() + 1);

        List<Chunk> chunks = NoteFiles.ingest(root, 100).notes().get(0).chunks();

        assertTrue(chunks.size() > 5, "some sections had to be split");
        for (Chunk chunk : chunks) {
            int section = sectionAt(headingLines, chunk.startLine());
            assertEquals(section, sectionAt(headingLines, chunk.endLine()), "one section per chunk: " + chunk);
            assertEquals(List.of("Guide", "Section " + section), chunk.headingPath());
            assertEquals("section-" + section, chunk.anchor());
        }
    }

    @Test
    void aTinySectionJoinsItsParentsChunkUnderItsOwnHeading(@TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, "# Guide\n\n## Parent\n\n" + NoteFiles.english(1, 45)
                + "\n\n### Tiny child\n\nShort text.\n\n## Sibling\n\n" + NoteFiles.english(2, 45) + "\n");

        List<List<String>> paths = note.chunks().stream().map(Chunk::headingPath).toList();
        assertEquals(List.of(List.of("Guide", "Parent"), List.of("Guide", "Sibling")), paths);
        Chunk parent = note.chunks().get(0);
        assertEquals("parent", parent.anchor());
        assertEquals(List.of(NoteFiles.english(1, 45), "Tiny child", "Short text."),
                parent.passages().stream().map(Passage::text).toList());
    }

    @Test
    void tinyTextWithoutAParentJoinsTheNextSection(@TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, "Short intro.\n\n## First\n\n" + NoteFiles.english(1, 45) + "\n");

        assertEquals(1, note.chunks().size());
        Chunk chunk = note.chunks().get(0);
        assertEquals(List.of("First"), chunk.headingPath());
        assertEquals(List.of("Short intro.", NoteFiles.english(1, 45)),
                chunk.passages().stream().map(Passage::text).toList());
        assertEquals(1, chunk.startLine());
    }

    @Test
    void textBeforeTheFirstHeadingIsAChunkWithAnEmptyHeadingPath(@TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, "---\ntitle: Intro first\n---\n" + NoteFiles.english(1, 45)
                + "\n\n# Later\n\n" + NoteFiles.english(2, 45) + "\n");

        Chunk intro = note.chunks().get(0);
        assertEquals(List.of(), intro.headingPath());
        assertEquals("", intro.anchor());
        assertEquals("Intro first", intro.breadcrumb());
        assertEquals(List.of("Later"), note.chunks().get(1).headingPath());
    }

    @Test
    void aHeadingWithoutBodyMakesNoChunk(@TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, "# Top\n\n## Empty one\n\n## Empty two\n\n### Filled\n\n"
                + NoteFiles.english(1, 45) + "\n");

        assertEquals(List.of(List.of("Top", "Empty two", "Filled")),
                note.chunks().stream().map(Chunk::headingPath).toList());
    }

    private static int sectionAt(List<Integer> headingLines, int line) {
        for (int i = 0; i + 1 < headingLines.size(); i++) {
            if (line > headingLines.get(i) && line < headingLines.get(i + 1)) {
                return i;
            }
        }
        throw new AssertionError("line " + line + " is not inside a section body");
    }

    private static String number(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    private static String withoutWhitespace(Note note) {
        StringBuilder all = new StringBuilder();
        note.chunks().forEach(chunk -> all.append(chunk.text()));
        String text = all.toString().replaceAll("\\s+", "");
        assertFalse(text.isEmpty());
        return text;
    }
}
