package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchRequest;

/**
 * A list question whose items are sections of their own: "What are the three types of machine learning?" over a
 * note with "Types of learning" › "Supervised learning", "Unsupervised learning", "Reinforcement learning". No one
 * passage lists them, so the answer is the parent section's lead-in, if retrieved, then each child section's
 * opening sentence, each cited to its own source.
 *
 * <p>Retrieval ranks passages, not sections, so it often returns some of the children (two of the three sampling
 * parameters) or the parent's lead-in alone ("a repeating cycle of six stages"). As an auto-merging retriever does,
 * {@link #complete} then fetches the parent's other children from its note, so the list is whole for any answerer.
 */
final class SiblingSections {
    /**
     * The question names the parent: it holds this share of the parent heading's English words, or of its Chinese
     * bigrams ("Randomness and diversity 隨機性與多樣性" for "…control randomness" or "…控制隨機性"). A question about one
     * child only ("開發基礎模型的第一步要收集哪些原始資料？") gathers its sources under the parent just as well, so
     * where the sources lie says nothing.
     */
    private static final double PARENT_NAMED = 0.5;
    private static final int MIN_CHILDREN = 2;

    /**
     * A section of a note and the child sections of it the sources hold.
     *
     * @param parentPath the section's heading path, the note title first; at least the title and one heading
     * @param children   child heading -> the sources (1-based) under it, in source order
     * @param sources    how many sources lie under the section or are its own lead-in
     */
    record Group(String notePath, List<String> parentPath, Map<String, List<Integer>> children, int sources) {
        /** The child heading a chunk sits under, or null when the chunk is not below this section. */
        String child(Chunk chunk) {
            List<String> path = chunk.headingPath();
            return chunk.notePath().equals(notePath) && path.size() > parentPath.size()
                    && path.subList(0, parentPath.size()).equals(parentPath) ? path.get(parentPath.size()) : null;
        }

        boolean isLeadIn(Chunk chunk) {
            return chunk.notePath().equals(notePath) && chunk.headingPath().equals(parentPath);
        }
    }

    private SiblingSections() {
    }

