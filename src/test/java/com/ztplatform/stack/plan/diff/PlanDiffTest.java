package com.ztplatform.stack.plan.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The diff on small hand-built plans. */
class PlanDiffTest {
    static final String VAULT = "azure-native:keyvault:Vault";
    static final String SUBNET = "azure-native:network:Subnet";
    static final String ROUTES = "azure-native:network:RouteTable";

    static JsonObject resource(String stack, String type, String name, String inputs) {
        var r = new JsonObject();
        r.addProperty("urn", "urn:pulumi:" + stack + "::zt-databricks::" + type + "::" + name);
        r.addProperty("type", type);
        r.addProperty("name", name);
        r.addProperty("custom", true);
        r.addProperty("id", "/subscriptions/0/x/" + name);
        r.add("parent", null);
        r.addProperty("provider", "default:azure-native");
        r.add("dependencies", new JsonArray());
        r.add("propertyDependencies", new JsonObject());
        var options = new JsonObject();
        options.addProperty("protect", false);
        options.addProperty("version", "2.10.0");
        r.add("options", options);
        r.add("inputs", JsonParser.parseString(inputs));
        r.add("mockComputed", new JsonObject());
        return r;
    }

    static JsonObject plan(String stack, JsonObject... resources) {
        var p = new JsonObject();
        p.addProperty("schemaVersion", 1);
        p.addProperty("project", "zt-databricks");
        p.addProperty("stack", stack);
        var array = new JsonArray();
        for (var r : resources) {
            array.add(r);
        }
        p.add("resources", array);
        p.add("outputs", new JsonObject());
        p.add("diagnostics", new JsonArray());
        p.add("errors", new JsonArray());
        return p;
    }

    static JsonObject vault(String stack) {
        return resource(stack, VAULT, "platform-kv", """
                {"location": "westeurope", "vaultName": "ztp-dev-platform-kv",
                 "properties": {"networkAcls": {"bypass": "AzureServices", "defaultAction": "Deny"},
                                "publicNetworkAccess": "Disabled"},
                 "tags": {"environment": "dev"}}""");
    }

    static JsonObject routes(String stack) {
        return resource(stack, ROUTES, "fw-spoke-rt", """
                {"routeTableName": "ztp-dev-spokes-via-fw-rt",
                 "routes": [{"addressPrefix": "0.0.0.0/0", "name": "default-via-firewall",
                             "nextHopIpAddress": "10.10.0.4", "nextHopType": "VirtualAppliance"}]}""");
    }

    static JsonObject subnet(String stack, String name) {
        return resource(stack, SUBNET, name, "{\"subnetName\": \"" + name + "\", \"addressPrefix\": \"10.10.1.0/26\"}");
    }

    /** The dev base plan, and a copy changed by {@code change}. */
    static PlanDiff diff(Consumer<JsonObject> change) {
        var base = plan("dev", vault("dev"), routes("dev"), subnet("dev", "hub-snet-a"));
        var head = base.deepCopy();
        change.accept(head);
        return PlanDiff.compare(base, head);
    }

