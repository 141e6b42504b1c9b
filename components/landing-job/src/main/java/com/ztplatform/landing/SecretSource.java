package com.ztplatform.landing;

import java.util.Map;

/**
 * Where the job reads its credentials. On Databricks: {@link #databricks()} ({@code dbutils.secrets.get}
 * against a Key Vault-backed secret scope). In tests: {@link #of(String, Map)}.
 *
 * <p>Implementations must never log or embed a secret value in an exception message.
 */
@FunctionalInterface
public interface SecretSource {

    /**
     * The value of {@code key} in {@code scope}.
     *
     * @param scope the secret scope
     * @param key   the key in the scope
     * @return the value
     * @throws SecretAccessException when the scope/key is absent or cannot be read (message without the value)
     */
    String get(String scope, String key);

    /**
     * dbutils.secrets on a Databricks cluster, reached reflectively (no Databricks jar needed at compile time).
     *
     * @return the cluster's secret source
     */
    static SecretSource databricks() {
        return new DatabricksSecretSource();
    }

    /**
     * An in-memory scope: {@code keys} maps secret key to value. Other scopes are absent.
     *
     * @param scope the one scope
     * @param keys  secret key to value
     * @return a source that fails like Databricks for another scope or a missing key
     */
    static SecretSource of(String scope, Map<String, String> keys) {
        Map<String, String> copy = Map.copyOf(keys);
        return (s, k) -> {
            if (!scope.equals(s)) {
                throw new SecretAccessException("secret scope '" + s + "' does not exist");
            }
            String v = copy.get(k);
            if (v == null) {
                throw new SecretAccessException("secret '" + k + "' does not exist in scope '" + s + "'");
            }
            return v;
        };
    }
}
