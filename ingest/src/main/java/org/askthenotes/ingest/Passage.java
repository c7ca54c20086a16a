package org.askthenotes.ingest;

import java.util.Objects;

/** One cleaned block of a chunk (a paragraph, a list, a table, a code block) in one language. */
public record Passage(Language language, String text) {
    public Passage {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
    }
}
