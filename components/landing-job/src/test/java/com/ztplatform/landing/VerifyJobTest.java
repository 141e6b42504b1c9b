package com.ztplatform.landing;

import com.ztplatform.landing.contract.JobConfigParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;
import com.ztplatform.landing.VerifyJob.Check;
import com.ztplatform.landing.VerifyJob.Report;
import com.ztplatform.landing.VerifyJob.Status;

class VerifyJobTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "0a1b2c3d-1111-2222-3333-444455556666";
    static final String SECRET = "Sup3r~Secret.Value_9f8e7d";
    static final String CONFIG = """
            { "mode": "direct", "target": { "workspace": "zt-landing", "lakehouse": "mirror" },
              "auth": { "secretScope": "zt-landing", "tenantIdKey": "sp-tenant-id", "clientIdKey": "sp-client-id",
                        "clientSecretKey": "sp-client-secret" },
              "sources": [ { "table": "main.sales.orders", "dest": "orders" } ] }""";

    @TempDir
    Path landing;

    HttpServer echo;
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeEach
    void startEcho() throws IOException {
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", x -> {
            byte[] body = "203.0.113.7\n".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        echo.start();
    }

    @AfterEach
    void stopEcho() {
        echo.stop(0);
    }

    URI echoUrl() {
        return URI.create("http://127.0.0.1:" + echo.getAddress().getPort() + "/");
    }

    VerifyJob job(SecretSource secrets, VerifyJob.HostResolver resolver) {
        JobLog log = new JobLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), new Redactor(), Clock.systemUTC());
        return new VerifyJob(new Configuration(), secrets, log, resolver, Clock.systemUTC());
    }

    static SecretSource allSecrets() {
        return SecretSource.of("zt-landing", Map.of("sp-tenant-id", TENANT, "sp-client-id", CLIENT, "sp-client-secret", SECRET));
    }

    @Test
    void everyCheckPassesWithSecretsALocalTargetAndAMatchingEgressIp() throws IOException {
        Report r = job(allSecrets(), InetAddress::getAllByName).run(JobConfigParser.parse(CONFIG),
                VerifyJob.Options.defaults().withDnsHosts(List.of("localhost"))
                        .withLandingRoot(landing.toUri().toString())
                        .withEgress(echoUrl(), List.of("198.51.100.1", "203.0.113.7")));

        assertThat(r.failed()).isFalse();
        assertThat(r.checks()).extracting(Check::name).containsExactly("dns localhost",
                "secret zt-landing/sp-tenant-id", "secret zt-landing/sp-client-id", "secret zt-landing/sp-client-secret",
                "canary write", "canary read", "canary delete", "egress ip");
        assertThat(r.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASS));
        assertThat(r.check("secret zt-landing/sp-client-secret").orElseThrow().detail()).isEqualTo("present (value not shown)");
        assertThat(r.check("egress ip").orElseThrow().detail()).contains("observed 203.0.113.7");
        try (Stream<Path> left = Files.list(landing.resolve("_canary"))) {
            assertThat(left.filter(p -> !p.getFileName().toString().startsWith("."))).isEmpty();
        }
        String rendered = r.render();
        assertThat(rendered).contains("RESULT: PASSED (8 checks)")
                .contains("target abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        for (String secret : List.of(SECRET, TENANT, CLIENT)) {
            assertThat(rendered).doesNotContain(secret);
            assertThat(logBytes.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
        }
    }

    @Test
    void byDefaultItResolvesTheTargetHostAndTheLoginHost() {
        List<String> asked = new java.util.ArrayList<>();
        Report r = job(allSecrets(), h -> {
            asked.add(h);
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }).run(JobConfigParser.parse(CONFIG), VerifyJob.Options.defaults().withLandingRoot(landing.toUri().toString()));
        assertThat(asked).containsExactly("onelake.dfs.fabric.microsoft.com", "login.microsoftonline.com");
        assertThat(r.failed()).isFalse();
    }

    @Test
    void failuresAreReportedPerCheckWithTheLikelyCause() throws IOException {
        SecretSource noSecret = SecretSource.of("zt-landing", Map.of("sp-tenant-id", TENANT, "sp-client-id", CLIENT));
        Report r = job(noSecret, h -> {
            throw new UnknownHostException(h + ": Name or service not known");
        }).run(JobConfigParser.parse(CONFIG), VerifyJob.Options.defaults()
                .withLandingRoot(landing.toUri().toString())
                .withEgress(echoUrl(), List.of("198.51.100.1")));

        assertThat(r.failed()).isTrue();
        assertThat(r.check("dns onelake.dfs.fabric.microsoft.com").orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.FAIL);
            assertThat(c.detail()).contains("firewall DNS proxy / private DNS");
        });
        assertThat(r.check("secret zt-landing/sp-client-secret").orElseThrow().status()).isEqualTo(Status.FAIL);
        assertThat(r.check("secret zt-landing/sp-tenant-id").orElseThrow().status()).isEqualTo(Status.PASS);
        assertThat(r.check("canary write").orElseThrow().detail()).contains("no usable credentials");
        assertThat(r.check("egress ip").orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.FAIL);
            assertThat(c.detail()).contains("observed 203.0.113.7, expected one of 198.51.100.1");
        });
        assertThat(r.render()).contains("RESULT: FAILED").contains("FAIL  dns onelake.dfs.fabric.microsoft.com")
                .doesNotContain(TENANT).doesNotContain(CLIENT);
    }

    @Test
    void anUnwritableLandingPathFailsTheCanaryNamingTheTarget() throws IOException {
        Path file = Files.writeString(landing.resolve("not-a-folder"), "x");
        Report r = job(allSecrets(), InetAddress::getAllByName).run(JobConfigParser.parse(CONFIG),
                VerifyJob.Options.defaults().withDnsHosts(List.of("localhost")).withLandingRoot(file.toUri().toString()));
        Check write = r.check("canary write").orElseThrow();
        assertThat(write.status()).isEqualTo(Status.FAIL);
        assertThat(write.detail()).startsWith("target not writable: " + file.toUri() + "/_canary");
        assertThat(r.check("canary read").orElseThrow().status()).isEqualTo(Status.SKIP);
        assertThat(r.failed()).isTrue();
    }

    @Test
    void withoutAnEchoEndpointItExplainsTheFirewallLogCheck() {
        Report r = job(allSecrets(), InetAddress::getAllByName).run(JobConfigParser.parse(CONFIG),
                VerifyJob.Options.defaults().withDnsHosts(List.of("localhost")).withLandingRoot(landing.toUri().toString())
                        .withClusterSubnets(List.of("10.20.0.0/26", "10.20.0.64/26"))
                        .withEgress(null, List.of("20.50.1.10")));
        Check egress = r.check("egress ip").orElseThrow();
        assertThat(egress.status()).isEqualTo(Status.SKIP);
        assertThat(egress.detail()).contains("AZFWApplicationRule").contains("AZFWNetworkRule")
                .contains("ipv4_is_in_any_range(SourceIp, dynamic([\"10.20.0.0/26\", \"10.20.0.64/26\"]))")
                .contains("\"onelake.dfs.fabric.microsoft.com\", \"login.microsoftonline.com\"")
                .contains("20.50.1.10");
        assertThat(r.failed()).isFalse();
        assertThat(r.render()).contains("SKIP  egress ip").contains("| summarize requests = count() by Fqdn, Action");
    }

    @Test
    @Tag(TestSpark.SPARK)
    void mainPrintsThePerCheckReportAndFailsTheTask() {
        TestSpark.get(); // main attaches to the active session, as on a cluster
        FakeDbutils.serve(java.util.Map.of()); // dbutils with an empty scope
        assertThatThrownBy(() -> VerifyJob.main(new String[] {"--config", CONFIG, "--dns-hosts", "localhost"}))
                .isInstanceOf(VerifyJob.VerificationFailedException.class)
                .hasMessageContaining("PASS  dns localhost")
                .hasMessageContaining("FAIL  secret zt-landing/sp-client-secret")
                .hasMessageContaining("Secret does not exist with scope: zt-landing and key: sp-client-secret")
                .hasMessageContaining("RESULT: FAILED (6 of 8 checks failed");
    }
}
