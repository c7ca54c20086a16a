package org.askthenotes.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.SearchMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Every setting of serve, ingest, ask and batch, as one typed option each: {@code --key} on the command line, else
 * {@code ATN_KEY} or {@code key} in the {@code --config} file ({@link SettingsProvider}), else the default here.
 * Options a command does not list in its help are hidden ({@link #show} lists them per command); the LLM and token
 * settings stay hidden everywhere: they are set in the environment or the file. A new setting is one field here and
 * its place in {@link #toConfig}.
 */
public final class Settings {
    /** The options every command lists. */
    public static final List<String> FOLDERS = List.of("--notes", "--index", "--config");
    /** How to retrieve and answer: listed by serve, ask and batch. */
    public static final List<String> ANSWERING = List.of("--answerer", "--mode", "--k");
    /** Where and to whom the server listens: listed by serve. */
    public static final List<String> SERVING = List.of("--host", "--port", "--allowed-hosts", "--insecure");
    /** Where the index lives: listed by serve, ingest, ask and batch. */
    public static final List<String> STORAGE = List.of("--backend", "--solr-url", "--solr-collection");

    @Option(names = "--notes", paramLabel = "DIR", defaultValue = "docs/notes",
            description = "Notes folder (default: ${DEFAULT-VALUE}; env ATN_NOTES).")
    Path notes;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = ".index",
            description = "Index folder (default: ${DEFAULT-VALUE}; env ATN_INDEX).")
    Path index;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with any of the settings.")
    Path configFile;

    @Option(names = "--answerer", paramLabel = "NAME", defaultValue = "extractive", hidden = true,
            converter = AnswererConverter.class,
            description = "extractive (default, no LLM), openai or ollama (env ATN_ANSWERER).")
    AnswererKind answerer;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", hidden = true,
            converter = ModeConverter.class, description = "bm25, vector or hybrid (default; env ATN_MODE).")
    SearchMode mode;

    @Option(names = "--k", paramLabel = "N", defaultValue = "5", hidden = true,
            description = "Sources per answer, 1..20 (default ${DEFAULT-VALUE}; env ATN_K).")
    int k;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", hidden = true,
            description = "Interface to listen on (default 127.0.0.1, loopback only; env ATN_HOST). Any other"
                    + " needs a token or --insecure.")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", hidden = true,
            description = "Port (default 7070; env ATN_PORT; 0 picks a free one).")
    int port;

    @Option(names = "--allowed-hosts", paramLabel = "NAMES", hidden = true, description = "Comma-separated host "
            + "names browsers may use to reach the server besides loopback and --host (DNS-rebinding guard; env "
            + "ATN_ALLOWED_HOSTS).")
    String allowedHosts;

    @Option(names = "--insecure", defaultValue = "false", hidden = true, description = "Serve off loopback without a "
            + "token (prints a warning; env ATN_INSECURE). Without it, a non-loopback --host needs a token "
            + "(ATN_REINDEX_TOKEN).")
    boolean insecure;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = AppConfig.BACKEND_LUCENE, hidden = true,
            converter = BackendConverter.class,
            description = "lucene (default: the embedded index in --index) or solr (env ATN_BACKEND).")
    String backend;

    @Option(names = "--solr-url", paramLabel = "URLS", hidden = true,
            description = "Solr node URLs, comma-separated, for --backend solr (env ATN_SOLR_URL).")
    String solrUrl;

    @Option(names = "--solr-collection", paramLabel = "NAME", defaultValue = "ask-the-notes", hidden = true,
            description = "The Solr collection, created when missing (default: ${DEFAULT-VALUE}; env "
                    + "ATN_SOLR_COLLECTION).")
    String solrCollection;

    @Option(names = "--model", defaultValue = Embedders.DEFAULT, hidden = true)
    String model;

    @Option(names = "--llm-base-url", hidden = true)
    String llmBaseUrl;

    @Option(names = "--llm-model", hidden = true)
    String llmModel;

    @Option(names = "--llm-api-key", hidden = true)
    String llmApiKey;

    @Option(names = "--llm-temperature", hidden = true)
    Double llmTemperature;

    @Option(names = "--llm-timeout-seconds", hidden = true)
    Integer llmTimeoutSeconds;

    @Option(names = "--reindex-token", hidden = true)
    String reindexToken;

    /** The LLM context default, 8192 tokens, fits every current chat model; raise it for models with more. */
    @Option(names = "--llm-context-tokens", defaultValue = "8192", hidden = true)
    int llmContextTokens;

    @Option(names = "--llm-answer-tokens", defaultValue = "1024", hidden = true)
    int llmAnswerTokens;

    /** The setting keys: what the environment (as ATN_KEY) and a config file may set. */
    public static final List<String> KEYS = CommandSpec.forAnnotatedObject(new Settings()).options().stream()
            .map(SettingsProvider::key).filter(key -> !key.equals("config")).toList();

    /** The resolved settings; relative paths resolve against {@code workingDir}. */
    public AppConfig toConfig(SettingsProvider origins, Path workingDir) {
        Path base = workingDir.toAbsolutePath().normalize();
        return new AppConfig(base.resolve(notes).normalize(), base.resolve(index).normalize(), answerer.id(), mode,
                inRange(origins, "k", k, 1, AppConfig.MAX_K), model, llmBaseUrl, llmModel, llmApiKey, llmTemperature,
                llmTimeoutSeconds == null ? null
                        : Duration.ofSeconds(inRange(origins, "llm-timeout-seconds", llmTimeoutSeconds, 1, 3600)),
                reindexToken, host, inRange(origins, "port", port, 0, 65535), hostList(origins, allowedHosts), insecure,
                inRange(origins, "llm-context-tokens", llmContextTokens, 256, 10_000_000),
                inRange(origins, "llm-answer-tokens", llmAnswerTokens, 1, 1_000_000), backend,
                solrUrl == null || solrUrl.isBlank() ? null : solrUrl.strip(), solrCollection);
    }

    /**
     * The settings without a command line: the environment, the optional config file and {@code args} (flags such
     * as "--answerer", "openai"). For tests, and for eval's LLM answerers, which read the same settings as serve.
     */
    public static AppConfig resolve(Map<String, String> env, Path workingDir, Path configFile, String... args) {
        SettingsProvider provider = new SettingsProvider(env);
        Standalone standalone = new Standalone();
        CommandLine cli = new CommandLine(standalone).setDefaultValueProvider(provider);
        List<String> all = new ArrayList<>(List.of(args));
        if (configFile != null) {
            all.addAll(List.of("--config", configFile.toString()));
        }
        try {
            cli.parseArgs(all.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException(provider.explain(e));
        }
        return standalone.settings.toConfig(provider, workingDir);
    }

    /** Lists {@code names} in the command's help: these options are hidden unless a command shows them. */
    public static void show(CommandSpec command, List<String> names) {
        for (String name : names) {
            OptionSpec option = command.findOption(name);
            command.remove(option);
            command.addOption(option.toBuilder().hidden(false).build());
        }
    }

    /** A message naming the setting's origin, e.g. "ATN_K=21: must be between 1 and 20". */
    private static int inRange(SettingsProvider origins, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(origins.origin(key, value) + ": must be between " + min + " and " + max);
        }
        return value;
    }

    /** "notes.example.org, 192.168.1.20": host names (no ports) a browser may use to reach the server. */
    private static List<String> hostList(SettingsProvider origins, String value) {
        List<String> hosts = new ArrayList<>();
        if (value == null) {
            return hosts;
        }
        for (String host : value.split(",")) {
            String name = host.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.matches("[a-z0-9.\\-:\\[\\]]+")) {
                throw new ConfigException(origins.origin("allowed-hosts", value) + ": '" + host.strip()
                        + "' is not a host name (no scheme or port)");
            }
            if (!name.isEmpty()) {
                hosts.add(name);
            }
        }
        return hosts;
    }

    @Command(name = "settings")
    private static final class Standalone {
        @Mixin
        Settings settings;
    }

    /** extractive, openai or ollama in any case, with AnswererKind's own message. */
    static final class AnswererConverter implements ITypeConverter<AnswererKind> {
        @Override
        public AnswererKind convert(String value) {
            return AnswererKind.find(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(
                    () -> new CommandLine.TypeConversionException("unknown answerer '" + value + "': use "
                            + AnswererKind.CHOICES));
        }
    }

    /** lucene or solr in any case. */
    static final class BackendConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            if (!AppConfig.BACKENDS.contains(name)) {
                throw new CommandLine.TypeConversionException("unknown backend '" + value + "': use "
                        + String.join(" or ", AppConfig.BACKENDS));
            }
            return name;
        }
    }

    /** bm25, vector or hybrid in any case, with SearchMode's own message. */
    public static final class ModeConverter implements ITypeConverter<SearchMode> {
        @Override
        public SearchMode convert(String value) {
            try {
                return SearchMode.parse(value);
            } catch (IllegalArgumentException e) {
                // picocli shows a TypeConversionException's message as is, any other with its class name
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
