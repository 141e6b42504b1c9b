package com.ztplatform.components.privatelink;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.offline.MockRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateEndpointSetTest {
    private static final Naming NAMING = new Naming("ztp", "dev");
    private static final Output<String> SUBNET = Output.of("/subscriptions/0/resourceGroups/rg/providers/"
            + "Microsoft.Network/virtualNetworks/vnet/subnets/snet-private-endpoints");
    private static final Output<String> ZONE = Output.of("/subscriptions/0/resourceGroups/rg/providers/"
            + "Microsoft.Network/privateDnsZones/privatelink.dfs.core.windows.net");

    private static PrivateEndpointSetArgs args(PrivateLinkTarget type, List<EndpointSpec> endpoints, boolean serialise) {
        return PrivateEndpointSetArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope").naming(NAMING)
                .targetName("lake").targetType(type)
                .targetId(Output.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/lake"))
                .endpoints(endpoints).serialise(serialise).common(CommonOptions.defaults().withTags(Map.of("owner", "team")))
                .build();
    }

    @Test
    void aTargetTypeOfAnotherTeamIsDescribedWithoutChangingTheLibraryAndCheckedLikeTheConstants() {
        var search = PrivateLinkTarget.of("Microsoft.Search/searchServices",
                Map.of("searchService", "privatelink.search.windows.net"));
        assertThat(args(search, List.of(new EndpointSpec("search", "searchService", SUBNET, ZONE)), false).problems())
                .isEmpty();
        assertThat(args(search, List.of(new EndpointSpec("search", "blob", SUBNET, ZONE)), false).problems())
                .containsExactly("endpoints[0].groupId 'blob' is not a sub-resource of Microsoft.Search/searchServices; "
                        + "valid: searchService");
        assertThat(PrivateLinkTarget.problems("search", Map.of("searchService", "search.windows.net"))).containsExactly(
                "resourceType must be an ARM resource type like Microsoft.Storage/storageAccounts, got 'search'",
                "zoneByGroupId.searchService must be a private-link zone like privatelink.blob.core.windows.net, got "
                        + "'search.windows.net'");
        assertThat(PrivateLinkTarget.STORAGE_ACCOUNT.zoneFor("dfs")).hasValue("privatelink.dfs.core.windows.net");
        assertThat(PrivateLinkTarget.DATABRICKS_WORKSPACE.needsSerialisation()).isTrue();
    }

    @Test
    void unknownGroupIdIsRejectedWithTheValidList() {
        var problems = args(PrivateLinkTarget.STORAGE_ACCOUNT,
                List.of(new EndpointSpec("lake", "datalake", SUBNET, ZONE)), false).problems();
        assertThat(problems).containsExactly("endpoints[0].groupId 'datalake' is not a sub-resource of "
                + "Microsoft.Storage/storageAccounts; valid: blob, blob_secondary, dfs, dfs_secondary, file, queue, "
                + "queue_secondary, table, table_secondary");
    }

    @Test
    void databricksEndpointsMustBeSerialised() {
        assertThat(args(PrivateLinkTarget.DATABRICKS_WORKSPACE,
                List.of(new EndpointSpec("backend", "databricks_ui_api", SUBNET, ZONE)), false).problems())
                .singleElement().asString().startsWith("serialise must be true for Microsoft.Databricks/workspaces");
        assertThat(PrivateEndpointSetArgs.builder().resourceGroupName(Output.of("rg")).location("westeurope")
                .naming(NAMING).targetName("dbw").targetType(PrivateLinkTarget.DATABRICKS_WORKSPACE)
                .targetId(Output.of("id")).build().serialise())
                .isTrue();
    }

    @Test
    void duplicateKeysAndEmptySetsAreRejected() {
        assertThat(args(PrivateLinkTarget.STORAGE_ACCOUNT, List.of(), false).problems())
                .singleElement().asString().startsWith("endpoints must list at least one endpoint");
        assertThat(args(PrivateLinkTarget.STORAGE_ACCOUNT, List.of(new EndpointSpec("dfs", "dfs", SUBNET, ZONE),
                new EndpointSpec("dfs", "blob", SUBNET, ZONE)), false).problems())
                .containsExactly("endpoints[1].key 'dfs' is used twice");
    }

    @Test
    void eachEndpointHasAnAutomaticConnectionAndADnsZoneGroupAndSerialisedOnesChain() {
        var plan = MockRun.run(ctx -> new PrivateEndpointSet("lake-pe", args(PrivateLinkTarget.STORAGE_ACCOUNT,
                List.of(new EndpointSpec("dfs", "dfs", SUBNET, ZONE), new EndpointSpec("blob", "blob", SUBNET, ZONE)),
                true), null));
        assertThat(plan.errors()).isEmpty();
        var endpoints = plan.ofType("azure-native:network:PrivateEndpoint");
        assertThat(endpoints).extracting(e -> e.inputString("privateEndpointName").orElseThrow())
                .containsExactlyInAnyOrder("ztp-dev-lake-dfs-pe", "ztp-dev-lake-blob-pe");
        endpoints.forEach(e -> {
            assertThat(e.input("manualPrivateLinkServiceConnections")).isEmpty();
            assertThat(e.input("privateLinkServiceConnections").orElseThrow().getAsJsonArray()).hasSize(1);
        });
        var groups = plan.ofType("azure-native:network:PrivateDnsZoneGroup");
        assertThat(groups).hasSize(2);
        var dfsGroup = groups.stream().filter(g -> g.inputString("privateEndpointName").orElse("").contains("dfs"))
                .findFirst().orElseThrow();
        var blob = endpoints.stream().filter(e -> e.inputString("privateEndpointName").orElse("").contains("blob"))
                .findFirst().orElseThrow();
        assertThat(blob.dependencies()).contains(dfsGroup.urn());
    }
}
