package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Passage;
import org.askthenotes.retrieval.Embedder;

/**
 * The offline answerer: no language model, only sentences quoted from the sources. It scores every candidate
 * sentence against the question (embedding cosine plus term overlap), keeps the best two to four that say
 * different things, and cites each with its source number. Grounded by construction: every sentence is quoted.
 * A question with Chinese characters is answered from the Chinese half of bilingual notes, any other from the
 * English half; a source with only the other language still counts.
 */
public final class ExtractiveAnswerer implements Answerer {
    public static final String NAME = "extractive";
    /** What it says when no source holds a usable sentence. */
    public static final String NOTHING_FOUND = "The notes don't cover this.";

    /** Embedding is the cost: cap the sentences embedded per question, chosen by term overlap first. */
    static final int MAX_CANDIDATES = 16;
    private static final int MIN_SENTENCES = 2;
    private static final int MAX_SENTENCES = 4;
    private static final double OVERLAP_WEIGHT = 0.5;
    /** A sentence under a heading that names the question's topic is likelier to define it. */
    private static final double HEADING_WEIGHT = 0.25;
    /** all-MiniLM-L6-v2 is an English model: for a Chinese question its cosine says little, term overlap more. */
    private static final double CJK_COSINE_WEIGHT = 0.3;
    /** Retrieval ranked the whole chunk with more evidence (BM25, headings) than one sentence holds. */
    private static final double RANK_WEIGHT = 0.1;
    /** A sentence scoring below this share of the best one adds noise rather than an answer. */
    private static final double RELATIVE_CUTOFF = 0.75;
    private static final double REDUNDANT_COSINE = 0.9;
    private static final double REDUNDANT_JACCARD = 0.6;
    private static final int MIN_TERMS = 3;
    /** An unterminated fragment this short is an image's alt text or a caption, not a sentence to quote. */
    private static final int MIN_FRAGMENT_WORDS = 6;
    private static final int MIN_FRAGMENT_CJK_CHARS = 12;
    private static final Pattern TERMINATED = Pattern.compile(".*[.!?;:。！？；：][\\s\\p{Pe}\\p{Pf}\"'*_]*$", Pattern.DOTALL);

