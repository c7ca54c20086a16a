package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Sentences;

/**
 * The two things a question sets side by side, as topic terms: "What is the difference between fine-tuning and
 * RAG?", "Precision vs recall?", "How does temperature differ from top-p?", "Compare X with Y", "When should I use X
 * instead of Y?", "Is X cheaper than Y?", "X or Y: how do they differ?", 「RAG 和微調有什麼不同？」, 「X 與 Y 的差別」,
 * 「X 跟 Y 差在哪？」, 「比較 X 和 Y」. A comparison is answered by what each side is, not by the one sentence that
 * happens to name both ("The F1 score is the harmonic mean of precision and recall").
 * <p>
 * A Chinese side is a run of character bigrams, and one side can hold the other (「監督式學習」 in 「非監督式學習」):
 * where the longer side is written, the shorter one is not ({@link #opening}). A question of two sentences is not
 * read as a comparison: in 「即時推論和批次推論有什麼不同？為什麼長期來看推論通常比訓練花更多錢？」 (zh-017) the second
 * asks about cost, and what each side is answers only half of it.
 *
 * @param firstText  the first side as the question wrote it, lower-cased
 * @param secondText the second side as the question wrote it, lower-cased
 */
record Comparison(String firstText, String secondText, Set<String> first, Set<String> second) {
    /** A sentence is about a side when the side is among its first terms: "Recall is TP / …". */
    private static final int OPENING_TERMS = 3;
    private static final Pattern CLAUSE = Pattern.compile("[,;:，；：]|\\b(?:while|whereas|but)\\b");
    private static final String END = "(?=[?.!:;,]|$)";
    private static final String SIDE = "([^?.!:;,]+?)";
    private static final List<Pattern> ENGLISH = List.of(
            Pattern.compile("\\bdifferences? between " + SIDE + " and " + SIDE + END),
            Pattern.compile("\\bcompar(?:e|ing) " + SIDE + " (?:and|with|to|against) " + SIDE + END),
            Pattern.compile("\\b(?:does|do|is|are) " + SIDE + " differ(?:ent)? from " + SIDE + END),
            Pattern.compile("\\buse " + SIDE + " instead of " + SIDE + END),
            Pattern.compile("^(?:is|are) " + SIDE + " (?:\\w+er|more \\w+|less \\w+) than " + SIDE + END),
            Pattern.compile("(?:^|[?.!:;,] )" + SIDE + " (?:vs\\.?|versus) " + SIDE + END),
            Pattern.compile("^" + SIDE + " or " + SIDE + "[?:,] .*\\b(?:differ|difference|compare)"));
    private static final String ZH_SIDE = "([^？?。！!：:；;，,、]+?)";
    private static final String ZH_AND = "\\s*(?:和|與|与|跟|及|vs\\.?|versus)\\s*";
    private static final List<Pattern> CHINESE = List.of(
            Pattern.compile("^(?:請|请)?(?:比較|比较)?\\s*" + ZH_SIDE + ZH_AND + ZH_SIDE
                    + "\\s*[：:，,]?\\s*(?:之間|之间)?(?:的)?\\s*(?:有)?(?:什麼|什么|甚麼|啥|何|哪些)?\\s*"
                    + "(?:不同|不一樣|不一样|差別|差别|差異|差异|區別|区别|分別|分别|差在)"),
            Pattern.compile("^(?:請|请)?(?:比較|比较)\\s*" + ZH_SIDE + ZH_AND + ZH_SIDE + "\\s*[？?。!！]?$"));

