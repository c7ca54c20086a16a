package org.askthenotes.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a note file's bytes into text, or says exactly why they are not a note. */
final class NoteDecoder {

    /** Either the text (a UTF-8 byte order mark removed) or the ERROR that keeps the file out. */
    record Decoded(String text, Problem problem) {
    }

    private NoteDecoder() {
    }

    static Decoded decode(String path, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return error(path, lineAt(bytes, i), "binary file: NUL byte at byte offset " + i);
            }
        }
        int start = hasBom(bytes) ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = lineAt(bytes, offset);
            return error(path, line, "invalid UTF-8 at byte offset " + offset + " (line " + line + ")");
        }
        String text = out.flip().toString();
        if (text.isBlank()) {
            return error(path, 0, "empty note: the file holds only whitespace");
        }
        return new Decoded(text, null);
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Decoded error(String path, int line, String reason) {
        return new Decoded(null, new Problem(path, line, Problem.Severity.ERROR, reason));
    }
}
