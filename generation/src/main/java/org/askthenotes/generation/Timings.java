package org.askthenotes.generation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Milliseconds per pipeline stage of one question; not shared between questions. */
final class Timings {
    private final long start = System.nanoTime();
    private final Map<String, Long> millis = new LinkedHashMap<>();

    <T> T time(String stage, Supplier<T> work) {
        long begin = System.nanoTime();
        try {
            return work.get();
        } finally {
            millis.merge(stage, (System.nanoTime() - begin) / 1_000_000, Long::sum);
        }
    }

    Map<String, Long> withTotal() {
        Map<String, Long> all = new LinkedHashMap<>(millis);
        all.put("total", (System.nanoTime() - start) / 1_000_000);
        return all;
    }
}