    static JsonObject named(JsonObject plan, String name) {
        for (var r : plan.getAsJsonArray("resources")) {
            if (r.getAsJsonObject().get("name").getAsString().equals(name)) {
                return r.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void identicalPlansHaveNoChanges() {
        var diff = diff(p -> {
        });
        assertThat(diff.hasChanges()).isFalse();
        assertThat(diff.unchanged()).isEqualTo(3);
        assertThat(diff.toMarkdown())
                .startsWith("<!-- zt-plan-diff:dev -->\n### Offline plan diff: `dev`\n\n**No changes.** Both plans register "
                        + "the same 3 resources")
                .doesNotContain("different stacks");
    }

    @Test
    void anAddedResourceIsListedByTypeAndName() {
        var diff = diff(p -> p.getAsJsonArray("resources").add(subnet("dev", "hub-snet-b")));
        assertThat(diff.added()).extracting(PlanDiff.Resource::name).containsExactly("hub-snet-b");
        assertThat(diff.toMarkdown())
                .contains("**1 to add, 0 to change, 0 to remove**, 3 unchanged (base 3 resources, this plan 4)")
                .contains("#### Added (1)\n\n- `azure-native:network:Subnet` `hub-snet-b`\n")
                .doesNotContain("#### Removed").doesNotContain("#### Changed");
    }

    @Test
    void aRemovedResourceIsListed() {
        var diff = diff(p -> p.getAsJsonArray("resources").remove(2));
        assertThat(diff.toMarkdown())
                .contains("**0 to add, 0 to change, 1 to remove**, 2 unchanged")
                .contains("#### Removed (1)\n\n- `azure-native:network:Subnet` `hub-snet-a`\n");
    }

    @Test
    void aChangedTopLevelInputShowsOldAndNewValue() {
        var diff = diff(p -> named(p, "platform-kv").getAsJsonObject("inputs").addProperty("location", "northeurope"));
        assertThat(diff.changed()).hasSize(1);
        assertThat(diff.toMarkdown()).contains("#### Changed (1)\n\n**`azure-native:keyvault:Vault` `platform-kv`**\n\n"
                + "- `location`: `\"westeurope\"` → `\"northeurope\"`\n");
    }

    @Test
    void aNestedChangeIsShownByItsPath() {
        var diff = diff(p -> {
            var properties = named(p, "platform-kv").getAsJsonObject("inputs").getAsJsonObject("properties");
            properties.getAsJsonObject("networkAcls").addProperty("defaultAction", "Allow");
            properties.remove("publicNetworkAccess");
            named(p, "platform-kv").getAsJsonObject("inputs").getAsJsonObject("tags").addProperty("cost.center", "CC-1");
        });
        assertThat(diff.changed().get(0).inputs()).extracting(PlanDiff.Change::path).containsExactly(
                "properties.networkAcls.defaultAction", "properties.publicNetworkAccess", "tags[\"cost.center\"]");
        assertThat(diff.toMarkdown())
                .contains("- `properties.networkAcls.defaultAction`: `\"Deny\"` → `\"Allow\"`\n"
                        + "- `properties.publicNetworkAccess`: `\"Disabled\"` → `(none)`\n"
                        + "- `tags[\"cost.center\"]`: `(none)` → `\"CC-1\"`\n");
    }

    @Test
    void arraysAreComparedByIndex() {
        var diff = diff(p -> {
            var routes = named(p, "fw-spoke-rt").getAsJsonObject("inputs").getAsJsonArray("routes");
            routes.get(0).getAsJsonObject().addProperty("nextHopIpAddress", "10.10.0.68");
            routes.add(JsonParser.parseString("{\"addressPrefix\": \"10.0.0.0/8\", \"name\": \"internal\"}"));
        });
        assertThat(diff.toMarkdown())
                .contains("- `routes[0].nextHopIpAddress`: `\"10.10.0.4\"` → `\"10.10.0.68\"`\n"
                        + "- `routes[1]`: `(none)` → `{\"addressPrefix\":\"10.0.0.0/8\",\"name\":\"internal\"}`\n");
    }

    @Test
    void optionAndDependencyChangesAreListedAfterTheInputs() {
        var diff = diff(p -> {
            var vault = named(p, "platform-kv");
            vault.getAsJsonObject("options").addProperty("protect", true);
            vault.getAsJsonObject("options").add("ignoreChanges", JsonParser.parseString("[\"tags\"]"));
            vault.getAsJsonArray("dependencies").add(named(p, "hub-snet-a").get("urn").getAsString());
            named(p, "hub-snet-a").addProperty("provider", "urn:pulumi:dev::zt-databricks::pulumi:providers:azure-native::pinned::id-1");
        });
        assertThat(diff.changed()).extracting(c -> c.resource().name()).containsExactly("platform-kv", "hub-snet-a");
        assertThat(diff.toMarkdown())
                .contains("**`azure-native:keyvault:Vault` `platform-kv`**\n\n"
                        + "- option `ignoreChanges`: `(none)` → `[\"tags\"]`\n"
                        + "- option `protect`: `false` → `true`\n"
                        + "- dependency added: `azure-native:network:Subnet` `hub-snet-a`\n")
                .contains("- `provider`: `\"default:azure-native\"` → `\"pulumi:providers:azure-native::pinned::id-1\"`");
    }

    @Test
    void secretsStaySecretAndEqualSecretsAreNoChange() {
        var base = plan("dev", resource("dev", "azure-native:keyvault:Secret", "s", "{\"value\": \"[secret]\", \"n\": \"a\"}"));
        var same = plan("dev", resource("dev", "azure-native:keyvault:Secret", "s", "{\"value\": \"[secret]\", \"n\": \"a\"}"));
        assertThat(PlanDiff.compare(base, same).hasChanges()).isFalse();
        var plain = plan("dev", resource("dev", "azure-native:keyvault:Secret", "s", "{\"value\": \"hunter2\", \"n\": \"a\"}"));
        assertThat(PlanDiff.compare(base, plain).toMarkdown()).contains("- `value`: `[secret]` → `\"hunter2\"`");
        assertThat(PlanDiffMarkdown.value(JsonParser.parseString("{\"k\":\"[secret]\"}"))).isEqualTo("{\"k\":\"[secret]\"}");
    }

    @Test
    void longValuesKeepTheDifferingPartWithContext() {
        var prefix = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ztp-dev-hub-rg/providers/"
                + "Microsoft.Network/virtualNetworks/ztp-dev-hub-vnet/subnets/";
        var shortened = PlanDiffMarkdown.shorten("\"" + prefix + "snet-a\"", "\"" + prefix + "snet-b\"");
        assertThat(shortened[0]).isEqualTo("…lNetworks/ztp-dev-hub-vnet/subnets/snet-a\"");
        assertThat(shortened[1]).isEqualTo("…lNetworks/ztp-dev-hub-vnet/subnets/snet-b\"");
        var huge = "\"" + "x".repeat(500) + "\"";
        assertThat(PlanDiffMarkdown.shorten("1", huge)[1]).hasSize(PlanDiffMarkdown.MAX_VALUE).endsWith("…");
        assertThat(PlanDiffMarkdown.shorten("\"short\"", "\"other\"")).containsExactly("\"short\"", "\"other\"");
        assertThat(PlanDiffMarkdown.code("a`b")).isEqualTo("`` a`b ``");
    }

    @Test
    void stackOutputsAreCompared() {
        var diff = diff(p -> {
            p.getAsJsonObject("outputs").addProperty("firewallPrivateIp", "10.10.0.68");
        });
        assertThat(diff.toMarkdown()).contains("#### Stack outputs (1 changed)\n\n- `firewallPrivateIp`: `(none)` → `\"10.10.0.68\"`\n");
    }

    @Test
    void plansOfDifferentStacksSaySoAndAreMatchedWithoutTheStack() {
        var base = plan("prod", vault("prod"), routes("prod"));
        var head = plan("dev", vault("dev"), routes("dev"));
        var diff = PlanDiff.compare(base, head);
        assertThat(diff.differentStacks()).isTrue();
        assertThat(diff.hasChanges()).isFalse();
        assertThat(diff.toMarkdown()).contains("> **The plans are of different stacks:** base `zt-databricks/prod`, "
                + "this plan `zt-databricks/dev`.");
    }

    @Test
    void theOrderIsDeterministicByTypeThenName() {
        var base = plan("dev", vault("dev"));
        var head = plan("dev", subnet("dev", "z-snet"), subnet("dev", "a-snet"), routes("dev"), vault("dev"));
        var diff = PlanDiff.compare(base, head);
        assertThat(diff.added()).extracting(PlanDiff.Resource::name).containsExactly("fw-spoke-rt", "a-snet", "z-snet");
        var reversed = plan("dev", vault("dev"), routes("dev"), subnet("dev", "a-snet"), subnet("dev", "z-snet"));
        assertThat(PlanDiff.compare(base, reversed).toMarkdown()).isEqualTo(diff.toMarkdown());
    }

    @Test
    void anotherSchemaVersionIsRefused() {
        var future = plan("dev");
        future.addProperty("schemaVersion", 2);
        assertThatThrownBy(() -> PlanDiff.compare(future, plan("dev")))
                .hasMessage("base plan has schemaVersion 2, this diff reads plan.json schema 1");
    }

    @Test
    void theCommentStaysUnderTheSizeLimit() {
        var base = plan("dev");
        var head = plan("dev");
        for (int i = 0; i < 300; i++) {
            base.getAsJsonArray("resources").add(resource("dev", SUBNET, "s" + i, "{\"a\": \"" + "x".repeat(50) + i + "\"}"));
            var changed = new StringBuilder("{\"a\": \"changed" + i + "\"");
            for (int k = 0; k < 60; k++) {
                changed.append(", \"k").append(k).append("\": ").append(k);
            }
            head.getAsJsonArray("resources").add(resource("dev", SUBNET, "s" + i, changed + "}"));
        }
        var markdown = PlanDiffMarkdown.render(PlanDiff.compare(base, head), 20_000);
        assertThat(markdown.length()).isLessThanOrEqualTo(20_000);
        assertThat(markdown).contains("more changed resource(s) not shown").contains("- _... and 21 more_");
    }
}
