package org.askthenotes.app.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The images notes link to by relative path ({@code ![diagram](img/rag.png)}): note HTML points them at
 * GET /note-files/{path}, which serves image files from inside the notes folder only, with the rules
 * {@link NotePaths} applies to notes (no "..", absolute paths, backslashes, encoded separators, hidden files, or
 * symlinks that point out).
 */
final class NoteImages {
    static final String ROUTE = "/note-files/";

    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp", "svg", "image/svg+xml");
    private static final Pattern BAD_CHARS = Pattern.compile("[\\\\:%\\p{Cntrl}]");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** An image is only ever displayed: no script, not even an SVG's, may run from one opened directly. */
    private static final String IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final Path root;
    private final Path realRoot;

    NoteImages(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    /** GET /note-files/{path}: the image, or 400 for a path that may not be served, 404 when absent. */
    void serve(Context ctx) throws IOException {
        String relative = ctx.pathParam("path");
        Path file = resolve(relative);
        ctx.header("Content-Security-Policy", IMAGE_CSP);
        ctx.contentType(TYPES.get(extension(relative))).result(Files.readAllBytes(file));
    }

    Path resolve(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || BAD_CHARS.matcher(relative).find()) {
            throw ApiException.badRequest("invalid image path: " + printable(relative));
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                throw ApiException.badRequest("invalid image path: " + printable(relative));
            }
        }
        if (!TYPES.containsKey(extension(relative))) {
            throw ApiException.badRequest("only images (" + String.join(", ", TYPES.keySet().stream().sorted()
                    .toList()) + ") are served from the notes folder: " + printable(relative));
        }
        Path file = root.resolve(relative).normalize();
        try {
            if (file.startsWith(root) && Files.isRegularFile(file) && file.toRealPath().startsWith(realRoot)) {
                return file;
            }
        } catch (IOException e) {
            // unreadable: the same answer as absent
        }
        throw ApiException.notFound("no image '" + printable(relative) + "' in the notes folder");
    }

    /** Points the note's relative image links at the image route, resolved against the note's own folder. */
    static String link(String html, String notePath) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element img : document.select("img[src]")) {
            String target = resolveAgainst(notePath, img.attr("src"));
            if (target != null) {
                img.attr("src", target);
                changed = true;
            }
        }
        return changed ? document.body().html() : html;
    }

    /** The route URL for a relative src, or null for one left alone (absolute, another scheme, leaving the notes). */
    static String resolveAgainst(String notePath, String src) {
        if (src.isEmpty() || src.startsWith("/") || src.startsWith("#") || SCHEME.matcher(src).find()) {
            return null;
        }
        String path = src.replaceFirst("[?#].*$", "");
        Deque<String> segments = new ArrayDeque<>(List.of(notePath.split("/")));
        segments.removeLast();
        for (String segment : URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8).split("/")) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return ROUTE + String.join("/", segments.stream()
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")).toList());
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String printable(String relative) {
        String cut = relative.length() > 200 ? relative.substring(0, 200) + "…" : relative;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
