package com.ztplatform.landing;

import com.ztplatform.landing.contract.JobConfig;
import com.ztplatform.landing.contract.LandingUris;
import com.ztplatform.landing.contract.JobConfigParser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import com.ztplatform.landing.FailureClassifier.Stage;
import com.ztplatform.landing.contract.JobConfig.ManagedIdentity;
import com.ztplatform.landing.contract.JobConfig.ServicePrincipal;

/**
 * The verification job: seed 000's checklist, run from the cluster that will run the mirror.
 *
 * <ol>
 *   <li>DNS: the target host (and login.microsoftonline.com for a service principal) resolve.</li>
 *   <li>Secret scope: each configured secret key can be read (reported present/absent, never the value).</li>
 *   <li>Landing path: a small canary file is written, read back and deleted through the Hadoop FileSystem API
 *       with the job's own ABFS OAuth settings.</li>
 *   <li>Egress IP: only when {@code --egress-echo-url} names an echo endpoint the firewall allows, the observed
 *       public IP is compared with {@code --expected-egress-ips}; otherwise the report says how to check it in the
 *       firewall logs (KQL on AZFWApplicationRule / AZFWNetworkRule).</li>
 * </ol>
 *
 * <pre>
 *   parameters: ["--config", "&lt;same JSON as MirrorJob; sources are ignored&gt;",
 *                "--expected-egress-ips", "20.50.1.10,20.50.1.11",         (optional)
 *                "--egress-echo-url", "https://api.ipify.org",             (optional; must be allowed by the firewall)
 *                "--cluster-subnets", "10.20.0.0/26,10.20.0.64/26",        (optional; used in the KQL shown)
 *                "--dns-hosts", "onelake.dfs.fabric.microsoft.com,..."]    (optional; overrides the default hosts)
 * </pre>
 * When any check fails the job prints the per-check report and throws {@link VerificationFailedException}
 * (the Databricks task fails; a plain JVM exits non-zero).
 */
public final class VerifyJob {

    static final String USAGE = "VerifyJob --config <json|path> " + CodeIntegrity.USAGE + " [--expected-egress-ips ip,ip] [--egress-echo-url url]"
            + " [--cluster-subnets cidr,cidr] [--dns-hosts host,host]";

    /** A check's outcome. */
    public enum Status {
        /** The check held. */
        PASS,
        /** The check failed: the job fails. */
        FAIL,
        /** The check could not apply (its parameter was not given). */
        SKIP
    }

    /**
     * One line of the report.
     *
     * @param name   the check, like {@code dns}
     * @param status its outcome
     * @param detail what was seen, possibly several lines
     */
    public record Check(String name, Status status, String detail) {
    }

    /**
     * The whole report.
     *
     * @param target   the landing root checked
     * @param identity the identity used, as {@link com.ztplatform.landing.contract.JobConfig.Auth#describe()} says
     * @param checks   the checks, in the order they ran
     */
    public record Report(String target, String identity, List<Check> checks) {
        /**
         * Whether the job must fail.
         *
         * @return true when any check failed
         */
        public boolean failed() {
            return checks.stream().anyMatch(c -> c.status() == Status.FAIL);
        }

        /**
         * One check by name.
         *
         * @param name the check's name
         * @return the check; empty when it did not run
         */
        public Optional<Check> check(String name) {
            return checks.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /**
         * The report as the job prints it.
         *
         * @return one aligned line per check (continuation lines indented), then the result line
         */
        public String render() {
            int w = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
            StringBuilder sb = new StringBuilder("zt-landing verification: target ").append(target)
                    .append(" (identity: ").append(identity).append(")\n");
            for (Check c : checks) {
                String[] lines = c.detail().split("\n", -1);
                sb.append(String.format("  %-4s  %-" + w + "s  %s%n", c.status(), c.name(), lines[0]));
                for (int i = 1; i < lines.length; i++) {
                    sb.append(" ".repeat(w + 10)).append(lines[i]).append('\n');
                }
            }
            List<String> failed = checks.stream().filter(c -> c.status() == Status.FAIL).map(Check::name).toList();
            sb.append(failed.isEmpty() ? "RESULT: PASSED (" + checks.size() + " checks)"
                    : "RESULT: FAILED (" + failed.size() + " of " + checks.size() + " checks failed: "
                    + String.join(", ", failed) + ")");
            return sb.toString();
        }
    }

