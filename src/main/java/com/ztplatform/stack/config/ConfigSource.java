package com.ztplatform.stack.config;

import com.pulumi.core.Output;

import java.util.Optional;
import java.util.Set;

/**
 * Where stack configuration comes from: Pulumi's config under {@code pulumi up}, the stack file for the
 * offline plan and tests. Values are raw strings; structured values are JSON, as Pulumi hands them over.
 */
public interface ConfigSource {
    /**
     * A plain value, like get("zt-databricks", "hub") or get("azure-native", "location").
     *
     * @param namespace the project or provider name
     * @param key       the key without the namespace
     * @return the raw value (JSON for structured values); empty when not set
     */
    Optional<String> get(String namespace, String key);

    /**
     * A secret value, kept inside a secret Output so it never appears in clear.
     *
     * @param namespace the project name
     * @param key       the key without the namespace
     * @return the value as a secret output; empty when not set
     */
    Optional<Output<String>> secret(String namespace, String key);

    /**
     * Every key set under {@code namespace} (without the namespace), so misspelt keys can be reported.
     *
     * @param namespace the project or provider name
     * @return the keys the stack sets there
     */
    Set<String> keys(String namespace);

    /**
     * Whether the stack stores {@code key} encrypted ({@code pulumi config set --secret}).
     *
     * @param namespace the project name
     * @param key       the key without the namespace
     * @return true when the stored value is ciphertext
     */
    boolean isSecret(String namespace, String key);
}
