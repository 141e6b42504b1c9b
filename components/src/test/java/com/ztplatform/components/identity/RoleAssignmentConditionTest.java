package com.ztplatform.components.identity;

import com.ztplatform.components.common.BuiltInRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleAssignmentConditionTest {
    @Test
    void constrainsWriteByTheRequestAndDeleteByTheExistingAssignment() {
        var c = RoleAssignmentCondition.constrainRoles(List.of(BuiltInRole.ACR_PULL.guid(),
                BuiltInRole.STORAGE_BLOB_DATA_READER.guid()));
        assertThat(c).contains("!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})")
                .contains("!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})")
                .contains("@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals "
                        + "{2a2b9908-6ea1-4ae2-8e65-a410df84e7d1, 7f951dda-4ed3-4680-a7ca-43fe172d538d}")
                .contains("@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId]")
                .contains("@Request[Microsoft.Authorization/roleAssignments:PrincipalType] "
                        + "ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}");
        assertThat(RoleAssignmentCondition.allowedRoles(c, "Request")).containsExactly(
                BuiltInRole.STORAGE_BLOB_DATA_READER.guid(), BuiltInRole.ACR_PULL.guid());
        assertThat(RoleAssignmentCondition.allowedRoles(c, "Resource"))
                .isEqualTo(RoleAssignmentCondition.allowedRoles(c, "Request"));
        // Parentheses balance, so the two action clauses are ANDed as a whole.
        assertThat(c.chars().filter(ch -> ch == '(').count()).isEqualTo(c.chars().filter(ch -> ch == ')').count());
    }

    @Test
    void theGrantedSetExcludesEveryPrivilegedRole() {
        var c = RoleAssignmentCondition.constrainRoles(BuiltInRole.granted());
        var allowed = RoleAssignmentCondition.allowedRoles(c, "Request");
        // Reader is in the set on purpose: the ML workspace's identity reads the AKS cluster it attaches. It carries
        // no data-plane or access-management action, unlike the roles below.
        assertThat(allowed).contains(BuiltInRole.READER.guid());
        for (var privileged : List.of(BuiltInRole.OWNER, BuiltInRole.USER_ACCESS_ADMINISTRATOR,
                BuiltInRole.ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR, BuiltInRole.CONTRIBUTOR)) {
            assertThat(allowed).doesNotContain(privileged.guid());
            assertThat(c).doesNotContain(privileged.guid());
        }
    }

    @Test
    void refusesAnEmptySetAndNonGuids() {
        assertThatThrownBy(() -> RoleAssignmentCondition.constrainRoles(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> RoleAssignmentCondition.constrainRoles(List.of("Owner"))).hasMessageContaining("'Owner'");
    }
}
