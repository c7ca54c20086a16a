package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotePathsTest {
    @TempDir
    Path dir;
    Path root;
    NotePaths paths;

    @BeforeEach
    void notesWithASecretNextToThem() throws IOException {
        root = Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(root.resolve("aws"));
        Files.writeString(root.resolve("aws/note.md"), "# Note\n");
        Files.writeString(root.resolve("aws/readme.txt"), "not a note\n");
        Files.writeString(dir.resolve("secret.md"), "# Secret\n");
        Files.createSymbolicLink(root.resolve("escape.md"), dir.resolve("secret.md"));
        Files.createSymbolicLink(root.resolve("outside"), dir);
        paths = new NotePaths(root);
    }

    @Test
    void aNoteUnderTheRootResolves() {
        assertEquals(root.resolve("aws/note.md"), paths.resolve("aws/note.md"));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("../secret.md", 400),
                Arguments.of("aws/../../secret.md", 400),
                Arguments.of("/etc/passwd", 400),
                Arguments.of("aws\\..\\..\\secret.md", 400),
                Arguments.of("aws//note.md", 400),
                Arguments.of("./aws/note.md", 400),
                Arguments.of("%2e%2e/secret.md", 400),
                Arguments.of("C:/windows/win.ini", 400),
                Arguments.of("aws/readme.txt", 400),
                Arguments.of("aws/missing.md", 404),
                Arguments.of("escape.md", 404),
                Arguments.of("outside/secret.md", 404),
                Arguments.of("", 400));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void pathsThatLeaveTheRootOrAreNotNotesAreRefused(String path, int status) {
        ApiException e = assertThrows(ApiException.class, () -> paths.resolve(path));
        assertEquals(status, e.status(), e.getMessage());
    }
}
