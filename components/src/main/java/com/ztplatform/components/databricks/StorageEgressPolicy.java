package com.ztplatform.components.databricks;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seed 003: storage egress of a spoke's Databricks subnets limited by a service endpoint policy. The host and
 * container subnets get the {@code Microsoft.Storage} service endpoint and a {@code Microsoft.Network/serviceEndpointPolicies}
 * with two definitions: {@code Microsoft.Storage} allowing only named accounts (the spoke's own DBFS root plus
 * {@link #storageAccountIds}, the stack's lake and staging accounts), and {@code Global} allowing the documented
 * Databricks alias {@value #DATABRICKS_ALIAS}, which stands for the Databricks-managed artifact, log and system
 * tables accounts of the region (learn.microsoft.com/azure/databricks/security/network/classic/service-endpoints;
 * the alias is accepted for workspaces created from 14 July 2025, older ones need Databricks to enable it).
 *
 * <p>What changes for the firewall: with the service endpoint, traffic from these subnets to Azure Storage in the
 * region (and its pair) takes the endpoint's more specific system route instead of the 0.0.0.0/0 route to the
 * firewall (learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview, routing with service endpoints),
 * so the policy, not the firewall, decides which accounts are reachable; see {@code ServiceEndpointBypass}.
 * Private endpoints are unaffected: traffic to an account's private endpoint never uses the service endpoint.
 *
 * @param enabled           attach the service endpoint and the policy to the Databricks subnets. Default: true
 * @param storageAccountIds further storage accounts clusters may reach over the service endpoint (resource ids).
 *                          Default: none (only the spoke's DBFS root and the Databricks alias)
 */
public record StorageEgressPolicy(boolean enabled, List<Output<String>> storageAccountIds) {
    /** The alias of the Databricks-managed storage accounts, in a definition of service {@value #GLOBAL_SERVICE}. */
    public static final String DATABRICKS_ALIAS = "/services/Azure/Databricks";
    /** The service of a definition listing storage account resource ids. */
    public static final String STORAGE_SERVICE = "Microsoft.Storage";
    /** The service of a definition listing an alias, like {@link #DATABRICKS_ALIAS}. */
    public static final String GLOBAL_SERVICE = "Global";

    /**
     * Copies {@code storageAccountIds}, which must not be null.
     *
     * @param enabled           attach the service endpoint and the policy to the Databricks subnets
     * @param storageAccountIds further storage accounts clusters may reach over the service endpoint
     */
    public StorageEgressPolicy {
        storageAccountIds = List.copyOf(Objects.requireNonNull(storageAccountIds, "storageAccountIds"));
    }

    /**
     * The default: on, allowing the spoke's DBFS root and the Databricks alias.
     *
     * @return the default policy
     */
    public static StorageEgressPolicy databricksOnly() {
        return new StorageEgressPolicy(true, List.of());
    }

    /**
     * On, allowing these accounts as well.
     *
     * @param storageAccountIds resource ids of further accounts, like the data lake's {@code id()}
     * @return the policy
     */
    public static StorageEgressPolicy allowing(List<Output<String>> storageAccountIds) {
        return new StorageEgressPolicy(true, storageAccountIds);
    }

    /**
     * No service endpoint and no policy: all storage traffic goes to the firewall.
     *
     * @return the disabled policy
     */
    public static StorageEgressPolicy off() {
        return new StorageEgressPolicy(false, List.of());
    }

    /**
     * One definition of the policy: its name, service and the resources (or alias) it allows.
     *
     * @param name             the definition's name in the policy, like stack-storage
     * @param service          {@value #STORAGE_SERVICE} for account ids, {@value #GLOBAL_SERVICE} for an alias
     * @param description      what the definition allows, shown in Azure
     * @param serviceResources storage account resource ids, or the alias
     */
    public record Definition(String name, String service, String description, List<String> serviceResources) {
        /**
         * Copies {@code serviceResources}.
         *
         * @param name             the definition's name
         * @param service          the service
         * @param description      what it allows
         * @param serviceResources account ids or the alias
         */
        public Definition {
            serviceResources = List.copyOf(serviceResources);
        }
    }

    /**
     * The policy's definitions for resolved account ids: the customer accounts (the DBFS root first, then the others
     * in order, duplicates dropped) and the Databricks alias.
     *
     * @param dbfsRootId        the workspace storage account's (DBFS root's) resource id
     * @param storageAccountIds further accounts' resource ids
     * @return two definitions: stack-storage (the accounts) and databricks-managed (the alias)
     */
    public static List<Definition> definitions(String dbfsRootId, List<String> storageAccountIds) {
        var accounts = new ArrayList<String>();
        accounts.add(dbfsRootId);
        storageAccountIds.stream().filter(id -> !accounts.contains(id)).forEach(accounts::add);
        return List.of(
                new Definition("stack-storage", STORAGE_SERVICE,
                        "this stack's storage accounts: the workspace's DBFS root, the data lake, the landing staging",
                        accounts),
                new Definition("databricks-managed", GLOBAL_SERVICE,
                        "Databricks-managed artifact, log and system tables storage (documented alias)",
                        List.of(DATABRICKS_ALIAS)));
    }
}
