package org.askthenotes.app.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.Passage;

/**
 * The cross-lingual test (docs/evaluation.md): Chinese questions over an English-only copy of the notes, beside the
 * same questions asked in English over the same copy.
 *
 * <p>The copy is made from what ingest read, not from the files: the passages ingest tagged Chinese are dropped, and
 * the Chinese left in English passages, headings and titles ("Tokens 標記", "RAG (檢索增強生成)") is removed too, so
 * nothing Chinese is left for a Chinese question to match. Golden sections are renamed the same way.
 *
 * <p>Pairs: every answerable Chinese question (from the golden set and the cross-lingual file) has an English version
 * with id {@code <id>-en} in the cross-lingual file, naming the same sections.
 */
final class Crosslingual {
    static final String ENGLISH_SUFFIX = "-en";

    /** Han characters with the CJK punctuation and full-width forms around them. */
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]+");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)|\\[\\s*\\]");

    /** The Chinese questions and their English versions, in the same order. */
    record Pairs(GoldenSet chinese, GoldenSet english) {
    }

    private Crosslingual() {
    }

    /** The answerable Chinese questions of both files, each with its English version from {@code crosslingual}. */
    static Pairs pairs(GoldenSet golden, GoldenSet crosslingual) throws IOException {
        Map<String, GoldenQuestion> byId = new LinkedHashMap<>();
        crosslingual.questions().forEach(q -> byId.put(q.id(), q));
        List<GoldenQuestion> chinese = new ArrayList<>();
        List<GoldenQuestion> english = new ArrayList<>();
        for (GoldenSet set : List.of(golden, crosslingual)) {
            for (GoldenQuestion question : set.answerable()) {
                if (question.parsedLanguage() != Language.CHINESE) {
                    continue;
                }
                GoldenQuestion twin = byId.get(question.id() + ENGLISH_SUFFIX);
                if (twin == null || twin.parsedLanguage() != Language.ENGLISH
                        || !twin.relevant().equals(question.relevant())) {
                    throw new IOException(crosslingual.source() + ": question '" + question.id() + "' of "
                            + set.source() + " needs an English version '" + question.id() + ENGLISH_SUFFIX
                            + "' (language en) naming the same relevant sections");
                }
                chinese.add(englishOnly(question));
                english.add(englishOnly(twin));
            }
        }
        return new Pairs(new GoldenSet(crosslingual.source(), chinese), new GoldenSet(crosslingual.source(), english));
    }

    /** The notes as an English-only folder would give them. */
    static IngestResult englishOnly(IngestResult notes) {
        List<Note> english = notes.notes().stream().map(Crosslingual::englishOnly).toList();
        return new IngestResult(english, notes.report());
    }

    private static Note englishOnly(Note note) {
        List<Chunk> chunks = new ArrayList<>();
        for (Chunk chunk : note.chunks()) {
            List<Passage> passages = chunk.passages().stream()
                    .filter(p -> p.language() == Language.ENGLISH)
                    .map(p -> new Passage(Language.ENGLISH, withoutChinese(p.text())))
                    .filter(p -> !p.text().isBlank())
                    .toList();
            if (!passages.isEmpty()) {
                chunks.add(new Chunk(chunk.id(), chunk.notePath(), withoutChinese(chunk.noteTitle()),
                        chunk.headingPath().stream().map(Crosslingual::withoutChinese).toList(), chunk.anchor(),
                        chunk.startLine(), chunk.endLine(), passages, chunk.tags(), chunk.categories(), chunk.date()));
            }
        }
        // another hash: an index synced from the bilingual notes must not take this copy for unchanged
        return new Note(note.path(), withoutChinese(note.title()), "english-only:" + note.contentHash(), chunks);
    }

    private static GoldenQuestion englishOnly(GoldenQuestion question) {
        List<GoldenQuestion.Relevant> relevant = question.relevant().stream()
                .map(r -> new GoldenQuestion.Relevant(r.notePath(),
                        r.headingPath().stream().map(Crosslingual::withoutChinese).toList(), r.grade()))
                .toList();
        // Facts are written in the question's language; over English-only notes the answer quotes English.
        return new GoldenQuestion(question.id(), question.question(), question.language(), relevant, List.of(),
                question.offTopic());
    }

    /** "Tokens 標記" → "Tokens", "FM lifecycle (基礎模型生命週期)" → "FM lifecycle". */
    static String withoutChinese(String text) {
        String stripped = EMPTY_BRACKETS.matcher(CHINESE.matcher(text).replaceAll(" ")).replaceAll(" ");
        return stripped.lines().map(line -> line.replaceAll("[ \\t]+", " ").strip())
                .reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }
}
