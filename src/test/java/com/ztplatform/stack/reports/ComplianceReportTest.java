package com.ztplatform.stack.reports;

import com.ztplatform.stack.reports.ComplianceReport.Control;
import com.ztplatform.stack.reports.ComplianceReport.Verdict;
import com.ztplatform.stack.reports.Evidence.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ztplatform.stack.reports.TestPlans.plan;
import static com.ztplatform.stack.reports.TestPlans.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ComplianceReportTest {
    private static final String GOOD_VAULT = """
            {"vaultName": "kv", "properties": {"enableRbacAuthorization": true, "enablePurgeProtection": true,
             "enableSoftDelete": true, "softDeleteRetentionInDays": 90, "publicNetworkAccess": "Disabled",
             "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices"}}}""";

    private static Evidence rule(String id, com.google.gson.JsonObject plan) {
        return EvidenceRules.evaluate(id, PlanModel.parse(plan));
    }

    @Test
    void aPrivateRbacVaultMeetsTheKeyVaultRuleAndEachBrokenPropertyIsNamed() {
        var good = resource(EvidenceRules.VAULT, "kv", GOOD_VAULT);
        assertThat(rule("key-vault-private-rbac", plan(good)).status()).isEqualTo(Status.MET);

        var open = resource(EvidenceRules.VAULT, "kv", GOOD_VAULT.replace("\"publicNetworkAccess\": \"Disabled\"",
                "\"publicNetworkAccess\": \"Enabled\""));
        var e = rule("key-vault-private-rbac", plan(open));
        assertThat(e.status()).isEqualTo(Status.NOT_MET);
        assertThat(e.problems()).containsExactly("kv: properties.publicNetworkAccess is \"Enabled\"");

        var retention = resource(EvidenceRules.VAULT, "kv", GOOD_VAULT.replace("\"softDeleteRetentionInDays\": 90",
                "\"softDeleteRetentionInDays\": 120"));
        assertThat(rule("key-vault-private-rbac", plan(retention)).problems()).singleElement().asString()
                .contains("softDeleteRetentionInDays is 120, not 7-90");
    }

    @Test
    void aRuleWithNothingToLookAtIsNotApplicableNotMet() {
        assertThat(rule("key-vault-private-rbac", plan()).status()).isEqualTo(Status.NOT_APPLICABLE);
        // IDPS exists only on Premium: a Standard policy is not judged on it.
        var standard = resource(EvidenceRules.FIREWALL_POLICY, "fp", "{\"sku\": {\"tier\": \"Standard\"}, \"threatIntelMode\": \"Deny\"}");
        assertThat(rule("firewall-idps-deny", plan(standard)).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(rule("firewall-threat-intel-deny", plan(standard)).status()).isEqualTo(Status.MET);
    }

    @Test
    void threatIntelFailsOnAlertAndOnAnAllowlistThatSumsToTheInternet() {
        var alert = resource(EvidenceRules.FIREWALL_POLICY, "fp", "{\"sku\": {\"tier\": \"Premium\"}, \"threatIntelMode\": \"Alert\"}");
        assertThat(rule("firewall-threat-intel-deny", plan(alert)).problems()).containsExactly("fp: threatIntelMode is \"Alert\" (tier Premium)");
        var halves = resource(EvidenceRules.FIREWALL_POLICY, "fp", """
                {"threatIntelMode": "Deny", "threatIntelWhitelist": {"ipAddresses": ["0.0.0.0/1", "128.0.0.0/1"]}}""");
        assertThat(rule("firewall-threat-intel-deny", plan(halves)).status()).isEqualTo(Status.NOT_MET);
        // Basic supports Alert only: the pack skips it, so does the rule.
        var basic = resource(EvidenceRules.FIREWALL_POLICY, "fp", "{\"sku\": {\"tier\": \"Basic\"}, \"threatIntelMode\": \"Alert\"}");
        assertThat(rule("firewall-threat-intel-deny", plan(basic)).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void coversInternetCountsTheUnionOfPrefixes() {
        assertThat(EvidenceRules.coversInternet(List.of("0.0.0.0/1", "128.0.0.0/1"))).isTrue();
        assertThat(EvidenceRules.coversInternet(List.of("Any"))).isTrue();
        assertThat(EvidenceRules.coversInternet(List.of("10.0.0.0/8", "10.0.0.0/8"))).isFalse();
        // 0.0.0.0/2 + 64.0.0.0/2 is exactly half of IPv4: the threshold is inclusive.
        assertThat(EvidenceRules.coversInternet(List.of("0.0.0.0/2", "64.0.0.0/2"))).isTrue();
        assertThat(EvidenceRules.coversInternet(List.of("0.0.0.0/2", "0.0.0.0/3"))).isFalse();
    }

    private static Evidence ev(String id, Status status) {
        return new Evidence(id, "", status, List.of(), status == Status.NOT_MET ? List.of(id + ": broken") : List.of());
    }

    @Test
    void verdictsFollowTheRulesAndTheControlsCoverage() {
        var source = new ComplianceReport.Source("https://example.org/text", "2026-12-05", "public-listing", List.of());
        var full = new Control("ISO27001", "A.8.15", "Logging", List.of("a", "b"), true, "", source);
        var partial = new Control("NIS2", "Art. 21(2)(b)", "Incident handling", List.of("a", "b"), false, "processes", source);
        assertThat(ComplianceReport.judge(full, List.of(ev("a", Status.MET), ev("b", Status.MET))).verdict()).isEqualTo(Verdict.MET);
        assertThat(ComplianceReport.judge(partial, List.of(ev("a", Status.MET), ev("b", Status.MET))).verdict())
                .isEqualTo(Verdict.PARTLY_MET);
        var half = ComplianceReport.judge(full, List.of(ev("a", Status.MET), ev("b", Status.NOT_MET)));
        assertThat(half.verdict()).isEqualTo(Verdict.PARTLY_MET);
        assertThat(half.reason()).isEqualTo("not met: b (b: broken)");
        assertThat(ComplianceReport.judge(full, List.of(ev("a", Status.NOT_MET), ev("b", Status.NOT_MET))).verdict())
                .isEqualTo(Verdict.NOT_MET);
        // Not applicable rules neither help nor hurt; a control with nothing applicable has no evidence.
        assertThat(ComplianceReport.judge(full, List.of(ev("a", Status.MET), ev("b", Status.NOT_APPLICABLE))).verdict())
                .isEqualTo(Verdict.MET);
        var none = ComplianceReport.judge(partial, List.of());
        assertThat(none.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(none.reason()).isEqualTo("no evidence in the plan: processes");
    }

    @Test
    void theMappingCoversTheThreeFrameworksWithSourcesAndKnownRules() {
        var mapping = ComplianceReport.mapping();
        assertThat(mapping.sources().keySet()).containsExactly("NIS2", "ISO27001", "AIACT");
        mapping.sources().values().forEach(s -> assertThat(s[1]).startsWith("https://"));
        var nis2 = mapping.controls().stream().filter(c -> c.framework().equals("NIS2")).map(Control::ref).toList();
        assertThat(nis2).containsExactly("Art. 21(2)(a)", "Art. 21(2)(b)", "Art. 21(2)(c)", "Art. 21(2)(d)", "Art. 21(2)(e)",
                "Art. 21(2)(f)", "Art. 21(2)(g)", "Art. 21(2)(h)", "Art. 21(2)(i)", "Art. 21(2)(j)");
        assertThat(mapping.controls()).filteredOn(c -> c.framework().equals("AIACT")).extracting(Control::ref)
                .containsExactly("Art. 12", "Art. 15");
        assertThat(mapping.controls()).filteredOn(c -> c.framework().equals("ISO27001"))
                .allSatisfy(c -> assertThat(c.ref()).matches("A\\.[5-8]\\.\\d+"));
        assertThat(mapping.controls()).allSatisfy(c -> {
            c.rules().forEach(r -> assertThat(EvidenceRules.ids()).contains(r));
            if (!c.fullCoverage()) {
                assertThat(c.gap()).as(c.id() + " is partial: it must say what is outside the plan").isNotBlank();
            }
        });
        // Every rule is used by some control: no dead evidence.
        assertThat(mapping.controls().stream().flatMap(c -> c.rules().stream()).distinct())
                .containsExactlyInAnyOrderElementsOf(EvidenceRules.ids());
    }

    /** Well-formed references: the points of Art. 21(2), the 93 Annex A controls (5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34), AI Act articles 1-113. */
    private static boolean wellFormed(String framework, String ref) {
        return switch (framework) {
            case "NIS2" -> ref.matches("Art\\. 21\\(2\\)\\([a-j]\\)");
            case "ISO27001" -> {
                var m = java.util.regex.Pattern.compile("A\\.([5-8])\\.([1-9]\\d?)").matcher(ref);
                yield m.matches() && Integer.parseInt(m.group(2)) <= switch (m.group(1)) {
                    case "5" -> 37;
                    case "6" -> 8;
                    case "7" -> 14;
                    default -> 34;
                };
            }
            case "AIACT" -> ref.matches("Art\\. [1-9]\\d{0,2}") && Integer.parseInt(ref.substring(5)) <= 113;
            default -> false;
        };
    }

    @Test
    void everyControlHasAWellFormedReferenceAndADatedSource() {
        assertThat(wellFormed("NIS2", "Art. 21(2)(j)")).isTrue();
        assertThat(wellFormed("NIS2", "Art. 21(2)(k)")).isFalse();
        assertThat(wellFormed("NIS2", "Art. 21 (2)(a)")).isFalse();
        assertThat(wellFormed("ISO27001", "A.8.34")).isTrue();
        assertThat(wellFormed("ISO27001", "A.8.35")).isFalse();
        assertThat(wellFormed("ISO27001", "A.6.9")).isFalse();
        assertThat(wellFormed("ISO27001", "A.9.2.3")).as("2013 numbering").isFalse();
        assertThat(wellFormed("AIACT", "Art. 113")).isTrue();
        assertThat(wellFormed("AIACT", "Art. 114")).isFalse();
        var seen = new java.util.HashSet<String>();
        assertThat(ComplianceReport.mapping().controls()).allSatisfy(c -> {
            assertThat(wellFormed(c.framework(), c.ref())).as(c.id() + " reference").isTrue();
            assertThat(seen.add(c.id())).as(c.id() + " listed twice").isTrue();
            assertThat(c.title()).as(c.id() + " title").isNotBlank().doesNotEndWith(";").doesNotEndWith(".");
            assertThat(c.source().url()).as(c.id() + " source").startsWith("https://");
            c.source().also().forEach(u -> assertThat(u).as(c.id() + " also").startsWith("https://"));
            assertThat(ComplianceReport.Source.BASES).as(c.id() + " basis").contains(c.source().basis());
            assertThat(c.source().basis()).as(c.id() + ": every text was reached").isNotEqualTo("unreachable");
            var checked = java.time.LocalDate.parse(c.source().checked());
            assertThat(checked).as(c.id() + " checked").isAfterOrEqualTo(java.time.LocalDate.of(2026, 12, 5));
        });
        // Word for word with the Official Journal text as reproduced at the linked source (checked 2026-12-05):
        // the two points the mapping had shortened before.
        var titles = new java.util.HashMap<String, String>();
        ComplianceReport.mapping().controls().forEach(c -> titles.put(c.id(), c.title()));
        assertThat(titles.get("NIS2 Art. 21(2)(d)")).isEqualTo("Supply chain security, including security-related aspects "
                + "concerning the relationships between each entity and its direct suppliers or service providers");
        assertThat(titles.get("NIS2 Art. 21(2)(j)")).isEqualTo("The use of multi-factor authentication or continuous "
                + "authentication solutions, secured voice, video and text communications and secured emergency "
                + "communication systems within the entity, where appropriate");
        assertThat(titles.get("AIACT Art. 12")).isEqualTo("Record-keeping");
        assertThat(titles.get("ISO27001 A.5.9")).isEqualTo("Inventory of information and other associated assets");
    }

    @Test
    void aControlWithoutASourceIsRefusedNamingIt() {
        var json = com.google.gson.JsonParser.parseString("""
                {"sources": {"NIS2": {"title": "t", "url": "https://example.org"}},
                 "controls": [{"framework": "NIS2", "ref": "Art. 21(2)(b)", "title": "Incident handling", "rules": [],
                               "coverage": "partial", "gap": "g"}]}""").getAsJsonObject();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComplianceReport.parse(json))
                .hasMessageStartingWith("NIS2 Art. 21(2)(b): no source (like {\"url\"");
    }

    @Test
    void onTheRealPlansTheVerdictsFollowTheStackConfig() {
        var dev = TestPlans.realModel("dev");
        var prod = TestPlans.realModel("prod");
        // Pulumi.dev.yaml: logs.retentionInDays 30 (< six months); prod: 365.
        assertThat(EvidenceRules.evaluate("log-retention-six-months", dev).problems())
                .containsExactly("logs-law: retentionInDays=30: logs are kept less than six months (183 days)");
        assertThat(EvidenceRules.evaluate("log-retention-six-months", prod).status()).isEqualTo(Status.MET);
        // dev: firewall Standard (no IDPS), serverless enforcement DRY_RUN; prod: Premium with idpsMode Deny, ENFORCED.
        assertThat(EvidenceRules.evaluate("firewall-idps-deny", dev).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(EvidenceRules.evaluate("firewall-idps-deny", prod).status()).isEqualTo(Status.MET);
        assertThat(EvidenceRules.evaluate("serverless-egress-enforced", dev).status()).isEqualTo(Status.NOT_MET);
        assertThat(EvidenceRules.evaluate("serverless-egress-enforced", prod).status()).isEqualTo(Status.MET);
        // prod's firewall has zones 1-2-3 and a VPN gateway with Entra ID only (Pulumi.prod.yaml hub.vpn).
        assertThat(EvidenceRules.evaluate("operator-access-private", prod).evidence())
                .contains("hub-vpngw: P2S VPN with Entra ID only");
        // The policy pack passes both plans: every rule tied to a policy is met or not applicable.
        for (var plan : List.of(dev, prod)) {
            EvidenceRules.ids().stream().filter(id -> !EvidenceRules.policyOf(id).isEmpty())
                    .forEach(id -> assertThat(EvidenceRules.evaluate(id, plan).status()).as(plan.stack() + " " + id)
                            .isNotEqualTo(Status.NOT_MET));
        }
        var results = ComplianceReport.evaluate(dev);
        var logging = results.stream().filter(r -> r.control().id().equals("ISO27001 A.8.15")).findFirst().orElseThrow();
        assertThat(logging.verdict()).as(logging.reason()).isNotEqualTo(Verdict.MET);
        var render = ComplianceReport.render(dev);
        assertThat(render).startsWith("# Compliance evidence: `dev`").contains("| control | verdict | reason |")
                .isEqualTo(ComplianceReport.render(TestPlans.realModel("dev")));
    }
}
