package com.databricks.dbutils_v1;

import java.util.Map;

/**
 * Test double with the shape of Databricks' dbutils-api entry point ({@code DBUtilsHolder.dbutils().secrets().get}).
 * The runtime classes are deliberately non-public, as on a cluster, so the reflective lookup must go through the
 * public interfaces. Test scope only: never packaged.
 */
public final class DBUtilsHolder {

    /** Secrets served by the double: "scope/key" to value. */
    public static volatile Map<String, String> secrets = Map.of();

    private DBUtilsHolder() {
    }

    public static DBUtilsV1 dbutils() {
        return new Impl();
    }

    /** Public API shape. */
    public interface DBUtilsV1 {
        SecretUtils secrets();
    }

    /** Public API shape. */
    public interface SecretUtils {
        String get(String scope, String key);
    }

    private static final class Impl implements DBUtilsV1 {
        @Override
        public SecretUtils secrets() {
            return new SecretsImpl();
        }
    }

    private static final class SecretsImpl implements SecretUtils {
        @Override
        public String get(String scope, String key) {
            String v = secrets.get(scope + "/" + key);
            if (v == null) {
                throw new IllegalArgumentException("Secret does not exist with scope: " + scope + " and key: " + key);
            }
            return v;
        }
    }
}
