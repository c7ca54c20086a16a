package org.askthenotes.ingest;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What an ingest run read and what it could not: every bad file has one clear entry. */
public record IngestReport(int filesSeen, int notesRead, int chunks, List<Problem> problems) {
    public IngestReport {
        problems = List.copyOf(problems);
    }

    /**
     * Paths of files that exist but were skipped: a sync keeps whatever it had indexed for them
     * rather than deleting good chunks because today's copy is broken.
     */
    public Set<String> skippedPaths() {
        return problems.stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR)
                .map(Problem::path)
                .collect(Collectors.toUnmodifiableSet());
    }
}
