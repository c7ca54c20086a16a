package org.askthenotes.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.view.Json;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty answers some requests before Javalin sees them (a URI with an encoded NUL, say); those errors leave as the
 * same {"error": message} JSON as every other, never as Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper = Json.mapper();

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code, String message,
                                                 Throwable cause) throws IOException {
        return super.generateAcceptableResponse(request, response, callback, "application/json", charsets, code,
                message, cause);
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        String text = message == null || message.isBlank() ? "error " + code : message;
        writer.write(Json.line(mapper, Map.of("error", text)));
    }
}
