package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The folder src/test/resources/hostile holds one file per kind of bad input, next to good notes. */
class HostileFilesTest {

    /** Small enough that big.md (13 KB) is over it and every other file is under it. */
    private static final long MAX_FILE_BYTES = 4096;

    private static IngestResult result;

    @BeforeAll
    static void ingestTheHostileFolder() throws URISyntaxException {
        Path hostile = Path.of(HostileFilesTest.class.getResource("/hostile").toURI());
        IngestOptions defaults = IngestOptions.defaults();
        result = new NotesIngestor(new IngestOptions(defaults.include(), defaults.exclude(), MAX_FILE_BYTES), NoteFiles.budget()).ingest(hostile);
    }

    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                Arguments.of("binary.md", Problem.Severity.ERROR, 3, "binary file: NUL byte at byte offset 24"),
                Arguments.of("invalid-utf8.md", Problem.Severity.ERROR, 4, "invalid UTF-8 at byte offset 34 (line 4)"),
                Arguments.of("empty.md", Problem.Severity.ERROR, 0, "empty note"),
                Arguments.of("big.md", Problem.Severity.ERROR, 0, "over the limit of 4096 bytes"),
                Arguments.of("broken-yaml.md", Problem.Severity.WARNING, 4, "broken YAML front matter"),
                Arguments.of("unclosed-fence.md", Problem.Severity.WARNING, 7, "code fence opened at line 7"),
                Arguments.of("unclosed-front-matter.md", Problem.Severity.WARNING, 1, "never closed with '---'"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostileFiles")
    void eachBadFileHasExactlyOneClearEntry(String path, Problem.Severity severity, int line, String reason) {
        List<Problem> entries = result.report().problems().stream().filter(p -> p.path().equals(path)).toList();

        assertEquals(1, entries.size(), entries.toString());
        Problem problem = entries.get(0);
        assertEquals(severity, problem.severity(), problem.toString());
        assertEquals(line, problem.line(), problem.toString());
        assertTrue(problem.reason().contains(reason), problem.toString());
    }

    @Test
    void everyGoodOrWarnedNoteIsStillIngested() {
        Map<String, Note> notes = result.notes().stream().collect(Collectors.toMap(Note::path, Function.identity()));

        assertEquals(List.of("broken-yaml.md", "crlf-bom.md", "good.md", "nested/also-good.md", "unclosed-fence.md",
                        "unclosed-front-matter.md"),
                notes.keySet().stream().sorted().toList());
        notes.values().forEach(note -> assertTrue(!note.chunks().isEmpty(), note.path()));
        assertTrue(notes.get("unclosed-fence.md").chunks().stream()
                .anyMatch(chunk -> chunk.text().contains("def never_closed():")), "the unclosed code is kept");
        assertEquals(List.of("Still read"), List.of(notes.get("broken-yaml.md").chunks().get(0).headingPath().get(1)));
    }

    @Test
    void aCrlfNoteWithAByteOrderMarkReadsLikeAnyOther() {
        Note note = result.notes().stream().filter(n -> n.path().equals("crlf-bom.md")).findFirst().orElseThrow();

        assertEquals("Windows note", note.title(), "the BOM does not hide the front matter");
        Chunk chunk = note.chunks().get(0);
        assertEquals(List.of("aws"), chunk.tags());
        assertEquals(List.of("Windows note", "Saved on Windows"), chunk.headingPath());
        assertEquals(10, chunk.startLine());
        assertTrue(chunk.passages().stream().noneMatch(p -> p.text().contains("\r") || p.text().contains("\uFEFF")));
        assertEquals(List.of(Language.ENGLISH, Language.CHINESE),
                chunk.passages().stream().map(Passage::language).toList());
    }

    @Test
    void theReportCountsWhatItSawAndSkipsHiddenAndNonMarkdownFiles() {
        IngestReport report = result.report();

        assertEquals(10, report.filesSeen(), "every *.md except .hidden.md");
        assertEquals(6, report.notesRead());
        assertEquals(result.notes().stream().mapToInt(n -> n.chunks().size()).sum(), report.chunks());
        assertEquals(7, report.problems().size(), report.problems().toString());
        assertEquals(Set.of("binary.md", "invalid-utf8.md", "empty.md", "big.md"), report.skippedPaths());
    }
}
