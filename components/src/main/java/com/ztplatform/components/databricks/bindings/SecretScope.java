package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A secret scope. Key Vault-backed scopes must be created with an Entra ID token (a provider from
 * {@link DatabricksProvider#workspace}), never a PAT. Example:
 * <pre>{@code
 * new SecretScope("kv-scope", SecretScopeArgs.azureKeyVault("platform", vaultId, vaultUri),
 *         CustomResourceOptions.builder().provider(workspaceProvider).build());
 * }</pre>
 *
 * <p>Binding of {@code databricks:index/secretScope:SecretScope}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = SecretScope.TYPE)
public class SecretScope extends CustomResource {
    public static final String TYPE = "databricks:index/secretScope:SecretScope";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "backendType", refs = {String.class}, tree = "[0]")
    private Output<String> backendType;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public SecretScope(String name, SecretScopeArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "SecretScopeArgs"), Bindings.withDefaults(options));
    }

    /** Scope name, unique in the workspace; jobs refer to secrets by it (without a name the provider would auto-name the scope). */
    public Output<String> name() {
        return this.name;
    }

    /** {@code DATABRICKS} or {@code AZURE_KEYVAULT}. */
    public Output<String> backendType() {
        return this.backendType;
    }
}
