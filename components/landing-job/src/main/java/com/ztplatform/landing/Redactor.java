package com.ztplatform.landing;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Removes known secret values from any text before it is printed, thrown or written to a manifest.
 * Values are registered as they are read from the {@link SecretSource}.
 */
public final class Redactor {

    /** What a secret value is replaced with. */
    public static final String MASK = "[REDACTED]";

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /**
     * Adds a secret value; longer values are masked first, so a secret containing another is masked whole.
     *
     * @param secret the value; {@code null} and empty are ignored
     */
    public void register(String secret) {
        if (secret != null && !secret.isEmpty() && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /**
     * Masks every registered secret in a text.
     *
     * @param text the text, possibly {@code null}
     * @return the text with each secret value replaced by {@value #MASK}
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String r = text;
        for (String s : secrets) {
            r = r.replace(s, MASK);
        }
        return r;
    }
}
