package org.concord.annotation;

/** A malformed annotation file: names the first bad record; nothing from the file was imported. */
public final class AnnotationImportException extends RuntimeException {
    private final int recordIndex;

    public AnnotationImportException(int recordIndex, String message, Throwable cause) {
        super(message, cause);
        this.recordIndex = recordIndex;
    }

    /** Index (0-based) of the first bad record, or -1 when the file itself is bad (not JSON, wrong schema). */
    public int recordIndex() {
        return recordIndex;
    }
}
