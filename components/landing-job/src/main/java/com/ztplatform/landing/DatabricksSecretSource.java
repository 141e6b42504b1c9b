package com.ztplatform.landing;

import java.util.function.Supplier;

import com.databricks.dbutils_v1.DBUtilsHolder;
import com.databricks.dbutils_v1.SecretUtils;

/**
 * {@code dbutils.secrets.get(scope, key)} on a Databricks cluster, through the Databricks utilities API for JAR jobs
 * ({@code com.databricks:dbutils-api}, compiled against as a {@code provided} dependency: the runtime installs the
 * implementation behind {@link DBUtilsHolder#dbutils()} for the job's thread). Off Databricks there is no
 * implementation, and {@link #get} throws a {@link SecretAccessException} that says so.
 */
final class DatabricksSecretSource implements SecretSource {

    private final Supplier<SecretUtils> secrets;

    DatabricksSecretSource() {
        this(() -> DBUtilsHolder.dbutils().secrets());
    }

    DatabricksSecretSource(Supplier<SecretUtils> secrets) {
        this.secrets = secrets;
    }

    @Override
    public String get(String scope, String key) {
        SecretUtils utils;
        try {
            utils = secrets.get();
        } catch (LinkageError | RuntimeException e) {
            throw new SecretAccessException("dbutils is not available (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). The landing jobs read their credentials with dbutils.secrets and must run on"
                    + " a Databricks cluster as a spark_jar_task; local runs and tests pass their own SecretSource.", e);
        }
        String value;
        try {
            value = utils.get(scope, key);
        } catch (RuntimeException e) {
            throw new SecretAccessException("secret '" + key + "' in scope '" + scope + "' could not be read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Check that the scope and key exist"
                    + " ('databricks secrets list-secrets " + scope + "'), that the job's run-as identity has READ on"
                    + " the scope and, for a Key Vault-backed scope, that the AzureDatabricks application has"
                    + " 'Key Vault Secrets User' on the vault and the vault firewall lets it in", e);
        }
        if (value == null) {
            throw new SecretAccessException("secret '" + key + "' in scope '" + scope + "' is empty");
        }
        return value;
    }
}
