package com.ztplatform.landing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.ztplatform.landing.contract.JobConfig.DirectTarget;
import com.ztplatform.landing.contract.JobConfig.Format;
import com.ztplatform.landing.contract.JobConfig.ManagedIdentity;
import com.ztplatform.landing.contract.JobConfig.ServicePrincipal;
import com.ztplatform.landing.contract.JobConfig.StagedTarget;

class JobConfigParserTest {

    static final String DIRECT = """
            {
              "_comment": "landing job for the sales domain",
              "mode": "direct",
              "target": { "workspace": "zt-landing", "lakehouse": "mirror" },
              "auth": { "secretScope": "zt-landing", "tenantIdKey": "sp-tenant-id",
                        "clientIdKey": "sp-client-id", "clientSecretKey": "sp-client-secret" },
              "sources": [
                { "table": "main.sales.orders", "dest": "orders" },
                { "path": "/Volumes/main/raw/files/customers", "format": "csv", "header": false, "delimiter": "\\t",
                  "dest": "customers" },
                { "path": "abfss://raw@stztraw.dfs.core.windows.net/events", "format": "parquet", "dest": "events" }
              ]
            }""";

    @Test
    void parsesADirectConfig() {
        JobConfig c = JobConfigParser.parse(DIRECT);
        assertThat(c.mode()).isEqualTo(JobConfig.Mode.DIRECT);
        assertThat(c.target()).isEqualTo(new DirectTarget("zt-landing", "mirror", null));
        assertThat(c.target().rootUri())
                .isEqualTo("abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        assertThat(c.auth()).isEqualTo(new ServicePrincipal("zt-landing", "sp-tenant-id", "sp-client-id", "sp-client-secret"));
        assertThat(c.sources()).hasSize(3);
        assertThat(c.sources().get(0).format()).isEqualTo(Format.DELTA);
        assertThat(c.sources().get(0).id()).isEqualTo("main.sales.orders");
        assertThat(c.sources().get(1)).satisfies(s -> {
            assertThat(s.format()).isEqualTo(Format.CSV);
            assertThat(s.csv()).isEqualTo(new JobConfig.CsvOptions(false, "\t", "\"", "\\", false));
            assertThat(s.parquet()).isNull();
        });
        assertThat(c.runId()).isEmpty();
    }

    @Test
    void parsesAStagedConfigWithManagedIdentityAndANumericRunId() {
        JobConfig c = JobConfigParser.parse("""
                { "mode": "staged", "runId": 845123987650,
                  "target": { "account": "stztlanding", "container": "landing", "folder": "mirror" },
                  "auth": { "identity": "managed", "clientId": "0a1b2c3d-1111-2222-3333-444455556666" },
                  "sources": [ { "table": "main.sales.orders", "dest": "orders" } ] }""");
        assertThat(c.target()).isEqualTo(new StagedTarget("stztlanding", "landing", "mirror"));
        assertThat(c.target().host()).isEqualTo("stztlanding.dfs.core.windows.net");
        assertThat(c.target().rootUri()).isEqualTo("abfss://landing@stztlanding.dfs.core.windows.net/mirror");
        assertThat(c.auth()).isEqualTo(new ManagedIdentity(Optional.empty(),
                Optional.of("0a1b2c3d-1111-2222-3333-444455556666")));
        assertThat(c.runId()).contains("845123987650");
    }

    @Test
    void reportsEveryProblemAtOnceNamingTheParameter() {
        assertThatThrownBy(() -> JobConfigParser.parse("""
                { "mode": "mirror", "runID": "x",
                  "auth": { "identity": "servicePrincipal", "secretScope": "zt" },
                  "sources": [
                    { "table": "main.sales.orders", "path": "/Volumes/a/b/c/d", "dest": "orders" },
                    { "path": "/tmp/x", "format": "xlsx", "dest": "x" },
                    { "path": "/Volumes/a/b/c/d", "format": "csv", "delimiter": ";;", "dest": "orders" },
                    { "table": "main.sales.orders", "format": "parquet", "dest": "_hidden" }
                  ] }"""))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p).startsWith("mode must be 'direct'"))
                        .anySatisfy(p -> assertThat(p).startsWith("runID is not a known parameter"))
                        .anySatisfy(p -> assertThat(p).startsWith("target is required"))
                        .anySatisfy(p -> assertThat(p).startsWith("auth.tenantIdKey is required, like 'sp-tenant-id'"))
                        .anySatisfy(p -> assertThat(p).startsWith("sources[0] must have exactly one of 'table'"))
                        .anySatisfy(p -> assertThat(p).startsWith("sources[1].path must be a Unity Catalog volume path"))
                        .anySatisfy(p -> assertThat(p).startsWith("sources[1].format must be one of delta, parquet, csv"))
                        .anySatisfy(p -> assertThat(p).startsWith("sources[2].delimiter must be exactly one character"))
                        .anySatisfy(p -> assertThat(p).startsWith("sources[2].dest 'orders' is used by another source"))
                        .anySatisfy(p -> assertThat(p).startsWith("sources[3].format must be 'delta' (or omitted)"))
                        .anySatisfy(p -> assertThat(p).startsWith("sources[3].dest must be one folder name")))
                .hasMessageStartingWith("invalid landing job parameters (");
    }

    @Test
    void targetProblemsComeFromLandingUris() {
        assertThatThrownBy(() -> JobConfigParser.parse("""
                { "mode": "direct", "target": { "workspace": "3c8e1a2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "lakehouse": "mirror",
                  "folder": "Tables" }, "auth": { "identity": "managed" },
                  "sources": [ { "table": "main.sales.orders", "dest": "orders" } ] }"""))
                .hasMessageContaining("target.workspace and target.lakehouse must both be names or both be GUIDs")
                .hasMessageContaining("target.folder must be a folder under the lakehouse's Files/ section");
        assertThatThrownBy(() -> JobConfigParser.parse("[1]")).hasMessageContaining("--config must be a JSON object");
        assertThatThrownBy(() -> JobConfigParser.parse("{\"mode\": ")).hasMessageContaining("invalid JSON at line 1");
    }

    @Test
    void readOptionsAreExplicitPerSourceWithStrictDefaults() {
        JobConfig c = JobConfigParser.parse("""
                { "mode": "direct", "target": { "workspace": "zt-landing", "lakehouse": "mirror" },
                  "auth": { "identity": "managed" },
                  "sources": [
                    { "path": "/Volumes/main/raw/files/a", "format": "csv", "dest": "a" },
                    { "path": "/Volumes/main/raw/files/b", "format": "csv", "quote": "'", "escape": "\\"",
                      "multiLine": true, "delimiter": "|", "header": false, "dest": "b" },
                    { "path": "/Volumes/main/raw/files/c", "format": "parquet", "dest": "c" },
                    { "path": "/Volumes/main/raw/files/d", "format": "parquet", "mergeSchema": true, "dest": "d" } ] }""");
        assertThat(c.sources().get(0).csv()).isEqualTo(JobConfig.CsvOptions.DEFAULTS);
        assertThat(JobConfig.CsvOptions.DEFAULTS).isEqualTo(new JobConfig.CsvOptions(true, ",", "\"", "\\", false));
        assertThat(c.sources().get(1).csv()).isEqualTo(new JobConfig.CsvOptions(false, "|", "'", "\"", true));
        assertThat(c.sources().get(2).parquet().mergeSchema()).isFalse();
        assertThat(c.sources().get(3).parquet().mergeSchema()).isTrue();
        assertThat(c.sources().get(3).readOptions()).containsEntry("mergeSchema", true);
    }

    @Test
    void readOptionsOfTheWrongFormatOrShapeAreRefused() {
        assertThatThrownBy(() -> JobConfigParser.parse("""
                { "mode": "direct", "target": { "workspace": "zt-landing", "lakehouse": "mirror" },
                  "auth": { "identity": "managed" },
                  "sources": [
                    { "path": "/Volumes/main/raw/files/a", "format": "csv", "quote": "''", "multiLine": "yes",
                      "mergeSchema": true, "dest": "a" },
                    { "path": "/Volumes/main/raw/files/b", "format": "parquet", "escape": "\\\\", "dest": "b" },
                    { "table": "main.sales.orders", "mergeSchema": false, "dest": "c" } ] }"""))
                .hasMessageContaining("sources[0].quote must be exactly one character")
                .hasMessageContaining("sources[0].multiLine must be true or false, got a string")
                .hasMessageContaining("sources[0].mergeSchema applies to parquet sources only, this one is 'csv'")
                .hasMessageContaining("sources[1].escape applies to csv sources only, this one is 'parquet'")
                .hasMessageContaining("sources[2].mergeSchema applies to parquet sources only, this one is 'delta'");
    }

    @Test
    void aDirectTargetCarriesItsRegionToTheRootAndTheCredentialHost() {
        JobConfig c = JobConfigParser.parse(DIRECT.replace("\"lakehouse\": \"mirror\" }",
                "\"lakehouse\": \"mirror\", \"region\": \"northeurope\" }"));
        assertThat(c.target().rootUri())
                .isEqualTo("abfss://zt-landing@northeurope-onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        assertThat(c.target().host()).isEqualTo("northeurope-onelake.dfs.fabric.microsoft.com");
        assertThatThrownBy(() -> JobConfigParser.parse(DIRECT.replace("\"lakehouse\": \"mirror\" }",
                "\"lakehouse\": \"mirror\", \"region\": \"North Europe\" }")))
                .hasMessageContaining("target.region must be the Azure region")
                .hasMessageContaining("got 'North Europe'");
    }
}
