package com.ztplatform.components.monitoring;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogAnalyticsTest {
    @Test
    void theWorkspaceTakesEntraIdOnlyAndIngestsOnlyPrivately() {
        var plan = MockRun.run(ctx -> new LogAnalytics("hub", LogAnalyticsArgs.builder()
                .resourceGroupName(Output.of("ztp-prod-hub-rg")).location("westeurope").naming(new Naming("ztp", "prod"))
                .common(CommonOptions.defaults().withTags(Map.of("owner", "team"))).build(), null));
        var workspace = plan.ofType("azure-native:operationalinsights:Workspace").get(0);
        // Azure's built-in "Log Analytics Workspaces should block non-Azure Active Directory based ingestion".
        assertThat(workspace.input("features.disableLocalAuth").orElseThrow().getAsBoolean()).isTrue();
        assertThat(workspace.inputString("publicNetworkAccessForIngestion")).hasValue("Disabled");
    }
}
