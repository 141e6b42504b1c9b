package com.ztplatform.databricks;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * An explicit Databricks provider ({@code pulumi:providers:databricks}, plugin version {@value #PLUGIN_VERSION}).
 * Databricks resources have two scopes, hence two factories:
 * <ul>
 *   <li>{@link #workspace}: workspace-level resources (secret scopes, jobs, settings, ...), addressed by the
 *       workspace URL and its ARM id</li>
 *   <li>{@link #account}: account-level resources (network connectivity configurations, network policies and
 *       their bindings), addressed by {@value #ACCOUNTS_HOST} and the account id</li>
 * </ul>
 * Both authenticate with Entra ID ({@link DatabricksAzureAuth}); there is no PAT option. Pass the provider to every
 * Databricks resource with {@code CustomResourceOptions.builder().provider(provider)}.
 *
 * <p>Example:
 * <pre>{@code
 * var dbx = DatabricksProvider.workspace("analytics-dbx", workspace.workspaceUrl(), workspace.id(),
 *         DatabricksAzureAuth.managedIdentity(), CustomResourceOptions.builder().parent(this).build());
 * }</pre>
 */
@ResourceType(type = DatabricksProvider.TYPE)
public class DatabricksProvider extends ProviderResource {
    /** The provider's type token. */
    public static final String TYPE = "pulumi:providers:databricks";
    /** The Pulumi package name; {@link ProviderResource} derives {@link #TYPE} from it. */
    public static final String PACKAGE = "databricks";
    /**
     * The Databricks plugin version every binding asks for (resource option {@code version}); the same version is
     * in {@code com/pulumi/databricks/plugin.json}, so {@code pulumi plugin install} and the Java language host
     * report it.
     */
    public static final String PLUGIN_VERSION = "1.106.0";
    /** Host of the Azure Databricks account API. */
    public static final String ACCOUNTS_HOST = "https://accounts.azuredatabricks.net";

    /**
     * @param name    logical name
     * @param args    inputs; see {@link #workspace} and {@link #account} for the usual combinations
     * @param options options; they win over the default plugin version
     */
    public DatabricksProvider(String name, DatabricksProviderArgs args, @Nullable CustomResourceOptions options) {
        super(PACKAGE, name, Objects.requireNonNull(args, "DatabricksProviderArgs"), Bindings.withDefaults(options));
    }

    /**
     * A provider for one workspace.
     *
     * @param name                     logical name
     * @param host                     the workspace URL; azure-native's {@code workspaceUrl} (no scheme) is accepted,
     *                                 {@code https://} is added when missing
     * @param azureWorkspaceResourceId the workspace's ARM id
     * @param auth                     the Entra ID identity
     * @param options                  options (parent, dependsOn, ...)
     * @return the provider, to pass to each workspace-level Databricks resource as its {@code provider} option
     */
    public static DatabricksProvider workspace(String name, Output<String> host, Output<String> azureWorkspaceResourceId,
                                               DatabricksAzureAuth auth, @Nullable CustomResourceOptions options) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(azureWorkspaceResourceId, "azureWorkspaceResourceId");
        var args = DatabricksProviderArgs.builder()
                .host(host.applyValue(DatabricksProvider::withScheme))
                .azureWorkspaceResourceId(azureWorkspaceResourceId);
        return new DatabricksProvider(name, Objects.requireNonNull(auth, "auth").applyTo(args).build(), options);
    }

    /**
     * A provider for the Azure Databricks account API ({@value #ACCOUNTS_HOST}).
     *
     * @param name      logical name
     * @param accountId the Databricks account id (a GUID, from the account console)
     * @param auth      the Entra ID identity; it must be an account admin
     * @param options   options (parent, dependsOn, ...)
     * @return the provider, for account-level resources (network connectivity configs, network policies)
     */
    public static DatabricksProvider account(String name, Output<String> accountId, DatabricksAzureAuth auth,
                                             @Nullable CustomResourceOptions options) {
        var args = DatabricksProviderArgs.builder()
                .host(ACCOUNTS_HOST)
                .accountId(Objects.requireNonNull(accountId, "accountId"));
        return new DatabricksProvider(name, Objects.requireNonNull(auth, "auth").applyTo(args).build(), options);
    }

    static String withScheme(String host) {
        return host.startsWith("https://") || host.startsWith("http://") ? host : "https://" + host;
    }
}
