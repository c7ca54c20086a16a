package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchRequest;

/**
 * A section whose opening was retrieved only in the other language: 「Bedrock 的知識庫是什麼？」 retrieves the
 * Knowledge Bases section's English opening and a later Chinese chunk ("知識庫也可以附加到 Bedrock Agents…"), so a
 * Chinese answer had only the latter to quote. A long bilingual paragraph and its translation land in different
 * chunks. For the best hit's section, the chunk that holds the opening in the question's language is added as the
 * last source: one search of the section within its note ({@link SectionSearch}).
 */
final class SectionOpening {
    private SectionOpening() {
    }

    static List<Hit> complete(Retriever retriever, SearchRequest asked, String question, List<Hit> hits) {
        if (hits.isEmpty()) {
            return hits;
        }
        Chunk best = hits.get(0).chunk();
        Language wanted = Language.of(question);
        OptionalInt otherOpening = startLines(hits, best, false, wanted).min();
        int wantedOpening = startLines(hits, best, true, wanted).min().orElse(Integer.MAX_VALUE);
        if (otherOpening.isEmpty() || otherOpening.getAsInt() >= wantedOpening) {
            return hits;
        }
        Optional<Hit> opening = SectionSearch.under(retriever, asked, best.notePath(), best.headingPath()).stream()
                .filter(hit -> sameSection(hit.chunk(), best) && SectionSearch.speaks(hit.chunk(), wanted)
                        && hit.chunk().startLine() < wantedOpening)
                .min(Comparator.comparingInt(hit -> hit.chunk().startLine()));
        if (opening.isEmpty() || hits.stream().anyMatch(hit -> hit.chunk().id().equals(opening.get().chunk().id()))) {
            return hits;
        }
        List<Hit> all = new ArrayList<>(hits);
        all.add(opening.get());
        return all;
    }

    private static IntStream startLines(List<Hit> hits, Chunk best, boolean inWanted,
                                         Language wanted) {
        return hits.stream().map(Hit::chunk)
                .filter(chunk -> sameSection(chunk, best) && SectionSearch.speaks(chunk, wanted) == inWanted)
                .mapToInt(Chunk::startLine);
    }

    private static boolean sameSection(Chunk a, Chunk b) {
        return a.notePath().equals(b.notePath()) && a.headingPath().equals(b.headingPath());
    }

}
