package org.askthenotes.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Maps a note path from a URL to a file under the notes root, refusing anything that could leave it:
 * "..", absolute paths, backslashes, encoded separators, non-Markdown files and symlinks that point out.
 */
public final class NotePaths {
    /** Segments a note path may be made of: no separators, no control characters, no drive letters. */
    private static final Pattern BAD_CHARS = Pattern.compile("[\\\\:%\\p{Cntrl}]");

    private final Path root;
    private final Path realRoot;

    public NotePaths(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    /** The note file for {@code relative} ("folder/note.md"); 400 for a path that is not a note path, 404 when absent. */
    public Path resolve(String relative) {
        if (relative == null || relative.isEmpty()) {
            throw ApiException.badRequest("note path is required");
        }
        if (relative.startsWith("/") || BAD_CHARS.matcher(relative).find()) {
            throw ApiException.badRequest("invalid note path: " + printable(relative));
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw ApiException.badRequest("invalid note path: " + printable(relative));
            }
        }
        if (!relative.endsWith(".md")) {
            throw ApiException.badRequest("only Markdown notes (.md) are served: " + printable(relative));
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw ApiException.notFound("no note '" + printable(relative) + "'");
        }
        try {
            // A symlink inside the folder may still point outside it: compare where it really leads.
            if (!file.toRealPath().startsWith(realRoot)) {
                throw ApiException.notFound("no note '" + printable(relative) + "'");
            }
        } catch (IOException e) {
            throw ApiException.notFound("no note '" + printable(relative) + "'");
        }
        return file;
    }

    /** The notes folder, absolute. */
    public Path root() {
        return root;
    }

    /** The path as given, cut short: it is echoed in an error message. */
    static String printable(String relative) {
        String cut = relative.length() > 200 ? relative.substring(0, 200) + "…" : relative;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
