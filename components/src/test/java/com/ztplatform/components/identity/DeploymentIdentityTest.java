package com.ztplatform.components.identity;

import com.pulumi.core.Output;
import com.ztplatform.components.common.BuiltInRole;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import com.ztplatform.components.offline.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentIdentityTest {
    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";

    private static DeploymentIdentityArgs.Builder args() {
        return DeploymentIdentityArgs.builder().resourceGroupName(Output.of("ztp-prod-deploy-rg")).location("westeurope")
                .naming(new Naming("ztp", "prod")).githubRepository("contoso/zt-databricks")
                .environments(List.of("prod")).scope(Output.of(SUB))
                .common(CommonOptions.defaults().withTags(Map.of("environment", "prod")));
    }

    private static Plan plan(UnaryOperator<DeploymentIdentityArgs.Builder> changes) {
        return MockRun.run(ctx -> new DeploymentIdentity("ci", changes.apply(args()).build(), null));
    }

    private static String role(Plan.PlanResource assignment) {
        var id = assignment.inputString("roleDefinitionId").orElseThrow();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    @Test
    void federatedCredentialsHaveGithubsIssuerTheOneAudienceAndExactlyTheWorkflowSubjects() {
        var plan = plan(a -> a.environments(List.of("dev", "prod")));
        assertThat(plan.errors()).isEmpty();
        var credentials = plan.ofType("azure-native:managedidentity:FederatedIdentityCredential");
        assertThat(credentials).extracting(c -> c.inputString("subject").orElseThrow()).containsExactlyInAnyOrder(
                "repo:contoso/zt-databricks:environment:dev", "repo:contoso/zt-databricks:environment:prod",
                "repo:contoso/zt-databricks:pull_request");
        for (var c : credentials) {
            assertThat(c.inputString("issuer")).hasValue("https://token.actions.githubusercontent.com");
            assertThat(c.input("audiences").orElseThrow().toString()).isEqualTo("[\"api://AzureADTokenExchange\"]");
            assertThat(c.inputString("subject").orElseThrow()).doesNotContain("*");
        }
        assertThat(plan.ofType("azure-native:managedidentity:UserAssignedIdentity")).hasSize(2);
    }

    @Test
    void credentialsOfOneIdentityAreCreatedOneAfterAnother() {
        var plan = plan(a -> a.environments(List.of("dev", "staging", "prod")));
        var dev = plan.named("ci-deploy-env-dev");
        var staging = plan.named("ci-deploy-env-staging");
        var prod = plan.named("ci-deploy-env-prod");
        assertThat(staging.dependencies()).contains(dev.urn());
        assertThat(prod.dependencies()).contains(staging.urn());
    }

    @Test
    void deploymentIdentityGetsContributorAndAConditionedRbacAdministratorNeverOwnerOrUserAccessAdministrator() {
        var plan = plan(a -> a);
        var assignments = plan.ofType("azure-native:authorization:RoleAssignment");
        assertThat(assignments).extracting(DeploymentIdentityTest::role).containsExactlyInAnyOrder(
                BuiltInRole.CONTRIBUTOR.guid(), BuiltInRole.ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR.guid(),
                BuiltInRole.READER.guid());
        assertThat(assignments).allSatisfy(a -> assertThat(a.inputString("scope")).hasValue(SUB));
        var rbac = plan.named("ci-deploy-rbac");
        assertThat(rbac.inputString("conditionVersion")).hasValue("2.0");
        var condition = rbac.inputString("condition").orElseThrow();
        assertThat(RoleAssignmentCondition.allowedRoles(condition, "Request")).isEqualTo(BuiltInRole.granted());
        assertThat(RoleAssignmentCondition.allowedRoles(condition, "Resource")).isEqualTo(BuiltInRole.granted());
        assertThat(plan.named("ci-deploy-contributor").input("condition")).isEmpty();
        assertThat(plan.named("ci-preview-reader").input("condition")).isEmpty();
    }

    @Test
    void withoutThePreviewIdentityNoPullRequestSubjectAndNoReader() {
        var plan = plan(a -> a.previewIdentity(false));
        assertThat(plan.ofType("azure-native:managedidentity:FederatedIdentityCredential"))
                .extracting(c -> c.inputString("subject").orElseThrow())
                .containsExactly("repo:contoso/zt-databricks:environment:prod");
        assertThat(plan.ofType("azure-native:authorization:RoleAssignment")).extracting(DeploymentIdentityTest::role)
                .doesNotContain(BuiltInRole.READER.guid());
    }

    @Test
    void problemsNameTheFieldAndAValidExample() {
        var problems = args().githubRepository("zt-databricks").environments(List.of("prod", "prod", "a:b"))
                .assignableRoles(Set.of(BuiltInRole.OWNER.guid())).build().problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("githubRepository").contains("contoso/zt-databricks"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("environments[1] repeats 'prod'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("environments[2]").contains("like prod"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("assignableRoles").contains("(Owner)"));
        assertThatThrownBy(() -> new DeploymentIdentityArgs(null, null, null, null, null, true, null, Set.of(),
                CommonOptions.defaults()).problems().forEach(p -> {
                    throw new IllegalStateException(p);
                })).hasMessageContaining("resourceGroupName is required");
    }

    @Test
    void moreEnvironmentsThanEntraAllowsCredentialsIsAProblem() {
        var many = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "env" + i).toList();
        assertThat(args().environments(many).build().problems())
                .anySatisfy(p -> assertThat(p).contains("at most 20 federated credentials"));
    }
}
