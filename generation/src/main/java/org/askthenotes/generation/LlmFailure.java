package org.askthenotes.generation;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LLM call that failed, told apart the way a client needs it: the server could not be reached (down, refused,
 * unknown host, timed out) or it answered with an error or something unusable. The message names the answerer
 * and the cause in words a user can act on, never a Java class name, so it can go to the client as it is.
 */
public final class LlmFailure extends IllegalStateException {
    /** An OpenAI-style error body: {"error": {"message": "..."}}. */
    private static final Pattern ERROR_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final boolean unreachable;

    private LlmFailure(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** True when no answer came back at all (503); false when the server answered badly (502). */
    public boolean unreachable() {
        return unreachable;
    }

    static LlmFailure timedOut(String answerer, Object timeout, Throwable cause) {
        return new LlmFailure(answerer + " answerer: the LLM server gave no complete answer within " + timeout,
                true, cause);
    }

    /** Classifies what the LangChain4j client threw; the JDK client wraps I/O errors in a bare RuntimeException. */
    static LlmFailure of(String answerer, String baseUrl, Throwable error) {
        String where = baseUrl == null ? "the LLM server" : "the LLM server at " + baseUrl;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return new LlmFailure(answerer + " answerer: " + where + " answered HTTP " + http.statusCode()
                        + brief(http.getMessage()), false, error);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new LlmFailure(answerer + " answerer: " + where + " refused the connection (is it running?)",
                        true, error);
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedModelServerException) {
                return new LlmFailure(answerer + " answerer: " + where + " has a host name that does not resolve",
                        true, error);
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
                return new LlmFailure(answerer + " answerer: " + where + " did not answer in time", true, error);
            }
            if (t instanceof IOException io) {
                return new LlmFailure(answerer + " answerer: " + where + " could not be reached"
                        + brief(io.getMessage()), true, error);
            }
        }
        return new LlmFailure(answerer + " answerer: " + where + " gave an unusable answer"
                + brief(error.getMessage()), false, error);
    }

    /** The server's own words (an error body's message), kept short and free of "java.x.YException:" prefixes. */
    private static String brief(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        Matcher error = ERROR_MESSAGE.matcher(message);
        String text = (error.find() ? error.group(1) : message).replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "")
                .replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
