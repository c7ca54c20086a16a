package org.askthenotes.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one place settings come from besides the command line, for every command: an option {@code --key} that was
 * not given reads the environment variable {@code ATN_KEY} (upper case, '-' to '_'), then {@code key} in the
 * {@code --config} properties file; when neither has it, picocli falls back to the option's own default. So the order
 * is flags, environment, file, defaults, and picocli converts and checks every layer's value the same way.
 *
 * <p>An option's key is its {@code descriptionKey} when it has one (picocli's convention), else its longest name
 * without the dashes; only keys that are {@link Settings#KEYS settings} are looked up, so an option such as eval's
 * own {@code --index} (descriptionKey {@code eval-index}) keeps its default whatever the environment says.
 */
public final class SettingsProvider implements IDefaultValueProvider {
    private static final String CONFIG_OPTION = "--config";

    private final Map<String, String> env;
    private final Map<Path, Map<String, String>> files = new HashMap<>();
    /** Where each looked-up value came from ("ATN_K", "conf.properties: k"), to name it in an error. */
    private final Map<String, String> origins = new HashMap<>();

    public SettingsProvider(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static String envName(String key) {
        return "ATN_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String key = key(option);
        if (!Settings.KEYS.contains(key)) {
            return null;
        }
        origins.remove(key);
        String fromEnv = fromEnvironment(key);
        if (fromEnv != null) {
            return fromEnv;
        }
        Path configFile = configFile(option);
        String fromFile = configFile == null ? null : present(file(configFile).get(key));
        if (fromFile == null) {
            return null;
        }
        origins.put(key, configFile + ": " + key);
        // Relative paths in a config file mean "next to the file", wherever the app was started from.
        return arg.type() == Path.class
                ? configFile.toAbsolutePath().getParent().resolve(fromFile).normalize().toString() : fromFile;
    }

    /** How an error names a setting: its origin ("ATN_K=abc") when it did not come from the command line. */
    public String origin(String key, Object value) {
        return origins.getOrDefault(key, "--" + key) + "=" + value;
    }

    /** A picocli error about a value from the environment or the file, with that origin added. */
    public String explain(CommandLine.ParameterException e) {
        if (e.getCause() instanceof ConfigException unreadable) {
            return unreadable.getMessage(); // the file itself: picocli's wrapping would repeat it with the arguments
        }
        if (e.getArgSpec() instanceof OptionSpec option && origins.containsKey(key(option))) {
            return e.getMessage() + " (from " + origins.get(key(option)) + ")";
        }
        return e.getMessage();
    }

    static String key(OptionSpec option) {
        String described = option.descriptionKey();
        return described == null || described.isEmpty() ? option.longestName().replaceFirst("^-+", "") : described;
    }

    private String fromEnvironment(String key) {
        String fromEnv = present(env.get(envName(key)));
        if (fromEnv != null) {
            origins.put(key, envName(key));
            return fromEnv;
        }
        if (key.equals("llm-api-key") && present(env.get("OPENAI_API_KEY")) != null) {
            origins.put(key, "OPENAI_API_KEY");
            return present(env.get("OPENAI_API_KEY"));
        }
        return null;
    }

    private static Path configFile(OptionSpec option) {
        OptionSpec config = option.command().findOption(CONFIG_OPTION);
        return config == null ? null : config.getValue();
    }

    /** The file's settings; an unknown key is an error, since a typo would otherwise be silently ignored. */
    private Map<String, String> file(Path configFile) {
        Map<String, String> cached = files.get(configFile);
        if (cached != null) {
            return cached;
        }
        java.util.Properties properties = new java.util.Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("config file not found: " + configFile);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + configFile + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!Settings.KEYS.contains(name)) {
                throw new ConfigException("config file " + configFile + ": unknown key '" + name + "' (known: "
                        + String.join(", ", Settings.KEYS) + ")");
            }
            values.put(name, properties.getProperty(name).trim());
        }
        files.put(configFile, values);
        return values;
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
