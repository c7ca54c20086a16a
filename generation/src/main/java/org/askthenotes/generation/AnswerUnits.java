package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Passage;
import org.askthenotes.ingest.Sentences;

/**
 * Cuts a source into {@link AnswerUnit}s from the structure ingest keeps in its passages: a paragraph's sentences,
 * a list ("- item" lines) together with the sentence before it, a table ("a | b" rows) row by row with its
 * header. Code blocks, headings and image alt text are never units: they are not sentences (no full stop).
 */
final class AnswerUnits {
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+.*");
    private static final Pattern TERMINATED = Pattern.compile(".*[.!?;。！？；][\\s\\p{Pe}\\p{Pf}\"'*_]*$", Pattern.DOTALL);
    private static final Pattern LEAD_IN_END = Pattern.compile(".*[:：][\\s\\p{Pe}\\p{Pf}\"'*_]*$", Pattern.DOTALL);
    private static final int MIN_TERMS = 3;
    private static final int MIN_FRAGMENT_WORDS = 6;
    private static final int MIN_FRAGMENT_CJK_CHARS = 12;
    /** How far a sentence's subject reaches: its first words (or characters, for Chinese). */
    private static final int SUBJECT_WORDS = 8;
    private static final int SUBJECT_CJK_CHARS = 12;

    private enum Shape { PARAGRAPH, LIST, TABLE, CODE }

    private AnswerUnits() {
    }

