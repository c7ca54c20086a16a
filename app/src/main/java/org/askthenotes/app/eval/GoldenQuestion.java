package org.askthenotes.app.eval;

import java.util.List;
import java.util.Objects;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;

/**
 * One question of the golden set, with the sections that answer it.
 *
 * @param language "en" or "zh": the language the question is asked in
 * @param relevant the sections that answer it; empty exactly when {@code offTopic}
 * @param facts    the key facts a complete answer states, each a list of alternative strings (any one counts);
 *                 empty exactly when {@code offTopic}
 * @param offTopic true when the notes do not cover it: the answerer must abstain
 */
public record GoldenQuestion(String id, String question, String language, List<Relevant> relevant,
        List<List<String>> facts, boolean offTopic) {

    /**
     * A section that answers the question, named by note path and heading path so it survives re-chunking: every
     * chunk of the note whose heading path starts with {@code headingPath} belongs to it.
     *
     * @param grade 1 = relevant, 2 = the best answer (nDCG uses it as a linear gain)
     */
    public record Relevant(String notePath, List<String> headingPath, int grade) {
        public Relevant {
            Objects.requireNonNull(notePath, "notePath");
            headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        }

        public boolean matches(String chunkNotePath, List<String> chunkHeadingPath) {
            return notePath.equals(chunkNotePath)
                    && chunkHeadingPath.size() >= headingPath.size()
                    && chunkHeadingPath.subList(0, headingPath.size()).equals(headingPath);
        }

        public boolean matches(Chunk chunk) {
            return matches(chunk.notePath(), chunk.headingPath());
        }

        /** "note.md › Heading › Subheading", how reports name the expected section. */
        public String label() {
            return headingPath.isEmpty() ? notePath : notePath + Chunk.PATH_SEPARATOR
                    + String.join(Chunk.PATH_SEPARATOR, headingPath);
        }
    }

    public GoldenQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(language, "language");
        relevant = relevant == null ? List.of() : List.copyOf(relevant);
        // nulls become empty so the loader can name the question instead of failing inside Jackson
        facts = facts == null ? List.of() : facts.stream()
                .map(fact -> fact == null ? List.<String>of()
                        : fact.stream().map(alternative -> alternative == null ? "" : alternative).toList())
                .toList();
    }


    public boolean answerable() {
        return !offTopic;
    }

    public Language parsedLanguage() {
        return Language.fromCode(language);
    }

    /** Index into {@link #relevant()} of the best-graded section a chunk belongs to, or -1 when it is not relevant. */
    public int relevantIndexOf(Chunk chunk) {
        int best = -1;
        for (int i = 0; i < relevant.size(); i++) {
            if (relevant.get(i).matches(chunk) && (best < 0 || relevant.get(i).grade() > relevant.get(best).grade())) {
                best = i;
            }
        }
        return best;
    }
}
