package org.askthenotes.app.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Jackson's messages name Java classes ("Unrecognized field ... (class org.askthenotes...AskBody)"); a client needs
 * the field and the JSON type it should have had. This turns Jackson's exceptions into that.
 */
final class JsonErrors {
    private JsonErrors() {
    }

    /** The message for a request body or parameter {@code what} ("request body", "history") that did not read. */
    static String message(String what, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown.getPath());
            TreeSet<String> known = new TreeSet<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return what + ": unknown field '" + field + "'" + (known.isEmpty() ? "" : "; known fields here: "
                    + String.join(", ", known));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch.getPath());
            String expected = expected(mismatch.getTargetType());
            return field.isEmpty() ? "malformed JSON in " + what + ": it must be " + expected
                    : what + ": field '" + field + "' must be " + expected;
        }
        return "malformed JSON in " + what + location(e.getLocation()) + ": " + syntax(e.getOriginalMessage());
    }

    /** "filters.tags[0]", "history[1].question". */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another JSON type";
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's own words up to where it starts quoting its input source ("(start marker at [Source: ..."). */
    private static String syntax(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message;
        for (String cut : List.of(" (start marker at", "\n at [Source", " at [Source", "\n")) {
            int at = text.indexOf(cut);
            if (at > 0) {
                text = text.substring(0, at);
            }
        }
        return text.strip();
    }
}
