package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Notes built to exhaust a recursive parser, a YAML composer or the chunker: each costs one entry, no more. */
class BoundedParsingTest {

    @TempDir
    static Path notes;

    private static IngestResult result;

    @BeforeAll
    static void ingestTheHostileNotes() throws IOException {
        write("good.md", "# Good\n\nThis note is fine and must be read whatever its neighbours hold.\n");
        write("quotebomb.md", "# Q\n\ntext\n\n" + ">".repeat(5000) + " x\n");
        write("deep-list.md", "# L\n\n" + "- ".repeat(3000) + "x\n");
        write("brackets.md", "# B\n\n" + "[".repeat(20000) + "x" + "](".repeat(5000) + "\n");
        write("long-line.md", "# Long\n\nshort line\n\n" + "word ".repeat(30_000) + "\n\nafter the long line\n");
        write("yaml-bomb.md", "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "tags: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n# Yaml bomb\n\nbody\n");
        write("yaml-deep.md", "---\ntags: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\n# Deep yaml\n\nbody\n");
        StringBuilder headings = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            headings.append("#".repeat(1 + i % 6)).append(" h").append(i).append("\n\nw\n\n");
        }
        write("headings.md", headings.toString());
        result = new NotesIngestor(IngestOptions.defaults(), NoteFiles.budget()).ingest(notes);
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(notes.resolve(name), text);
    }

    static Stream<Arguments> hostileNotes() {
        return Stream.of(
                Arguments.of("quotebomb.md", Problem.Severity.ERROR, 5, "nested more than 100 levels deep at line 5"),
                Arguments.of("deep-list.md", Problem.Severity.ERROR, 3, "nested more than 100 levels deep"),
                Arguments.of("long-line.md", Problem.Severity.WARNING, 5,
                        "line 5 longer than 100000 characters left out"),
                Arguments.of("yaml-bomb.md", Problem.Severity.WARNING, 0, "broken YAML front matter"),
                Arguments.of("yaml-deep.md", Problem.Severity.WARNING, 0, "broken YAML front matter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileNotes")
    void eachHostileNoteIsOneEntryNamingItsFileAndLine(String path, Problem.Severity severity, int line,
                                                       String reason) {
        List<Problem> entries = result.report().problems().stream().filter(p -> p.path().equals(path)).toList();

        assertEquals(1, entries.size(), entries.toString());
        assertEquals(severity, entries.get(0).severity(), entries.toString());
        if (line > 0) {
            assertEquals(line, entries.get(0).line(), entries.toString());
        }
        assertTrue(entries.get(0).reason().contains(reason), entries.toString());
    }

    @Test
    void theOtherNotesAreStillRead() {
        List<String> read = result.notes().stream().map(Note::path).sorted().toList();

        assertEquals(List.of("brackets.md", "good.md", "headings.md", "long-line.md", "yaml-bomb.md", "yaml-deep.md"),
                read);
        Note longLine = result.notes().stream().filter(n -> n.path().equals("long-line.md")).findFirst().orElseThrow();
        String text = String.join("\n", longLine.chunks().stream().map(Chunk::text).toList());
        assertTrue(text.contains("short line") && text.contains("after the long line"), text);
        assertTrue(!text.contains("word word"), "the long line is left out");
        assertEquals(List.of(), result.report().problems().stream()
                .filter(p -> p.path().equals("headings.md") || p.path().equals("brackets.md")).toList());
    }

    @Test
    void aFileWhoseStampOrHashMatchesTheIndexIsNeitherReadNorParsed() throws IOException {
        Note good = result.notes().stream().filter(n -> n.path().equals("good.md")).findFirst().orElseThrow();
        Path file = notes.resolve("good.md");
        FileStamp stamp = new FileStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        NotesIngestor ingestor = new NotesIngestor(IngestOptions.defaults(), NoteFiles.budget());

        IngestResult byStamp = ingestor.ingest(notes, Map.of("good.md", new IndexedFile(stamp, "not-the-hash")));
        IngestResult byHash = ingestor.ingest(notes,
                Map.of("good.md", new IndexedFile(new FileStamp(1, 1), good.contentHash())));
        IngestResult changed = ingestor.ingest(notes,
                Map.of("good.md", new IndexedFile(new FileStamp(1, 1), "an-older-hash")));

        assertEquals(List.of("good.md"), byStamp.unchanged(), "the stamp alone decides: the file is not read");
        assertEquals(List.of("good.md"), byHash.unchanged());
        assertTrue(byHash.notes().stream().noneMatch(n -> n.path().equals("good.md")));
        assertEquals(List.of(), changed.unchanged());
        assertTrue(changed.notes().stream().anyMatch(n -> n.path().equals("good.md")));
    }
}
