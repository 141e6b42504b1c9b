package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ztplatform.landing.JobConfig.DirectTarget;
import com.ztplatform.landing.JobConfig.Format;
import com.ztplatform.landing.JobConfig.ManagedIdentity;
import com.ztplatform.landing.JobConfig.ServicePrincipal;
import com.ztplatform.landing.JobConfig.StagedTarget;

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
            assertThat(s.csvHeader()).isFalse();
            assertThat(s.csvDelimiter()).isEqualTo("\t");
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
    void jobArgsAcceptPairsAndEqualsFormAndRejectUnknownFlags(@TempDir Path tmp) throws Exception {
        JobArgs a = JobArgs.parse(new String[] {"--config", "{}", "--run-id=845", "--force"}, Set.of("config", "run-id"),
                Set.of("force"), MirrorJob.USAGE);
        assertThat(a.get("config")).contains("{}");
        assertThat(a.get("run-id")).contains("845");
        assertThat(a.flag("force")).isTrue();
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--confg", "{}"}, Set.of("config"), Set.of(), MirrorJob.USAGE))
                .hasMessageContaining("unknown parameter --confg").hasMessageContaining("--config is required")
                .hasMessageContaining("usage: MirrorJob --config");

        Path file = Files.writeString(tmp.resolve("landing.json"), DIRECT);
        assertThat(JobArgs.loadConfigText(file.toString(), new Configuration())).isEqualTo(DIRECT);
        assertThat(JobArgs.loadConfigText(file.toUri().toString(), new Configuration())).isEqualTo(DIRECT);
        assertThat(JobArgs.loadConfigText("  {\"a\":1}", new Configuration())).isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> JobArgs.loadConfigText(tmp.resolve("missing.json").toString(), new Configuration()))
                .hasMessageContaining("could not be read");
    }
}
