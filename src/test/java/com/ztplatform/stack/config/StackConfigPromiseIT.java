package com.ztplatform.stack.config;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ztplatform.stack.plan.PlanCommand;
import com.ztplatform.stack.plan.StackFiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise, checked on generated stack files around every configuration rule: starting from the dev
 * stack, each generated file applies at most one variant per rule (a valid one, a valid one that only earns a
 * warning, or an invalid one) and runs the real {@code plan} command on it. Then either the plan is written with no
 * program error (so every component constructed from what the loader accepted), or the command exits 1 before
 * any resource is registered (no plan directory), with exactly one message per mistake, each naming its key as the
 * user writes it; never a stack trace, a Java class name, an absolute path, or a secret value.
 */
class StackConfigPromiseIT {
    /** The Azure Monitor Private Link Scope's zones (logs.privateLinkScope is on in the stack files), as JSON items. */
    private static final String MONITOR_ZONES = "\"privatelink.monitor.azure.com\",\"privatelink.oms.opinsights.azure.com\","
            + "\"privatelink.ods.opinsights.azure.com\",\"privatelink.agentsvc.azure-automation.net\"";

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String P = "zt-databricks:";
    private static final String GUID = "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f";
    private static final String GUID2 = "6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b";
    /** A value that must never be printed anywhere (a clear-text secret in the stack file). */
    private static final String CLEAR_SECRET = "Sup3r-S3cret-Value-42";
    private static final String CIPHERTEXT = "v1:AAAAbm90LWEtcmVhbC1jaXBoZXJ0ZXh0LWp1c3QtdGVzdA==";

    /** How a variant is expected to end. */
    enum Outcome { VALID, WARNING, INVALID }

    /** One variant of one rule: how it changes the stack file, and the key its message must name. */
    record Variant(String rule, String label, Outcome outcome, String key, Consumer<Stack> apply, List<String> maskedBy) {
        Variant(String rule, String label, Outcome outcome, String key, Consumer<Stack> apply) {
            this(rule, label, outcome, key, apply, List.of());
        }

        @Override
        public String toString() {
            return rule + ":" + label + "(" + outcome + ")";
        }
    }

    /** The stack file being generated: config entries, raw YAML (not JSON-quoted) entries, secret entries. */
    static final class Stack {
        final Map<String, JsonElement> values = new TreeMap<>();
        final Map<String, String> rawYaml = new TreeMap<>();

        Stack(Map<String, String> base) {
            base.forEach((k, v) -> {
                var trimmed = v.trim();
                values.put(k, trimmed.startsWith("{") || trimmed.startsWith("[") ? JsonParser.parseString(v)
                        : new com.google.gson.JsonPrimitive(v));
            });
        }

        /** A top-level object, or an element of a top-level list ({@code spokes[0]}). */
        JsonObject object(String topKey) {
            if (topKey.endsWith("]")) {
                var index = Integer.parseInt(topKey.substring(topKey.indexOf('[') + 1, topKey.length() - 1));
                return values.get(P + topKey.substring(0, topKey.indexOf('['))).getAsJsonArray().get(index).getAsJsonObject();
            }
            return values.computeIfAbsent(P + topKey, k -> new JsonObject()).getAsJsonObject();
        }

        void set(String path, JsonElement value) {
            var parts = path.split("\\.");
            JsonObject node = object(parts[0]);
            for (int i = 1; i < parts.length - 1; i++) {
                var name = parts[i];
                if (name.endsWith("]")) {
                    var index = Integer.parseInt(name.substring(name.indexOf('[') + 1, name.length() - 1));
                    node = node.getAsJsonArray(name.substring(0, name.indexOf('['))).get(index).getAsJsonObject();
                } else {
                    if (!node.has(name)) {
                        node.add(name, new JsonObject());
                    }
                    node = node.getAsJsonObject(name);
                }
            }
            node.add(parts[parts.length - 1], value);
        }

        void remove(String path) {
            var dot = path.lastIndexOf('.');
            var parent = path.substring(0, dot);
            var topLevel = !parent.contains(".");
            JsonObject node = topLevel ? object(parent) : null;
            if (!topLevel) {
                set(parent + ".__probe", new com.google.gson.JsonPrimitive(""));
                node = navigate(parent);
                node.remove("__probe");
            }
            node.remove(path.substring(dot + 1));
        }

