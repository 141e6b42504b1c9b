package com.ztplatform.components.naming;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Kinds whose name is a DNS label shared by every Azure tenant ({@link ResourceKind#globallyUnique()}: storage
 * accounts, key vaults, container registries, AI services accounts and their custom subdomains) end with the stack's
 * global name suffix ({@code ztp-dev-platform-kv-k3x9q}), so two organisations that both keep the default prefix do
 * not take each other's names. The suffix is never cut: when such a name is too long, the part before the suffix is
 * shortened with the hash instead. Kinds whose names only have to be unique in a resource group get no suffix.
 */
public final class AzureNames {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,7}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]{2,8}");
    private static final Pattern PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern GLOBAL_SUFFIX = Pattern.compile("[a-z0-9]{" + GlobalSuffix.MIN_LENGTH + ","
            + GlobalSuffix.MAX_LENGTH + "}");
    private static final int HASH_LENGTH = 4;

    /** Lengths of the global name suffix. */
    public static final class GlobalSuffix {
        /** The shortest suffix accepted. */
        public static final int MIN_LENGTH = 4;
        /** The longest suffix accepted: with an 8-character prefix and environment it still leaves room in 24. */
        public static final int MAX_LENGTH = 6;
        /** The length of a derived suffix: 36^5, about 60 million values. */
        public static final int DERIVED_LENGTH = 5;

        private GlobalSuffix() {}
    }

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
     * The global name suffix, appended to the names of kinds that must be unique worldwide.
     *
     * @param suffix the suffix, possibly {@code null}
     * @return the problem with an example; empty when valid
     */
    public static Optional<String> globalSuffixProblem(@Nullable String suffix) {
        if (suffix != null && GLOBAL_SUFFIX.matcher(suffix).matches()) {
            return Optional.empty();
        }
        return Optional.of("globalNameSuffix must be " + GlobalSuffix.MIN_LENGTH + "-" + GlobalSuffix.MAX_LENGTH
                + " lowercase letters or digits, like 'k3x9q', got " + quote(suffix));
    }

    /**
     * A deterministic global name suffix from stable configuration values: the first
     * {@value GlobalSuffix#DERIVED_LENGTH} base-36 digits of the SHA-256 of the values joined by newlines. No clock and
     * no randomness: the same values give the same suffix on every machine and every run.
     *
     * @param stableValues values that identify the deployment, like the project, prefix, environment and the
     *                     subscription id; none may be {@code null} or contain a newline
     * @return {@value GlobalSuffix#DERIVED_LENGTH} lowercase letters or digits
     */
    public static String deriveGlobalSuffix(List<String> stableValues) {
        Objects.requireNonNull(stableValues, "stableValues");
        for (String value : stableValues) {
            if (value == null || value.indexOf('\n') >= 0) {
                fail("stable values must be non-null single lines, got " + quote(value));
            }
        }
        byte[] digest = sha256(String.join("\n", stableValues));
        BigInteger range = BigInteger.valueOf(36).pow(GlobalSuffix.DERIVED_LENGTH);
        String digits = new BigInteger(1, Arrays.copyOf(digest, 8)).mod(range).toString(36);
        return "0".repeat(GlobalSuffix.DERIVED_LENGTH - digits.length()) + digits;
    }

    /**
     * Like {@link #name(ResourceKind, String, String, String...)}, and for a kind that must be unique worldwide
     * ({@link ResourceKind#globallyUnique()}) the global suffix is the last word: {@code ztp-dev-platform-kv-k3x9q},
     * {@code ztpdevlakek3x9q}. The suffix is kept whole; a name too long for the kind is shortened before it.
     *
     * @param kind         the resource kind
     * @param prefix       the stack's prefix, like {@code ztp}
     * @param environment  the environment, like {@code dev}
     * @param globalSuffix the global name suffix ({@link #globalSuffixProblem}), or "" for none
     * @param parts        the component's own words
     * @return the name; the same inputs always give the same name
     * @throws IllegalArgumentException naming the offending input if no valid name can be built
     */
    public static String suffixedName(ResourceKind kind, String prefix, String environment, String globalSuffix,
                                      String... parts) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(globalSuffix, "globalSuffix must not be null; pass \"\" for none");
        if (globalSuffix.isEmpty() || !kind.globallyUnique()) {
            return name(kind, prefix, environment, parts);
        }
        globalSuffixProblem(globalSuffix).ifPresent(AzureNames::fail);
        String tail = (kind.allowsHyphen() ? "-" : "") + globalSuffix;
        String base = build(kind, kind.maxLength() - tail.length(), prefix, environment, parts);
        String result = base + tail;
        kind.problem(result).ifPresent(p -> fail("cannot build a valid " + kind.label() + " name from " + prefix + ", "
                + environment + ", " + Arrays.toString(parts) + " and suffix " + globalSuffix + ": " + p));
        return result;
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
        String result = build(kind, kind.maxLength(), prefix, environment, parts);
        kind.problem(result).ifPresent(p -> fail("cannot build a valid " + kind.label() + " name from "
                + words(prefix, environment, parts) + ": " + p));
        return result;
    }

    private static List<String> words(String prefix, String environment, String... parts) {
        List<String> words = new ArrayList<>(List.of(prefix, environment));
        words.addAll(Arrays.asList(parts));
        return words;
    }

    /** The joined words, shortened with the hash to at most {@code maxLength}; validated inputs, unvalidated result. */
    private static String build(ResourceKind kind, int maxLength, String prefix, String environment, String... parts) {
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
        return joined.length() <= maxLength ? joined : shorten(kind, maxLength, joined, full);
    }

    private static String shorten(ResourceKind kind, int maxLength, String joined, String full) {
        String hash = sha256Hex(full).substring(0, HASH_LENGTH);
        if (!kind.allowsHyphen()) {
            return joined.substring(0, maxLength - HASH_LENGTH) + hash;
        }
        String head = joined.substring(0, maxLength - HASH_LENGTH - 1);
        // A cut right after a hyphen would leave "--" before the suffix, which key vaults reject.
        while (head.endsWith("-")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "-" + hash;
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
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
