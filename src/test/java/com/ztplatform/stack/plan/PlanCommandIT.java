package com.ztplatform.stack.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.stack.SharedPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.ztplatform.stack.plan.PlanCommandRuns.REPO;
import static com.ztplatform.stack.plan.PlanCommandRuns.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** The plan command on whole stacks: it runs the program, so these are integration tests. */
class PlanCommandIT {
    @Test
    void aCommandRunIsByteIdenticalToTheSharedPlanOfTheSameStack(@TempDir Path tmp) throws IOException {
        var run = plan("dev", "--out", tmp.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("plan dev: " + SharedPlans.plan("dev").resources().size() + " resources (");
        for (var file : new String[]{"plan.json", "tree.txt", "topology.md", "egress.md", "role-assignments.md"}) {
            assertThat(Files.readAllBytes(tmp.resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(SharedPlans.files("dev").resolve(file)));
        }
    }

    @Test
    void secureConfigValuesNeverReachThePlan(@TempDir Path tmp) throws IOException {
        Files.copy(REPO.resolve("Pulumi.yaml"), tmp.resolve("Pulumi.yaml"));
        var ciphertext = "v1:Zm9vYmFyYmF6cXV4c2VjcmV0Y2lwaGVydGV4dA==";
        var stack = Files.readString(REPO.resolve("Pulumi.dev.yaml"))
                + "  zt-databricks:landingClientSecret:\n    secure: " + ciphertext + "\n";
        Files.writeString(tmp.resolve("Pulumi.sec.yaml"), stack);
        var run = plan("sec", "--root", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        var json = Files.readString(tmp.resolve("out/plan.json"));
        assertThat(json).doesNotContain(ciphertext).doesNotContain("Zm9vYmFy");
        var config = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("config");
        assertThat(config.get("zt-databricks:landingClientSecret").getAsString()).isEqualTo("[secret]");
    }

    @Test
    void treeAndTopologyDescribeThePlan() throws IOException {
        var tmp = SharedPlans.files("prod");
        var plan = JsonParser.parseString(Files.readString(tmp.resolve("plan.json"))).getAsJsonObject();
        int resources = plan.getAsJsonArray("resources").size();
        var tree = Files.readString(tmp.resolve("tree.txt"));
        assertThat(tree).startsWith("Stack prod (project zt-databricks): " + resources + " resources");
        // 16 hub zones (the defaults, with privatelink.services.ai.azure.com for the AI services account,
        // privatelink.azurewebsites.net for the function app and privatelink.westeurope.azmk8s.io for the AKS cluster)
        // plus one workspace-side privatelink.azuredatabricks.net
        // per workspace (analytics, datasci, webauth).
        // 19 before the Azure Monitor Private Link Scope added its four zones (monitor, oms, ods, agentsvc).
        assertThat(tree).contains("  23  azure-native:network:PrivateZone");
        var topology = Files.readString(tmp.resolve("topology.md"));
        assertThat(topology).contains("```mermaid\nflowchart LR").contains("VNet ztp-prod-hub-vnet<br/>10.100.0.0/22")
                .contains("GatewaySubnet<br/>10.100.1.128/27").contains("VPN gateway")
                .contains("20 private DNS zones")
                .contains("## Name resolution of the workspaces")
                .contains("| ztp-prod-analytics-dbw | spoke VNet ztp-prod-analytics-vnet | Azure-provided DNS of "
                        + "ztp-prod-analytics-vnet | privatelink.azuredatabricks.net (ztp-prod-analytics-rg) |")
                .contains("| ztp-prod-analytics-dbw | VPN client | DNS resolver inbound endpoint 10.100.");
        var schema = plan.get("schemaVersion").getAsInt();
        assertThat(schema).isEqualTo(1);
        JsonObject first = plan.getAsJsonArray("resources").get(0).getAsJsonObject();
        assertThat(first.keySet()).contains("urn", "type", "name", "parent", "provider", "dependencies",
                "propertyDependencies", "options", "inputs", "mockComputed", "id");
    }
}
