package com.ztplatform.components.firewall;

import static com.ztplatform.components.firewall.EgressCatalogue.ARTIFACT_PRIMARY_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.ARTIFACT_SECONDARY_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.EVENT_HUB_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.EXTENDED_INFRASTRUCTURE_IPS;
import static com.ztplatform.components.firewall.EgressCatalogue.LEGACY_METASTORE_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.SCC_RELAY_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.SCC_RELAY_IPS;
import static com.ztplatform.components.firewall.EgressCatalogue.SYSTEM_TABLES_FQDNS;
import static com.ztplatform.components.firewall.EgressCatalogue.WEBAPP_IPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ztplatform.components.common.AzureRegions;
import com.ztplatform.components.firewall.EgressCatalogue.Field;
import com.ztplatform.components.firewall.EgressCatalogue.RegionEntry;
import com.ztplatform.components.firewall.EgressCatalogue.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped catalogue, checked against values read by hand from the documentation pages it cites. */
class EgressCatalogueTest {

    private static final String LEARN = "https://learn.microsoft.com/en-us/azure/databricks/resources/ip-domain-region";
    private static final String AZURE_TRE = "https://github.com/microsoft/AzureTRE/blob/3b773995fb730b54b09028e3a5b6cc4a9b78bae1"
            + "/templates/workspace_services/databricks/terraform/databricks-udr.json";

    private final EgressCatalogue catalogue = EgressCatalogue.load();

    private RegionEntry region(String name) {
        return catalogue.region(name).orElseThrow();
    }

    @Test
    void isLoadedOnceAndVersionedByTheFactsDate() {
        assertThat(EgressCatalogue.load()).isSameAs(catalogue);
        assertThat(catalogue.version()).isEqualTo("2026-11-23");
    }

    @Test
    void holdsExactlyThePublicCloudRegionsThePlatformSupports() {
        assertThat(catalogue.regions()).containsExactlyElementsOf(AzureRegions.SUPPORTED);
        assertThat(catalogue.regions()).noneMatch(r -> r.startsWith("china") || r.startsWith("usgov"));
        assertThat(catalogue.region("chinaeast2")).isEmpty();
        assertThat(catalogue.region("nowhere")).isEmpty();
        assertThat(catalogue.region(null)).isEmpty();
    }

    @Test
    void westEuropeIsVerifiedWithItsSources() {
        RegionEntry we = region("westeurope");
        assertThat(we.serviceTagRegion()).isEqualTo("WestEurope");
        for (String field : EgressCatalogue.FIELDS) {
            assertThat(we.field(field).status()).as(field).isEqualTo(Status.VERIFIED);
        }
        Field artifact = we.field(ARTIFACT_PRIMARY_FQDNS);
        assertThat(artifact.values()).hasSize(25)
                .contains("dbartifactsprodwesteu.blob.core.windows.net", "arprodwesteua24.blob.core.windows.net");
        assertThat(artifact.sources()).containsExactly(AZURE_TRE, LEARN);
        assertThat(we.field(ARTIFACT_SECONDARY_FQDNS).values()).containsExactly("dbartifactsprodnortheu.blob.core.windows.net");
        assertThat(we.field(WEBAPP_IPS).values())
                .containsExactly("52.232.19.246/32", "40.74.30.80/32", "20.103.219.240/28", "4.150.168.160/28");
        assertThat(we.field(EXTENDED_INFRASTRUCTURE_IPS).values()).containsExactly("20.73.215.48/28");
        assertThat(we.field(SCC_RELAY_FQDNS).values())
                .containsExactly("tunnel.westeurope.azuredatabricks.net", "tunnel.westeuropec2.azuredatabricks.net");
        assertThat(we.field(LEGACY_METASTORE_FQDNS).values()).hasSize(8)
                .contains("consolidated-westeurope-prod-metastore.mysql.database.azure.com");
        Field systemTables = we.field(SYSTEM_TABLES_FQDNS);
        assertThat(systemTables.values()).containsExactly("ucstprdwesteu.dfs.core.windows.net");
        assertThat(systemTables.candidate()).isNull();
        assertThat(systemTables.sources()).containsExactly("https://github.com/databricks/terraform-databricks-examples/blob/"
                + "fb6ff0c36b5c570ae08b75aa671ad1e52926c392/examples/adb-exfiltration-protection/terraform.tfvars");
    }

    @Test
    void northEuropeAndEastUs2SystemTablesAreMissingWithOnlyACandidate() {
        Field ne = region("northeurope").field(SYSTEM_TABLES_FQDNS);
        assertThat(ne.status()).isEqualTo(Status.MISSING);
        assertThat(ne.values()).isEmpty();
        assertThat(ne.candidate()).isEqualTo("ucstprdnortheu.dfs.core.windows.net");
        assertThat(ne.note()).contains("not present in AzureTRE source");

        Field eastus2 = region("eastus2").field(SYSTEM_TABLES_FQDNS);
        assertThat(eastus2.status()).isEqualTo(Status.MISSING);
        assertThat(eastus2.candidate()).isEqualTo("ucstprdeastus2.dfs.core.windows.net");
        assertThat(region("northeurope").field(ARTIFACT_PRIMARY_FQDNS).status()).isEqualTo(Status.VERIFIED);
    }

    @Test
    void eastUsSystemTablesAreUnverifiedThirdPartyValues() {
        Field f = region("eastus").field(SYSTEM_TABLES_FQDNS);
        assertThat(f.status()).isEqualTo(Status.UNVERIFIED);
        assertThat(f.values()).containsExactly("ucstprdeastus.dfs.core.windows.net");
        assertThat(f.candidate()).isNull();
        assertThat(f.note()).startsWith("third-party");
    }

