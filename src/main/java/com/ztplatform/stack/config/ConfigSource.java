package com.ztplatform.stack.config;

import com.pulumi.core.Output;

import java.util.Optional;
import java.util.Set;

/**
 * Where stack configuration comes from: Pulumi's config under {@code pulumi up}, the stack file for the
 * offline plan and tests. Values are raw strings; structured values are JSON, as Pulumi hands them over.
 */
public interface ConfigSource {
    /** A plain value, like get("zt-databricks", "hub") or get("azure-native", "location"). */
    Optional<String> get(String namespace, String key);

    /** A secret value, kept inside a secret Output so it never appears in clear. */
    Optional<Output<String>> secret(String namespace, String key);

    /** Every key set under {@code namespace} (without the namespace), so misspelt keys can be reported. */
    Set<String> keys(String namespace);

    /** Whether the stack stores {@code key} encrypted ({@code pulumi config set --secret}). */
    boolean isSecret(String namespace, String key);
}
