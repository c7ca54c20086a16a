package org.askthenotes.app.bench;

import java.util.Arrays;

/** Nanosecond samples and their percentiles, in milliseconds. */
public final class Latencies {
    private final long[] nanos;
    private int size;

    public Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    public synchronized void add(long sample) {
        nanos[size++] = sample;
    }

    public double p50() {
        return percentile(0.50);
    }

    public double p99() {
        return percentile(0.99);
    }

    /** Nearest-rank percentile. */
    public synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
