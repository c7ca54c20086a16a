package org.askthenotes.app.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.askthenotes.app.eval.GoldenQuestion;
import org.askthenotes.generation.Citation;

/**
 * Turns ratings into golden-set candidates for a person to review; it never edits the golden set itself.
 *
 * <p>An up vote proposes the section the learner named as right, else the answer's first citation. A down vote
 * proposes only the section the learner named (what was cited was wrong). Ratings of one question (compared without
 * case and extra spaces) become one candidate whose grade-2 section is the one proposed most often. Follow-up
 * questions are left out: the golden set holds standalone questions and "what about its limits?" is not one.
 */
public final class FeedbackExport {
    /** Candidate ids: "fb-" and the id of the question's first rating, so re-exports keep them stable. */
    public static final String ID_PREFIX = "fb-";

    private FeedbackExport() {
    }

    /** A candidate golden question and the ratings it came from. */
    public record Candidate(GoldenQuestion question, List<Rating> ratings) {
    }

    public static List<Candidate> candidates(List<Rating> ratings) {
        Map<String, List<Rating>> byQuestion = new LinkedHashMap<>();
        for (Rating rating : ratings) {
            if (rating.history().isEmpty()) {
                byQuestion.computeIfAbsent(normalise(rating.question()), q -> new ArrayList<>()).add(rating);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (List<Rating> group : byQuestion.values()) {
            Map<Rating.Section, Integer> votes = new LinkedHashMap<>();
            for (Rating rating : group) {
                Rating.Section proposed = proposed(rating);
                if (proposed != null) {
                    votes.merge(proposed, 1, Integer::sum);
                }
            }
            if (votes.isEmpty()) {
                continue;
            }
            // max() keeps the first of equals in this ordered stream, so ties go to the earliest proposal.
            Rating.Section best = votes.entrySet().stream()
                    .max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
            Rating first = group.get(0);
            GoldenQuestion question = new GoldenQuestion(ID_PREFIX + first.id(), first.question().strip(),
                    language(first.question()),
                    List.of(new GoldenQuestion.Relevant(best.notePath(), best.headingPath(), 2)), List.of(), false);
            candidates.add(new Candidate(question, List.copyOf(group)));
        }
        return candidates;
    }

    /** The down votes, for review: every one, whether or not it proposed a candidate. */
    public static List<Rating> downVotes(List<Rating> ratings) {
        return ratings.stream().filter(r -> r.thumbs() == Rating.Thumbs.DOWN).toList();
    }

    static Rating.Section proposed(Rating rating) {
        if (rating.rightSection() != null) {
            return rating.rightSection();
        }
        if (rating.thumbs() == Rating.Thumbs.DOWN) {
            return null;
        }
        return rating.citations().stream().min(Comparator.comparingInt(Citation::n))
                .map(c -> new Rating.Section(c.notePath(), c.headingPath())).orElse(null);
    }

    /** "en" or "zh", as the golden set's {@code language}: more Han characters than Latin letters reads as Chinese. */
    static String language(String question) {
        long han = question.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long latin = question.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        return han > latin ? "zh" : "en";
    }

    static String normalise(String question) {
        return question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
