package org.askthenotes.app.feedback;

import java.util.List;
import java.util.stream.Collectors;
import org.askthenotes.generation.Citation;
import org.askthenotes.ingest.Chunk;

/** The down votes as a Markdown list a person reads before deciding what enters the golden set. */
final class ReviewMarkdown {
    private static final int MAX_ANSWER_CHARS = 600;

    private ReviewMarkdown() {
    }

    static String render(List<Rating> down, List<FeedbackExport.Candidate> candidates) {
        StringBuilder out = new StringBuilder("# Down votes to review\n\n");
        out.append(down.size()).append(" down votes. A candidate line in the export names the section the learner")
                .append(" said was right; a down vote without one needs a person to find the section.\n");
        for (Rating r : down) {
            out.append("\n## Rating ").append(r.id()).append(": ").append(oneLine(r.question())).append("\n\n");
            out.append("- When: ").append(r.time()).append("; answerer ").append(r.answerer()).append(", mode ")
                    .append(r.mode()).append(", embedding ").append(r.embeddingModel())
                    .append(r.llmModel() == null ? "" : ", LLM " + r.llmModel()).append('\n');
            if (!r.history().isEmpty()) {
                out.append("- Follow-up after ").append(r.history().size())
                        .append(" turns: reword it as a standalone question before adding it\n");
            }
            out.append("- Cited: ").append(r.citations().isEmpty() ? "nothing" : r.citations().stream()
                    .map(ReviewMarkdown::label).collect(Collectors.joining("; "))).append('\n');
            out.append("- Learner said: ").append(r.comment() == null ? "(no comment)" : oneLine(r.comment()))
                    .append('\n');
            out.append("- Right section: ").append(r.rightSection() == null ? "(not named)"
                    : section(r.rightSection())).append('\n');
            candidates.stream().filter(c -> c.ratings().contains(r)).findFirst().ifPresent(c ->
                    out.append("- Candidate: `").append(c.question().id()).append("` → ")
                            .append(c.question().relevant().get(0).label()).append('\n'));
            out.append("\n> ").append(oneLine(abbreviate(r.answer()))).append('\n');
        }
        return out.toString();
    }

    private static String label(Citation c) {
        return "[" + c.n() + "] " + section(new Rating.Section(c.notePath(), c.headingPath()));
    }

    private static String section(Rating.Section s) {
        return s.headingPath().isEmpty() ? s.notePath()
                : s.notePath() + Chunk.PATH_SEPARATOR + String.join(Chunk.PATH_SEPARATOR, s.headingPath());
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Long answers are cut: the review needs the gist, the store keeps the whole. */
    private static String abbreviate(String text) {
        return text.length() <= MAX_ANSWER_CHARS ? text : text.substring(0, MAX_ANSWER_CHARS).strip() + "…";
    }
}
