package org.askthenotes.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.Main;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.retrieval.SearchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A command's settings as Main parses them: each from the first layer that has it, flag, env, file, default. */
class SettingsPrecedenceTest {

    @Test
    void eachSettingComesFromTheFirstLayerThatHasIt(@TempDir Path dir) throws IOException {
        Path config = Files.createDirectories(dir.resolve("conf")).resolve("atn.properties");
        Files.writeString(config, "k=6\nmode=bm25\nanswerer=ollama\nnotes=my-notes\nllm-model=file-model\n");
        CommandLine cli = Main.commandLine(Map.of("ATN_MODE", "vector", "ATN_K", "4", "ATN_LLM_MODEL", "env-model"),
                dir);
        cli.parseArgs("ask", "--config", config.toString(), "--k", "3", "q");
        AskCommand ask = cli.getSubcommands().get("ask").getCommand();
        AppConfig resolved = ask.root.config(ask.settings);
        assertEquals(3, resolved.k());                                      // flag over env and file
        assertEquals(SearchMode.VECTOR, resolved.mode());                   // env over file
        assertEquals("env-model", resolved.llmModel());                     // env over file, a setting without a flag
        assertEquals("ollama", resolved.answerer());                        // file over default
        assertEquals(dir.resolve("conf/my-notes"), resolved.notes());       // file paths: next to the file
        assertEquals(dir.resolve(".index"), resolved.index());              // default, against the working dir
        assertEquals(7070, resolved.port());
    }

    @Test
    void serveTakesItsOwnFlagsTheSameWay(@TempDir Path dir) {
        CommandLine cli = Main.commandLine(Map.of("ATN_PORT", "8080", "ATN_ALLOWED_HOSTS", "Notes.Example.org"), dir);
        cli.parseArgs("serve", "--host", "0.0.0.0", "--insecure");
        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        AppConfig resolved = serve.root.config(serve.settings);
        assertEquals("0.0.0.0", resolved.host());
        assertEquals(8080, resolved.port());
        assertEquals(java.util.List.of("notes.example.org"), resolved.allowedHosts());
        assertEquals(true, resolved.insecure());
    }
}
