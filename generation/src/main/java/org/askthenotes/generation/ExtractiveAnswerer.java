package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.askthenotes.ingest.Language;

/**
 * The offline answerer: no language model, only passages quoted from the sources, each cited. It cuts the
 * sources into {@link AnswerUnit}s (sentences, lists with their lead-in, table rows), ranks them by how well they
 * answer the question (question-term coverage, heading match, source rank, the answer shape the question asks
 * for, and the embedding similarity of its source to the question), quotes the best unit, goes on in its paragraph while the
 * answer is short, and adds units from other sources that cover question terms still missing. Grounded by
 * construction: every line is quoted. The answer is in the question's language ({@link Language#of}) when the
 * sources hold that language, otherwise in the other one.
 */
public final class ExtractiveAnswerer implements Answerer {
    public static final String NAME = AnswererKind.EXTRACTIVE.id();

    /**
     * How long an answer should be, in words (two Han characters count as one). The best unit is quoted whole
     * even when longer, up to twice the maximum, so a list is not cut short.
     */
    public record Length(int minWords, int maxWords) {
        public static final Length DEFAULT = new Length(60, 150);

        public Length {
            if (minWords < 0 || maxWords < Math.max(1, minWords)) {
                throw new IllegalArgumentException("answer length needs 0 <= minWords <= maxWords, 1 <= maxWords: "
                        + minWords + ", " + maxWords);
            }
        }
    }

    private static final double COVERAGE_WEIGHT = 0.5;
    private static final double HEADING_WEIGHT = 0.25;
    private static final double RANK_WEIGHT = 0.15;
    /** A unit of the shape the question asks for: a list for "what are the four …", an opening for "what is". */
    private static final double SHAPE_WEIGHT = 0.3;
    /** A list with exactly as many items as the question names is the answer. */
    private static final double COUNT_WEIGHT = 0.2;
    /** all-MiniLM-L6-v2 is an English model: for a Chinese question its similarity says little, terms more. */
    private static final double CJK_COSINE_WEIGHT = 0.3;
    /** Below this share of the best score a unit is only added when it covers question terms still missing. */
    private static final double FILL_CUTOFF = 0.7;
    private static final double COVER_CUTOFF = 0.5;
    private static final double REDUNDANT_JACCARD = 0.6;
    private static final Pattern GLOSS = Pattern.compile("[(（][^()（）]*[)）]");

    private final Length length;

    public ExtractiveAnswerer() {
        this(Length.DEFAULT);
    }

    public ExtractiveAnswerer(Length length) {
        this.length = Objects.requireNonNull(length, "length");
    }

    private record Scored(AnswerUnit unit, double score) {
    }

    @Override
    public Draft answer(AnswerContext context, Consumer<String> onDelta) {
        String question = context.question();
        Set<String> questionTerms = topicTerms(question);
        List<AnswerUnit> units = units(context, questionTerms, Language.of(question));
        if (units.isEmpty()) {
            onDelta.accept(Abstention.SENTENCE);
            return new Draft(Abstention.SENTENCE, NAME);
        }
        QuestionType type = QuestionType.of(question);
        List<AnswerUnit> siblings = type == QuestionType.LIST
                ? SiblingSections.openings(context.sources(), units, question)
                : List.of();
        List<AnswerUnit> picked = siblings.isEmpty()
                ? pick(rank(question, questionTerms, units, context), units, questionTerms, type, context)
                : siblings;
        String text = AnswerText.render(picked, onDelta);
        return new Draft(text, NAME);
    }

    /** The question's terms; a gloss in parentheses ("What is RAG (檢索增強生成)?") only repeats them. */
    private static Set<String> topicTerms(String question) {
        Set<String> outside = Terms.of(GLOSS.matcher(question).replaceAll(" "));
        return outside.isEmpty() ? Terms.of(question) : outside;
    }

    /**
     * Every source's units in the question's language; a source with none of those offers the other language.
     * A list standing without a lead-in is kept in either language: bilingual notes often have one list with
     * glosses ("Context (上下文)") rather than one per language.
     */
    private static List<AnswerUnit> units(AnswerContext context, Set<String> questionTerms, Language preferred) {
        List<AnswerUnit> all = new ArrayList<>();
        for (int i = 0; i < context.sources().size(); i++) {
            List<AnswerUnit> own = AnswerUnits.of(context.sources().get(i).chunk(), i + 1, questionTerms);
            if (own.stream().anyMatch(u -> u.language() == preferred)) {
                own.removeIf(u -> u.language() != preferred && !isBareList(u));
            }
            all.addAll(own);
        }
        if (all.stream().anyMatch(u -> u.language() == preferred)) {
            all.removeIf(u -> u.language() != preferred && !isBareList(u));
        }
        return all;
    }