    static Optional<Comparison> of(String question) {
        String q = question.strip().toLowerCase(Locale.ROOT);
        if (Language.of(question) == Language.CHINESE) {
            if (Sentences.split(q).size() != 1) {
                return Optional.empty();
            }
            for (Pattern pattern : CHINESE) {
                Optional<Comparison> found = sides(pattern.matcher(q));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        for (Pattern pattern : ENGLISH) {
            Optional<Comparison> found = sides(pattern.matcher(q));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Comparison> sides(Matcher m) {
        if (!m.find()) {
            return Optional.empty();
        }
        String firstText = m.group(1).strip();
        String secondText = m.group(2).strip();
        Set<String> first = Terms.of(firstText);
        Set<String> second = Terms.of(secondText);
        if (first.isEmpty() || second.isEmpty() || first.equals(second)) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(firstText, secondText, first, second));
    }

    List<Set<String>> sides() {
        return List.of(first, second);
    }

    /**
     * What each side is: per side the unit that opens on it, or one of its clauses does ("RAG adds fresh documents at
     * query time"), the earlier the side comes the better, then the better ranked; each with what follows it. A unit
     * already picked that opens on this side as early serves it too ("Prompting changes only the input, RAG adds …,
     * and fine-tuning changes …"). No score floor: a side's sentence covers half the question at best, and the
     * sources are the retrieved ones. Empty unless both sides have such a unit: half a comparison is no better
     * framing than the usual answer ("How do Guardrails differ from Agents?" with no source opening on Agents).
     *
     * @param ranked the units, best first
     * @param part   a side's unit with what the answer quotes after it
     */
    List<AnswerUnit> eachSide(List<AnswerUnit> ranked, Function<AnswerUnit, List<AnswerUnit>> part) {
        List<AnswerUnit> picked = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            Map<AnswerUnit, Integer> openings = new HashMap<>();
            int which = side;
            ranked.forEach(unit -> openings.put(unit, opening(unit, which)));
            int served = picked.stream().mapToInt(unit -> openings.getOrDefault(unit, -1)).filter(rank -> rank >= 0)
                    .min().orElse(Integer.MAX_VALUE);
            ranked.stream()
                    .filter(unit -> !picked.contains(unit) && openings.get(unit) >= 0)
                    .min(Comparator.comparingInt(openings::get))
                    .filter(unit -> openings.get(unit) < served)
                    .ifPresent(unit -> part.apply(unit).stream().filter(u -> !picked.contains(u)).forEach(picked::add));
            if (picked.stream().noneMatch(unit -> openings.getOrDefault(unit, -1) >= 0)) {
                return List.of();
            }
        }
        return picked;
    }

    /**
     * How early side 0 or 1 comes in the unit: 2 × its place among the first {@link #OPENING_TERMS} terms of the unit
     * or of a later clause, plus 1 in a later clause, so "RAG is the usual choice …" comes before "Prompting changes
     * only the input, RAG adds …"; -1 when no clause opens on all of the side. Where the other side holds this one
     * (「非監督式學習」 and 「監督式學習」), its words are taken out first.
     */
    int opening(AnswerUnit unit, int which) {
        Set<String> side = which == 0 ? first : second;
        String sideText = which == 0 ? firstText : secondText;
        String otherText = which == 0 ? secondText : firstText;
        if (!unit.terms().containsAll(side)) {
            return -1;
        }
        String text = unit.text().toLowerCase(Locale.ROOT);
        if (otherText.contains(sideText)) {
            text = text.replace(otherText, " ");
        }
        // an English gloss before a Chinese side ("Fine-tuning 微調") does not push it back
        boolean chinese = side.stream().allMatch(term -> Language.of(term) == Language.CHINESE);
        int best = -1;
        String[] clauses = CLAUSE.split(text);
        for (int c = 0; c < clauses.length; c++) {
            Set<String> terms = Terms.of(clauses[c]);
            if (!terms.containsAll(side)) {
                continue;
            }
            int index = 0;
            for (String term : terms) {
                if (side.contains(term)) {
                    int rank = 2 * index + (c == 0 ? 0 : 1);
                    best = best < 0 ? rank : Math.min(best, rank);
                    break;
                }
                if (chinese && Language.of(term) != Language.CHINESE) {
                    continue;
                }
                if (++index >= OPENING_TERMS) {
                    break;
                }
            }
        }
        return best;
    }
}
