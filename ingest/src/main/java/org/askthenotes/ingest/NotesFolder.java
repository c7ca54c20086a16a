package org.askthenotes.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds the note files under a root. Symbolic links are followed only while they stay inside the root; hidden
 * files and folders are skipped; every file that cannot be a note (too big, a loop, outside) gets one ERROR.
 */
final class NotesFolder {

    /**
     * One note file, keyed by its path relative to the root with '/' separators; read only when its turn comes,
     * so a big folder is never held in memory at once.
     */
    record NoteFile(String path, Path file, FileStamp stamp) {
        byte[] read() throws IOException {
            return Files.readAllBytes(file);
        }
    }

    /** What a walk found: the candidate files in path order, the problems, and how many files matched. */
    record Listing(List<NoteFile> files, List<Problem> problems, int filesSeen) {
    }

    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;
    private final long maxFileBytes;

    NotesFolder(IngestOptions options) {
        this.include = matchers(options.include());
        this.exclude = matchers(options.exclude());
        this.maxFileBytes = options.maxFileBytes();
    }

    Listing list(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("notes folder does not exist or is not a folder: " + root);
        }
        Walker walker;
        try {
            walker = new Walker(root, root.toRealPath());
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walker);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read notes folder " + root + ": " + e.getMessage(), e);
        }
        walker.files.sort(Comparator.comparing(NoteFile::path));
        walker.problems.sort(Comparator.comparing(Problem::path));
        return new Listing(walker.files, walker.problems, walker.filesSeen);
    }

    /**
     * In Java's globs "**&#47;" needs at least one folder, so "**&#47;*.md" would miss a top-level "a.md". Each
     * pattern is also matched with every "**&#47;" in it left out, which gives the zero-folders case.
     */
    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            for (String variant : zeroFolderVariants(glob)) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
            }
        }
        return matchers;
    }

    static List<String> zeroFolderVariants(String glob) {
        int at = glob.indexOf("**/");
        if (at < 0) {
            return List.of(glob);
        }
        List<String> variants = new ArrayList<>();
        for (String rest : zeroFolderVariants(glob.substring(at + 3))) {
            variants.add(glob.substring(0, at + 3) + rest);
            variants.add(glob.substring(0, at) + rest);
        }
        return variants;
    }

    boolean selected(Path relative) {
        return include.stream().anyMatch(m -> m.matches(relative)) && exclude.stream().noneMatch(m -> m.matches(relative));
    }

    static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    static String tooBig(long size, long maxFileBytes) {
        return "file is " + size + " bytes, over the limit of " + maxFileBytes + " bytes";
    }

    private final class Walker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Path realRoot;
        private final List<NoteFile> files = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private int filesSeen;

        Walker(Path root, Path realRoot) {
            this.root = root;
            this.realRoot = realRoot;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            if (hidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            try {
                Path real = dir.toRealPath();
                if (!real.startsWith(realRoot)) {
                    error(dir, "symbolic link leads outside the notes folder; not followed");
                    return FileVisitResult.SKIP_SUBTREE;
                }
            } catch (IOException e) {
                error(dir, "cannot read folder: " + Problem.describe(e));
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden(file) || !selected(relative(file))) {
                return FileVisitResult.CONTINUE;
            }
            filesSeen++;
            consider(file, attrs);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (hidden(file)) {
                return FileVisitResult.CONTINUE;
            }
            filesSeen++;
            if (e instanceof FileSystemLoopException) {
                error(file, "symbolic link loop: it leads back to a folder that contains it; not followed");
            } else {
                error(file, "cannot read: " + Problem.describe(e));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                error(dir, "cannot list folder: " + Problem.describe(e));
            }
            return FileVisitResult.CONTINUE;
        }

        private void consider(Path file, BasicFileAttributes attrs) {
            try {
                if (attrs.isSymbolicLink()) {
                    error(file, "broken symbolic link (its target does not exist)");
                    return;
                }
                Path real = file.toRealPath();
                if (!real.startsWith(realRoot)) {
                    error(file, "symbolic link leads outside the notes folder; not followed");
                    return;
                }
                if (!attrs.isRegularFile()) {
                    error(file, "not a regular file");
                    return;
                }
                if (attrs.size() > maxFileBytes) {
                    error(file, tooBig(attrs.size(), maxFileBytes));
                    return;
                }
                files.add(new NoteFile(pathOf(file), file,
                        new FileStamp(attrs.size(), attrs.lastModifiedTime().toMillis())));
            } catch (IOException e) {
                error(file, "cannot read: " + Problem.describe(e));
            }
        }

        private Path relative(Path file) {
            return root.relativize(file);
        }

        private String pathOf(Path file) {
            return relative(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        }

        private void error(Path file, String reason) {
            problems.add(new Problem(pathOf(file), 0, Problem.Severity.ERROR, reason));
        }
    }
}
