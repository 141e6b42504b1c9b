package com.ztplatform.components.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one table of Azure built-in roles this program knows: display name, role definition GUID (from
 * learn.microsoft.com/azure/role-based-access-control/built-in-roles) and what the program may do with it.
 *
 * <p>{@link Use#GRANTED} roles are what components grant to workload identities; they are exactly the roles the
 * deployment identity may assign ({@link #granted()} builds its role-assignment condition), and
 * {@link RoleGrants#assign} refuses any other. {@link Use#DEPLOYMENT} roles are given only to the deployment identity,
 * by the administrator who runs the first {@code pulumi up}. {@link Use#NEVER} roles are named so that checks can
 * refuse them by name: nothing in this program assigns them.
 */
public enum BuiltInRole {
    /** Read, write and delete blobs: the landing job's staging container, Unity Catalog's lake. */
    STORAGE_BLOB_DATA_CONTRIBUTOR("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", Use.GRANTED),
    /** Read blobs: Fabric's workspace identity on the staging account. */
    STORAGE_BLOB_DATA_READER("Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", Use.GRANTED),
    /** Blobs including their ACLs: the Functions host's own storage account. */
    STORAGE_BLOB_DATA_OWNER("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", Use.GRANTED),
    /** Queue messages: the Functions host's own storage account. */
    STORAGE_QUEUE_DATA_CONTRIBUTOR("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", Use.GRANTED),
    /** Table entities: the Functions host's own storage account. */
    STORAGE_TABLE_DATA_CONTRIBUTOR("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", Use.GRANTED),
    /** Read secret contents. */
    KEY_VAULT_SECRETS_USER("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", Use.GRANTED),
    /** Read key metadata and wrap/unwrap: what encryption at rest needs, nothing more. */
    KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER("Key Vault Crypto Service Encryption User",
            "e147488a-f6f5-4113-8e2d-b22465e65bf6", Use.GRANTED),
    /** Send messages to Service Bus entities. */
    SERVICE_BUS_DATA_SENDER("Azure Service Bus Data Sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", Use.GRANTED),
    /** Receive messages from Service Bus entities. */
    SERVICE_BUS_DATA_RECEIVER("Azure Service Bus Data Receiver", "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", Use.GRANTED),
    /** Publish metrics and telemetry to Application Insights with Entra ID authentication. */
    MONITORING_METRICS_PUBLISHER("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", Use.GRANTED),
    /** Pull images from a container registry. */
    ACR_PULL("AcrPull", "7f951dda-4ed3-4680-a7ca-43fe172d538d", Use.GRANTED),
    /** Manage records in private DNS zones. */
    PRIVATE_DNS_ZONE_CONTRIBUTOR("Private DNS Zone Contributor", "b12aa53e-6015-4669-85d0-8515ebb3ae7f", Use.GRANTED),
    /** Manage networks (AKS: join the node subnet, read its route table). */
    NETWORK_CONTRIBUTOR("Network Contributor", "4d97b98b-1d4f-4787-a291-c67834d212e7", Use.GRANTED),
    /** Assign a user-assigned identity (AKS: the control plane assigns the kubelet identity to the nodes). */
    MANAGED_IDENTITY_OPERATOR("Managed Identity Operator", "f1a07417-d97a-45cb-824c-7a7467783830", Use.GRANTED),
    /**
     * Manage monitoring settings: what the Databricks diagnostics built-in (deploy-if-not-exists) needs on the Azure
     * Policy assignment's identity (the definition's {@code roleDefinitionIds}).
     */
    MONITORING_CONTRIBUTOR("Monitoring Contributor", "749f88d5-cbae-40b8-bcfc-e573ddc772fa", Use.GRANTED),
    /** Link diagnostic settings to the workspace: the same built-in's second role, on the assignment's identity. */
    LOG_ANALYTICS_CONTRIBUTOR("Log Analytics Contributor", "92aaf0da-9dab-42b6-94a3-d43ce8d16293", Use.GRANTED),
    /** Manage every resource but not access: the deployment identity, at its configured scope. */
    CONTRIBUTOR("Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", Use.DEPLOYMENT),
    /** Assign roles (not manage them otherwise): the deployment identity, with a condition naming the granted roles. */
    ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR("Role Based Access Control Administrator",
            "f58310d9-a9f6-439a-9e8d-f62e7b41a168", Use.DEPLOYMENT),
    /**
     * Read everything, change nothing: the pull-request preview identity, and the machine learning workspace's
     * identity on the AKS cluster it attaches (learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-to-workspace).
     */
    READER("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7", Use.GRANTED_AND_DEPLOYMENT),
    /** Full access including access management: never assigned. */
    OWNER("Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", Use.NEVER),
    /** Unrestricted access management: never assigned. */
    USER_ACCESS_ADMINISTRATOR("User Access Administrator", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", Use.NEVER);

    /** What the program may do with a role. */
    public enum Use {
        /** Components grant it to workload identities; the deployment identity may assign it. */
        GRANTED,
        /** Given only to the deployment and preview identities, by the bootstrap administrator. */
        DEPLOYMENT,
        /** Both: a read-only role the preview identity holds and components grant (Reader). */
        GRANTED_AND_DEPLOYMENT,
        /** Never assigned: named so checks can refuse it. */
        NEVER
    }

    private final String displayName;
    private final String guid;
    private final Use use;

    BuiltInRole(String displayName, String guid, Use use) {
        this.displayName = displayName;
        this.guid = guid;
        this.use = use;
    }

    /** @return the role's name as Azure shows it, like {@code Storage Blob Data Reader} */
    public String displayName() {
        return displayName;
    }

    /** @return the role definition's GUID, lower case */
    public String guid() {
        return guid;
    }

    /** @return what the program may do with the role */
    public Use use() {
        return use;
    }

    /** @return whether components may grant it to workload identities (and the deployment identity may assign it) */
    public boolean grantable() {
        return use == Use.GRANTED || use == Use.GRANTED_AND_DEPLOYMENT;
    }

    /** @return whether the deployment or preview identity may hold it */
    public boolean forDeployment() {
        return use == Use.DEPLOYMENT || use == Use.GRANTED_AND_DEPLOYMENT;
    }

    /**
     * The roles components grant: the set the deployment identity's role-assignment condition allows.
     *
     * @return their GUIDs, sorted
     */
    public static Set<String> granted() {
        return Arrays.stream(values()).filter(BuiltInRole::grantable).map(BuiltInRole::guid)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The role with this GUID.
     *
     * @param guidOrDefinitionId a GUID, or a role definition id ending in one
     *                           ({@code /subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>})
     * @return the role, or empty when the table does not know it
     */
    public static Optional<BuiltInRole> of(String guidOrDefinitionId) {
        if (guidOrDefinitionId == null) {
            return Optional.empty();
        }
        var guid = guidOrDefinitionId.substring(guidOrDefinitionId.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.guid.equals(guid)).findFirst();
    }
}
