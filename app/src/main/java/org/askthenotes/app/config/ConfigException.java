package org.askthenotes.app.config;

/** A setting that cannot be used, named with where it came from (flag, environment variable or file). */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
