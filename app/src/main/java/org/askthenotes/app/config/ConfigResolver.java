package org.askthenotes.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.SearchMode;

/**
 * Resolves {@link AppConfig} from four layers, first match wins: command-line flags, environment variables,
 * one properties file, defaults. Every setting has one key; its flag is {@code --key}, its environment variable
 * {@code ATN_KEY} (upper case, '-' to '_') and its property {@code key}.
 */
public final class ConfigResolver {

    public static final String NOTES = "notes";
    public static final String INDEX = "index";
    public static final String ANSWERER = "answerer";
    public static final String MODE = "mode";
    public static final String K = "k";
    public static final String MODEL = "model";
    public static final String LLM_BASE_URL = "llm-base-url";
    public static final String LLM_MODEL = "llm-model";
    public static final String LLM_API_KEY = "llm-api-key";
    public static final String LLM_TEMPERATURE = "llm-temperature";
    public static final String LLM_TIMEOUT_SECONDS = "llm-timeout-seconds";
    public static final String REINDEX_TOKEN = "reindex-token";
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String ALLOWED_HOSTS = "allowed-hosts";
    public static final String INSECURE = "insecure";
    public static final String LLM_CONTEXT_TOKENS = "llm-context-tokens";
    public static final String LLM_ANSWER_TOKENS = "llm-answer-tokens";
    public static final String BACKEND = "backend";
    public static final String SOLR_URL = "solr-url";
    public static final String SOLR_COLLECTION = "solr-collection";

    public static final List<String> KEYS = List.of(NOTES, INDEX, ANSWERER, MODE, K, MODEL, LLM_BASE_URL, LLM_MODEL,
            LLM_API_KEY, LLM_TEMPERATURE, LLM_TIMEOUT_SECONDS, REINDEX_TOKEN, HOST, PORT, ALLOWED_HOSTS, INSECURE,
            LLM_CONTEXT_TOKENS, LLM_ANSWER_TOKENS, BACKEND, SOLR_URL, SOLR_COLLECTION);

    /** The LLM context default, 8192 tokens, fits every current chat model; raise it for models with more. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(NOTES, "docs/notes"),
            Map.entry(INDEX, ".index"),
            Map.entry(ANSWERER, AnswererKind.EXTRACTIVE.id()),
            Map.entry(MODE, "hybrid"),
            Map.entry(K, "5"),
            Map.entry(MODEL, Embedders.DEFAULT),
            Map.entry(HOST, "127.0.0.1"),
            Map.entry(PORT, "7070"),
            Map.entry(INSECURE, "false"),
            Map.entry(LLM_CONTEXT_TOKENS, "8192"),
            Map.entry(LLM_ANSWER_TOKENS, "1024"),
            Map.entry(BACKEND, AppConfig.BACKEND_LUCENE),
            Map.entry(SOLR_COLLECTION, "ask-the-notes"));

    private final Map<String, String> env;
    private final Path workingDir;

    /** @param workingDir relative paths (flags, environment, defaults) resolve against it */
    public ConfigResolver(Map<String, String> env, Path workingDir) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    public static String envName(String key) {
        return "ATN_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * @param flags      settings given on the command line, by key; absent keys fall through
     * @param configFile the properties file, or null for none
     */
    public AppConfig resolve(Map<String, String> flags, Path configFile) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<String, String> file = configFile == null ? Map.of() : readProperties(configFile);
        for (String key : KEYS) {
            Source source = pick(key, flags, file, configFile);
            if (source != null) {
                sources.put(key, source);
            }
        }
        return build(sources);
    }