        private JsonObject navigate(String path) {
            var parts = path.split("\\.");
            JsonObject node = object(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                var name = parts[i];
                if (name.endsWith("]")) {
                    var index = Integer.parseInt(name.substring(name.indexOf('[') + 1, name.length() - 1));
                    node = node.getAsJsonArray(name.substring(0, name.indexOf('['))).get(index).getAsJsonObject();
                } else {
                    node = node.getAsJsonObject(name);
                }
            }
            return node;
        }

        String yaml() {
            var gson = new GsonBuilder().disableHtmlEscaping().create();
            var text = new StringBuilder("config:\n");
            values.forEach((k, v) -> text.append("  ").append(k).append(": ").append(gson.toJson(v)).append('\n'));
            rawYaml.forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
            return text.toString();
        }
    }

    private static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }

    private static JsonElement str(String text) {
        return new com.google.gson.JsonPrimitive(text);
    }

    private static Variant valid(String rule, String label, Consumer<Stack> apply) {
        return new Variant(rule, label, Outcome.VALID, null, apply);
    }

    private static Variant warning(String rule, String label, String key, Consumer<Stack> apply) {
        return new Variant(rule, label, Outcome.WARNING, key, apply);
    }

    private static Variant invalid(String rule, String label, String key, Consumer<Stack> apply) {
        return new Variant(rule, label, Outcome.INVALID, key, apply);
    }

    /**
     * The variants that set one value, one row each: rule | label | outcome | the key its message names, when it is
     * not the path | path under {@code zt-databricks:} | the value, as JSON.
     */
    private static final String SETTINGS = """
            nestedTypo   | hub.bastian         | INVALID |                                  | hub.bastian                               | {"sku":"Basic"}
            nestedTypo   | landing.timeZone    | INVALID |                                  | landing.timeZone                          | "UTC"
            firewall.sku | Premium             | VALID   |                                  | firewall.sku                              | "Premium"
            firewall.sku | case                | INVALID |                                  | firewall.sku                              | "standard"
            firewall.sku | unknown             | INVALID |                                  | firewall.sku                              | "Enterprise"
            schedule     | weekdays            | VALID   |                                  | landing.schedule                          | "0 30 1 ? * MON-FRI"
            schedule     | lastDay             | VALID   |                                  | landing.schedule                          | "0 0 6 L * ?"
            schedule     | hour25              | INVALID |                                  | landing.schedule                          | "0 0 25 * * ?"
            schedule     | noQuestionMark      | INVALID |                                  | landing.schedule                          | "0 0 2 * * *"
            schedule     | badDay              | INVALID |                                  | landing.schedule                          | "0 0 2 ? * MOX"
            schedule     | unixFiveFields      | INVALID |                                  | landing.schedule                          | "0 2 * * *"
            timezone     | Amsterdam           | VALID   |                                  | landing.timezone                          | "Europe/Amsterdam"
            timezone     | typo                | INVALID |                                  | landing.timezone                          | "Europe/Amsterdm"
            timezone     | offset              | INVALID |                                  | landing.timezone                          | "CET+1"
            landingMode  | stagedWithName      | INVALID | landing.fabricWorkspace          | landing.mode                              | "staged"
            landingMode  | case                | INVALID |                                  | landing.mode                              | "Direct"
            identity     | managedWithSpIds    | WARNING | landing.servicePrincipalClientId | landing.identity                          | "managed"
            identity     | notAGuid            | INVALID |                                  | landing.servicePrincipalObjectId          | "landing-sp"
            tags         | managedBy           | INVALID |                                  | tags.managedBy                            | "terraform"
            tags         | caseTwin            | INVALID |                                  | tags.Owner                                | "someone@contoso.com"
            tags         | classification      | INVALID |                                  | tags.dataClassification                   | "secret"
            tags         | extra               | VALID   |                                  | tags.businessUnit                         | "data"
            tags         | environmentMismatch | INVALID |                                  | tags.environment                          | "prod"
            hubSpace     | badCidr             | INVALID |                                  | hub.addressSpace                          | "10.10.0.0/33"
            hubSpace     | tooSmall            | INVALID |                                  | hub.addressSpace                          | "10.10.0.0/26"
            hubSpace     | larger              | VALID   |                                  | hub.addressSpace                          | "10.10.0.0/22"
            kvObjectId   | notGuid             | INVALID |                                  | keyVault.azureDatabricksObjectId          | "AzureDatabricks"
            kvSku        | case                | INVALID |                                  | keyVault.sku                              | "Premium"
            kvSku        | premium             | VALID   |                                  | keyVault.sku                              | "premium"
            logs         | 365                 | VALID   |                                  | logs.retentionInDays                      | 365
            logs         | 7                   | INVALID |                                  | logs.retentionInDays                      | 7
            logs         | word                | INVALID |                                  | logs.retentionInDays                      | "ninety"
            egress       | case                | INVALID | firewall.egress.mode             | firewall.egress                           | {"mode":"NatGateway"}
            egress       | prefix              | VALID   |                                  | firewall.egress                           | {"mode":"natGateway","publicIpPrefixLength":31}
            sourceFormat | parquet             | VALID   |                                  | landing.sources[1].format                 | "parquet"
            sourceFormat | case                | INVALID |                                  | landing.sources[1].format                 | "Parquet"
            sourceFormat | table               | VALID   |                                  | landing.sources                           | [{"table":"main.sales.orders","dest":"orders"}]
            sourceFormat | empty               | INVALID |                                  | landing.sources                           | []
            storageSku   | zrs                 | VALID   |                                  | spokes[0].storageSku                      | "Standard_ZRS"
            storageSku   | case                | INVALID |                                  | spokes[0].storageSku                      | "standard_lrs"
            serverless   | enforced            | VALID   |                                  | serverless.enforcement                    | "ENFORCED"
            serverless   | case                | INVALID |                                  | serverless.enforcement                    | "enforced"
            serverless   | accountId           | INVALID |                                  | serverless.accountId                      | "my-account"
            bastion      | standard            | VALID   |                                  | hub.bastion                               | {"sku":"Standard","tunneling":true}
            bastion      | tunnelingOnBasic    | INVALID |                                  | hub.bastion.tunneling                     | true
            bastion      | yes                 | INVALID |                                  | hub.bastion.copyPaste                     | "yes"
            hardening    | tokens              | VALID   |                                  | workspaceHardening.maxTokenLifetimeDays   | 1
            hardening    | zeroDays            | INVALID |                                  | workspaceHardening.maxTokenLifetimeDays   | 0
            hardening    | word                | INVALID |                                  | workspaceHardening.maxTokenLifetimeDays   | "ninety"
            hardening    | yes                 | INVALID |                                  | workspaceHardening.resultsDownload        | "yes"
            spokeSizes   | notANumber          | INVALID |                                  | spokes[0].hostSubnetPrefix                | "big"
            spokeSizes   | doesNotFit          | INVALID |                                  | spokes[0].addressSpace                    | "10.11.0.0/26"
            vpn          | noTenant            | INVALID | hub.vpn.tenantId                 | hub.vpn                                   | {"clientAddressPool":"172.16.200.0/24"}
            nccs         | some                | VALID   |                                  | serverless.otherNccsInRegion              | 3
            nccs         | tooMany             | INVALID |                                  | serverless.otherNccsInRegion              | 10
            rotation     | custom              | VALID   |                                  | keyVault.rotation                         | {"rotateAfter":"P180D","expireAfter":"P1Y","notifyBefore":"P30D"}
            rotation     | notIso              | INVALID | keyVault.rotation.rotateAfter    | keyVault.rotation                         | {"rotateAfter":"6 months"}
            rotation     | notAString          | INVALID | keyVault.rotation.expireAfter    | keyVault.rotation                         | {"rotateAfter":"P3Y","expireAfter":2}
            keys         | cmk                 | VALID   |                                  | keyVault.customerManagedKeys              | ["managedServices","managedDisk"]
            keys         | unknown             | INVALID | keyVault.customerManagedKeys[0]  | keyVault.customerManagedKeys              | ["everything"]
            echo         | https               | VALID   |                                  | landing.verifyEchoUrl                     | "https://ifconfig.me/ip"
            echo         | http                | INVALID |                                  | landing.verifyEchoUrl                     | "http://ifconfig.me/ip"
            compliance   | notSet              | VALID   |                                  | workspaceHardening.disableLegacyDbfs      | true
            compliance   | profileRefused      | INVALID |                                  | workspaceHardening.complianceStandards    | ["HIPAA"]
            compliance   | updateRefused       | INVALID |                                  | workspaceHardening.automaticClusterUpdate | true
            webAuth      | tooSmall            | INVALID |                                  | webAuth.addressSpace                      | "10.19.0.0/26"
            """;

    private static List<Variant> settings() {
        return SETTINGS.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> {
            var cells = line.split("\\s*\\|\\s*", 6);
            var outcome = Outcome.valueOf(cells[2]);
            var path = cells[4];
            var value = json(cells[5]);
            return new Variant(cells[0], cells[1], outcome, outcome == Outcome.VALID ? null
                    : P + (cells[3].isEmpty() ? path : cells[3]), s -> s.set(path, value.deepCopy()));
        }).toList();
    }

    /** The variants that need code: removals, YAML spellings, top-level keys, several keys at once. */
    private static List<Variant> codedVariants() {
        return List.of(
                valid("protect", "true", s -> s.rawYaml.put(P + "protect", "true")),
                valid("protect", "True", s -> s.rawYaml.put(P + "protect", "True")),
                invalid("protect", "yes", P + "protect", s -> s.rawYaml.put(P + "protect", "yes")),
                invalid("protect", "off", P + "protect", s -> s.rawYaml.put(P + "protect", "off")),
                invalid("topLevelTypo", "firewal", P + "firewal", s -> s.values.put(P + "firewal", json("{\"sku\":\"Premium\"}"))),
                invalid("topLevelTypo", "Landing", P + "Landing", s -> s.values.put(P + "Landing", json("{}"))),
                valid("secret", "encrypted", s -> s.values.put(P + "landingClientSecret", json("{\"secure\":\"" + CIPHERTEXT + "\"}"))),
                invalid("secret", "clear", P + "landingClientSecret", s -> s.values.put(P + "landingClientSecret", str(CLEAR_SECRET))),
                valid("landingMode", "stagedWithGuids", s -> {
                    s.set("landing.mode", str("staged"));
                    s.set("landing.fabricWorkspace", str(GUID));
                    s.set("landing.lakehouse", str(GUID2));
                }),
                warning("landingMode", "identityForDirect", P + "landing.fabricWorkspaceIdentityObjectId",
                        s -> s.set("landing.fabricWorkspaceIdentityObjectId", str(GUID))),
                valid("identity", "managed", s -> {
                    s.set("landing.identity", str("managed"));
                    s.remove("landing.servicePrincipalClientId");
                    s.remove("landing.servicePrincipalObjectId");
                }),
                invalid("identity", "missingClientId", P + "landing.servicePrincipalClientId",
                        s -> s.remove("landing.servicePrincipalClientId")),
                valid("databricksAuth", "managedIdentity", s -> s.values.put(P + "databricksAuth", json("{\"type\":\"managedIdentity\"}"))),
                valid("databricksAuth", "userAssigned", s -> s.values.put(P + "databricksAuth",
                        json("{\"type\":\"managedIdentity\",\"clientId\":\"" + GUID + "\"}"))),
                valid("databricksAuth", "githubOidc", s -> s.values.put(P + "databricksAuth",
                        json("{\"type\":\"githubOidc\",\"clientId\":\"" + GUID + "\"}"))),
                warning("databricksAuth", "cliWithClientId", P + "databricksAuth.clientId", s -> s.values.put(P + "databricksAuth",
                        json("{\"type\":\"azureCli\",\"clientId\":\"" + GUID + "\"}"))),
                invalid("databricksAuth", "oidcWithoutClient", P + "databricksAuth.clientId",
                        s -> s.values.put(P + "databricksAuth", json("{\"type\":\"githubOidc\"}"))),
                invalid("databricksAuth", "token", P + "databricksAuth.type",
                        s -> s.values.put(P + "databricksAuth", json("{\"type\":\"pat\"}"))),
                invalid("tags", "missingOwner", P + "tags.owner", s -> s.remove("tags.owner")),
                invalid("dnsZones", "noVault", P + "hub.privateDnsZones", s -> s.set("hub.privateDnsZones",
                        json("[\"privatelink.azuredatabricks.net\",\"privatelink.blob.core.windows.net\","
                                + "\"privatelink.dfs.core.windows.net\"]"))),
                // The zones the stack's endpoints need: workspaces, storage, the vault, the ai section's registry
                // and AI services account (its three host names), and the Azure Monitor Private Link Scope's four.
                valid("dnsZones", "needed", s -> s.set("hub.privateDnsZones",
                        json("[\"privatelink.azuredatabricks.net\",\"privatelink.blob.core.windows.net\","
                                + "\"privatelink.dfs.core.windows.net\",\"privatelink.vaultcore.azure.net\","
                                + "\"privatelink.azurecr.io\",\"privatelink.cognitiveservices.azure.com\","
                                + "\"privatelink.openai.azure.com\",\"privatelink.services.ai.azure.com\"," + MONITOR_ZONES
                                + "]"))),
                invalid("dnsZones", "noOpenAi", P + "hub.privateDnsZones", s -> s.set("hub.privateDnsZones",
                        json("[\"privatelink.azuredatabricks.net\",\"privatelink.blob.core.windows.net\","
                                + "\"privatelink.dfs.core.windows.net\",\"privatelink.vaultcore.azure.net\","
                                + "\"privatelink.azurecr.io\",\"privatelink.cognitiveservices.azure.com\","
                                + "\"privatelink.services.ai.azure.com\"," + MONITOR_ZONES + "]"))),
                invalid("sourceFormat", "missing", P + "landing.sources[1].format", s -> s.remove("landing.sources[1].format")),
                invalid("sourceFormat", "both", P + "landing.sources[0]", s -> s.set("landing.sources", json("[{\"table\":\"main.sales.orders\","
                        + "\"path\":\"/Volumes/main/raw/x\",\"dest\":\"orders\"}]"))),
                valid("location", "northeuropeConfirmed", s -> {
                    s.values.put("azure-native:location", str("northeurope"));
                    s.set("firewall.regionOverrides", json("{\"systemTablesStorageFqdns\":[\"ucstprdnortheu.dfs.core.windows.net\"]}"));
                }),
                invalid("location", "northeuropeUnconfirmed", P + "firewall.regionOverrides.systemTablesStorageFqdns",
                        s -> s.values.put("azure-native:location", str("northeurope"))),
                invalid("location", "case", "azure-native:location", s -> s.values.put("azure-native:location", str("West Europe"))),
                invalid("location", "sovereign", "azure-native:location", s -> s.values.put("azure-native:location", str("chinanorth3"))),
                invalid("namePrefix", "upper", P + "namePrefix", s -> s.values.put(P + "namePrefix", str("ZTP"))),
                valid("namePrefix", "other", s -> s.values.put(P + "namePrefix", str("acme"))),
                valid("spokeSizes", "larger", s -> {
                    s.set("spokes[0].addressSpace", str("10.11.0.0/23"));
                    s.set("spokes[0].hostSubnetPrefix", json("25"));
                    s.set("spokes[0].containerSubnetPrefix", json("25"));
                }),
                // An overlap with the hub can only be seen while the hub's own address space is valid.
                new Variant("spokeSizes", "overlapsHub", Outcome.INVALID, P + "spokes[0].addressSpace",
                        s -> s.set("spokes[0].addressSpace", str("10.10.0.0/24")), List.of("hubSpace")),
                invalid("spokeSizes", "badName", P + "spokes[0].name", s -> {
                    s.set("spokes[0].name", str("Analytics"));
                    s.set("landing.workspace", str("Analytics"));
                }),
                valid("vpn", "entra", s -> s.set("hub.vpn", json("{\"clientAddressPool\":\"172.16.200.0/24\",\"tenantId\":\"" + GUID + "\"}"))),
                invalid("vpn", "basicSku", P + "hub.vpn.sku", s -> s.set("hub.vpn", json("{\"clientAddressPool\":\"172.16.200.0/24\","
                        + "\"tenantId\":\"" + GUID + "\",\"sku\":\"Basic\"}"))),
                valid("router", "oneForward", s -> s.values.put(P + "serverlessRouter", json("{\"addressSpace\":\"10.110.0.0/27\","
                        + "\"adminSshPublicKey\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHl6m8Q0uSgVx3yv9C0Rr5ZcA9kLx2Jt6oS3pWq7eB1d ops\","
                        + "\"onPremisesPrefixes\":[\"10.200.0.0/16\"],"
                        + "\"forwards\":[{\"port\":1433,\"destination\":\"10.200.10.5\",\"domainNames\":[\"sql.corp.contoso.com\"]}]}"))),
                invalid("router", "unreachable", P + "serverlessRouter.forwards[0].destination", s -> s.values.put(P + "serverlessRouter",
                        json("{\"addressSpace\":\"10.110.0.0/27\",\"adminSshPublicKey\":\"ssh-ed25519 AAAAC3Nza ops\","
                                + "\"forwards\":[{\"port\":1433,\"destination\":\"10.200.10.5\",\"domainNames\":[\"sql.corp.contoso.com\"]}]}"))),
                invalid("router", "noPort", P + "serverlessRouter.forwards[0].port", s -> s.values.put(P + "serverlessRouter",
                        json("{\"addressSpace\":\"10.110.0.0/27\",\"adminSshPublicKey\":\"ssh-ed25519 AAAAC3Nza ops\","
                                + "\"onPremisesPrefixes\":[\"10.200.0.0/16\"],"
                                + "\"forwards\":[{\"destination\":\"10.200.10.5\",\"domainNames\":[\"sql.corp.contoso.com\"]}]}"))),
                invalid("router", "tooSmall", P + "serverlessRouter.addressSpace", s -> s.values.put(P + "serverlessRouter",
                        json("{\"addressSpace\":\"10.110.0.0/29\",\"adminSshPublicKey\":\"ssh-ed25519 AAAAC3Nza ops\","
                                + "\"onPremisesPrefixes\":[\"10.200.0.0/16\"],"
                                + "\"forwards\":[{\"port\":1433,\"destination\":\"10.200.10.5\",\"domainNames\":[\"sql.corp.contoso.com\"]}]}"))),
                valid("metastore", "withLegacyAccess", s -> {
                    s.set("firewall.legacyHiveMetastore", json("true"));
                    s.set("workspaceHardening.disableLegacyAccess", json("false"));
                }),
                invalid("metastore", "legacyAccessDisabled", P + "firewall.legacyHiveMetastore", s -> {
                    s.set("firewall.legacyHiveMetastore", json("true"));
                    s.set("workspaceHardening.disableLegacyAccess", json("true"));
                }),
                valid("webAuth", "absent", s -> s.values.remove(P + "webAuth")));
    }

    /** The rules, in this order; each has at least one invalid variant (checked below). */
    private static final List<String> RULES = List.of("protect", "topLevelTypo", "nestedTypo", "secret",
            "firewall.sku", "schedule", "timezone", "landingMode", "identity", "databricksAuth", "tags", "dnsZones",
            "hubSpace", "kvObjectId", "kvSku", "logs", "egress", "sourceFormat", "storageSku", "serverless",
            "bastion", "hardening", "location", "namePrefix", "spokeSizes", "vpn", "router", "nccs", "rotation",
            "keys", "echo", "compliance", "metastore", "webAuth");

    /** Every rule with its variants (table rows first); a generated stack takes at most one variant per rule. */
    static List<List<Variant>> rules() {
        var byRule = new LinkedHashMap<String, List<Variant>>();
        RULES.forEach(rule -> byRule.put(rule, new ArrayList<>()));
        Stream.concat(settings().stream(), codedVariants().stream()).forEach(v -> byRule.get(v.rule()).add(v));
        return byRule.values().stream().map(List::copyOf).toList();
    }

    @Provide
    Arbitrary<List<Variant>> stacks() {
        var perRule = rules().stream()
                .map(variants -> Arbitraries.of(variants).injectNull(0.5))
                .toList();
        return Combinators.combine(perRule).as(chosen -> chosen.stream().filter(v -> v != null).toList());
    }

    /** Only variants the loader must accept: every one of these stacks must plan with no program error. */
    @Provide
    Arbitrary<List<Variant>> acceptedStacks() {
        var perRule = rules().stream()
                .map(variants -> variants.stream().filter(v -> v.outcome() != Outcome.INVALID).toList())
                .filter(variants -> !variants.isEmpty())
                .map(variants -> Arbitraries.of(variants).injectNull(0.3))
                .toList();
        return Combinators.combine(perRule).as(chosen -> chosen.stream().filter(v -> v != null).toList());
    }

    /** Exactly one mistake among accepted variants: exactly one message, naming its key. */
    @Provide
    Arbitrary<List<Variant>> oneMistake() {
        var mistakes = rules().stream().flatMap(List::stream).filter(v -> v.outcome() == Outcome.INVALID).toList();
        return Combinators.combine(Arbitraries.of(mistakes), acceptedStacks()).as((mistake, others) -> {
            var chosen = new ArrayList<Variant>(others.stream().filter(v -> !v.rule().equals(mistake.rule())).toList());
            chosen.add(mistake);
            return List.copyOf(chosen);
        });
    }

    @Property(tries = 25, shrinking = ShrinkingMode.OFF)
    void everyAcceptedConfigurationPlansWithEveryComponentConstructed(@ForAll("acceptedStacks") List<Variant> variants)
            throws IOException {
        eitherAPlanWithNoErrorsOrExitOneNamingEveryMistake(variants);
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void oneMistakeGivesOneMessage(@ForAll("oneMistake") List<Variant> variants) throws IOException {
        eitherAPlanWithNoErrorsOrExitOneNamingEveryMistake(variants);
    }

    private Path tmp;

    @AfterProperty
    void cleanUp() throws IOException {
        if (tmp != null) {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void eitherAPlanWithNoErrorsOrExitOneNamingEveryMistake(@ForAll("stacks") List<Variant> variants) throws IOException {
        tmp = tmp != null ? tmp : Files.createTempDirectory("zt-promise");
        var base = StackFiles.read(ROOT, "dev").config();
        var stack = new Stack(base);
        variants.forEach(v -> v.apply().accept(stack));
        var dir = Files.createTempDirectory(tmp, "stack");
        Files.copy(ROOT.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.gen.yaml"), stack.yaml());
        var out = dir.resolve("out");
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        int exit = PlanCommand.run(new String[]{"gen", "--root", dir.toString(), "--out", out.toString(), "--no-policy"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        var err = stderr.toString(StandardCharsets.UTF_8);
        var console = stdout.toString(StandardCharsets.UTF_8) + err;
        var description = variants + "\n" + console;

        var invalidRules = variants.stream().filter(v -> v.outcome() == Outcome.INVALID).map(Variant::rule).toList();
        var masked = variants.stream().filter(v -> v.outcome() == Outcome.INVALID)
                .filter(v -> v.maskedBy().stream().anyMatch(invalidRules::contains)).toList();
        var mistakes = variants.stream().filter(v -> v.outcome() == Outcome.INVALID && !masked.contains(v)).toList();
        if (mistakes.isEmpty() && masked.isEmpty()) {
            assertThat(exit).as(description).isZero();
            for (var warned : variants.stream().filter(v -> v.outcome() == Outcome.WARNING).toList()) {
                assertThat(console).as(description).contains("warning: " + warned.key() + " ");
            }
        } else {
            assertThat(exit).as(description).isEqualTo(1);
            assertThat(mistakes).as("a masked mistake never comes alone: " + description).isNotEmpty();
            assertThat(out).as("no resource before the configuration is valid: " + description).doesNotExist();
            var problems = err.lines().filter(l -> l.startsWith("  - ")).map(l -> l.substring(4)).toList();
            for (var mistake : mistakes) {
                assertThat(problems).as(description)
                        .filteredOn(p -> p.startsWith(mistake.key() + " ") || p.startsWith(mistake.key() + ":"))
                        .hasSize(1);
            }
            // A masked mistake (an overlap with a hub whose own space is also wrong) may or may not be seen.
            var maskedMessages = problems.stream().filter(p -> masked.stream()
                    .anyMatch(m -> p.startsWith(m.key() + " ") || p.startsWith(m.key() + ":"))).count();
            assertThat(maskedMessages).as(description).isLessThanOrEqualTo(masked.size());
            assertThat(problems.size() - maskedMessages).as("one message per mistake: " + description)
                    .isEqualTo(mistakes.size());
        }
        assertThat(console).as(description)
                .doesNotContain(CLEAR_SECRET).doesNotContain(CIPHERTEXT)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("com.ztplatform")
                .doesNotContain("java.").doesNotContain(tmp.toString()).doesNotContain(ROOT.toString());
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                for (var file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.getFileName().toString())
                            .doesNotContain(CLEAR_SECRET).doesNotContain(CIPHERTEXT);
                }
            }
        }
    }

    static {
        // Every rule has at least one invalid variant: the table generates mistakes around each rule.
        for (var rule : rules()) {
            var outcomes = rule.stream().map(Variant::outcome).distinct().toList();
            if (!outcomes.contains(Outcome.INVALID)) {
                throw new IllegalStateException("rule without an invalid variant: " + rule);
            }
        }
    }
}
