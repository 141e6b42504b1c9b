package com.ztplatform.components.firewall;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEndpointBypassTest {

    @Test
    void storageDestinationsAreBypassedEverythingElseStays() {
        // The stack's FQDN-mode storage rules: artifact, log and system tables accounts.
        assertThat(ServiceEndpointBypass.effect(List.of("arprodwesteua1.blob.core.windows.net",
                "dblogprodwesteurope.blob.core.windows.net"))).isEqualTo(ServiceEndpointBypass.Effect.BYPASSED);
        assertThat(ServiceEndpointBypass.effect(List.of("ucstprdwesteu.dfs.core.windows.net")))
                .isEqualTo(ServiceEndpointBypass.Effect.BYPASSED);
        // serviceTags mode's Storage.<region> network rule.
        assertThat(ServiceEndpointBypass.effect(List.of("Storage.WestEurope"))).isEqualTo(ServiceEndpointBypass.Effect.BYPASSED);
        // Event Hub, the metastore, OneLake (Fabric, not an Azure Storage endpoint), package repositories stay.
        for (var other : List.of("prod-westeurope-observabilityeventhubs.servicebus.windows.net",
                "consolidated-westeurope-prod-metastore-addl-1.mysql.database.azure.com", "onelake.dfs.fabric.microsoft.com",
                "pypi.org", "login.microsoftonline.com", "20.73.215.48/28", "EventHub.WestEurope")) {
            assertThat(ServiceEndpointBypass.effect(List.of(other))).as(other).isEqualTo(ServiceEndpointBypass.Effect.STAYS);
        }
        assertThat(ServiceEndpointBypass.effect(List.of("x.blob.core.windows.net", "pypi.org")))
                .isEqualTo(ServiceEndpointBypass.Effect.PARTLY_BYPASSED);
        assertThat(ServiceEndpointBypass.effect(List.of())).isEqualTo(ServiceEndpointBypass.Effect.STAYS);
    }
}
