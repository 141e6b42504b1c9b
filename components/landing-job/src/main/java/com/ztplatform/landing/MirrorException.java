package com.ztplatform.landing;

/**
 * A landing or verification failure whose message names the source, the target and the likely cause
 * ({@link FailureClassifier.Category}). Messages are redacted: they never contain secret values.
 */
public class MirrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureClassifier.Category category;

    public MirrorException(FailureClassifier.Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    public FailureClassifier.Category category() {
        return category;
    }
}
