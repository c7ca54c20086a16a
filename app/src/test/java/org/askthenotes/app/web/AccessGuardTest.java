package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.ConfigException;
import org.askthenotes.app.config.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The start-up rule for serving off loopback, as a table: host × token × --insecure. */
class AccessGuardTest {

    static Stream<Arguments> startups() {
        return Stream.of(
                // host, token, insecure, outcome: "ok", "warn" or "refuse"
                Arguments.of("127.0.0.1", null, false, "ok"),
                Arguments.of("localhost", null, false, "ok"),
                Arguments.of("::1", null, false, "ok"),
                Arguments.of("127.0.0.2", null, false, "ok"),
                Arguments.of("0.0.0.0", null, false, "refuse"),
                Arguments.of("::", null, false, "refuse"),
                Arguments.of("192.168.1.20", null, false, "refuse"),
                Arguments.of("notes.example.org", null, false, "refuse"),
                Arguments.of("0.0.0.0", "t0ken", false, "ok"),
                Arguments.of("0.0.0.0", null, true, "warn"),
                Arguments.of("127.0.0.1", null, true, "ok"));
    }

    @ParameterizedTest(name = "--host {0}, token {1}, --insecure {2}: {3}")
    @MethodSource("startups")
    void offLoopbackNeedsATokenOrInsecure(String host, String token, boolean insecure, String outcome) {
        Map<String, String> env = new HashMap<>(Map.of("ATN_HOST", host));
        if (token != null) {
            env.put("ATN_REINDEX_TOKEN", token);
        }
        if (insecure) {
            env.put("ATN_INSECURE", "true");
        }
        AppConfig config = Settings.resolve(env, Path.of("."), null);
        switch (outcome) {
            case "ok" -> assertNull(AccessGuard.checkStartup(config));
            case "warn" -> assertTrue(AccessGuard.checkStartup(config).startsWith("WARNING: serving on " + host
                    + " with --insecure"), AccessGuard.checkStartup(config));
            default -> {
                ConfigException e = assertThrows(ConfigException.class, () -> AccessGuard.checkStartup(config));
                assertEquals("--host " + host + " listens beyond this machine and no token is set: set one"
                        + " (ATN_REINDEX_TOKEN, or reindex-token in --config) so only its holders can change the"
                        + " index, or pass --insecure to serve it open anyway", e.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "{0} is loopback: {1}")
    @CsvSource({"127.0.0.1,true", "127.8.9.10,true", "localhost,true", "LOCALHOST,true", "app.localhost,true",
            "::1,true", "[::1],true", "0.0.0.0,false", "::,false", "10.0.0.1,false", "example.org,false",
            "127.0.0.1.example.org,false"})
    void loopbackNamesAndAddressesAreRecognisedWithoutDns(String host, boolean loopback) {
        assertEquals(loopback, AccessGuard.loopback(host));
    }
}