    private Source pick(String key, Map<String, String> flags, Map<String, String> file, Path configFile) {
        if (present(flags.get(key))) {
            return new Source(flags.get(key), "--" + key, workingDir);
        }
        if (present(env.get(envName(key)))) {
            return new Source(env.get(envName(key)), envName(key), workingDir);
        }
        if (key.equals(LLM_API_KEY) && present(env.get("OPENAI_API_KEY"))) {
            return new Source(env.get("OPENAI_API_KEY"), "OPENAI_API_KEY", workingDir);
        }
        if (present(file.get(key))) {
            // Relative paths in a config file mean "next to the file", wherever the app was started from.
            Path base = configFile.toAbsolutePath().getParent();
            return new Source(file.get(key), configFile + ": " + key, base);
        }
        if (DEFAULTS.containsKey(key)) {
            return new Source(DEFAULTS.get(key), "default " + key, workingDir);
        }
        return null;
    }

    private AppConfig build(Map<String, Source> s) {
        return new AppConfig(
                s.get(NOTES).path(),
                s.get(INDEX).path(),
                s.get(ANSWERER).as(ConfigResolver::answerer),
                s.get(MODE).as(SearchMode::parse),
                s.get(K).as(v -> inRange(Integer.parseInt(v), 1, AppConfig.MAX_K)),
                s.get(MODEL).value(),
                optional(s.get(LLM_BASE_URL)),
                optional(s.get(LLM_MODEL)),
                optional(s.get(LLM_API_KEY)),
                s.get(LLM_TEMPERATURE) == null ? null : s.get(LLM_TEMPERATURE).as(Double::parseDouble),
                s.get(LLM_TIMEOUT_SECONDS) == null ? null
                        : Duration.ofSeconds(s.get(LLM_TIMEOUT_SECONDS).as(v -> inRange(Integer.parseInt(v), 1, 3600))),
                optional(s.get(REINDEX_TOKEN)),
                s.get(HOST).value(),
                s.get(PORT).as(v -> inRange(Integer.parseInt(v), 0, 65535)),
                s.get(ALLOWED_HOSTS) == null ? List.of() : s.get(ALLOWED_HOSTS).as(ConfigResolver::hostList),
                s.get(INSECURE).as(ConfigResolver::bool),
                s.get(LLM_CONTEXT_TOKENS).as(v -> inRange(Integer.parseInt(v), 256, 10_000_000)),
                s.get(LLM_ANSWER_TOKENS).as(v -> inRange(Integer.parseInt(v), 1, 1_000_000)),
                s.get(BACKEND).as(ConfigResolver::backend),
                optional(s.get(SOLR_URL)),
                s.get(SOLR_COLLECTION).value());
    }

    private static String backend(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        if (!AppConfig.BACKENDS.contains(name)) {
            throw new IllegalArgumentException("unknown backend: use " + String.join(" or ", AppConfig.BACKENDS));
        }
        return name;
    }

    private static String answerer(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        if (AnswererKind.find(name).isEmpty()) {
            throw new IllegalArgumentException("unknown answerer: use " + AnswererKind.CHOICES);
        }
        return name;
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** "notes.example.org, 192.168.1.20": host names (no ports) a browser may use to reach the server. */
    private static List<String> hostList(String value) {
        List<String> hosts = new java.util.ArrayList<>();
        for (String host : value.split(",")) {
            String name = host.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[a-z0-9.\\-:\\[\\]]+")) {
                throw new IllegalArgumentException("'" + host.strip() + "' is not a host name (no scheme or port)");
            }
            hosts.add(name);
        }
        return hosts;
    }

    private static int inRange(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return value;
    }

    private static String optional(Source source) {
        return source == null ? null : source.value();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!KEYS.contains(name)) {
                throw new ConfigException("config file " + file + ": unknown key '" + name + "' (known: "
                        + String.join(", ", KEYS) + ")");
            }
            values.put(name, properties.getProperty(name).trim());
        }
        return values;
    }

    /** One setting's value and where it came from, so an error can name the flag, variable or file. */
    private record Source(String value, String origin, Path base) {
        Path path() {
            return base.resolve(value.trim()).toAbsolutePath().normalize();
        }

        <T> T as(Function<String, T> parse) {
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException e) {
                String reason = e instanceof NumberFormatException ? "not a number" : e.getMessage();
                throw new ConfigException(origin + "=" + value + ": " + reason);
            }
        }
    }
}