    /** The units of source number {@code source}; {@code topic} marks sentences that open on the question's subject. */
    static List<AnswerUnit> of(Chunk chunk, int source, Set<String> topic) {
        List<Passage> passages = chunk.passages();
        List<Shape> shapes = passages.stream().map(p -> shape(p.text())).toList();
        List<List<String>> sentences = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            sentences.add(shapes.get(i) == Shape.PARAGRAPH ? paragraphSentences(passages.get(i).text()) : List.of());
        }
        Set<Integer> leadIns = new HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            if (shapes.get(i) == Shape.LIST) {
                leadIns.addAll(leadInParagraphs(passages, shapes, sentences, i));
            }
        }
        List<AnswerUnit> units = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            switch (shapes.get(i)) {
                case PARAGRAPH -> {
                    List<String> own = sentences.get(i);
                    for (int s = 0; s < own.size(); s++) {
                        boolean leadIn = s == own.size() - 1 && leadIns.contains(i);
                        boolean alone = own.size() == 1;
                        sentence(own.get(s), leadIn, alone, source, units.size(), i, topic, units);
                    }
                }
                case LIST -> lists(passages, shapes, sentences, i, source, units);
                case TABLE -> rows(passage, source, units);
                case CODE -> { }
            }
        }
        return units;
    }

    /**
     * The paragraphs just before list {@code i} that lead into it, at most one per language: a bilingual note
     * puts the English and the Chinese paragraph before one list. Their last sentence is quoted only with the list.
     */
    private static List<Integer> leadInParagraphs(List<Passage> passages, List<Shape> shapes,
                                                  List<List<String>> sentences, int i) {
        List<Integer> found = new ArrayList<>();
        Set<Language> languages = new HashSet<>();
        for (int j = i - 1; j >= Math.max(0, i - 2) && shapes.get(j) == Shape.PARAGRAPH; j--) {
            if (!sentences.get(j).isEmpty() && languages.add(passages.get(j).language())) {
                found.add(j);
            }
        }
        return found;
    }

    /** The list once per lead-in language (or once alone), placed where its lead-in sentence stood. */
    private static void lists(List<Passage> passages, List<Shape> shapes, List<List<String>> sentences, int i,
                              int source, List<AnswerUnit> out) {
        List<String> items = items(passages.get(i).text());
        Set<String> itemTerms = Terms.of(String.join("\n", items));
        List<Integer> leadIns = leadInParagraphs(passages, shapes, sentences, i);
        for (int k = leadIns.size() - 1; k >= 0; k--) {
            int j = leadIns.get(k);
            List<String> own = sentences.get(j);
            String leadIn = own.get(own.size() - 1);
            Set<String> terms = new HashSet<>(itemTerms);
            terms.addAll(Terms.of(leadIn));
            out.add(new AnswerUnit(source, out.size(), j, AnswerUnit.Kind.LIST, passages.get(j).language(), leadIn,
                    items, terms, false));
        }
        if (leadIns.isEmpty()) {
            out.add(new AnswerUnit(source, out.size(), -1, AnswerUnit.Kind.LIST, passages.get(i).language(), "",
                    items, itemTerms, false));
        }
    }

    private static void sentence(String sentence, boolean leadIn, boolean alone, int source, int position,
                                 int paragraph, Set<String> topic, List<AnswerUnit> out) {
        Set<String> terms = Terms.of(sentence);
        if (leadIn || !isQuotable(sentence, alone) || terms.size() < MIN_TERMS) {
            return;
        }
        out.add(new AnswerUnit(source, position, paragraph, AnswerUnit.Kind.SENTENCE, Language.of(sentence), "",
                List.of(sentence), terms, opensOn(sentence, topic)));
    }

    /**
     * A sentence ends with a stop. A block of one unterminated line is a heading, a caption or an image's alt
     * text, never quoted; in a longer paragraph an unterminated last sentence of some length is let through.
     * A sentence ending in ":" only leads into something and never stands alone.
     */
    static boolean isQuotable(String sentence, boolean alone) {
        if (LEAD_IN_END.matcher(sentence).matches()) {
            return false;
        }
        if (TERMINATED.matcher(sentence).matches()) {
            return true;
        }
        long han = sentence.codePoints().filter(Language::isCjk).count();
        return !alone && (han >= MIN_FRAGMENT_CJK_CHARS || sentence.split("\\s+").length >= MIN_FRAGMENT_WORDS);
    }

    /** A sentence whose first words name at least half of the question's topic terms is about that topic. */
    private static boolean opensOn(String sentence, Set<String> topic) {
        if (topic.isEmpty()) {
            return false;
        }
        String start = Language.of(sentence) == Language.CHINESE
                ? sentence.substring(0, sentence.offsetByCodePoints(0, Math.min(SUBJECT_CJK_CHARS,
                        sentence.codePointCount(0, sentence.length()))))
                : String.join(" ", java.util.Arrays.stream(sentence.split("\\s+")).limit(SUBJECT_WORDS).toList());
        return Terms.coverage(topic, Terms.of(start)) >= 0.5;
    }

    /** A table's rows after the header, each as one bullet naming its columns: "- Feature: X; Model: Y". */
    private static void rows(Passage passage, int source, List<AnswerUnit> out) {
        List<String> lines = passage.text().lines().toList();
        List<String> header = cells(lines.get(0));
        for (int r = 1; r < lines.size(); r++) {
            List<String> cells = cells(lines.get(r));
            List<String> named = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                boolean hasName = c < header.size() && !header.get(c).isBlank();
                named.add(hasName ? header.get(c) + ": " + cells.get(c) : cells.get(c));
            }
            String row = "- " + String.join("; ", named);
            out.add(new AnswerUnit(source, out.size(), -1, AnswerUnit.Kind.ROW, Language.of(lines.get(r)), "",
                    List.of(row), Terms.of(row), false));
        }
    }

    private static List<String> cells(String row) {
        return java.util.Arrays.stream(row.split("\\s\\|\\s", -1)).map(String::strip).toList();
    }

    /** One line per item; an item's continuation lines join it, nested items stay their own indented lines. */
    private static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        for (String line : list.lines().toList()) {
            if (LIST_ITEM.matcher(line).matches() || items.isEmpty()) {
                items.add(line.stripTrailing());
            } else {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
            }
        }
        return items;
    }

    /** The sentences of a paragraph; a hard-wrapped paragraph's lines are joined first. */
    private static List<String> paragraphSentences(String text) {
        StringBuilder joined = new StringBuilder();
        for (String line : text.lines().map(String::strip).toList()) {
            boolean cjkJoint = joined.length() > 0 && !line.isEmpty()
                    && Language.isCjk(joined.codePointBefore(joined.length())) && Language.isCjk(line.codePointAt(0));
            joined.append(joined.length() == 0 || cjkJoint ? "" : " ").append(line);
        }
        return Sentences.split(joined.toString());
    }

    private static Shape shape(String text) {
        List<String> lines = text.lines().toList();
        if (text.startsWith("```")) {
            return Shape.CODE;
        }
        if (lines.size() >= 2 && lines.stream().allMatch(l -> l.contains(" | "))) {
            return Shape.TABLE;
        }
        if (LIST_ITEM.matcher(lines.get(0)).matches()
                && lines.stream().allMatch(l -> LIST_ITEM.matcher(l).matches() || l.startsWith(" "))) {
            return Shape.LIST;
        }
        return Shape.PARAGRAPH;
    }
}
