package org.askthenotes.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.Passage;

/**
 * The bench corpus: {@code real} generated chunks embedded by the real model, and derived chunks up to any size.
 * Embedding 100k texts takes about 50 minutes on two cores, so a derived chunk i takes the first half of real chunk
 * a's English text and the second half of real chunk b's, and the vector normalize(w·v_a + (1−w)·v_b + noise), with
 * w uniform in [0.2, 0.8] and Gaussian noise of norm about 0.1. Texts and vectors stay related, and neighbourhoods
 * look like real embeddings' rather than uniform random points (on which HNSW recall is meaningless).
 */
final class BenchCorpus {
    private static final String[] TAGS = {"aws", "ml", "genai", "security", "data"};

    private final List<String> english = new ArrayList<>();
    private final List<String> chinese = new ArrayList<>();
    private final List<float[]> realVectors = new ArrayList<>();

    /** The real chunks' notes, before their vectors are known. */
    static BenchCorpus generate(SyntheticCorpus generator, int real) {
        BenchCorpus corpus = new BenchCorpus();
        for (int i = 0; i < real; i++) {
            corpus.english.add(generator.text());
            corpus.chinese.add(generator.nextBoolean(0.33) ? generator.chinese() : "");
        }
        return corpus;
    }

    int realSize() {
        return english.size();
    }

    void setRealVectors(List<float[]> vectors) {
        realVectors.clear();
        realVectors.addAll(vectors);
    }

    /** Notes holding the first {@code size} chunks (real ones first, then derived ones). */
    List<Note> notes(int size) {
        List<List<Passage>> passages = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            passages.add(i < realSize()
                    ? SyntheticCorpus.passages(english.get(i), chinese.get(i))
                    : SyntheticCorpus.passages(derivedText(i), ""));
        }
        return SyntheticCorpus.notes(passages, TAGS);
    }

    /** The vectors of the first {@code size} chunks, in chunk order; derived ones are the same on every call. */
    List<float[]> vectors(int size) {
        List<float[]> vectors = new ArrayList<>(realVectors.subList(0, Math.min(size, realSize())));
        Random derive = new Random(11);
        for (int i = realSize(); i < size; i++) {
            vectors.add(derivedVector(derive, i));
        }
        return vectors;
    }

    static List<Chunk> chunks(List<Note> notes) {
        return notes.stream().flatMap(n -> n.chunks().stream()).toList();
    }

    private int[] parents(int i) {
        Random pick = new Random(31L * i);
        return new int[] {pick.nextInt(realSize()), pick.nextInt(realSize())};
    }

    private String derivedText(int i) {
        int[] parents = parents(i);
        String[] a = english.get(parents[0]).split(" ");
        String[] b = english.get(parents[1]).split(" ");
        return String.join(" ", Arrays.copyOfRange(a, 0, a.length / 2)) + " "
                + String.join(" ", Arrays.copyOfRange(b, b.length / 2, b.length));
    }

    private float[] derivedVector(Random derive, int i) {
        int[] parents = parents(i);
        float[] a = realVectors.get(parents[0]);
        float[] b = realVectors.get(parents[1]);
        double w = 0.2 + 0.6 * derive.nextDouble();
        double noise = 0.1 / Math.sqrt(a.length);
        float[] mixed = new float[a.length];
        double norm = 0;
        for (int d = 0; d < a.length; d++) {
            mixed[d] = (float) (w * a[d] + (1 - w) * b[d] + noise * derive.nextGaussian());
            norm += mixed[d] * mixed[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < a.length; d++) {
            mixed[d] /= (float) norm;
        }
        return mixed;
    }
}
