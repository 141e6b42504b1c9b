package com.ztplatform.landing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LandingUrisTest {

    static final String WS_GUID = "3c8e1a2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    static final String ITEM_GUID = "51970df1-aaaa-4bbb-8ccc-123456789abc";

    @Test
    void directByNamePutsTheWorkspaceBeforeTheAtAndSuffixesTheLakehouse() {
        assertThat(LandingUris.oneLakeRoot("zt-landing", "mirror", null))
                .isEqualTo("abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        assertThat(LandingUris.oneLakeRoot("zt-landing", "mirror.Lakehouse", "Files/LandingZone/sales/"))
                .isEqualTo("abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone/sales");
        assertThat(LandingUris.oneLakeRoot("zt-landing", "mirror.lakehouse", "/Files"))
                .isEqualTo("abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files");
    }

    @Test
    void directByGuidUsesBothGuidsAsIsWithoutItemType() {
        assertThat(LandingUris.oneLakeRoot(WS_GUID, ITEM_GUID, "Files/LandingZone"))
                .isEqualTo("abfss://" + WS_GUID + "@onelake.dfs.fabric.microsoft.com/" + ITEM_GUID + "/Files/LandingZone");
        assertThat(LandingUris.oneLakeRoot(WS_GUID.toUpperCase(), ITEM_GUID.toUpperCase(), null))
                .isEqualTo("abfss://" + WS_GUID + "@onelake.dfs.fabric.microsoft.com/" + ITEM_GUID + "/Files/LandingZone");
    }

    @Test
    void mixingAGuidAndANameIsRejectedNamingBothParameters() {
        assertThatThrownBy(() -> LandingUris.oneLakeRoot(WS_GUID, "mirror", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target.workspace and target.lakehouse must both be names or both be GUIDs")
                .hasMessageContaining("got workspace GUID '" + WS_GUID + "' and lakehouse name 'mirror'");
    }

    @Test
    void invalidDirectPartsAreRejectedNamingTheParameterWithAnExample() {
        assertThatThrownBy(() -> LandingUris.oneLakeRoot("My Workspace", "mirror", null))
                .hasMessageContaining("target.workspace must be a workspace name")
                .hasMessageContaining("use the workspace GUID").hasMessageContaining("like 'zt-landing'")
                .hasMessageContaining("got 'My Workspace'");
        assertThatThrownBy(() -> LandingUris.oneLakeRoot("zt", "1mirror-lh", null))
                .hasMessageContaining("target.lakehouse must be a lakehouse name").hasMessageContaining("like 'mirror'");
        assertThatThrownBy(() -> LandingUris.oneLakeRoot("", "", null))
                .hasMessageContaining("target.workspace is required").hasMessageContaining("target.lakehouse is required");
        assertThatThrownBy(() -> LandingUris.oneLakeRoot("zt", "mirror", "Tables/orders"))
                .hasMessageContaining("target.folder must be a folder under the lakehouse's Files/ section")
                .hasMessageContaining("like 'Files/LandingZone'").hasMessageContaining("got 'Tables/orders'");
        assertThatThrownBy(() -> LandingUris.oneLakeRoot("zt", "mirror", "Files/../Tables"))
                .hasMessageContaining("target.folder must be a relative folder path");
        assertThatThrownBy(() -> LandingUris.oneLakeRoot("zt", "mirror", "Files/Landing Zone"))
                .hasMessageContaining("target.folder").hasMessageContaining("no spaces");
    }

    @Test
    void stagedBuildsTheAdlsUriAndValidatesAccountContainerFolder() {
        assertThat(LandingUris.stagedRoot("stztlanding", "landing", null))
                .isEqualTo("abfss://landing@stztlanding.dfs.core.windows.net/LandingZone");
        assertThat(LandingUris.stagedRoot("stztlanding", "landing", "mirror/2024"))
                .isEqualTo("abfss://landing@stztlanding.dfs.core.windows.net/mirror/2024");
        assertThatThrownBy(() -> LandingUris.stagedRoot("StZt_Landing", "landing", null))
                .hasMessageContaining("target.account must be an ADLS Gen2 storage account name")
                .hasMessageContaining("like 'stztlanding'").hasMessageContaining("got 'StZt_Landing'");
        assertThatThrownBy(() -> LandingUris.stagedRoot("stztlanding", "a--b", null))
                .hasMessageContaining("target.container must be a container name").hasMessageContaining("like 'landing'");
        assertThatThrownBy(() -> LandingUris.stagedRoot("stztlanding", "landing", "a//b"))
                .hasMessageContaining("target.folder");
    }

    @Test
    void layoutUnderTheRoot() {
        String root = "abfss://zt@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone/";
        assertThat(LandingUris.runDir(root, "orders", "845"))
                .isEqualTo("abfss://zt@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone/orders/run=845");
        assertThat(LandingUris.tempRunDir(root, "orders", "845")).endsWith("/LandingZone/orders/_tmp_run=845");
        assertThat(LandingUris.manifest(root, "845")).endsWith("/LandingZone/_manifests/845.json");
        assertThat(LandingUris.hostOf(root)).isEqualTo("onelake.dfs.fabric.microsoft.com");
        assertThat(LandingUris.hostOf("abfss://landing@stztlanding.dfs.core.windows.net"))
                .isEqualTo("stztlanding.dfs.core.windows.net");
        assertThat(LandingUris.runDir("file:///tmp/x", "d", "r")).isEqualTo("file:///tmp/x/d/run=r");
    }

    @Test
    void sourcesDestinationsAndRunIdsAreValidatedNamingTheParameter() {
        assertThat(LandingUris.validateTable("sources[0].table", "main.sales.orders")).isEmpty();
        assertThat(LandingUris.validateTable("sources[0].table", "sales.orders"))
                .singleElement().asString().contains("sources[0].table must be a Unity Catalog table name catalog.schema.table")
                .contains("like 'main.sales.orders'");
        assertThat(LandingUris.validateTable("sources[0].table", "main.sales.orders; DROP TABLE x")).hasSize(1);
        assertThat(LandingUris.validateSourcePath("sources[1].path", "/Volumes/main/raw/files/orders")).isEmpty();
        assertThat(LandingUris.validateSourcePath("sources[1].path", "abfss://raw@stztraw.dfs.core.windows.net/x")).isEmpty();
        assertThat(LandingUris.validateSourcePath("sources[1].path", "/tmp/orders"))
                .singleElement().asString().contains("sources[1].path must be a Unity Catalog volume path")
                .contains("'/Volumes/main/raw/files/orders'");
        assertThat(LandingUris.validateSourcePath("sources[1].path", "/Volumes/main/raw")).hasSize(1);
        assertThat(LandingUris.validateSourcePath("sources[1].path", "/Volumes/main/raw/files/../../x")).hasSize(1);
        assertThat(LandingUris.validateDest("sources[2].dest", "orders_v2")).isEmpty();
        assertThat(LandingUris.validateDest("sources[2].dest", "_manifests"))
                .singleElement().asString().contains("sources[2].dest must be one folder name").contains("like 'orders'");
        assertThat(LandingUris.validateDest("sources[2].dest", "a/b")).hasSize(1);
        assertThat(LandingUris.validateRunId("--run-id", "845123987650")).isEmpty();
        assertThat(LandingUris.validateRunId("--run-id", "../x")).singleElement().asString().contains("--run-id must be");
    }

    @Test
    void aRegionPutsTheRootOnThatRegionsOneLakeEndpointAndNoRegionKeepsTheGlobalOne() {
        assertThat(LandingUris.oneLakeRoot("zt-landing", "mirror", null, "westeurope"))
                .isEqualTo("abfss://zt-landing@westeurope-onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        assertThat(LandingUris.oneLakeHost("westus3")).isEqualTo("westus3-onelake.dfs.fabric.microsoft.com");
        assertThat(LandingUris.oneLakeHost(null)).isEqualTo("onelake.dfs.fabric.microsoft.com");
        assertThat(LandingUris.oneLakeRoot("zt-landing", "mirror", null, null))
                .isEqualTo(LandingUris.oneLakeRoot("zt-landing", "mirror", null));
    }

    @Test
    void aRegionThatIsNotAnAzureRegionNameFailsNamingTheKeyAndAnExample() {
        for (String bad : new String[] {"West Europe", "westeurope.evil.com", "west-europe", "WESTEUROPE", "eu", " "}) {
            assertThatThrownBy(() -> LandingUris.oneLakeRoot("zt-landing", "mirror", null, bad))
                    .hasMessageContaining("target.region must be the Azure region")
                    .hasMessageContaining("like 'westeurope' (host westeurope-onelake.dfs.fabric.microsoft.com)")
                    .hasMessageContaining("got '" + bad + "'");
        }
    }
}
