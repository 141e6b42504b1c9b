package com.ztplatform.stack.plan;

import com.ztplatform.components.common.BuiltInRole;
import com.ztplatform.components.identity.RoleAssignmentCondition;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.stack.SharedPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The role assignments of the real dev and prod plans, and their table (role-assignments.md). */
class RoleAssignmentsIT {
    /** Resource types that hold or expose data: no broad management role may sit on them. */
    private static final Pattern DATA_SCOPE = Pattern.compile(
            "(?i).*/providers/Microsoft\\.(Storage|KeyVault|ServiceBus|Databricks|ContainerRegistry|CognitiveServices|"
                    + "MachineLearningServices|Insights|Web)/.*");

    private static Plan plan(String stack) {
        return SharedPlans.plan(stack);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAssignmentHasAWhyAKnownRoleAndAServicePrincipal(String stack) {
        var plan = plan(stack);
        var rows = RoleAssignmentsView.rows(plan);
        assertThat(rows).isNotEmpty();
        for (var r : rows) {
            assertThat(r.why()).as(r.logicalName() + ": why").isNotBlank();
            assertThat(r.role()).as(r.logicalName() + ": role " + r.roleGuid() + " in BuiltInRole").isPresent();
            assertThat(r.role().orElseThrow().use()).as(r.logicalName()).isNotEqualTo(BuiltInRole.Use.NEVER);
        }
        assertThat(plan.ofType(RoleAssignmentsView.TYPE)).allSatisfy(a ->
                assertThat(a.inputString("principalType")).as(a.name()).hasValue("ServicePrincipal"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDeploymentIdentityMayAssignEveryRoleThePlanGrantsAndNoPrivilegedOne(String stack) {
        var plan = plan(stack);
        var rbac = plan.ofType(RoleAssignmentsView.TYPE).stream().filter(a -> a.inputString("roleDefinitionId")
                .orElse("").endsWith(BuiltInRole.ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR.guid())).toList();
        assertThat(rbac).hasSize(1);
        var condition = rbac.get(0).inputString("condition").orElseThrow();
        assertThat(rbac.get(0).inputString("conditionVersion")).hasValue("2.0");
        var mayWrite = RoleAssignmentCondition.allowedRoles(condition, "Request");
        var mayDelete = RoleAssignmentCondition.allowedRoles(condition, "Resource");
        assertThat(mayDelete).isEqualTo(mayWrite);
        var granted = RoleAssignmentsView.rows(plan).stream()
                .filter(r -> r.role().map(BuiltInRole::grantable).orElse(true)).toList();
        assertThat(granted).isNotEmpty();
        assertThat(granted).allSatisfy(r -> assertThat(mayWrite).as(r.logicalName() + " assigns " + r.roleGuid())
                .contains(r.roleGuid()));
        for (var privileged : List.of(BuiltInRole.OWNER, BuiltInRole.USER_ACCESS_ADMINISTRATOR,
                BuiltInRole.ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR, BuiltInRole.CONTRIBUTOR)) {
            assertThat(mayWrite).doesNotContain(privileged.guid());
            assertThat(condition).doesNotContain(privileged.guid());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentRolesGoOnlyToTheGithubIdentitiesAndNeverOnADataResource(String stack) {
        var rows = RoleAssignmentsView.rows(plan(stack));
        var deployment = rows.stream().filter(r -> r.role().orElseThrow().use() == BuiltInRole.Use.DEPLOYMENT).toList();
        assertThat(deployment).extracting(r -> r.role().orElseThrow()).contains(BuiltInRole.CONTRIBUTOR,
                BuiltInRole.ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR);
        assertThat(deployment).allSatisfy(r -> {
            assertThat(r.principal()).matches("UserAssignedIdentity `ztp-" + stack + "-(deploy|preview)-id`");
            assertThat(r.scopeId()).matches("/subscriptions/[0-9a-f-]{36}");
        });
        assertThat(rows).filteredOn(r -> DATA_SCOPE.matcher(r.scopeId()).matches()).allSatisfy(r ->
                assertThat(r.role().orElseThrow().grantable()).as(r.logicalName() + " on " + r.scopeId()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theTableHasOneRowPerAssignmentWithRoleNameAndGuid(String stack) {
        var plan = plan(stack);
        var md = RoleAssignmentsView.render(plan);
        var lines = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| principal |")).toList();
        assertThat(lines).hasSize(plan.ofType(RoleAssignmentsView.TYPE).size());
        assertThat(md).contains("| UserAssignedIdentity `ztp-" + stack + "-deploy-id` | Role Based Access Control "
                + "Administrator (`f58310d9-a9f6-439a-9e8d-f62e7b41a168`) | subscription `");
        assertThat(md).doesNotContain("(unknown role)");
        assertThat(RoleAssignmentsView.render(plan)).isEqualTo(md);
    }
}