    /**
     * The section the sources gather under, with at least two of its children, that the question names; the one
     * holding most sources (then the deeper, then the first met). A Chinese question's words include its dictionary
     * translation, which retrieval searched ({@link Hit#englishQuery()}).
     */
    static Optional<Group> group(List<Hit> sources, String question) {
        Set<String> asked = new HashSet<>(Terms.of(question));
        if (!sources.isEmpty()) {
            asked.addAll(Terms.of(sources.get(0).englishQuery()));
        }
        Map<List<String>, Map<String, List<Integer>>> children = new LinkedHashMap<>();
        Map<List<String>, Set<Integer>> under = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            Chunk chunk = sources.get(i).chunk();
            List<String> path = chunk.headingPath();
            // the title alone is no parent: every section of a note would be its child
            for (int depth = 2; depth <= path.size(); depth++) {
                List<String> key = new ArrayList<>(path.subList(0, depth));
                key.add(0, chunk.notePath());
                under.computeIfAbsent(key, k -> new HashSet<>()).add(i);
                Map<String, List<Integer>> own = children.computeIfAbsent(key, k -> new LinkedHashMap<>());
                if (depth < path.size()) {
                    own.computeIfAbsent(path.get(depth), c -> new ArrayList<>()).add(i + 1);
                }
            }
        }
        Group best = null;
        for (Map.Entry<List<String>, Map<String, List<Integer>>> entry : children.entrySet()) {
            List<String> parentPath = entry.getKey().subList(1, entry.getKey().size());
            int count = under.get(entry.getKey()).size();
            if (!asksFor(asked, parentPath.get(parentPath.size() - 1), entry.getValue().keySet())) {
                continue;
            }
            if (best == null || count > best.sources()
                    || count == best.sources() && parentPath.size() > best.parentPath().size()) {
                best = new Group(entry.getKey().get(0), List.copyOf(parentPath), entry.getValue(), count);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A question asks for a parent's children when it names the parent and none of two or more children whole. */
    private static boolean asksFor(Set<String> asked, String parent, Set<String> children) {
        return children.size() >= MIN_CHILDREN && names(asked, parent, PARENT_NAMED)
                && children.stream().noneMatch(child -> names(asked, child, 1));
    }

    /**
     * Whether the question's words hold this share of the heading's English words, or of its Chinese bigrams. A
     * question that names a child whole asks about that child ("What are the risks of prompt injection?"), not for
     * the list of its siblings.
     */
    private static boolean names(Set<String> asked, String heading, double share) {
        Set<String> english = new HashSet<>();
        Set<String> chinese = new HashSet<>();
        for (String term : Terms.of(heading)) {
            (Language.of(term) == Language.CHINESE ? chinese : english).add(term);
        }
        return Terms.coverage(english, asked) >= share || Terms.coverage(chinese, asked) >= share;
    }

    /**
     * A list question's hits, followed (in note order) by what they miss of the parent section: its lead-in and
     * each child's opening chunk, in the question's language where the note has it. One BM25 search of the parent's
     * heading path within its note finds them, since every chunk below the parent carries that path.
     */
    static List<Hit> complete(Retriever retriever, SearchRequest asked, String question, List<Hit> hits) {
        if (QuestionType.of(question) != QuestionType.LIST) {
            return hits;
        }
        // a follow-up's words are in the query it was searched with ("What is machine learning? What are its types?")
        Optional<Group> found = group(hits, asked.query());
        if (found.isEmpty()) {
            return hits;
        }
        Group group = found.get();
        List<Hit> section = new ArrayList<>(hits);
        section.addAll(SectionSearch.under(retriever, asked, group.notePath(), group.parentPath()));
        Language wanted = Language.of(question);
        Comparator<Hit> first = Comparator.<Hit>comparingInt(hit -> SectionSearch.speaks(hit.chunk(), wanted) ? 0 : 1)
                .thenComparingInt(hit -> hit.chunk().startLine());
        Map<String, Hit> openings = new LinkedHashMap<>();
        for (Hit hit : section) {
            String part = group.isLeadIn(hit.chunk()) ? "" : group.child(hit.chunk());
            if (part != null) {
                openings.merge(part, hit, (a, b) -> first.compare(a, b) <= 0 ? a : b);
            }
        }
        Set<String> have = new HashSet<>();
        hits.forEach(hit -> have.add(hit.chunk().id()));
        List<Hit> all = new ArrayList<>(hits);
        openings.values().stream()
                .filter(hit -> have.add(hit.chunk().id()))
                .sorted(Comparator.comparingInt(hit -> hit.chunk().startLine()))
                .forEach(all::add);
        return all;
    }

    /**
     * The parent's lead-in sentence when a source holds it, then each child section's opening sentence as a list item
     * under its heading, in note order; an empty list when the sources hold no such group, or not as many children as
     * the question names.
     */
    static List<AnswerUnit> openings(List<Hit> hits, List<AnswerUnit> units, String question) {
        OptionalInt count = QuestionType.count(question);
        List<Chunk> sources = hits.stream().map(Hit::chunk).toList();
        Optional<Group> found = group(hits, question);
        if (found.isEmpty() || count.isPresent() && found.get().children().size() != count.getAsInt()) {
            return List.of();
        }
        Group group = found.get();
        List<AnswerUnit> items = new ArrayList<>();
        group.children().forEach((heading, under) -> under.stream()
                .sorted(Comparator.comparingInt(source -> sources.get(source - 1).startLine()))
                .flatMap(source -> firstSentence(units, source).stream())
                .findFirst()
                .ifPresent(opening -> items.add(item(heading, opening))));
        if (items.size() != group.children().size()) {
            return List.of();
        }
        items.sort(Comparator.comparingInt(u -> sources.get(u.source() - 1).startLine()));
        List<AnswerUnit> answer = new ArrayList<>();
        for (int source = 1; source <= sources.size() && answer.isEmpty(); source++) {
            if (group.isLeadIn(sources.get(source - 1))) {
                firstSentence(units, source).ifPresent(answer::add);
            }
        }
        answer.addAll(items);
        return answer;
    }

    /** "- **Temperature 溫度**: Temperature rescales …": the heading names the item, the sentence says what it is. */
    private static AnswerUnit item(String heading, AnswerUnit opening) {
        String colon = opening.language() == Language.CHINESE ? "：" : ": ";
        return new AnswerUnit(opening.source(), opening.position(), -1, AnswerUnit.Kind.LIST, opening.language(), "",
                List.of("- **" + heading + "**" + colon + opening.lines().get(0)), opening.terms(), false);
    }

    private static Optional<AnswerUnit> firstSentence(List<AnswerUnit> units, int source) {
        return units.stream().filter(u -> u.source() == source && u.kind() == AnswerUnit.Kind.SENTENCE)
                .min(Comparator.comparingInt(AnswerUnit::position));
    }
}
