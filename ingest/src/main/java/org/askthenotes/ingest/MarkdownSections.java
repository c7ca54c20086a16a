package org.askthenotes.ingest;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Parses a note with commonmark and cuts it into sections of cleaned, language-tagged blocks, with the lines
 * each block came from (front matter counted, so they are lines of the file).
 */
final class MarkdownSections {

    /**
     * @param frontMatterYaml the YAML between the front matter fences, null when the note has none
     * @param frontMatterLine 1-based file line of the first YAML line
     * @param firstH1         text of the first level-1 heading, "" when there is none
     * @param problems        warnings about the Markdown (an unclosed code fence or front matter)
     */
    record Parsed(String frontMatterYaml, int frontMatterLine, List<Section> sections, String firstH1,
                  List<Problem> problems) {
    }

    private final Parser parser;
    private final Parser withoutFrontMatter;
    private final BlockText blockText;

    MarkdownSections() {
        this.parser = NoteMarkdown.parser()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .build();
        this.withoutFrontMatter = Parser.builder()
                .extensions(NoteMarkdown.extensionsWithoutFrontMatter())
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .build();
        this.blockText = new BlockText(NoteMarkdown.extensions());
    }

    /** @throws NoteLimits.Exceeded when the Markdown nests deeper than the renderers can safely walk */
    Parsed parse(String path, String text) {
        Node document = parser.parse(text);
        Builder builder = new Builder(path, text);
        if (document.getFirstChild() instanceof YamlFrontMatterBlock block && !closed(block, text)) {
            // The front matter extension would swallow the whole note; read it all as Markdown instead.
            builder.problems.add(new Problem(path, 1, Problem.Severity.WARNING,
                    "front matter opened at line 1 is never closed with '---': the note is read without it"));
            document = withoutFrontMatter.parse(text);
        }
        NoteLimits.checkNesting(document);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            builder.add(block);
        }
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock code) {
                if (code.getClosingFenceLength() == null) {
                    builder.problems.add(new Problem(path, startLine(code), Problem.Severity.WARNING,
                            "code fence opened at line " + startLine(code)
                                    + " is never closed: the rest of the note is read as code"));
                }
            }
        });
        return builder.finish();
    }

    private static boolean closed(YamlFrontMatterBlock block, String text) {
        List<SourceSpan> spans = spans(block);
        SourceSpan last = spans.get(spans.size() - 1);
        String line = text.substring(last.getInputIndex(), last.getInputIndex() + last.getLength()).strip();
        return spans.size() >= 2 && (line.equals("---") || line.equals("..."));
    }

    private static int startLine(Node node) {
        return spans(node).isEmpty() ? 0 : spans(node).get(0).getLineIndex() + 1;
    }

    private static int endLine(Node node) {
        List<SourceSpan> spans = spans(node);
        return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex() + 1;
    }

    private static List<SourceSpan> spans(Node node) {
        return node.getSourceSpans();
    }

    /** Walks the top-level blocks once, keeping the open section and the heading chain above it. */
    private final class Builder {
        private final String path;
        private final String text;
        private final IdGenerator slugs = IdGenerator.builder().build();
        private final List<Section> sections = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<Heading> levels = new ArrayList<>();
        private final List<String> headingPath = new ArrayList<>();
        private List<SourceBlock> blocks = new ArrayList<>();
        private int level;
        private String anchor = "";
        private int headingLine;
        private String frontMatterYaml;
        private int frontMatterLine;
        private String firstH1 = "";
        private int origin;

        Builder(String path, String text) {
            this.path = path;
            this.text = text;
        }

        void add(Node block) {
            if (block instanceof YamlFrontMatterBlock) {
                frontMatter(block);
            } else if (block instanceof Heading heading) {
                heading(heading);
            } else if (block instanceof Paragraph paragraph) {
                paragraph(paragraph);
            } else if (block instanceof BlockQuote) {
                for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                    add(child);
                }
            } else if (!(block instanceof LinkReferenceDefinition)) {
                String cleaned = blockText.of(block);
                if (!cleaned.isBlank()) {
                    blocks.add(new SourceBlock(startLine(block), endLine(block), Language.of(cleaned),
                            cleaned, origin++));
                }
            }
        }

        private void frontMatter(Node block) {
            List<SourceSpan> spans = spans(block);
            List<String> lines = new ArrayList<>();
            for (SourceSpan span : spans.subList(1, Math.max(1, spans.size() - 1))) {
                lines.add(text.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()));
            }
            frontMatterYaml = String.join("\n", lines);
            frontMatterLine = spans.get(0).getLineIndex() + 2;
        }

        private void heading(Heading heading) {
            closeSection();
            String title = blockText.heading(heading);
            while (!levels.isEmpty() && levels.get(levels.size() - 1).getLevel() >= heading.getLevel()) {
                levels.remove(levels.size() - 1);
                headingPath.remove(headingPath.size() - 1);
            }
            levels.add(heading);
            headingPath.add(title);
            level = heading.getLevel();
            anchor = slugs.generateId(title);
            headingLine = startLine(heading);
            if (heading.getLevel() == 1 && firstH1.isEmpty()) {
                firstH1 = title;
            }
        }

        /**
         * A paragraph can hold an English line and its Chinese translation on the next line; each run of lines
         * in one language becomes its own block so each can be analyzed in its language.
         */
        private void paragraph(Paragraph paragraph) {
            int first = startLine(paragraph);
            int last = endLine(paragraph);
            String[] lines = blockText.inline(paragraph).split("\n");
            int runStart = -1;
            int runEnd = -1;
            Language runLanguage = null;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                // A line without letters (a number, a symbol) stays with the run it is in.
                Language language = Language.hasLetters(lines[i]) ? Language.of(lines[i]) : null;
                if (runStart >= 0 && language != null && runLanguage != null && language != runLanguage) {
                    addRun(lines, runStart, runEnd, runLanguage, first, last);
                    runStart = -1;
                    runLanguage = null;
                }
                if (runStart < 0) {
                    runStart = i;
                }
                runEnd = i;
                runLanguage = runLanguage == null ? language : runLanguage;
            }
            if (runStart >= 0) {
                addRun(lines, runStart, runEnd, runLanguage == null ? Language.ENGLISH : runLanguage, first, last);
            }
        }

        private void addRun(String[] lines, int from, int to, Language language, int first, int last) {
            List<String> run = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                if (!lines[i].isBlank()) {
                    run.add(lines[i]);
                }
            }
            // Inline HTML can add or swallow line breaks, so a line index is clamped to the paragraph's lines.
            blocks.add(new SourceBlock(Math.min(first + from, last), Math.min(first + to, last), language,
                    String.join("\n", run), origin++));
        }

        private void closeSection() {
            if (level > 0 || !blocks.isEmpty()) {
                sections.add(new Section(headingPath, level, anchor, headingLine, blocks));
            }
            blocks = new ArrayList<>();
        }

        Parsed finish() {
            closeSection();
            return new Parsed(frontMatterYaml, frontMatterLine, sections, firstH1, problems);
        }
    }
}