    private static boolean isBareList(AnswerUnit unit) {
        return unit.kind() == AnswerUnit.Kind.LIST && unit.leadIn().isEmpty();
    }

    /**
     * Terms, structure and the source's similarity to the question rank every unit. That similarity is the one
     * retrieval computed from the vectors it already had (query and chunk): the answerer embeds nothing, so an
     * extractive answer costs no more model time than the query embedding retrieval needed anyway.
     */
    private List<Scored> rank(String question, Set<String> questionTerms, List<AnswerUnit> units,
                              AnswerContext context) {
        QuestionType type = QuestionType.of(question);
        int count = QuestionType.count(question).orElse(-1);
        double[] headings = new double[context.sources().size() + 1];
        for (int n = 1; n < headings.length; n++) {
            headings[n] = Terms.coverage(questionTerms, Terms.of(heading(context, n)));
        }
        List<Scored> cheap = new ArrayList<>();
        for (AnswerUnit unit : units) {
            double heading = headings[unit.source()];
            double score = COVERAGE_WEIGHT * coverage(questionTerms, unit, type) + HEADING_WEIGHT * heading
                    + RANK_WEIGHT / unit.source() + shape(type, count, unit);
            cheap.add(new Scored(unit, score));
        }
        double cosineWeight = Language.of(question) == Language.CHINESE ? CJK_COSINE_WEIGHT : 1;
        List<Scored> ranked = new ArrayList<>();
        for (Scored s : cheap) {
            double similarity = context.sources().get(s.unit().source() - 1).vectorSimilarity();
            ranked.add(new Scored(s.unit(), s.score() + cosineWeight * similarity));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        return ranked;
    }

    /**
     * The share of the question's terms the unit holds. A list answers a question that does not ask for one through
     * one item at most, so it counts by its best item with the lead-in: three checklist items between them hold
     * "label", "SageMaker" and "training data", but only one is about labelling.
     */
    private static double coverage(Set<String> questionTerms, AnswerUnit unit, QuestionType type) {
        if (unit.kind() != AnswerUnit.Kind.LIST || type == QuestionType.LIST) {
            return Terms.coverage(questionTerms, unit.terms());
        }
        return unit.lines().stream()
                .mapToDouble(item -> Terms.coverage(questionTerms, Terms.of(unit.leadIn() + "\n" + item)))
                .max().orElse(0);
    }

    private static double shape(QuestionType type, int count, AnswerUnit unit) {
        return switch (type) {
            case DEFINITION -> unit.opening() ? SHAPE_WEIGHT : 0;
            case LIST -> switch (unit.kind()) {
                case LIST -> SHAPE_WEIGHT + (topLevelItems(unit) == count ? COUNT_WEIGHT : 0);
                case ROW -> SHAPE_WEIGHT / 2;
                case SENTENCE -> 0;
            };
            case OTHER -> 0;
        };
    }

    private static long topLevelItems(AnswerUnit unit) {
        return unit.lines().stream().filter(line -> !line.startsWith(" ")).count();
    }

    private static String heading(AnswerContext context, int source) {
        var chunk = context.sources().get(source - 1).chunk();
        return chunk.headingPath().isEmpty() ? chunk.noteTitle() : chunk.headingPath().get(chunk.headingPath().size() - 1);
    }

    /**
     * The best unit, then the rest of its paragraph (and the list it leads into) while the answer is short, or for a
     * comparison what each side is; then units from anywhere that fill a short answer or cover question terms still
     * missing, within the maximum. The best-ranked unit is never a filler: a comparison that did not open on it
     * passed over a sentence that names both sides without saying what either is.
     */
    private List<AnswerUnit> pick(List<Scored> ranked, List<AnswerUnit> units, Set<String> questionTerms,
                                  QuestionType type, AnswerContext context) {
        List<AnswerUnit> sides = Comparison.of(context.question())
                .map(comparison -> comparison.eachSide(ranked.stream().map(Scored::unit).toList(),
                        unit -> withShortParagraph(unit, units)))
                .orElse(List.of());
        List<AnswerUnit> picked = sides.isEmpty() ? bestWithItsParagraph(ranked.get(0).unit(), units, type)
                : new ArrayList<>(sides);
        int words = picked.stream().mapToInt(AnswerUnit::words).sum();
        int primary = picked.size();
        double best = ranked.get(0).score();
        Set<String> covered = new HashSet<>();
        picked.forEach(u -> covered.addAll(u.terms()));
        Set<Integer> answering = new HashSet<>();
        picked.forEach(u -> answering.add(u.source()));
        QuestionParts parts = QuestionParts.of(context, units, questionTerms);
        for (Scored candidate : ranked.subList(1, ranked.size())) {
            AnswerUnit unit = candidate.unit();
            if (picked.contains(unit) || redundant(unit, picked) || words + unit.words() > length.maxWords()) {
                continue;
            }
            boolean fills = sides.isEmpty() && words < length.minWords() && candidate.score() >= FILL_CUTOFF * best;
            boolean covers = candidate.score() >= COVER_CUTOFF * best
                    && questionTerms.stream().anyMatch(t -> !covered.contains(t) && unit.terms().contains(t)
                            && (answering.contains(unit.source()) || parts.answeredBy(unit.source(), t)));
            if (fills || covers) {
                picked.add(unit);
                answering.add(unit.source());
                words += unit.words();
                covered.addAll(unit.terms());
            }
        }
        List<AnswerUnit> ordered = new ArrayList<>(picked.subList(0, primary));
        ordered.addAll(inReadingOrder(picked.subList(primary, picked.size())));
        return ordered;
    }

    /** The best unit, then the rest of its paragraph (and the list it leads into) while the answer is short. */
    private List<AnswerUnit> bestWithItsParagraph(AnswerUnit first, List<AnswerUnit> units, QuestionType type) {
        List<AnswerUnit> picked = new ArrayList<>(List.of(first));
        int words = first.words();
        if (type != QuestionType.DEFINITION) {
            words = withParagraphStart(units, picked, words);
        }
        continueParagraph(units, picked, words, length.minWords());
        return picked;
    }

    /** A side's unit of a comparison, then its paragraph while that side's part is short. */
    private List<AnswerUnit> withShortParagraph(AnswerUnit unit, List<AnswerUnit> units) {
        List<AnswerUnit> part = new ArrayList<>(List.of(unit));
        continueParagraph(units, part, unit.words(), length.minWords() / 2);
        return part;
    }

    /** Adds the units after the last one picked, in its paragraph, while the words are under {@code until}. */
    private void continueParagraph(List<AnswerUnit> units, List<AnswerUnit> picked, int words, int until) {
        for (AnswerUnit next = following(units, picked.get(picked.size() - 1)); next != null && words < until;
             next = following(units, next)) {
            if (words + next.words() > length.maxWords()) {
                break;
            }
            picked.add(next);
            words += next.words();
        }
    }

    /**
     * A sentence from the middle of a paragraph often leans on the ones before it ("It captures …"): they are
     * quoted too when the whole fits. A definition stays first instead.
     */
    private int withParagraphStart(List<AnswerUnit> units, List<AnswerUnit> picked, int words) {
        AnswerUnit first = picked.get(0);
        List<AnswerUnit> before = units.stream()
                .filter(u -> u.position() < first.position() && u.sameParagraph(first))
                .toList();
        int total = words + before.stream().mapToInt(AnswerUnit::words).sum();
        if (before.isEmpty() || total > length.maxWords()) {
            return words;
        }
        picked.addAll(0, before);
        return total;
    }

    /** The unit right after {@code unit} in its paragraph (a list it leads into counts), or null. */
    private static AnswerUnit following(List<AnswerUnit> units, AnswerUnit unit) {
        return units.stream()
                .filter(u -> u.source() == unit.source() && u.position() > unit.position() && u.sameParagraph(unit))
                .min(Comparator.comparingInt(AnswerUnit::position))
                .orElse(null);
    }

    private static boolean redundant(AnswerUnit unit, List<AnswerUnit> picked) {
        return picked.stream().anyMatch(p -> Terms.jaccard(p.terms(), unit.terms()) > REDUNDANT_JACCARD);
    }

    /** Sources in the order they were first picked, each source's units in document order. */
    private static List<AnswerUnit> inReadingOrder(List<AnswerUnit> picked) {
        List<Integer> sources = picked.stream().map(AnswerUnit::source).distinct().toList();
        return picked.stream()
                .sorted(Comparator.comparingInt((AnswerUnit u) -> sources.indexOf(u.source()))
                        .thenComparingInt(AnswerUnit::position))
                .collect(Collectors.toList());
    }
}
