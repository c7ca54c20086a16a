package org.askthenotes.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * The bounds that keep one hostile note from costing more than its own entry in the report: commonmark, the
 * renderers and the chunker walk the tree recursively, so nesting is capped before they run; a line longer than
 * any prose is left out rather than chunked; and failures are described without absolute paths or class names.
 */
final class NoteLimits {

    /** markdown-it's default; real notes stay under ten (a quote in a list in a list). */
    static final int MAX_NESTING = 100;

    /** Well above a long table row or a pasted data URI of a small image; a 1 MB line is not prose. */
    static final int MAX_LINE_CHARS = 100_000;

    /** A bound the note broke: the note is skipped with one ERROR at {@code line}. */
    static final class Exceeded extends RuntimeException {
        private final int line;

        Exceeded(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private NoteLimits() {
    }

    /** The text with every over-long line emptied (line numbers stay right); one WARNING names the first. */
    static String dropLongLines(String path, String text, List<Problem> problems) {
        StringBuilder out = null;
        int dropped = 0;
        int firstLine = 0;
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop - start > MAX_LINE_CHARS) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, start);
                    firstLine = line;
                }
                dropped++;
            } else if (out != null) {
                out.append(text, start, stop);
            }
            if (end < 0) {
                break;
            }
            if (out != null) {
                out.append('\n');
            }
            start = end + 1;
            line++;
        }
        if (out == null) {
            return text;
        }
        problems.add(new Problem(path, firstLine, Problem.Severity.WARNING, (dropped == 1 ? "line " + firstLine
                : dropped + " lines (the first at line " + firstLine + ")") + " longer than " + MAX_LINE_CHARS
                + " characters left out of the index"));
        return out.toString();
    }

    /**
     * Walks the parsed tree without recursion (parent links) and throws at the first node nested deeper than
     * {@link #MAX_NESTING}, before anything recursive (visitors, renderers) touches it.
     */
    static void checkNesting(Node document) {
        int depth = 0;
        Node node = document;
        while (node != null) {
            if (depth > MAX_NESTING) {
                int line = line(node);
                throw new Exceeded(line, "Markdown nested more than " + MAX_NESTING + " levels deep"
                        + (line > 0 ? " at line " + line : "") + ": note skipped");
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == null ? null : node.getNext();
        }
    }

    /** Inline nodes carry no source spans: the line is that of the nearest block around them. */
    private static int line(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            List<SourceSpan> spans = at.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex() + 1;
            }
        }
        return 0;
    }

    /** Why reading a note failed unexpectedly, in words; the stack goes to the log, not the report. */
    static String describe(Throwable e) {
        if (e instanceof IOException io) {
            return Problem.describe(io);
        }
        if (e instanceof StackOverflowError) {
            return "too deeply nested to read: note skipped";
        }
        if (e instanceof OutOfMemoryError) {
            return "too large to read in the memory available: note skipped";
        }
        String message = e.getMessage() == null ? "unexpected failure" : e.getMessage();
        return "could not be read (" + message + "): note skipped";
    }
}
