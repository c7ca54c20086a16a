package org.askthenotes.app.feedback;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link FeedbackStoreTest}: stores ratings as fast as it can and prints "stored N" once each
 * add has returned, until it is killed.
 */
public final class RatingWriterMain {
    private RatingWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FeedbackStore store = FeedbackStore.open(Path.of(args[0]))) {
            for (int i = 0; ; i++) {
                Rating stored = store.add(Ratings.rating("crash question " + i, Rating.Thumbs.UP,
                        List.of(Ratings.citation(1, "crash.md", "Crash")), "comment " + i, null));
                System.out.println("stored " + stored.id());
                System.out.flush();
            }
        }
    }
}
