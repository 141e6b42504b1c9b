package com.ztplatform.components.firewall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirewallSettingsTest {
    @Test
    void legacyMetastoreEgressAndDisabledLegacyAccessExcludeEachOther() {
        assertThat(FirewallSettings.legacyMetastoreProblems("fw", true, "hardening", true)).singleElement()
                .satisfies(p -> assertThat(p).startsWith("fw.legacyHiveMetastore opens TCP 3306")
                        .contains("hardening.disableLegacyAccess is true")
                        .contains("remove legacyHiveMetastore, or set hardening.disableLegacyAccess: false"));
        assertThat(FirewallSettings.legacyMetastoreProblems("fw", true, "hardening", false)).isEmpty();
        assertThat(FirewallSettings.legacyMetastoreProblems("fw", false, "hardening", true)).isEmpty();
        assertThat(FirewallSettings.legacyMetastoreProblems("fw", false, "hardening", false)).isEmpty();
    }
}
