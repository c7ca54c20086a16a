package org.askthenotes.app.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.askthenotes.ingest.NoteMarkdown;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * GET /api/examples: what the notes cover (their top headings) and a few example questions made from their
 * section headings, for the chat page's welcome screen. Read from the notes folder on each call, so a reindex of
 * changed notes is reflected; the bundled notes are a few dozen files.
 */
final class NoteExamples {
    static final int MAX_EXAMPLES = 4;
    /** A bilingual heading "Temperature 溫度" keeps its English part: the CJK part and a bracket before it go. */
    private static final Pattern CJK_TAIL = Pattern.compile("\\s*[(（]?\\s*[\\p{IsHan}].*$");
    private static final Pattern QUESTION_WORD = Pattern.compile("(?i)^(what|why|when|how|which|who)\\b.*");

    private final Path notesRoot;
    private final Parser parser = NoteMarkdown.parser().build();

    NoteExamples(Path notesRoot) {
        this.notesRoot = notesRoot;
    }

    void serve(Context ctx) throws IOException {
        List<String> topics = new ArrayList<>();
        List<List<String>> sections = new ArrayList<>();
        for (Path note : notes()) {
            List<String> h1 = new ArrayList<>();
            List<String> h2 = new ArrayList<>();
            headings(Files.readString(note, StandardCharsets.UTF_8), h1, h2);
            if (!h1.isEmpty()) {
                topics.add(h1.get(0));
            }
            if (!h2.isEmpty()) {
                sections.add(h2);
            }
        }
        ctx.json(Map.of("topics", topics, "examples", examples(sections)));
    }

    /** One question from each of up to four notes spread over the folder, from a section heading of each. */
    static List<String> examples(List<List<String>> sections) {
        List<String> examples = new ArrayList<>();
        int step = Math.max(1, sections.size() / MAX_EXAMPLES);
        for (int i = 0; i < sections.size() && examples.size() < MAX_EXAMPLES; i += step) {
            List<String> headings = sections.get(i);
            examples.add(question(headings.get(Math.min(1, headings.size() - 1))));
        }
        return examples;
    }

    static String question(String heading) {
        String text = heading.replaceAll("[?？]+$", "");
        return QUESTION_WORD.matcher(text).matches() ? text + "?" : "Tell me about " + text + ".";
    }

    private List<Path> notes() throws IOException {
        try (Stream<Path> files = Files.walk(notesRoot)) {
            return files.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private void headings(String markdown, List<String> h1, List<String> h2) {
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = english(plainText(heading));
                if (text.isEmpty() || heading.getLevel() > 2) {
                    return;
                }
                (heading.getLevel() == 1 ? h1 : h2).add(text);
            }
        });
    }

    private static String english(String heading) {
        return CJK_TAIL.matcher(heading.strip()).replaceAll("").strip();
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }
}