    @Test
    void fqdnsAreLowerCased() {
        // azure-facts.json flags that it lower-cased prod-westus-observabilityEventHubs for eastus.
        assertThat(region("eastus").field(EVENT_HUB_FQDNS).values())
                .contains("prod-westus-observabilityeventhubs.servicebus.windows.net");
    }

    @Test
    void suspectSourceRowsAreUnverified() {
        RegionEntry sweden = region("swedencentral");
        for (String field : List.of(ARTIFACT_PRIMARY_FQDNS, EgressCatalogue.LOG_STORAGE_FQDNS, EVENT_HUB_FQDNS,
                LEGACY_METASTORE_FQDNS)) {
            assertThat(sweden.field(field).status()).as(field).isEqualTo(Status.UNVERIFIED);
            assertThat(sweden.field(field).note()).as(field).contains("SUSPECT");
        }
        assertThat(sweden.field(ARTIFACT_PRIMARY_FQDNS).values()).containsExactly("dbartifactsprodswissnor.blob.core.windows.net");
        // A SUSPECT flag naming a field makes it unverified even without a completeness entry.
        Field eastAsiaRelayIps = region("eastasia").field(SCC_RELAY_IPS);
        assertThat(eastAsiaRelayIps.status()).isEqualTo(Status.UNVERIFIED);
        assertThat(eastAsiaRelayIps.note()).contains("102.37.41.3/32");
        assertThat(region("eastasia").field(SCC_RELAY_FQDNS).status()).isEqualTo(Status.VERIFIED);
    }

    @Test
    void emptySourceValuesAreMissing() {
        assertThat(region("qatarcentral").field(EXTENDED_INFRASTRUCTURE_IPS).status()).isEqualTo(Status.MISSING);
        assertThat(region("switzerlandnorth").field(ARTIFACT_PRIMARY_FQDNS).status()).isEqualTo(Status.MISSING);
    }

    @Test
    void everyValueIsAValidDestinationAndEveryPresentValueHasASource() {
        List<String> problems = new ArrayList<>();
        for (String name : catalogue.regions()) {
            RegionEntry r = region(name);
            assertThat(r.fields().keySet()).containsExactlyElementsOf(EgressCatalogue.FIELDS);
            for (String field : EgressCatalogue.FIELDS) {
                Field f = r.field(field);
                String path = name + "." + field;
                for (String v : f.values()) {
                    (EgressCatalogue.isIpField(field) ? Destinations.addressProblem(path, v)
                            : Destinations.fqdnProblem(path, v, false)).ifPresent(problems::add);
                }
                if (f.candidate() != null) {
                    Destinations.fqdnProblem(path + ".candidate", f.candidate(), false).ifPresent(problems::add);
                    assertThat(f.status()).as(path).isEqualTo(Status.MISSING);
                }
                if (f.status() != Status.MISSING && f.sources().isEmpty()) {
                    problems.add(path + " has no source");
                }
                if ((f.status() == Status.MISSING) != f.values().isEmpty()) {
                    problems.add(path + " status " + f.status() + " with values " + f.values());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void packageRepositoriesAreConcreteHostsWithSources() {
        assertThat(PackageRepository.PYPI.fqdns()).containsExactly("pypi.org", "files.pythonhosted.org");
        assertThat(PackageRepository.MAVEN_CENTRAL.fqdns()).containsExactly("repo1.maven.org", "repo.maven.apache.org");
        assertThat(PackageRepository.CRAN.fqdns()).containsExactly("cran.r-project.org", "cloud.r-project.org");
        assertThat(PackageRepository.SPARK_PACKAGES.fqdns()).containsExactly("repos.spark-packages.org");
        for (PackageRepository repo : PackageRepository.values()) {
            assertThat(catalogue.packageRepository(repo).sources()).as(repo.name())
                    .contains("https://github.com/databricks/terraform-databricks-sra/blob/"
                            + "72a96ea00e6a3f2695d20f226f2c30e1f7cee306/azure/tf/variables.tf");
            for (String fqdn : repo.fqdns()) {
                assertThat(Destinations.fqdnProblem(repo.name(), fqdn, false)).isEmpty();
            }
        }
        assertThat(catalogue.packageRepository(PackageRepository.CRAN).sources())
                .contains("https://cran.r-project.org/mirrors.html");
    }

    @Test
    void entraIdAndPortsComeFromTheFacts() {
        assertThat(catalogue.entraIdFqdns()).containsExactly("login.microsoftonline.com");
        assertThat(catalogue.entraIdSources()).isNotEmpty();
        assertThat(catalogue.ports().get("webappIps")).containsExactlyElementsOf(EgressRules.WEBAPP_PORTS);
        assertThat(catalogue.ports().get("eventHub")).containsExactly("9093");
        assertThat(catalogue.ports().get("legacyMetastore")).containsExactly("3306");
        assertThat(catalogue.ports().get("storage")).containsExactly("443");
        assertThat(catalogue.portSources()).hasSize(2);
    }

    @Test
    void isImmutable() {
        RegionEntry we = region("westeurope");
        assertThatThrownBy(() -> we.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> we.field(WEBAPP_IPS).values().add("1.2.3.4/32"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalogue.ports().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalogue.regions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownFieldNamesAreRefused() {
        assertThatThrownBy(() -> region("westeurope").field("webappIp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown catalogue field 'webappIp'; use one of [webappIps,");
    }

    @Test
    void malformedJsonIsRefusedWithTheReason() {
        assertThatThrownBy(() -> EgressCatalogue.fromJson("[]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> EgressCatalogue.fromJson("{\"regions\": {}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Databricks egress catalogue is malformed: catalogueVersion is missing");
    }
}
