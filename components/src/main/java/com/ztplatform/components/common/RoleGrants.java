package com.ztplatform.components.common;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Azure role assignments made the same way everywhere: deterministic names, service principals, a reason. */
public final class RoleGrants {
    /** Read, write and delete blobs: what the landing job needs on its staging container. */
    public static final String STORAGE_BLOB_DATA_CONTRIBUTOR = BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR.guid();
    /** Read blobs: what Fabric's workspace identity needs to read the staging account. */
    public static final String STORAGE_BLOB_DATA_READER = BuiltInRole.STORAGE_BLOB_DATA_READER.guid();

    /** The only condition syntax version Azure accepts (Role Assignments - Create, API 2022-04-01). */
    public static final String CONDITION_VERSION = "2.0";

    private RoleGrants() {
    }

    /**
     * The full role definition id Azure expects in a role assignment.
     *
     * @param subscriptionId the subscription
     * @param roleGuid       the built-in role's GUID, like {@link #STORAGE_BLOB_DATA_READER}
     * @return {@code /subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>}
     */
    public static String roleDefinitionId(String subscriptionId, String roleGuid) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/" + roleGuid;
    }

    /**
     * Assigns {@code roleGuid} to a service principal at {@code scope}. The assignment name is a GUID derived
     * from scope, principal and role, so re-running never duplicates a grant.
     *
     * @param logicalName the resource's logical name
     * @param scope       the ARM id the role applies to
     * @param principalId the service principal's object id
     * @param roleGuid    a {@link BuiltInRole.Use#GRANTED} role's GUID
     * @param why         the assignment's description in Azure (why this principal needs the role)
     * @param parent      the component the assignment belongs to
     * @return the role assignment
     * @throws IllegalArgumentException when the role is not a granted role of {@link BuiltInRole}
     */
    public static RoleAssignment assign(String logicalName, Output<String> scope, Output<String> principalId,
                                        String roleGuid, String why, Resource parent) {
        var role = BuiltInRole.of(roleGuid).filter(BuiltInRole::grantable).orElseThrow(() ->
                new IllegalArgumentException(logicalName + ": role " + roleGuid + " is not a granted role of "
                        + "BuiltInRole (the deployment identity may assign only those); add it there, like "
                        + "STORAGE_BLOB_DATA_READER(\"Storage Blob Data Reader\", \"2a2b9908-...\", Use.GRANTED)"));
        return create(logicalName, scope, principalId, role, why, null, parent);
    }

    /**
     * Assigns a deployment role ({@link BuiltInRole.Use#DEPLOYMENT}) to the deployment or preview identity, with an
     * optional ABAC condition (condition version 2.0).
     *
     * @param logicalName the resource's logical name
     * @param scope       the ARM id the role applies to
     * @param principalId the identity's service principal object id
     * @param role        a {@link BuiltInRole.Use#DEPLOYMENT} role
     * @param why         the assignment's description in Azure
     * @param condition   the condition, or null for none
     * @param parent      the component the assignment belongs to
     * @return the role assignment
     */
    public static RoleAssignment assignDeploymentRole(String logicalName, Output<String> scope, Output<String> principalId,
                                                      BuiltInRole role, String why, String condition, Resource parent) {
        if (!role.forDeployment()) {
            throw new IllegalArgumentException(logicalName + ": " + role.displayName() + " is not a deployment role");
        }
        return create(logicalName, scope, principalId, role, why, condition, parent);
    }

    private static RoleAssignment create(String logicalName, Output<String> scope, Output<String> principalId,
                                         BuiltInRole role, String why, String condition, Resource parent) {
        var roleGuid = role.guid();
        var subscriptionId = AuthorizationFunctions.getClientConfig().applyValue(c -> c.subscriptionId());
        var args = RoleAssignmentArgs.builder()
                .scope(scope)
                .principalId(principalId)
                .principalType("ServicePrincipal")
                .roleDefinitionId(subscriptionId.applyValue(s -> roleDefinitionId(s, roleGuid)))
                .roleAssignmentName(Output.tuple(scope, principalId).applyValue(t -> UUID.nameUUIDFromBytes(
                        (t.t1 + "|" + t.t2 + "|" + roleGuid).getBytes(StandardCharsets.UTF_8)).toString()))
                .description(why);
        if (condition != null) {
            args.condition(condition).conditionVersion(CONDITION_VERSION);
        }
        return new RoleAssignment(logicalName, args.build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
