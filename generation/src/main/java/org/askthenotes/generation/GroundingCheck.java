package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.askthenotes.ingest.Sentences;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Hit;

/**
 * Checks each answer sentence against the chunks it cites: it is supported when most of its terms occur in
 * them, or when it is close in meaning to one of their sentences. A sentence that cites nothing is checked
 * against all sources (the instructions ask for citations, but an uncited true sentence is no invention).
 * Sentences with fewer than three content terms ("The notes don't cover this.") carry no claim and pass.
 */
public final class GroundingCheck {
    static final double MIN_OVERLAP = 0.6;
    static final double MIN_SIMILARITY = 0.6;
    private static final int MIN_TERMS = 3;
    /** Caps the source sentences embedded per answer; the ones sharing most terms with the answer go first. */
    private static final int MAX_SOURCE_SENTENCES = 60;

    private final Embedder embedder;

    public GroundingCheck(Embedder embedder) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /** @param ungroundedSentences the answer sentences (markers included) that no cited chunk supports */
    public record Result(boolean grounded, List<String> ungroundedSentences) {
        public Result {
            ungroundedSentences = List.copyOf(ungroundedSentences);
        }
    }

    private record Claim(String sentence, String text, Set<String> terms, List<Integer> sources) {
    }

    public Result check(String answer, List<Hit> sources) {
        List<Set<String>> sourceTerms = sources.stream().map(h -> Terms.of(h.chunk().text())).toList();
        // Term overlap first: quoted sentences pass on it, and only the rest cost embeddings.
        List<Claim> doubtful = new ArrayList<>();
        for (Claim claim : claims(answer, sources.size())) {
            Set<String> cited = new HashSet<>();
            claim.sources().forEach(n -> cited.addAll(sourceTerms.get(n - 1)));
            if (Terms.coverage(claim.terms(), cited) < MIN_OVERLAP) {
                doubtful.add(claim);
            }
        }
        if (doubtful.isEmpty()) {
            return new Result(true, List.of());
        }
        Map<String, Integer> sourceSentences = sourceSentences(doubtful, sources);
        List<String> texts = new ArrayList<>(doubtful.stream().map(Claim::text).toList());
        texts.addAll(sourceSentences.keySet());
        List<float[]> vectors = embedder.embedAll(texts);
        List<Integer> sentenceSources = new ArrayList<>(sourceSentences.values());
        List<String> ungrounded = new ArrayList<>();
        for (int i = 0; i < doubtful.size(); i++) {
            Claim claim = doubtful.get(i);
            double similarity = 0;
            for (int j = 0; j < sentenceSources.size(); j++) {
                if (claim.sources().contains(sentenceSources.get(j))) {
                    similarity = Math.max(similarity, Vectors.cosine(vectors.get(i), vectors.get(doubtful.size() + j)));
                }
            }
            if (similarity < MIN_SIMILARITY) {
                ungrounded.add(claim.sentence());
            }
        }
        return new Result(ungrounded.isEmpty(), ungrounded);
    }

    private static List<Claim> claims(String answer, int sourceCount) {
        List<Claim> claims = new ArrayList<>();
        for (String sentence : Sentences.split(answer)) {
            String text = Citations.withoutMarkers(sentence);
            Set<String> terms = Terms.of(text);
            if (terms.size() < MIN_TERMS) {
                continue;
            }
            List<Integer> cited = Citations.markers(sentence).stream().filter(n -> n >= 1 && n <= sourceCount).toList();
            if (cited.isEmpty()) {
                cited = java.util.stream.IntStream.rangeClosed(1, sourceCount).boxed().toList();
            }
            claims.add(new Claim(sentence, text, terms, cited));
        }
        return claims;
    }

    /** Source sentences worth embedding, each mapped to its source number; the closest in terms come first. */
    private static Map<String, Integer> sourceSentences(List<Claim> claims, List<Hit> sources) {
        Set<Integer> cited = new HashSet<>();
        claims.forEach(c -> cited.addAll(c.sources()));
        record Scored(String sentence, int source, double overlap) {
        }
        List<Scored> all = new ArrayList<>();
        for (int n : cited) {
            for (String sentence : Sentences.split(sources.get(n - 1).chunk().text())) {
                Set<String> terms = Terms.of(sentence);
                double best = claims.stream().mapToDouble(c -> Terms.jaccard(c.terms(), terms)).max().orElse(0);
                all.add(new Scored(sentence, n, best));
            }
        }
        all.sort(Comparator.comparingDouble(Scored::overlap).reversed());
        Map<String, Integer> kept = new LinkedHashMap<>();
        for (Scored s : all.subList(0, Math.min(MAX_SOURCE_SENTENCES, all.size()))) {
            kept.putIfAbsent(s.sentence(), s.source());
        }
        return kept;
    }
}
