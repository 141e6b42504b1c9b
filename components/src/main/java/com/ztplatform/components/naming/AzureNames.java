package com.ztplatform.components.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Deterministic Azure resource names that always satisfy {@link ResourceKind}'s rules.
 *
 * <p>Names are {@code prefix-environment-part1-part2} (or the same without hyphens for storage
 * accounts). A name longer than the kind allows is cut and given a 4-hex-digit suffix from the
 * SHA-256 of the full hyphenated name, so two long names that share their first characters still
 * differ, and the same inputs give the same name on every run (a changed name means a replaced
 * resource).
 */
public final class AzureNames {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,7}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]{2,8}");
    private static final Pattern PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int HASH_LENGTH = 4;

    private AzureNames() {}

    /**
     * What is wrong with {@code name} for {@code kind}, or empty if Azure would accept it.
     *
     * @param kind the resource kind, whose length and character rules apply
     * @param name the name, possibly {@code null}
     * @return the problem, naming the rule and a valid example; empty when valid
     */
    public static Optional<String> problem(ResourceKind kind, @Nullable String name) {
        return Objects.requireNonNull(kind, "kind").problem(name);
    }

    /**
     * The stack-wide name prefix. Kept to lowercase alphanumerics so that it can lead a storage
     * account name, and short so that prefix plus environment leaves room in 24-character names.
     *
     * @param prefix the prefix, possibly {@code null}
     * @return the problem with an example; empty when valid
     */
    public static Optional<String> prefixProblem(@Nullable String prefix) {
        if (prefix != null && PREFIX.matcher(prefix).matches()) {
            return Optional.empty();
        }
        return Optional.of(
                "namePrefix must be 2-8 lowercase letters or digits starting with a letter, like 'ztp', got "
                        + quote(prefix));
    }

    /**
     * The environment name, which is part of every resource name.
     *
     * @param environment the environment, possibly {@code null}
     * @return the problem with an example; empty when valid
     */
    public static Optional<String> environmentProblem(@Nullable String environment) {
        if (environment != null && ENVIRONMENT.matcher(environment).matches()) {
            return Optional.empty();
        }
        return Optional.of(
                "environment must be 2-8 lowercase letters or digits, like 'dev' or 'prod', got "
                        + quote(environment));
    }

    /**
     * A valid name for {@code kind}: {@code prefix-environment-part1-part2...}, hyphens dropped for
     * kinds that do not allow them, shortened with a hash suffix when too long.
     *
     * @param kind        the resource kind
     * @param prefix      the stack's prefix, like {@code ztp}
     * @param environment the environment, like {@code dev}
     * @param parts each lowercase letters and digits, optionally joined by single hyphens ("hub-fw")
     * @return the name; the same inputs always give the same name
     * @throws IllegalArgumentException naming the offending input if no valid name can be built
     */
    public static String name(ResourceKind kind, String prefix, String environment, String... parts) {
        Objects.requireNonNull(kind, "kind");
        prefixProblem(prefix).ifPresent(AzureNames::fail);
        environmentProblem(environment).ifPresent(AzureNames::fail);
        Objects.requireNonNull(parts, "parts must not be null; pass none for just prefix-environment");
        List<String> words = new ArrayList<>(List.of(prefix, environment));
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part == null || !PART.matcher(part).matches()) {
                fail("name part #" + (i + 1) + " must be lowercase letters and digits, optionally joined by"
                        + " single hyphens, like 'hub-fw', got " + quote(part));
            }
            words.add(part);
        }

        String full = String.join("-", words);
        String joined = kind.allowsHyphen() ? full : full.replace("-", "");
        String result = joined.length() <= kind.maxLength() ? joined : shorten(kind, joined, full);
        kind.problem(result).ifPresent(p -> fail("cannot build a valid " + kind.label() + " name from " + words
                + ": " + p));
        return result;
    }

    private static String shorten(ResourceKind kind, String joined, String full) {
        String hash = sha256Hex(full).substring(0, HASH_LENGTH);
        if (!kind.allowsHyphen()) {
            return joined.substring(0, kind.maxLength() - HASH_LENGTH) + hash;
        }
        String head = joined.substring(0, kind.maxLength() - HASH_LENGTH - 1);
        // A cut right after a hyphen would leave "--" before the suffix, which key vaults reject.
        while (head.endsWith("-")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "-" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void fail(String message) {
        throw new IllegalArgumentException(message);
    }

    private static String quote(@Nullable String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