    /** "- item", "* item", "1. item": the marker is layout, not part of the sentence. */
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+]|\\d+[.)])\\s+");

    private final Embedder embedder;

    public ExtractiveAnswerer(Embedder embedder) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    private record Candidate(int source, int order, String sentence, Set<String> terms, double overlap,
                             double headingOverlap) {
    }

    private record Scored(Candidate candidate, float[] vector, double score) {
    }

    @Override
    public Draft answer(AnswerContext context, Consumer<String> onDelta) {
        boolean chinese = Sentences.hasCjk(context.question());
        List<Candidate> candidates = candidates(context, chinese);
        if (candidates.isEmpty()) {
            onDelta.accept(NOTHING_FOUND);
            return new Draft(NOTHING_FOUND, NAME);
        }
        List<Scored> picked = pick(score(context.question(), candidates, chinese ? CJK_COSINE_WEIGHT : 1));
        StringBuilder text = new StringBuilder();
        for (Scored s : picked) {
            String delta = separator(text) + cite(s.candidate());
            text.append(delta);
            onDelta.accept(delta);
        }
        return new Draft(text.toString(), NAME);
    }

    static boolean isSentence(String text) {
        String sentence = text.strip();
        if (TERMINATED.matcher(sentence).matches()) {
            return true;
        }
        long cjk = sentence.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return cjk >= MIN_FRAGMENT_CJK_CHARS || sentence.split("\\s+").length >= MIN_FRAGMENT_WORDS;
    }

    private List<Candidate> candidates(AnswerContext context, boolean chinese) {
        Set<String> questionTerms = Terms.of(context.question());
        Language preferred = chinese ? Language.CHINESE : Language.ENGLISH;
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < context.sources().size(); i++) {
            Chunk chunk = context.sources().get(i).chunk();
            boolean hasPreferred = !chunk.text(preferred).isBlank();
            String heading = chunk.headingPath().isEmpty()
                    ? chunk.noteTitle() : chunk.headingPath().get(chunk.headingPath().size() - 1);
            double headingOverlap = Terms.coverage(questionTerms, Terms.of(heading));
            for (Passage passage : chunk.passages()) {
                if (hasPreferred && passage.language() != preferred) {
                    continue;
                }
                for (String line : Sentences.split(passage.text())) {
                    String sentence = LIST_MARKER.matcher(line).replaceFirst("");
                    Set<String> terms = Terms.of(sentence);
                    if (terms.size() >= MIN_TERMS && isSentence(sentence) && !isTableRow(sentence)) {
                        all.add(new Candidate(i + 1, all.size(), sentence, terms,
                                Terms.coverage(questionTerms, terms), headingOverlap));
                    }
                }
            }
        }
        // A chunk split between a paragraph and its translation holds only the other language: use it only
        // when no source has a sentence in the question's language.
        if (all.stream().anyMatch(c -> Sentences.isChinese(c.sentence()) == chinese)) {
            all.removeIf(c -> Sentences.isChinese(c.sentence()) != chinese);
        }
        all.sort(Comparator.comparingDouble((Candidate c) -> c.overlap() + c.headingOverlap()).reversed()
                .thenComparingInt(Candidate::source).thenComparingInt(Candidate::order));
        return all.subList(0, Math.min(MAX_CANDIDATES, all.size()));
    }

    private List<Scored> score(String question, List<Candidate> candidates, double cosineWeight) {
        float[] q = embedder.embed(question);
        List<float[]> vectors = embedder.embedAll(candidates.stream().map(Candidate::sentence).toList());
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            double score = cosineWeight * Vectors.cosine(q, vectors.get(i)) + OVERLAP_WEIGHT * c.overlap()
                    + HEADING_WEIGHT * c.headingOverlap() + RANK_WEIGHT / c.source();
            scored.add(new Scored(c, vectors.get(i), score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored;
    }

    private static List<Scored> pick(List<Scored> ranked) {
        List<Scored> picked = new ArrayList<>();
        double best = ranked.get(0).score();
        for (Scored s : ranked) {
            if (picked.size() == MAX_SENTENCES
                    || picked.size() >= MIN_SENTENCES && s.score() < best * RELATIVE_CUTOFF) {
                break;
            }
            if (picked.stream().noneMatch(p -> redundant(p, s))) {
                picked.add(s);
            }
        }
        return picked;
    }

    private static boolean redundant(Scored a, Scored b) {
        return Vectors.cosine(a.vector(), b.vector()) > REDUNDANT_COSINE
                || Terms.jaccard(a.candidate().terms(), b.candidate().terms()) > REDUNDANT_JACCARD;
    }

    /** Table rows ("a | b | c") hold facts but read badly as answer sentences. */
    private static boolean isTableRow(String sentence) {
        return sentence.chars().filter(ch -> ch == '|').count() >= 2;
    }

    /** Chinese sentences run on without spaces; anything else gets one. */
    private static String separator(CharSequence text) {
        return text.length() == 0 || "。！？".indexOf(text.charAt(text.length() - 1)) >= 0 ? "" : " ";
    }

    /** The marker goes before the full stop ("... data [1].") so it stays with its sentence when re-split. */
    private static String cite(Candidate candidate) {
        String sentence = candidate.sentence();
        String marker = "[" + candidate.source() + "]";
        char last = sentence.charAt(sentence.length() - 1);
        boolean cjkEnd = "。！？".indexOf(last) >= 0;
        if (cjkEnd || ".!?".indexOf(last) >= 0) {
            String body = sentence.substring(0, sentence.length() - 1);
            return body + (cjkEnd ? "" : " ") + marker + last;
        }
        return Sentences.isChinese(sentence) ? sentence + marker + "。" : sentence + " " + marker + ".";
    }
}
