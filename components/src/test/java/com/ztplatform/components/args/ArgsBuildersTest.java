package com.ztplatform.components.args;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.firewall.EgressMode;
import com.ztplatform.components.firewall.EgressPathArgs;
import com.ztplatform.components.landing.OneLakeLandingArgs;
import com.ztplatform.components.monitoring.LogAnalyticsArgs;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.serverless.ServerlessEgressArgs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The builders' documented defaults, and that an empty builder names every required field with an example. */
class ArgsBuildersTest {

    private static final Naming NAMING = new Naming("ztp", "dev");

    @Test
    void egressPathDefaultsToOneNatGatewayIpAndNoTunnel() {
        var args = EgressPathArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope").naming(NAMING)
                .build();
        assertThat(args.mode()).isEqualTo(EgressMode.NAT_GATEWAY);
        assertThat(args.publicIpPrefixLength()).isZero();
        assertThat(args.forcedTunnelNextHopIp()).isEmpty();
        assertThat(args.common()).isEqualTo(CommonOptions.defaults());
        assertThat(args.problems()).isEmpty();
    }

    @Test
    void egressPathNamesMissingFieldsAndAForcedTunnelWithoutNextHop() {
        assertThat(EgressPathArgs.builder().build().problems()).containsExactly(
                "resourceGroupName is required, like hubRg.name()",
                "location is required, like westeurope",
                "naming is required, like new Naming(\"ztp\", \"dev\")");
        assertThat(EgressPathArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope").naming(NAMING)
                .mode(EgressMode.FORCED_TUNNEL).build().problems())
                .containsExactly("forcedTunnelNextHopIp is required with mode forcedTunnel, like 10.200.0.4");
    }

    @Test
    void logAnalyticsDefaultsTo90DaysInANewWorkspace() {
        var args = LogAnalyticsArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope").naming(NAMING)
                .build();
        assertThat(args.retentionInDays()).isEqualTo(90);
        assertThat(args.existingWorkspaceId()).isEmpty();
        assertThat(args.problems()).isEmpty();
        assertThat(LogAnalyticsArgs.builder().build().problems()).containsExactly(
                "resourceGroupName is required when no existingWorkspaceId is given, like hubRg.name()",
                "location is required when no existingWorkspaceId is given, like westeurope",
                "naming is required when no existingWorkspaceId is given, like new Naming(\"ztp\", \"dev\")");
    }

    @Test
    void logAnalyticsWithAnExistingWorkspaceNeedsNoGroupButAValidId() {
        var id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/"
                + "Microsoft.OperationalInsights/workspaces/law-central";
        assertThat(LogAnalyticsArgs.builder().existingWorkspaceId(id).build().problems()).isEmpty();
        assertThat(LogAnalyticsArgs.builder().existingWorkspaceId("law-central").retentionInDays(7).build().problems())
                .hasSize(2).anySatisfy(p -> assertThat(p).startsWith("retentionInDays must be between 30 and 730, like 90"))
                .anySatisfy(p -> assertThat(p).startsWith("existingWorkspaceId must be a Log Analytics workspace resource id"));
    }

    @Test
    void landingNamesEachMissingFieldAndHasNoManagedSecretByDefault() {
        var args = OneLakeLandingArgs.builder().build();
        assertThat(args.clientSecret()).isEmpty();
        assertThat(args.problems()).hasSize(7).allSatisfy(p -> assertThat(p).contains(" is required"))
                .anySatisfy(p -> assertThat(p).startsWith("settings is required"))
                .anySatisfy(p -> assertThat(p).startsWith("resourceGroupName is required"))
                .anySatisfy(p -> assertThat(p).isEqualTo("location is required, like westeurope"))
                .anySatisfy(p -> assertThat(p).startsWith("naming is required, like new Naming"))
                .anySatisfy(p -> assertThat(p).startsWith("hub is required"))
                .anySatisfy(p -> assertThat(p).startsWith("egress is required"))
                .anySatisfy(p -> assertThat(p).startsWith("azureDatabricksObjectId is required with a service principal identity"));
    }

    @Test
    void serverlessDefaultsToNoWorkspacesRulesOrStorage() {
        var args = ServerlessEgressArgs.builder().build();
        assertThat(args.workspaces()).isEmpty();
        assertThat(args.firewallRules()).isEmpty();
        assertThat(args.platformStorage()).isEmpty();
        assertThat(args.problems()).containsExactly(
                "accountProvider is required: DatabricksProvider.account(...)",
                "region is required, like westeurope",
                "naming is required, like new Naming(\"ztp\", \"dev\")",
                "settings is required: a ServerlessSettings, like the stack's serverless section "
                        + "(accountId, enforcement: ENFORCED)",
                "keyVaultId is required: serverless compute reads secrets through a private endpoint to it");
    }
}
