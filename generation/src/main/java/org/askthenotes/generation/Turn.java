package org.askthenotes.generation;

/** One earlier exchange of a conversation. */
public record Turn(String question, String answer) {
}
