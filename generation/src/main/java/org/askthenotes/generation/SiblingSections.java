package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.askthenotes.ingest.Chunk;

/**
 * A list question whose items are sections of their own: "What are the three types of machine learning?" over a
 * note with "Types of learning" › "Supervised learning", "Unsupervised learning", "Reinforcement learning". No one
 * passage lists them, so the answer is each sibling section's opening sentence, each cited to its own source.
 * It applies only when the sources hold sibling sections under a parent heading that shares the question's terms,
 * as many as the question names (at least three when it names none).
 */
final class SiblingSections {
    /** The parent heading must carry at least this share of the question's terms ("types", "learning"). */
    private static final double PARENT_COVERAGE = 0.5;
    private static final int MIN_UNNAMED = 3;

    private SiblingSections() {
    }

    /** The opening unit of each sibling section in document order, or an empty list when the sources hold none. */
    static List<AnswerUnit> openings(List<Chunk> sources, List<AnswerUnit> units, Set<String> questionTerms,
                                     OptionalInt count) {
        Map<List<String>, Map<String, Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            List<String> path = sources.get(i).headingPath();
            if (path.size() < 2) {
                continue;
            }
            List<String> parent = new ArrayList<>(path.subList(0, path.size() - 1));
            parent.add(0, sources.get(i).notePath());
            groups.computeIfAbsent(parent, p -> new LinkedHashMap<>()).putIfAbsent(path.get(path.size() - 1), i + 1);
        }
        for (Map.Entry<List<String>, Map<String, Integer>> group : groups.entrySet()) {
            int siblings = group.getValue().size();
            boolean enough = count.isPresent() ? siblings == count.getAsInt() : siblings >= MIN_UNNAMED;
            String parentHeading = group.getKey().get(group.getKey().size() - 1);
            if (!enough || Terms.coverage(questionTerms, Terms.of(parentHeading)) < PARENT_COVERAGE) {
                continue;
            }
            List<AnswerUnit> openings = new ArrayList<>();
            for (int source : group.getValue().values()) {
                units.stream().filter(u -> u.source() == source && u.kind() == AnswerUnit.Kind.SENTENCE)
                        .min(Comparator.comparingInt(AnswerUnit::position))
                        .ifPresent(openings::add);
            }
            if (openings.size() == siblings) {
                openings.sort(Comparator.comparingInt(u -> sources.get(u.source() - 1).startLine()));
                return openings;
            }
        }
        return List.of();
    }
}
