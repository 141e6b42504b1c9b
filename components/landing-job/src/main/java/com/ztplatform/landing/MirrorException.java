package com.ztplatform.landing;

/**
 * A landing or verification failure whose message names the source, the target and the likely cause
 * ({@link FailureClassifier.Category}). Messages are redacted: they never contain secret values.
 */
public class MirrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The likely cause, for the exit status and the report. */
    private final FailureClassifier.Category category;

    /**
     * @param category the likely cause
     * @param message  what failed, naming source and target, already redacted
     * @param cause    the underlying failure
     */
    public MirrorException(FailureClassifier.Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    /**
     * The likely cause.
     *
     * @return the category the failure was classified as
     */
    public FailureClassifier.Category category() {
        return category;
    }
}
