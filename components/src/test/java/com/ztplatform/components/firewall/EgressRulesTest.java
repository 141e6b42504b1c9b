package com.ztplatform.components.firewall;

import static com.ztplatform.components.firewall.EgressCatalogue.EXTENDED_INFRASTRUCTURE_IPS;
import static com.ztplatform.components.firewall.EgressCatalogue.SYSTEM_TABLES_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.WEBAPP_IPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ztplatform.components.firewall.EgressRules.Generated;
import com.ztplatform.components.firewall.FirewallRule.ApplicationRule;
import com.ztplatform.components.firewall.FirewallRule.NetworkRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EgressRulesTest {

    static final EgressCatalogue CATALOGUE = EgressCatalogue.load();
    static final String CONFIRM = "https://learn.microsoft.com/azure/databricks/resources/ip-domain-region";
    static final Set<String> KNOWN = Set.of(SourceGroups.DATABRICKS);

    static EgressRuleOptions options(String region) {
        return EgressRuleOptions.defaults(region);
    }

    static Generated generate(EgressRuleOptions o) {
        return EgressRules.generate(CATALOGUE, o, List.of());
    }

    static RuleCollectionGroupSpec group(Generated g, String name) {
        return g.groups().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    static RuleCollection collection(Generated g, String group, String name) {
        return group(g, group).collections().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> ruleNames(RuleCollection c) {
        return c.rules().stream().map(FirewallRule::name).toList();
    }

    static FirewallRule rule(RuleCollection c, String name) {
        return c.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> groupLayout(Generated g) {
        List<String> out = new ArrayList<>();
        for (RuleCollectionGroupSpec group : g.groups()) {
            out.add(group.priority() + " " + group.name());
            for (RuleCollection c : group.collections()) {
                out.add("  " + c.priority() + " " + c.name() + " " + ruleNames(c));
            }
        }
        return out;
    }

    @Nested
    class FqdnMode {

        @Test
        void westEuropeHasTheDocumentedLayout() {
            EgressRuleOptions o = options("westeurope");
            assertThat(EgressRules.problems(CATALOGUE, o)).isEmpty();
            Generated g = generate(o);
            assertThat(groupLayout(g)).containsExactly(
                    "100 rcg-databricks-control-plane",
                    "  110 databricks-app [artifact-storage, log-storage, system-tables-storage, event-hub, scc-relay]",
                    "  120 databricks-net [extended-infrastructure, webapp]",
                    "200 rcg-entra-id",
                    "  210 entra-id [entra-login]");
            assertThat(g.warnings()).isEmpty();
            assertThat(g.notes()).isEmpty();
        }

        @Test
        void westEuropeRulesUseTheCatalogueValues() {
            Generated g = generate(options("westeurope"));
            RuleCollection app = collection(g, EgressRules.CONTROL_PLANE_GROUP, EgressRules.DATABRICKS_APP_COLLECTION);
            ApplicationRule artifact = (ApplicationRule) rule(app, "artifact-storage");
            assertThat(artifact.targetFqdns()).hasSize(26).isSorted().doesNotHaveDuplicates()
                    .contains("dbartifactsprodwesteu.blob.core.windows.net", "dbartifactsprodnortheu.blob.core.windows.net");
            assertThat(artifact.protocols()).containsExactly("Https:443");
            assertThat(artifact.why()).contains("artifactStoragePrimaryFqdns verified", "artifactStorageSecondaryFqdns verified",
                    "catalogue 2026-11-23", "region westeurope");
            assertThat(((ApplicationRule) rule(app, "log-storage")).targetFqdns())
                    .containsExactly("dblogprodwesteurope.blob.core.windows.net");
            ApplicationRule systemTables = (ApplicationRule) rule(app, "system-tables-storage");
            assertThat(systemTables.targetFqdns()).containsExactly("ucstprdwesteu.dfs.core.windows.net");
            assertThat(systemTables.why()).contains("systemTablesStorageFqdns verified");
            ApplicationRule eventHub = (ApplicationRule) rule(app, "event-hub");
            assertThat(eventHub.targetFqdns()).containsExactly(
                    "prod-westeuc2-observabilityeventhubs.servicebus.windows.net",
                    "prod-westeurope-observabilityeventhubs.servicebus.windows.net");
            assertThat(eventHub.protocols()).containsExactly("Https:9093");
            assertThat(((ApplicationRule) rule(app, "scc-relay")).targetFqdns()).containsExactly(
                    "tunnel.westeurope.azuredatabricks.net", "tunnel.westeuropec2.azuredatabricks.net");

            RuleCollection net = collection(g, EgressRules.CONTROL_PLANE_GROUP, EgressRules.DATABRICKS_NET_COLLECTION);
            assertThat(rule(net, "extended-infrastructure")).isEqualTo(new NetworkRule("extended-infrastructure",
                    List.of("databricks"), List.of("20.73.215.48/28"), List.of(), List.of(), List.of("443"),
                    List.of("TCP"), rule(net, "extended-infrastructure").why()));
            NetworkRule webapp = (NetworkRule) rule(net, "webapp");
            assertThat(webapp.destinationAddresses()).containsExactly(
                    "20.103.219.240/28", "4.150.168.160/28", "40.74.30.80/32", "52.232.19.246/32");
            assertThat(webapp.ports()).containsExactly("443", "8443-8451");
            assertThat(webapp.protocols()).containsExactly("TCP");
        }

        @Test
        void everyRuleIsFromTheDatabricksSourceGroupAndSaysWhy() {
            Generated g = generate(options("westeurope").withLegacyHiveMetastore(true)
                    .withPackageRepositories(EnumSet.allOf(PackageRepository.class)));
            for (RuleCollectionGroupSpec group : g.groups()) {
                for (RuleCollection c : group.collections()) {
                    for (FirewallRule r : c.rules()) {
                        assertThat(r.sourceGroups()).as(r.name()).containsExactly(SourceGroups.DATABRICKS);
                        assertThat(r.why()).as(r.name()).contains("catalogue 2026-11-23");
                        assertThat(Destinations.problems(r.name(), r)).as(r.name()).isEmpty();
                    }
                }
            }
        }

        @Test
        void entraIdAllowsOnlyTheTokenEndpoint() {
            RuleCollection entra = collection(generate(options("westeurope")), EgressRules.ENTRA_GROUP,
                    EgressRules.ENTRA_COLLECTION);
            ApplicationRule login = (ApplicationRule) entra.rules().get(0);
            assertThat(entra.rules()).hasSize(1);
            assertThat(login.name()).isEqualTo("entra-login");
            assertThat(login.targetFqdns()).containsExactly("login.microsoftonline.com");
            assertThat(login.protocols()).containsExactly("Https:443");
        }
    }

    @Nested
    class ServiceTagsMode {

        @Test
        void westEuropeUsesRegionalTagsAndWarnsAboutStorage() {
            EgressRuleOptions o = options("westeurope").withMode(ControlPlaneMode.SERVICE_TAGS);
            Generated g = generate(o);
            assertThat(groupLayout(g)).containsExactly(
                    "100 rcg-databricks-control-plane",
                    "  120 databricks-net [storage, event-hub, extended-infrastructure, azure-databricks]",
                    "200 rcg-entra-id",
                    "  210 entra-id [entra-login]");
            RuleCollection net = collection(g, EgressRules.CONTROL_PLANE_GROUP, EgressRules.DATABRICKS_NET_COLLECTION);
            NetworkRule storage = (NetworkRule) rule(net, "storage");
            assertThat(storage.destinationServiceTags()).containsExactly("Storage.WestEurope");
            assertThat(storage.destinationAddresses()).isEmpty();
            assertThat(storage.ports()).containsExactly("443");
            NetworkRule eventHub = (NetworkRule) rule(net, "event-hub");
            assertThat(eventHub.destinationServiceTags()).containsExactly("EventHub.WestEurope");
            assertThat(eventHub.ports()).containsExactly("9093");
            assertThat(((NetworkRule) rule(net, "extended-infrastructure")).destinationAddresses())
                    .containsExactly("20.73.215.48/28");
            NetworkRule databricks = (NetworkRule) rule(net, "azure-databricks");
            assertThat(databricks.destinationServiceTags()).containsExactly("AzureDatabricks");
            assertThat(databricks.ports()).containsExactly("443", "8443-8451");
            assertThat(g.warnings()).containsExactly("controlPlaneMode serviceTags: Storage.WestEurope opens TCP 443 to"
                    + " every storage account in westeurope (any tenant), and EventHub.WestEurope TCP 9093 to every"
                    + " Event Hubs namespace there: an exfiltration path around the FQDN allowlist; prefer fqdn mode");
        }

        @Test
        void theStorageWarningIsOnlyInServiceTagsMode() {
            assertThat(generate(options("westeurope")).warnings()).noneMatch(w -> w.contains("Storage."));
            assertThat(generate(options("northeurope").withMode(ControlPlaneMode.SERVICE_TAGS)).warnings())
                    .anyMatch(w -> w.contains("Storage.NorthEurope opens TCP 443 to every storage account"));
        }

        @Test
        void missingStorageFieldsDoNotMatterBecauseTheyAreNotUsed() {
            EgressRuleOptions o = options("northeurope").withMode(ControlPlaneMode.SERVICE_TAGS);
            assertThat(EgressRules.fieldsUsed(o)).containsExactly(EXTENDED_INFRASTRUCTURE_IPS);
            assertThat(EgressRules.problems(CATALOGUE, o)).isEmpty();
            assertThat(EgressRules.problems(CATALOGUE, options("switzerlandnorth").withMode(ControlPlaneMode.SERVICE_TAGS)))
                    .isEmpty();
        }

        @Test
        void legacyMetastoreUsesTheSqlTagWithoutTheDnsProxy() {
            EgressRuleOptions o = options("westeurope").withMode(ControlPlaneMode.SERVICE_TAGS)
                    .withLegacyHiveMetastore(true).withDnsProxy(false);
            assertThat(EgressRules.problems(CATALOGUE, o)).isEmpty();
            Generated g = generate(o);
            NetworkRule metastore = (NetworkRule) rule(collection(g, EgressRules.CONTROL_PLANE_GROUP,
                    EgressRules.DATABRICKS_NET_COLLECTION), "legacy-metastore");
            assertThat(metastore.destinationServiceTags()).containsExactly("Sql.WestEurope");
            assertThat(metastore.ports()).containsExactly("3306");
            assertThat(g.warnings()).hasSize(2).last().asString().startsWith("controlPlaneMode serviceTags: Sql.WestEurope"
                    + " opens TCP 3306");
        }
    }

    @Nested
    class PrivateLinkAndLegacyMetastore {

        @Test
        void privateLinkDropsSccRelayAndWebappInFqdnMode() {
            EgressRuleOptions o = options("westeurope").withControlPlaneViaPrivateLink(true);
            Generated g = generate(o);
            assertThat(groupLayout(g)).containsExactly(
                    "100 rcg-databricks-control-plane",
                    "  110 databricks-app [artifact-storage, log-storage, system-tables-storage, event-hub]",
                    "  120 databricks-net [extended-infrastructure]",
                    "200 rcg-entra-id",
                    "  210 entra-id [entra-login]");
            assertThat(g.notes()).containsExactly("controlPlaneViaPrivateLink: SCC relay and web app traffic goes through"
                    + " the back-end private endpoint (databricks_ui_api), so the firewall does not allow sccRelayFqdns or"
                    + " webappIps");
            assertThat(EgressRules.fieldsUsed(o)).doesNotContain(WEBAPP_IPS, EgressCatalogue.SCC_RELAY_FQDNS);
        }

        @Test
        void privateLinkDropsTheAzureDatabricksTagInServiceTagsMode() {
            Generated g = generate(options("westeurope").withMode(ControlPlaneMode.SERVICE_TAGS)
                    .withControlPlaneViaPrivateLink(true));
            assertThat(ruleNames(collection(g, EgressRules.CONTROL_PLANE_GROUP, EgressRules.DATABRICKS_NET_COLLECTION)))
                    .containsExactly("storage", "event-hub", "extended-infrastructure");
            assertThat(g.notes()).singleElement().asString().contains("(no AzureDatabricks tag rule)");
        }

        @Test
        void legacyMetastoreInFqdnModeIsAnFqdnNetworkRule() {
            Generated g = generate(options("westeurope").withLegacyHiveMetastore(true));
            RuleCollection net = collection(g, EgressRules.CONTROL_PLANE_GROUP, EgressRules.DATABRICKS_NET_COLLECTION);
            assertThat(ruleNames(net)).containsExactly("extended-infrastructure", "webapp", "legacy-metastore");
            NetworkRule metastore = (NetworkRule) rule(net, "legacy-metastore");
            assertThat(metastore.destinationFqdns()).hasSize(8).isSorted()
                    .contains("consolidated-westeurope-prod-metastore.mysql.database.azure.com");
            assertThat(metastore.destinationAddresses()).isEmpty();
            assertThat(metastore.ports()).containsExactly("3306");
            assertThat(metastore.protocols()).containsExactly("TCP");
        }

        @Test
        void legacyMetastoreOffHasNoMetastoreRule() {
            Generated g = generate(options("westeurope"));
            assertThat(ruleNames(collection(g, EgressRules.CONTROL_PLANE_GROUP, EgressRules.DATABRICKS_NET_COLLECTION)))
                    .doesNotContain("legacy-metastore");
        }

        @Test
        void legacyMetastoreInFqdnModeNeedsTheDnsProxy() {
            String problem = "legacyHiveMetastore in fqdn mode is a network rule with destination FQDNs"
                    + " (legacyMetastoreFqdns, TCP 3306), which needs the firewall DNS proxy; use serviceTags mode,"
                    + " enable dnsProxy, or set legacyHiveMetastore false";
            EgressRuleOptions o = options("westeurope").withLegacyHiveMetastore(true).withDnsProxy(false);
            assertThat(EgressRules.problems(CATALOGUE, o)).containsExactly(problem);
            assertThatThrownBy(() -> generate(o)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot generate the egress firewall rules:\n  - " + problem);
            assertThat(EgressRules.problems(CATALOGUE, o.withLegacyHiveMetastore(false))).isEmpty();
        }
    }

    @Nested
    class IncompleteRegions {

        static final String NORTHEUROPE_PROBLEM = "firewall.regionOverrides.systemTablesStorageFqdns is needed for region"
                + " 'northeurope': the Databricks egress catalogue (version 2026-11-23) has systemTablesStorageFqdns"
                + " missing and the fqdn control-plane mode uses it; note: not present in AzureTRE source; see"
                + " databricksCommon.systemTablesStoragePattern; candidate ucstprdnortheu.dfs.core.windows.net (derived"
                + " from a naming pattern, never used unconfirmed). Confirm it at " + CONFIRM + " and set"
                + " firewall.regionOverrides.systemTablesStorageFqdns, like [\"ucstprdnortheu.dfs.core.windows.net\"],"
                + " or [] when the page lists none for northeurope";

        @Test
        void northEuropeNeedsASystemTablesOverride() {
            EgressRuleOptions o = options("northeurope");
            assertThat(EgressRules.problems(CATALOGUE, o)).containsExactly(NORTHEUROPE_PROBLEM);
            assertThatThrownBy(() -> generate(o)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(NORTHEUROPE_PROBLEM);
        }

        @Test
        void northEuropeWithTheOverrideUsesIt() {
            EgressRuleOptions o = options("northeurope")
                    .withRegionOverrides(Map.of(SYSTEM_TABLES_FQDNS, List.of("ucstprdnortheu.dfs.core.windows.net")));
            assertThat(EgressRules.problems(CATALOGUE, o)).isEmpty();
            Generated g = generate(o);
            ApplicationRule systemTables = (ApplicationRule) rule(collection(g, EgressRules.CONTROL_PLANE_GROUP,
                    EgressRules.DATABRICKS_APP_COLLECTION), "system-tables-storage");
            assertThat(systemTables.targetFqdns()).containsExactly("ucstprdnortheu.dfs.core.windows.net");
            assertThat(systemTables.why()).contains("systemTablesStorageFqdns from firewall.regionOverrides.systemTablesStorageFqdns");
            assertThat(g.notes()).containsExactly("systemTablesStorageFqdns for northeurope supplied by"
                    + " firewall.regionOverrides.systemTablesStorageFqdns (catalogue 2026-11-23: missing)");
        }

        @Test
        void eastUs2NeedsASystemTablesOverrideToo() {
            assertThat(EgressRules.problems(CATALOGUE, options("eastus2"))).singleElement().asString()
                    .startsWith("firewall.regionOverrides.systemTablesStorageFqdns is needed for region 'eastus2'")
                    .contains("candidate ucstprdeastus2.dfs.core.windows.net", CONFIRM);
            EgressRuleOptions o = options("eastus2")
                    .withRegionOverrides(Map.of(SYSTEM_TABLES_FQDNS, List.of("ucstprdeastus2.dfs.core.windows.net")));
            assertThat(EgressRules.problems(CATALOGUE, o)).isEmpty();
            assertThat(((ApplicationRule) rule(collection(generate(o), EgressRules.CONTROL_PLANE_GROUP,
                    EgressRules.DATABRICKS_APP_COLLECTION), "system-tables-storage")).targetFqdns())
                    .containsExactly("ucstprdeastus2.dfs.core.windows.net");
        }

        @Test
        void eastUsUnverifiedSystemTablesAreRefusedUntilConfirmed() {
            assertThat(EgressRules.problems(CATALOGUE, options("eastus"))).containsExactly(
                    "firewall.regionOverrides.systemTablesStorageFqdns is needed for region 'eastus': the Databricks"
                            + " egress catalogue (version 2026-11-23) has systemTablesStorageFqdns unverified and the fqdn"
                            + " control-plane mode uses it; unconfirmed values: ucstprdeastus.dfs.core.windows.net; note:"
                            + " third-party; matches pattern ucstprd<artifact-account-suffix>. Confirm it at " + CONFIRM
                            + " and set firewall.regionOverrides.systemTablesStorageFqdns, like"
                            + " [\"ucstprdeastus.dfs.core.windows.net\"], or [] when the page lists none for eastus");
            assertThat(EgressRules.problems(CATALOGUE, options("eastus")
                    .withRegionOverrides(Map.of(SYSTEM_TABLES_FQDNS, List.of("ucstprdeastus.dfs.core.windows.net")))))
                    .isEmpty();
        }

        @Test
        void missingExtendedInfrastructureIsRefusedInBothModesAndAnEmptyOverrideDropsTheRule() {
            for (ControlPlaneMode mode : ControlPlaneMode.values()) {
                assertThat(EgressRules.problems(CATALOGUE, options("qatarcentral").withMode(mode)))
                        .anyMatch(p -> p.startsWith("firewall.regionOverrides.extendedInfrastructureIps is needed for"
                                + " region 'qatarcentral'") && p.contains("like [\"20.73.215.48/28\"] (westeurope's shape)"));
            }
            EgressRuleOptions o = options("qatarcentral").withMode(ControlPlaneMode.SERVICE_TAGS)
                    .withRegionOverrides(Map.of(EXTENDED_INFRASTRUCTURE_IPS, List.of()));
            assertThat(EgressRules.problems(CATALOGUE, o)).isEmpty();
            Generated g = generate(o);
            assertThat(ruleNames(collection(g, EgressRules.CONTROL_PLANE_GROUP, EgressRules.DATABRICKS_NET_COLLECTION)))
                    .containsExactly("storage", "event-hub", "azure-databricks");
            assertThat(g.notes()).containsExactly(
                    "extendedInfrastructureIps for qatarcentral supplied by firewall.regionOverrides.extendedInfrastructureIps"
                            + " (catalogue 2026-11-23: missing); the empty list drops the rule",
                    "rule extended-infrastructure omitted: it has no destinations after firewall.regionOverrides");
        }

        @Test
        void suspectRowsListEveryFieldToConfirm() {
            assertThat(EgressRules.problems(CATALOGUE, options("swedencentral").withLegacyHiveMetastore(true)))
                    .extracting(p -> p.substring(0, p.indexOf(" is needed")))
                    .containsExactly(
                            "firewall.regionOverrides.artifactStoragePrimaryFqdns",
                            "firewall.regionOverrides.artifactStorageSecondaryFqdns",
                            "firewall.regionOverrides.logBlobStorageFqdns",
                            "firewall.regionOverrides.systemTablesStorageFqdns",
                            "firewall.regionOverrides.eventHubFqdns",
                            "firewall.regionOverrides.legacyMetastoreFqdns");
        }

        @Test
        void anUnknownRegionIsAProblem() {
            List<String> problems = EgressRules.problems(CATALOGUE, options("atlantis"));
            assertThat(problems).singleElement().asString().startsWith("region 'atlantis' is not in the Databricks"
                    + " egress catalogue (version 2026-11-23); use a public-cloud region like 'westeurope' (known:"
                    + " australiacentral, australiacentral2,");
            assertThat(EgressRules.problems(CATALOGUE, options("West Europe"))).singleElement().asString()
                    .contains("(did you mean 'westeurope'?)");
            assertThat(EgressRules.problems(CATALOGUE, options("usgovvirginia"))).singleElement().asString()
                    .contains("(sovereign-cloud regions are not supported)");
            assertThat(EgressRules.problems(CATALOGUE, options(null))).containsExactly("region is required, like 'westeurope'");
            assertThatThrownBy(() -> generate(options("atlantis"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("region 'atlantis' is not in the Databricks egress catalogue");
        }
    }

    @Nested
    class Overrides {

        @Test
        void overridesAreValidated() {
            EgressRuleOptions o = options("westeurope").withRegionOverrides(Map.of(
                    SYSTEM_TABLES_FQDNS, List.of("*.dfs.core.windows.net", "https://ucstprdwesteu.dfs.core.windows.net/"),
                    WEBAPP_IPS, List.of("0.0.0.0/0", "52.232.19.246"),
                    "systemTables", List.of("x.y")));
            assertThat(EgressRules.problems(CATALOGUE, o)).containsExactly(
                    "firewall.regionOverrides.systemTables is not a catalogue field; use one of webappIps, sccRelayFqdns,"
                            + " sccRelayIps, extendedInfrastructureIps, legacyMetastoreFqdns, artifactStoragePrimaryFqdns,"
                            + " artifactStorageSecondaryFqdns, logBlobStorageFqdns, eventHubFqdns, systemTablesStorageFqdns",
                    "firewall.regionOverrides.systemTablesStorageFqdns[0] '*.dfs.core.windows.net': network-rule FQDNs"
                            + " cannot take wildcards; list each host, like repo1.maven.org, or use an application rule",
                    "firewall.regionOverrides.systemTablesStorageFqdns[1] 'https://ucstprdwesteu.dfs.core.windows.net/' is"
                            + " a URL; give the host name only, like ucstprdwesteu.dfs.core.windows.net",
                    "firewall.regionOverrides.webappIps[0] '0.0.0.0/0' opens the whole internet; give IPv4 addresses or"
                            + " CIDRs like 20.73.215.48/28");
        }

        @Test
        void anOverrideReplacesEvenAVerifiedValueAndBareAddressesAreSlash32() {
            Generated g = generate(options("westeurope")
                    .withRegionOverrides(Map.of(WEBAPP_IPS, List.of("52.232.19.246", "4.150.168.160/28", "52.232.19.246"))));
            NetworkRule webapp = (NetworkRule) rule(collection(g, EgressRules.CONTROL_PLANE_GROUP,
                    EgressRules.DATABRICKS_NET_COLLECTION), "webapp");
            assertThat(webapp.destinationAddresses()).containsExactly("4.150.168.160/28", "52.232.19.246/32");
            assertThat(g.notes()).containsExactly("webappIps for westeurope supplied by firewall.regionOverrides.webappIps"
                    + " (catalogue 2026-11-23: verified)");
        }

        @Test
        void anUnusedOverrideIsAWarning() {
            Generated g = generate(options("westeurope").withControlPlaneViaPrivateLink(true)
                    .withRegionOverrides(Map.of(WEBAPP_IPS, List.of("52.232.19.246/32"))));
            assertThat(g.warnings()).containsExactly("firewall.regionOverrides.webappIps is set but not used:"
                    + " controlPlaneViaPrivateLink is on");
        }

        @Test
        void aNullOverrideListIsRefusedAtConstruction() {
            Map<String, List<String>> overrides = new java.util.HashMap<>();
            overrides.put(WEBAPP_IPS, null);
            assertThatThrownBy(() -> options("westeurope").withRegionOverrides(overrides))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("firewall.regionOverrides.webappIps is null; give a list");
        }
    }

    @Nested
    class PackageRepositories {

        @Test
        void noRepositoriesNoGroup() {
            assertThat(generate(options("westeurope")).groups()).extracting(RuleCollectionGroupSpec::name)
                    .doesNotContain(EgressRules.PACKAGE_GROUP);
        }

        @Test
        void oneRulePerRepositorySortedByName() {
            Generated g = generate(options("westeurope").withPackageRepositories(
                    EnumSet.of(PackageRepository.SPARK_PACKAGES, PackageRepository.PYPI, PackageRepository.CRAN,
                            PackageRepository.MAVEN_CENTRAL)));
            RuleCollectionGroupSpec group = group(g, EgressRules.PACKAGE_GROUP);
            assertThat(group.priority()).isEqualTo(400);
            RuleCollection c = group.collections().get(0);
            assertThat(c.name()).isEqualTo("package-repositories");
            assertThat(c.priority()).isEqualTo(410);
            assertThat(ruleNames(c)).containsExactly("cran", "maven-central", "pypi", "spark-packages");
            ApplicationRule pypi = (ApplicationRule) rule(c, "pypi");
            assertThat(pypi.targetFqdns()).containsExactly("files.pythonhosted.org", "pypi.org");
            assertThat(pypi.protocols()).containsExactly("Https:443");
            assertThat(pypi.why()).contains("packageRepositories.pypi");
            assertThat(((ApplicationRule) rule(c, "maven-central")).targetFqdns())
                    .containsExactly("repo.maven.apache.org", "repo1.maven.org");
            assertThat(((ApplicationRule) rule(c, "cran")).targetFqdns())
                    .containsExactly("cloud.r-project.org", "cran.r-project.org");
            assertThat(((ApplicationRule) rule(c, "spark-packages")).targetFqdns())
                    .containsExactly("repos.spark-packages.org");
        }

        @Test
        void configNamesParse() {
            assertThat(PackageRepository.parse("pypi")).isEqualTo(PackageRepository.PYPI);
            assertThat(PackageRepository.parse("maven")).isEqualTo(PackageRepository.MAVEN_CENTRAL);
            assertThat(PackageRepository.parse("cran")).isEqualTo(PackageRepository.CRAN);
            assertThat(PackageRepository.parse("sparkPackages")).isEqualTo(PackageRepository.SPARK_PACKAGES);
            assertThatThrownBy(() -> PackageRepository.parse("npm")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("packageRepositories 'npm' is not a known package repository; use one of 'pypi', 'maven',"
                            + " 'cran', 'sparkPackages', like 'pypi'");
            assertThat(ControlPlaneMode.parse("fqdn")).isEqualTo(ControlPlaneMode.FQDN);
            assertThat(ControlPlaneMode.parse("serviceTags")).isEqualTo(ControlPlaneMode.SERVICE_TAGS);
            assertThatThrownBy(() -> ControlPlaneMode.parse("service_tags")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("controlPlaneMode 'service_tags' is not a control-plane mode (did you mean"
                            + " 'serviceTags'?); use 'fqdn' (default, Databricks-owned storage only) or 'serviceTags'");
            assertThat(ControlPlaneMode.problem("firewall.controlPlaneMode", "tags")).contains("firewall.controlPlaneMode"
                    + " 'tags' is not a control-plane mode; use 'fqdn' (default, Databricks-owned storage only) or"
                    + " 'serviceTags'");
        }
    }

    @Nested
    class Contributions {

        static RuleCollection appCollection(String name, String... fqdns) {
            return new RuleCollection(name, 100, List.of(new ApplicationRule("allow-" + name, List.of("databricks"),
                    List.of(fqdns), List.of("Https:443"), "why " + name)));
        }

        static final RuleContribution ONELAKE = new RuleContribution("onelake", List.of(
                appCollection("landing", "onelake.dfs.fabric.microsoft.com", "*.onelake.dfs.fabric.microsoft.com"),
                appCollection("api", "api.fabric.microsoft.com")));
        static final RuleContribution MONITORING = new RuleContribution("monitoring", List.of(
                appCollection("ama", "global.handler.control.monitor.azure.com")));

        @Test
        void areMergedSortedAndRenumbered() {
            Generated g = EgressRules.generate(CATALOGUE, options("westeurope"), List.of(ONELAKE, MONITORING));
            RuleCollectionGroupSpec group = group(g, EgressRules.CONTRIBUTIONS_GROUP);
            assertThat(group.priority()).isEqualTo(300);
            assertThat(group.collections()).extracting(c -> c.priority() + " " + c.name())
                    .containsExactly("310 monitoring-ama", "320 onelake-api", "330 onelake-landing");
            assertThat(group.collections().get(2).rules()).isEqualTo(ONELAKE.collections().get(0).rules());
            assertThat(g.groups()).extracting(RuleCollectionGroupSpec::priority).containsExactly(100, 200, 300);
            assertThat(EgressRules.generate(CATALOGUE, options("westeurope"), List.of(MONITORING, ONELAKE)))
                    .isEqualTo(g);
        }

        @Test
        void validContributionsHaveNoProblems() {
            assertThat(EgressRules.contributionProblems(List.of(ONELAKE, MONITORING), KNOWN)).isEmpty();
            assertThat(EgressRules.problems(CATALOGUE, options("westeurope"), List.of(ONELAKE, MONITORING), KNOWN)).isEmpty();
        }

        @Test
        void unknownSourceGroupsAreRefused() {
            RuleContribution c = new RuleContribution("onelake", List.of(new RuleCollection("landing", 100, List.of(
                    new ApplicationRule("read", List.of("spark"), List.of("onelake.dfs.fabric.microsoft.com"),
                            List.of("Https:443"), "why")))));
            assertThat(EgressRules.contributionProblems(List.of(c), KNOWN)).containsExactly(
                    "contributions[onelake].collections[landing].rules[read].sourceGroups[0] 'spark' is not a known source"
                            + " IP group; use one of databricks");
        }

        @Test
        void duplicateCollectionNamesAfterPrefixingAreRefused() {
            RuleContribution a = new RuleContribution("one", List.of(appCollection("lake-landing", "a.example.org")));
            RuleContribution b = new RuleContribution("one-lake", List.of(appCollection("landing", "b.example.org")));
            assertThat(EgressRules.contributionProblems(List.of(a, b), KNOWN)).containsExactly(
                    "contributions[one-lake].collections[landing] would be named 'one-lake-landing' like"
                            + " contributions[one].collections[lake-landing]; collection names must be unique after the"
                            + " owner prefix");
            assertThat(EgressRules.contributionProblems(List.of(ONELAKE, ONELAKE), KNOWN)).hasSize(2);
        }

        @Test
        void structuralProblemsAreRefused() {
            RuleCollection empty = new RuleCollection("empty", 100, List.of());
            RuleCollection mixed = new RuleCollection("mixed", 100, List.of(
                    new ApplicationRule("a", List.of("databricks"), List.of("pypi.org"), List.of("Https:443"), "why"),
                    new NetworkRule("n", List.of("databricks"), List.of("20.73.215.48/28"), List.of(), List.of(),
                            List.of("443"), List.of("TCP"), "why")));
            RuleCollection twice = new RuleCollection("twice", 100, List.of(
                    new ApplicationRule("a", List.of("databricks"), List.of("pypi.org"), List.of("Https:443"), "why"),
                    new ApplicationRule("a", List.of("databricks"), List.of("pypi.org"), List.of("Https:443"), "why")));
            assertThat(EgressRules.contributionProblems(List.of(
                    new RuleContribution("OneLake", List.of()),
                    new RuleContribution("x", List.of(empty, mixed, twice)),
                    new RuleContribution("databricks", List.of(appCollection("app", "pypi.org")))), KNOWN))
                    .containsExactly(
                            "contributions[0].owner 'OneLake' must be lower-case letters, digits and '-', starting with a"
                                    + " letter, like onelake-landing",
                            "contributions[0].collections is empty; contribute at least one rule collection, or no"
                                    + " contribution",
                            "contributions[x].collections[empty] has no rules; an empty collection allows nothing, drop it",
                            "contributions[x].collections[mixed] mixes application and network rules; Azure keeps each kind"
                                    + " in its own collection: split it into two",
                            "contributions[x].collections[twice].rules[a] is named like an earlier rule of the collection;"
                                    + " rule names must be unique within a collection",
                            "contributions[databricks].collections[app] would be named 'databricks-app', which the"
                                    + " platform uses itself; rename it");
        }

        @Test
        void invalidDestinationsAreRefusedWithTheirPath() {
            RuleContribution c = new RuleContribution("pkgs", List.of(
                    appCollection("pypi", "https://pypi.org/simple", "*"),
                    new RuleCollection("net", 100, List.of(new NetworkRule("mysql", List.of("databricks"), List.of(),
                            List.of(), List.of("*.mysql.database.azure.com"), List.of("70000"), List.of("TCP"), "why"),
                            new NetworkRule("open", List.of("databricks"), List.of("0.0.0.0/0"), List.of(), List.of(),
                                    List.of("443"), List.of("TCP"), "why"),
                            new NetworkRule("internet", List.of("databricks"), List.of(), List.of("Internet"), List.of(),
                                    List.of("443"), List.of("tcp"), "why"))),
                    new RuleCollection("proto", 100, List.of(new ApplicationRule("ftp", List.of("databricks"),
                            List.of("ftp.example.org"), List.of("Ftp:21"), "why")))));
            assertThat(EgressRules.contributionProblems(List.of(c), KNOWN)).containsExactly(
                    "contributions[pkgs].collections[pypi].rules[allow-pypi].targetFqdns[0] 'https://pypi.org/simple' is a"
                            + " URL; give the host name only, like pypi.org",
                    "contributions[pkgs].collections[pypi].rules[allow-pypi].targetFqdns[1] '*' opens everything; list the"
                            + " host names needed, like pypi.org",
                    "contributions[pkgs].collections[net].rules[mysql].destinationFqdns[0] '*.mysql.database.azure.com':"
                            + " network-rule FQDNs cannot take wildcards; list each host, like repo1.maven.org, or use an"
                            + " application rule",
                    "contributions[pkgs].collections[net].rules[mysql].ports[0] '70000' is out of range; ports are"
                            + " 1-65535, like 443",
                    "contributions[pkgs].collections[net].rules[open].destinationAddresses[0] '0.0.0.0/0' opens the whole"
                            + " internet; give IPv4 addresses or CIDRs like 20.73.215.48/28",
                    "contributions[pkgs].collections[net].rules[internet].destinationServiceTags[0] 'Internet' opens the"
                            + " whole internet; use a specific tag like Storage.WestEurope or AzureDatabricks",
                    "contributions[pkgs].collections[net].rules[internet].protocols[0] 'tcp' is spelled wrong; write TCP",
                    "contributions[pkgs].collections[proto].rules[ftp].protocols[0] 'Ftp:21' is not an application"
                            + " protocol; use Https:443, Http:80 or Mssql:1433");
            assertThatThrownBy(() -> EgressRules.generate(CATALOGUE, options("westeurope"), List.of(c)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'https://pypi.org/simple' is a URL");
        }

        @Test
        void contributedFqdnNetworkRulesNeedTheDnsProxy() {
            RuleContribution c = new RuleContribution("sql", List.of(new RuleCollection("db", 100, List.of(
                    new NetworkRule("mysql", List.of("databricks"), List.of(), List.of(),
                            List.of("my-server.mysql.database.azure.com"), List.of("3306"), List.of("TCP"), "why")))));
            EgressRuleOptions o = options("westeurope").withDnsProxy(false);
            assertThat(EgressRules.problems(CATALOGUE, o, List.of(c), KNOWN)).containsExactly(
                    "contributions[sql].collections[db].rules[mysql].destinationFqdns needs the firewall DNS proxy;"
                            + " enable dnsProxy or use destinationAddresses like 20.73.215.48/28");
            assertThatThrownBy(() -> EgressRules.generate(CATALOGUE, o, List.of(c)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the firewall DNS proxy");
            assertThat(EgressRules.generate(CATALOGUE, o.withDnsProxy(true), List.of(c)).groups()).hasSize(3);
        }
    }

    @Test
    void theResultIsImmutable() {
        Generated g = generate(options("westeurope"));
        assertThatThrownBy(() -> g.groups().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> g.notes().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options("westeurope").regionOverrides().put("a", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNullModeMeansFqdn() {
        assertThat(new EgressRuleOptions("westeurope", null, false, false, null, null, true).mode())
                .isEqualTo(ControlPlaneMode.FQDN);
    }
}
