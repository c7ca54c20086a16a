package org.askthenotes.ingest;

/**
 * One cleaned block of a note (or a piece of one, once the chunker has split it) and where it sits in the file.
 *
 * @param startLine 1-based line of the block's first source line
 * @param endLine   1-based line of its last source line
 * @param origin    index of the block within its note: pieces of one block share it and are glued back together
 */
record SourceBlock(int startLine, int endLine, Language language, String text, int origin) {
}
