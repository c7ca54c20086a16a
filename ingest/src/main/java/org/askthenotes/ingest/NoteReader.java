package org.askthenotes.ingest;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Turns one note file's bytes into a chunked {@link Note}, collecting what was wrong with it on the way. */
final class NoteReader {

    /**
     * The note (null when the file was skipped or is unchanged) and the problems found in it.
     *
     * @param unchanged true when the file's bytes hash to the hash the index already holds: nothing was parsed
     */
    record Read(Note note, List<Problem> problems, boolean unchanged) {
        Read(Note note, List<Problem> problems) {
            this(note, problems, false);
        }
    }

    private final MarkdownSections markdown = new MarkdownSections();
    private final Chunker chunker;

    NoteReader(Chunker chunker) {
        this.chunker = chunker;
    }

    /** @param indexedHash the content hash the index holds for this path, null when none */
    Read read(NotesFolder.NoteFile file, String indexedHash) {
        String path = file.path();
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (IOException e) {
            return new Read(null, List.of(new Problem(path, 0, Problem.Severity.ERROR,
                    "cannot read: " + Problem.describe(e))));
        }
        String hash = sha256(bytes);
        if (hash.equals(indexedHash)) {
            return new Read(null, List.of(), true);
        }
        NoteDecoder.Decoded decoded = NoteDecoder.decode(path, bytes);
        if (decoded.problem() != null) {
            return new Read(null, List.of(decoded.problem()));
        }
        List<Problem> problems = new ArrayList<>();
        String text = NoteLimits.dropLongLines(path, decoded.text(), problems);
        MarkdownSections.Parsed parsed;
        try {
            parsed = markdown.parse(path, text);
        } catch (NoteLimits.Exceeded e) {
            return new Read(null, List.of(new Problem(path, e.line(), Problem.Severity.ERROR, e.getMessage())));
        }
        FrontMatter frontMatter = frontMatter(path, parsed, problems);
        problems.addAll(parsed.problems());
        String title = !frontMatter.title().isBlank() ? frontMatter.title()
                : !parsed.firstH1().isBlank() ? parsed.firstH1() : fileName(path);
        Chunker.NoteInfo info = new Chunker.NoteInfo(path, title, frontMatter.tags(), frontMatter.categories(),
                frontMatter.date());
        List<Chunk> chunks = chunker.chunk(info, parsed.sections());
        flagInjections(path, decoded.text(), chunks, problems);
        if (chunks.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(path, 0, Problem.Severity.WARNING,
                    "note has no text to index (only front matter or headings)"));
        }
        return new Read(new Note(path, title, hash, chunks), problems);
    }

    /** Flagged, not dropped: the passage stays searchable as data, and answers mark citations of it. */
    private static void flagInjections(String path, String text, List<Chunk> chunks, List<Problem> problems) {
        String[] lines = null;
        for (Chunk chunk : chunks) {
            InjectionDetector.Finding finding = InjectionDetector.detect(chunk.text());
            if (finding == null) {
                continue;
            }
            lines = lines == null ? text.split("\\R", -1) : lines;
            problems.add(new Problem(path, lineOf(lines, chunk, finding.excerpt()), Problem.Severity.WARNING,
                    "passage " + finding.reason() + "; indexed as note text, and citations of it are flagged"));
        }
    }

    /** The source line holding the flagged words (cleanup may have changed the rest), else the chunk's first. */
    private static int lineOf(String[] lines, Chunk chunk, String excerpt) {
        String needle = excerpt.substring(0, Math.min(20, excerpt.length()));
        for (int line = chunk.startLine(); line <= chunk.endLine() && line <= lines.length; line++) {
            if (lines[line - 1].contains(needle)) {
                return line;
            }
        }
        return chunk.startLine();
    }

    /** Broken YAML costs the note its metadata, not its body: one warning, and the note is read on. */
    private static FrontMatter frontMatter(String path, MarkdownSections.Parsed parsed, List<Problem> problems) {
        if (parsed.frontMatterYaml() == null) {
            return FrontMatter.NONE;
        }
        try {
            return FrontMatter.parse(parsed.frontMatterYaml());
        } catch (FrontMatter.Invalid e) {
            int line = e.line() > 0 ? parsed.frontMatterLine() + e.line() - 1 : parsed.frontMatterLine() - 1;
            problems.add(new Problem(path, line, Problem.Severity.WARNING,
                    "broken YAML front matter, note read without it: " + e.getMessage()));
            return FrontMatter.NONE;
        }
    }

    private static String fileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
