package com.ztplatform.landing;

/** The job jar is not the jar the deployment pinned, or it cannot be read to check: the job must not run. */
public class CodeIntegrityException extends SecurityException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was expected, what was found and where (hashes and locations only, never secrets)
     */
    public CodeIntegrityException(String message) {
        super(message);
    }
}
