package org.askthenotes.generation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.askthenotes.ingest.Language;

/**
 * An answer with everything a reader needs to check it.
 *
 * @param abstained           true when retrieval was not confident enough: the text says the notes don't cover it
 * @param grounded            true when every answer sentence is supported by the chunks it cites, false when one is
 *                            not; null for an abstention, which has no sentence to ground
 * @param citations           the sources the answer cites, by marker number
 * @param alsoRetrieved       sources in the context that the answer never cited (for abstentions: the nearest headings)
 * @param ungroundedSentences answer sentences the grounding check could not support
 * @param droppedMarkers      markers such as "[9]" that pointed at no source and were removed
 * @param answerer            which answerer wrote it: "extractive", "openai", ...
 * @param prompt              the assembled prompt when the request asked for it, else null
 * @param timingsMs           milliseconds per stage ("retrieve", "answer", "total", ...)
 * @param retrievalQuery      what was searched, and whether the question was taken as a follow-up
 */
public record Answer(
        String text,
        boolean abstained,
        Boolean grounded,
        List<Citation> citations,
        List<Citation> alsoRetrieved,
        List<String> ungroundedSentences,
        List<String> droppedMarkers,
        String answerer,
        Prompt prompt,
        Map<String, Long> timingsMs,
        RetrievalQuery retrievalQuery) {
    public Answer {
        if (abstained != (grounded == null)) {
            throw new IllegalArgumentException("grounded is null exactly when the answer abstained: " + grounded);
        }
        Objects.requireNonNull(retrievalQuery, "retrievalQuery");
        citations = List.copyOf(citations);
        alsoRetrieved = List.copyOf(alsoRetrieved);
        ungroundedSentences = List.copyOf(ungroundedSentences);
        droppedMarkers = List.copyOf(droppedMarkers);
        timingsMs = Map.copyOf(timingsMs);
    }

    /** The language the answer is written in, by the same rule retrieval applied to the question ("en", "zh"). */
    public String language() {
        return Language.of(Citations.withoutMarkers(text)).code();
    }
}
