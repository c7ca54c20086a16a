package org.askthenotes.app.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.askthenotes.generation.Citation;

/**
 * What the ratings say in aggregate: counts, the down-vote rate per cited note and per retrieval mode, and the
 * questions downvoted most. A rating counts once for each distinct note its answer cited.
 */
public record FeedbackStats(int ratings, int up, int down, double downRate, List<Group> byNote, List<Group> byMode,
                            List<Question> mostDownvoted) {

    /** Listed under byNote for answers that cited nothing (abstentions, mostly). */
    public static final String NO_CITATION = "(no citation)";
    static final int MOST_DOWNVOTED = 10;

    public record Group(String name, int ratings, int down, double downRate) {
    }

    /** A question with at least one down vote, as first asked. */
    public record Question(String question, int down, int up, List<String> comments) {
    }

    public static FeedbackStats of(List<Rating> ratings) {
        int down = (int) ratings.stream().filter(r -> r.thumbs() == Rating.Thumbs.DOWN).count();
        Map<String, int[]> notes = new LinkedHashMap<>();
        Map<String, int[]> modes = new LinkedHashMap<>();
        for (Rating rating : ratings) {
            for (String note : notes(rating)) {
                count(notes, note, rating);
            }
            count(modes, rating.mode(), rating);
        }
        return new FeedbackStats(ratings.size(), ratings.size() - down, down, rate(down, ratings.size()),
                groups(notes), groups(modes), mostDownvoted(ratings));
    }

    private static Set<String> notes(Rating rating) {
        Set<String> notes = new LinkedHashSet<>();
        rating.citations().stream().map(Citation::notePath).forEach(notes::add);
        if (notes.isEmpty()) {
            notes.add(NO_CITATION);
        }
        return notes;
    }

    /** counts[0] ratings, counts[1] down votes. */
    private static void count(Map<String, int[]> groups, String name, Rating rating) {
        int[] counts = groups.computeIfAbsent(name, n -> new int[2]);
        counts[0]++;
        if (rating.thumbs() == Rating.Thumbs.DOWN) {
            counts[1]++;
        }
    }

    private static List<Group> groups(Map<String, int[]> counts) {
        List<Group> groups = new ArrayList<>();
        counts.forEach((name, c) -> groups.add(new Group(name, c[0], c[1], rate(c[1], c[0]))));
        groups.sort(Comparator.comparingDouble(Group::downRate).reversed()
                .thenComparing(Comparator.comparingInt(Group::ratings).reversed())
                .thenComparing(Group::name));
        return groups;
    }

    private static List<Question> mostDownvoted(List<Rating> ratings) {
        Map<String, List<Rating>> byQuestion = new LinkedHashMap<>();
        for (Rating rating : ratings) {
            byQuestion.computeIfAbsent(FeedbackExport.normalise(rating.question()), q -> new ArrayList<>()).add(rating);
        }
        List<Question> questions = new ArrayList<>();
        for (List<Rating> group : byQuestion.values()) {
            int down = (int) group.stream().filter(r -> r.thumbs() == Rating.Thumbs.DOWN).count();
            if (down > 0) {
                List<String> comments = group.stream().filter(r -> r.thumbs() == Rating.Thumbs.DOWN)
                        .map(Rating::comment).filter(c -> c != null).toList();
                questions.add(new Question(group.get(0).question(), down, group.size() - down, comments));
            }
        }
        questions.sort(Comparator.comparingInt(Question::down).reversed());
        return questions.subList(0, Math.min(MOST_DOWNVOTED, questions.size()));
    }

    /** Down votes per rating, to 4 decimals; 0 when there are none. */
    private static double rate(int down, int total) {
        return total == 0 ? 0 : Math.round(10_000.0 * down / total) / 10_000.0;
    }
}