    /** Thrown by {@link #main} when a check failed; the message is the full report. */
    public static final class VerificationFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param report the rendered report */
        public VerificationFailedException(String report) {
            super(report);
        }
    }

    /** Resolves host names (injectable for tests). */
    @FunctionalInterface
    public interface HostResolver {
        /**
         * Resolves a host name as the cluster's DNS would.
         *
         * @param host the name
         * @return its addresses
         * @throws UnknownHostException when the name does not resolve
         */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Per-invocation options; every check whose option is empty is skipped.
     *
     * @param dnsHosts            further host names that must resolve to private addresses (default none)
     * @param expectedEgressIps   the public IPs traffic must leave from (default none)
     * @param egressEchoUrl       a service that echoes the caller's public IP (default none: egress check skipped)
     * @param clusterSubnets      the cluster's subnets, for the firewall log query (default none)
     * @param landingRootOverride check this root instead of the target's (default empty)
     * @param httpTimeout         timeout of the HTTP checks (default 10 s)
     */
    public record Options(List<String> dnsHosts, List<String> expectedEgressIps, Optional<URI> egressEchoUrl,
                          List<String> clusterSubnets, Optional<String> landingRootOverride, Duration httpTimeout) {
        /**
         * Copies the lists.
         *
         * @param dnsHosts            further host names to resolve
         * @param expectedEgressIps   expected public IPs
         * @param egressEchoUrl       the echo service, or empty
         * @param clusterSubnets      the cluster's subnets
         * @param landingRootOverride another root, or empty
         * @param httpTimeout         timeout of the HTTP checks
         */
        public Options {
            dnsHosts = List.copyOf(dnsHosts);
            expectedEgressIps = List.copyOf(expectedEgressIps);
            clusterSubnets = List.copyOf(clusterSubnets);
        }

        /**
         * The checks that need no parameter: identity, DNS of the target, write and read back.
         *
         * @return no extra hosts, no egress check, the target's root, 10 s timeout
         */
        public static Options defaults() {
            return new Options(List.of(), List.of(), Optional.empty(), List.of(), Optional.empty(), Duration.ofSeconds(10));
        }

        /**
         * With further hosts to resolve.
         *
         * @param h the host names
         * @return a copy with them
         */
        public Options withDnsHosts(List<String> h) {
            return new Options(h, expectedEgressIps, egressEchoUrl, clusterSubnets, landingRootOverride, httpTimeout);
        }

        /**
         * With the egress check.
         *
         * @param echo     the echo service, or {@code null} to skip the check
         * @param expected the public IPs traffic must leave from
         * @return a copy with them
         */
        public Options withEgress(URI echo, List<String> expected) {
            return new Options(dnsHosts, expected, Optional.ofNullable(echo), clusterSubnets, landingRootOverride, httpTimeout);
        }

        /**
         * With the cluster's subnets, so the printed firewall log query filters on them.
         *
         * @param s the subnets, as CIDRs
         * @return a copy with them
         */
        public Options withClusterSubnets(List<String> s) {
            return new Options(dnsHosts, expectedEgressIps, egressEchoUrl, s, landingRootOverride, httpTimeout);
        }

        /**
         * Checks another root.
         *
         * @param root the root, or {@code null} for the target's
         * @return a copy with it
         */
        public Options withLandingRoot(String root) {
            return new Options(dnsHosts, expectedEgressIps, egressEchoUrl, clusterSubnets, Optional.ofNullable(root),
                    httpTimeout);
        }
    }

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})(\\.\\d{1,3}){3}$");

    private final Configuration conf;
    private final SecretSource secrets;
    private final JobLog log;
    private final HostResolver resolver;
    private final Clock clock;
    /** The configured OneLake host (direct mode), named by failure hints; null in staged mode. */
    private String oneLakeHost;

    /**
     * @param conf     the cluster's Hadoop configuration
     * @param secrets  where the target's credentials come from
     * @param log      the job log (redacting)
     * @param resolver resolves host names (the system resolver on a cluster)
     * @param clock    stamps the probe file
     */
    public VerifyJob(Configuration conf, SecretSource secrets, JobLog log, HostResolver resolver, Clock clock) {
        this.conf = conf;
        this.secrets = secrets;
        this.log = log;
        this.resolver = resolver;
        this.clock = clock;
    }

    /**
     * Runs every check; a failed check does not stop the others, so one run shows all that is wrong.
     *
     * @param config the validated job parameters
     * @param o      this invocation's options
     * @return the report
     */
    public Report run(JobConfig config, Options o) {
        String targetUri = config.target().rootUri();
        String root = LandingUris.trimRoot(o.landingRootOverride().orElse(targetUri));
        String host = config.target().host();
        this.oneLakeHost = config.target() instanceof JobConfig.DirectTarget ? host : null;
        List<Check> checks = new ArrayList<>();

        // 1. DNS
        Set<String> hosts = new LinkedHashSet<>(o.dnsHosts());
        if (hosts.isEmpty()) {
            hosts.add(host);
            if (config.auth() instanceof ServicePrincipal) {
                hosts.add(LandingUris.LOGIN_HOST);
            }
        }
        for (String h : hosts) {
            checks.add(dns(h));
        }

        // 2. secrets
        AbfsAuthConfig auth = null;
        if (config.auth() instanceof ServicePrincipal sp) {
            String[] values = new String[3];
            List<String> keys = sp.keys();
            boolean all = true;
            for (int i = 0; i < keys.size(); i++) {
                String name = "secret " + sp.secretScope() + "/" + keys.get(i);
                try {
                    values[i] = secrets.get(sp.secretScope(), keys.get(i));
                    log.redactor().register(values[i]);
                    checks.add(new Check(name, Status.PASS, "present (value not shown)"));
                } catch (RuntimeException e) {
                    all = false;
                    checks.add(new Check(name, Status.FAIL, "absent or not readable: " + log.redactor().redact(e.getMessage())));
                }
            }
            if (all) {
                try {
                    auth = AbfsAuthConfig.clientCredentials(host, values[0], values[1], values[2]);
                } catch (IllegalArgumentException e) {
                    checks.add(new Check("secret values", Status.FAIL, "the secrets in scope '" + sp.secretScope()
                            + "' do not form valid client credentials: " + log.redactor().redact(e.getMessage())));
                }
            }
        } else {
            checks.add(new Check("secrets", Status.SKIP, "managed identity: no secret scope is used"));
            auth = AbfsAuthConfig.managedIdentity(host, (ManagedIdentity) config.auth());
        }

        // 3. canary write / read / delete
        if (auth == null) {
            String why = "not attempted: no usable credentials (see the secret checks)";
            checks.add(new Check("canary write", Status.FAIL, why));
            checks.add(new Check("canary read", Status.FAIL, why));
            checks.add(new Check("canary delete", Status.FAIL, why));
        } else {
            auth.applyTo(conf::set);
            checks.addAll(canary(root));
        }

        // 4. egress IP
        checks.add(egress(o, host));

        return new Report(targetUri, config.auth().describe(), checks.stream()
                .map(c -> new Check(c.name(), c.status(), log.redactor().redact(c.detail()))).toList());
    }

    private Check dns(String h) {
        String name = "dns " + h;
        try {
            InetAddress[] addrs = resolver.resolve(h);
            String list = Arrays.stream(addrs).map(InetAddress::getHostAddress).distinct().collect(Collectors.joining(", "));
            return new Check(name, Status.PASS, "resolves to " + list);
        } catch (UnknownHostException | RuntimeException e) {
            return new Check(name, Status.FAIL, "cannot resolve " + h + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); DNS: check the firewall DNS proxy / private DNS (the spoke VNet's DNS"
                    + " servers must forward public names)");
        }
    }

    private List<Check> canary(String root) {
        List<Check> out = new ArrayList<>();
        String dir = root + "/_canary";
        String file = dir + "/verify-" + Instant.now(clock).toEpochMilli() + "-" + UUID.randomUUID().toString()
                .substring(0, 8) + ".txt";
        String content = "zt-landing-job canary " + Instant.now(clock) + "\n";
        try {
            HadoopIo.mkdirs(dir, conf);
            HadoopIo.writeStringReplacing(file, content, conf);
            out.add(new Check("canary write", Status.PASS, "wrote " + file));
        } catch (Exception e) {
            out.add(new Check("canary write", Status.FAIL, classify(e, dir)));
            out.add(new Check("canary read", Status.SKIP, "not attempted: the write failed"));
            out.add(new Check("canary delete", Status.SKIP, "not attempted: the write failed"));
            return out;
        }
        try {
            String back = HadoopIo.readString(file, conf);
            out.add(back.equals(content)
                    ? new Check("canary read", Status.PASS, "read back " + content.length() + " bytes, content matches")
                    : new Check("canary read", Status.FAIL, "read back different content from " + file));
        } catch (Exception e) {
            out.add(new Check("canary read", Status.FAIL, classify(e, file)));
        }
        try {
            HadoopIo.deleteIfExists(file, conf);
            out.add(HadoopIo.exists(file, conf)
                    ? new Check("canary delete", Status.FAIL, file + " still exists after delete")
                    : new Check("canary delete", Status.PASS, "deleted " + file));
        } catch (Exception e) {
            out.add(new Check("canary delete", Status.FAIL, classify(e, file)));
        }
        return out;
    }

    private String classify(Throwable e, String target) {
        FailureClassifier.Cause c = FailureClassifier.classify(e, Stage.TARGET, null, target, oneLakeHost);
        return c.hint() + " [" + FailureClassifier.describeRoot(e) + "]";
    }

    private Check egress(Options o, String host) {
        String expected = o.expectedEgressIps().isEmpty() ? "(none given)" : String.join(", ", o.expectedEgressIps());
        if (o.egressEchoUrl().isEmpty()) {
            return new Check("egress ip", Status.SKIP, "no --egress-echo-url configured (only set one the firewall"
                    + " allows); check the egress path in the firewall logs instead:\n"
                    + firewallLogInstructions(o.clusterSubnets(), o.expectedEgressIps(), host));
        }
        URI url = o.egressEchoUrl().get();
        String observed;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(o.httpTimeout())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> resp = client.send(HttpRequest.newBuilder(url).timeout(o.httpTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                return new Check("egress ip", Status.FAIL, "echo endpoint " + url + " answered HTTP " + resp.statusCode()
                        + (resp.statusCode() == 470 ? " (Azure Firewall deny: allow " + url.getHost() + " or drop"
                        + " --egress-echo-url)" : ""));
            }
            observed = resp.body().trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check("egress ip", Status.FAIL, "interrupted while calling " + url);
        } catch (Exception e) {
            return new Check("egress ip", Status.FAIL, "echo endpoint " + url + " unreachable: "
                    + FailureClassifier.classify(e, Stage.TARGET, null, null, oneLakeHost).hint() + " [" + FailureClassifier.describeRoot(e)
                    + "] (or drop --egress-echo-url and use the firewall logs)");
        }
        if (!IPV4.matcher(observed).matches() && !observed.contains(":")) {
            return new Check("egress ip", Status.FAIL, "echo endpoint " + url + " did not return an IP address (got '"
                    + (observed.length() > 60 ? observed.substring(0, 60) + "..." : observed) + "')");
        }
        if (o.expectedEgressIps().isEmpty()) {
            return new Check("egress ip", Status.SKIP, "observed egress IP " + observed
                    + "; pass --expected-egress-ips (the firewall / NAT gateway public IPs) to compare");
        }
        boolean match = o.expectedEgressIps().stream().anyMatch(ip -> Cidr.contains(ip, observed));
        return match
                ? new Check("egress ip", Status.PASS, "observed " + observed + ", one of the expected " + expected)
                : new Check("egress ip", Status.FAIL, "observed " + observed + ", expected one of " + expected
                + ": traffic does not leave through the firewall's audited egress IP (check the spoke route table"
                + " 0.0.0.0/0 -> firewall, and that no NAT gateway or public IP sits on the Databricks subnets)");
    }

    /** How to check the egress path in Log Analytics when no echo endpoint may be called. */
    static String firewallLogInstructions(List<String> subnets, List<String> expectedIps, String host) {
        String ranges = subnets.isEmpty() ? "\"<host-subnet-cidr>\", \"<container-subnet-cidr>\""
                : subnets.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        String fqdns = "\"" + host + "\", \"" + LandingUris.LOGIN_HOST + "\"";
        return String.join("\n",
                "1. In the Log Analytics workspace that receives the firewall's resource-specific logs, run:",
                "   AZFWApplicationRule",
                "   | where TimeGenerated > ago(1h)",
                "   | where ipv4_is_in_any_range(SourceIp, dynamic([" + ranges + "]))",
                "   | where Fqdn in~ (" + fqdns + ") or Fqdn endswith \".dfs.fabric.microsoft.com\"",
                "   | summarize requests = count() by Fqdn, Action, RuleCollection, Rule",
                "   Expect Action == \"Allow\" for " + host + " and " + LandingUris.LOGIN_HOST + " right after this run.",
                "2. Anything else the cluster tried, allowed or denied:",
                "   AZFWNetworkRule",
                "   | where TimeGenerated > ago(1h)",
                "   | where ipv4_is_in_any_range(SourceIp, dynamic([" + ranges + "]))",
                "   | summarize count() by DestinationIp, DestinationPort, Protocol, Action, Rule",
                "   (also AZFWApplicationRule with Action == \"Deny\" for FQDNs the cluster was refused)",
                "3. Allowed rows prove the traffic leaves through the firewall, so its public source IP is the firewall's"
                        + " NAT gateway (or firewall) public IP: compare it with the expected "
                        + (expectedIps.isEmpty() ? "egress IPs" : String.join(", ", expectedIps))
                        + " (az network public-ip show -g <rg> -n <pip> --query ipAddress).");
    }

    /**
     * The Databricks task's entry point; prints the report.
     *
     * @param args {@code --config <json|path> --jar-sha256 <hex>} and the optional check parameters (see the usage)
     * @throws VerificationFailedException when a check failed
     */
    public static void main(String[] args) {
        JobArgs a = JobArgs.parse(args, Set.of("config", CodeIntegrity.PARAM, "expected-egress-ips", "egress-echo-url",
                "cluster-subnets", "dns-hosts"), Set.of(), USAGE);
        SparkSession spark = SparkSession.builder().appName("zt-landing-verify").getOrCreate();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Redactor redactor = new Redactor();
        JobLog log = JobLog.stdout(redactor);
        // Before the configuration, the secrets or any probe: the code that would touch them must be the pinned jar.
        log.info(CodeIntegrity.verify(a.get(CodeIntegrity.PARAM), CodeIntegrity.codeSource(VerifyJob.class), () -> conf));
        JobConfig config = JobConfigParser.parse(JobArgs.loadConfigText(a.get("config").orElseThrow(), conf));
        Options o = Options.defaults()
                .withDnsHosts(a.list("dns-hosts").stream().map(h -> h.toLowerCase(Locale.ROOT)).toList())
                .withEgress(a.get("egress-echo-url").map(URI::create).orElse(null), a.list("expected-egress-ips"))
                .withClusterSubnets(a.list("cluster-subnets"));
        Report r = new VerifyJob(conf, SecretSource.databricks(), log, InetAddress::getAllByName, Clock.systemUTC())
                .run(config, o);
        System.out.println(r.render());
        if (r.failed()) {
            throw new VerificationFailedException(r.render());
        }
    }
}
