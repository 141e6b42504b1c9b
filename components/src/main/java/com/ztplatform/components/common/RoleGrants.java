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
    public static final String STORAGE_BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    /** Read blobs: what Fabric's workspace identity needs to read the staging account. */
    public static final String STORAGE_BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";

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
     * @param roleGuid    the built-in role's GUID
     * @param why         the assignment's description in Azure (why this principal needs the role)
     * @param parent      the component the assignment belongs to
     * @return the role assignment
     */
    public static RoleAssignment assign(String logicalName, Output<String> scope, Output<String> principalId,
                                        String roleGuid, String why, Resource parent) {
        var subscriptionId = AuthorizationFunctions.getClientConfig().applyValue(c -> c.subscriptionId());
        return new RoleAssignment(logicalName, RoleAssignmentArgs.builder()
                .scope(scope)
                .principalId(principalId)
                .principalType("ServicePrincipal")
                .roleDefinitionId(subscriptionId.applyValue(s -> roleDefinitionId(s, roleGuid)))
                .roleAssignmentName(Output.tuple(scope, principalId).applyValue(t -> UUID.nameUUIDFromBytes(
                        (t.t1 + "|" + t.t2 + "|" + roleGuid).getBytes(StandardCharsets.UTF_8)).toString()))
                .description(why)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
