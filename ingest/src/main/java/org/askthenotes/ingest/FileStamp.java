package org.askthenotes.ingest;

/**
 * A note file's size and modification time as a sync listed it: when both still match, the file is taken as
 * unchanged without being read.
 *
 * @param lastModified milliseconds since the epoch
 */
public record FileStamp(long size, long lastModified) {
}
