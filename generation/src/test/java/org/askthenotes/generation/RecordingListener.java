package org.askthenotes.generation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.askthenotes.retrieval.Hit;

/** Keeps the events an answer streams, in order, as "sources", "delta", "complete". */
final class RecordingListener implements AnswerListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> deltas = new CopyOnWriteArrayList<>();
    volatile List<Hit> sources;
    volatile Answer completed;

    @Override
    public void onSources(List<Hit> sources) {
        events.add("sources");
        this.sources = sources;
    }

    @Override
    public void onDelta(String text) {
        events.add("delta");
        deltas.add(text);
    }

    @Override
    public void onComplete(Answer answer) {
        events.add("complete");
        completed = answer;
    }

    /** True when the events were: sources, then at least one delta, then complete, and nothing else. */
    boolean inOrder() {
        return events.size() >= 3 && events.get(0).equals("sources")
                && events.subList(1, events.size() - 1).stream().allMatch("delta"::equals)
                && events.get(events.size() - 1).equals("complete");
    }
}
