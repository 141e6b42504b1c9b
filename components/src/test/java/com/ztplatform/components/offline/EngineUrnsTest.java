package com.ztplatform.components.offline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineUrnsTest {
    private static final String STACK_URN = "urn:pulumi:dev::zt-databricks::pulumi:pulumi:Stack::zt-databricks-dev";

    @Test
    void childOfTheRootStackCarriesOnlyItsOwnType() {
        assertThat(EngineUrns.create("dev", "zt-databricks", STACK_URN, "azure-native:resources:ResourceGroup", "rg"))
                .isEqualTo("urn:pulumi:dev::zt-databricks::azure-native:resources:ResourceGroup::rg");
    }

    @Test
    void childOfAComponentCarriesTheComponentsChain() {
        var hub = EngineUrns.create("dev", "zt-databricks", STACK_URN, "ztplatform:network:HubNetwork", "hub");
        var subnet = EngineUrns.create("dev", "zt-databricks", hub, "azure-native:network:Subnet", "hub-snet");
        var nested = EngineUrns.create("dev", "zt-databricks", subnet, "azure-native:network:Route", "r");
        assertThat(subnet).isEqualTo(
                "urn:pulumi:dev::zt-databricks::ztplatform:network:HubNetwork$azure-native:network:Subnet::hub-snet");
        assertThat(nested).isEqualTo("urn:pulumi:dev::zt-databricks::"
                + "ztplatform:network:HubNetwork$azure-native:network:Subnet$azure-native:network:Route::r");
    }

    @Test
    void theRootStackHasNoParent() {
        assertThat(EngineUrns.create("dev", "p", "", "pulumi:pulumi:Stack", "p-dev"))
                .isEqualTo("urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev");
    }

    @Test
    void rejectsSomethingThatIsNotAUrn() {
        assertThatThrownBy(() -> EngineUrns.qualifiedType("dev::p::t::n"))
                .hasMessageContaining("not a Pulumi URN");
    }
}
