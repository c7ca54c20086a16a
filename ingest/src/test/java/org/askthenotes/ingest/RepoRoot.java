package org.askthenotes.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository checkout is, for tests that read its bundled files (docs/notes, docs/eval) or what sits
 * beside it (../shared): the one way every module's tests find it (other modules get it from ingest's test jar).
 */
public final class RepoRoot {
    private RepoRoot() {
    }

    /**
     * The {@code atn.repoRoot} property surefire sets (the parent pom); run without it (from an IDE), the nearest
     * folder up from the working directory that holds docs/notes, else the working directory.
     */
    public static Path path() {
        String property = System.getProperty("atn.repoRoot");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/notes"))) {
                return dir;
            }
        }
        return here;
    }

    /** A path under the checkout, e.g. "docs/notes" or "../shared/eval/beir/scifact", normalized. */
    public static Path resolve(String relative) {
        return path().resolve(relative).normalize();
    }
}
