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

    /** Every rule with its variants; a generated stack takes at most one variant per rule. */
    static List<List<Variant>> rules() {
        var rules = new ArrayList<List<Variant>>();
        rules.add(List.of(
                valid("protect", "true", s -> s.rawYaml.put(P + "protect", "true")),
                valid("protect", "True", s -> s.rawYaml.put(P + "protect", "True")),
                invalid("protect", "yes", P + "protect", s -> s.rawYaml.put(P + "protect", "yes")),
                invalid("protect", "off", P + "protect", s -> s.rawYaml.put(P + "protect", "off"))));
        rules.add(List.of(
                invalid("topLevelTypo", "firewal", P + "firewal", s -> s.values.put(P + "firewal", json("{\"sku\":\"Premium\"}"))),
                invalid("topLevelTypo", "Landing", P + "Landing", s -> s.values.put(P + "Landing", json("{}")))));
        rules.add(List.of(
                invalid("nestedTypo", "hub.bastian", P + "hub.bastian", s -> s.set("hub.bastian", json("{\"sku\":\"Basic\"}"))),
                invalid("nestedTypo", "landing.timeZone", P + "landing.timeZone", s -> s.set("landing.timeZone", str("UTC")))));
        rules.add(List.of(
                valid("secret", "encrypted", s -> s.values.put(P + "landingClientSecret", json("{\"secure\":\"" + CIPHERTEXT + "\"}"))),
                invalid("secret", "clear", P + "landingClientSecret", s -> s.values.put(P + "landingClientSecret", str(CLEAR_SECRET)))));
        rules.add(List.of(
                valid("firewall.sku", "Premium", s -> s.set("firewall.sku", str("Premium"))),
                invalid("firewall.sku", "case", P + "firewall.sku", s -> s.set("firewall.sku", str("standard"))),
                invalid("firewall.sku", "unknown", P + "firewall.sku", s -> s.set("firewall.sku", str("Enterprise")))));
        rules.add(List.of(
                valid("schedule", "weekdays", s -> s.set("landing.schedule", str("0 30 1 ? * MON-FRI"))),
                valid("schedule", "lastDay", s -> s.set("landing.schedule", str("0 0 6 L * ?"))),
                invalid("schedule", "hour25", P + "landing.schedule", s -> s.set("landing.schedule", str("0 0 25 * * ?"))),
                invalid("schedule", "noQuestionMark", P + "landing.schedule", s -> s.set("landing.schedule", str("0 0 2 * * *"))),
                invalid("schedule", "badDay", P + "landing.schedule", s -> s.set("landing.schedule", str("0 0 2 ? * MOX"))),
                invalid("schedule", "unixFiveFields", P + "landing.schedule", s -> s.set("landing.schedule", str("0 2 * * *")))));
        rules.add(List.of(
                valid("timezone", "Amsterdam", s -> s.set("landing.timezone", str("Europe/Amsterdam"))),
                invalid("timezone", "typo", P + "landing.timezone", s -> s.set("landing.timezone", str("Europe/Amsterdm"))),
                invalid("timezone", "offset", P + "landing.timezone", s -> s.set("landing.timezone", str("CET+1")))));
        rules.add(List.of(
                valid("landingMode", "stagedWithGuids", s -> {
                    s.set("landing.mode", str("staged"));
                    s.set("landing.fabricWorkspace", str(GUID));
                    s.set("landing.lakehouse", str(GUID2));
                }),
                invalid("landingMode", "stagedWithName", P + "landing.fabricWorkspace", s -> s.set("landing.mode", str("staged"))),
                invalid("landingMode", "case", P + "landing.mode", s -> s.set("landing.mode", str("Direct"))),
                warning("landingMode", "identityForDirect", P + "landing.fabricWorkspaceIdentityObjectId",
                        s -> s.set("landing.fabricWorkspaceIdentityObjectId", str(GUID)))));
        rules.add(List.of(
                valid("identity", "managed", s -> {
                    s.set("landing.identity", str("managed"));
                    s.remove("landing.servicePrincipalClientId");
                    s.remove("landing.servicePrincipalObjectId");
                }),
                warning("identity", "managedWithSpIds", P + "landing.servicePrincipalClientId",
                        s -> s.set("landing.identity", str("managed"))),
                invalid("identity", "missingClientId", P + "landing.servicePrincipalClientId",
                        s -> s.remove("landing.servicePrincipalClientId")),
                invalid("identity", "notAGuid", P + "landing.servicePrincipalObjectId",
                        s -> s.set("landing.servicePrincipalObjectId", str("landing-sp")))));
        rules.add(List.of(
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
                        s -> s.values.put(P + "databricksAuth", json("{\"type\":\"pat\"}")))));
        rules.add(List.of(
                invalid("tags", "managedBy", P + "tags.managedBy", s -> s.set("tags.managedBy", str("terraform"))),
                invalid("tags", "caseTwin", P + "tags.Owner", s -> s.set("tags.Owner", str("someone@contoso.com"))),
                invalid("tags", "classification", P + "tags.dataClassification", s -> s.set("tags.dataClassification", str("secret"))),
                valid("tags", "extra", s -> s.set("tags.businessUnit", str("data"))),
                invalid("tags", "environmentMismatch", P + "tags.environment", s -> s.set("tags.environment", str("prod"))),
                invalid("tags", "missingOwner", P + "tags.owner", s -> s.remove("tags.owner"))));
        rules.add(List.of(
                invalid("dnsZones", "noVault", P + "hub.privateDnsZones", s -> s.set("hub.privateDnsZones",
                        json("[\"privatelink.azuredatabricks.net\",\"privatelink.blob.core.windows.net\","
                                + "\"privatelink.dfs.core.windows.net\"]"))),
                valid("dnsZones", "needed", s -> s.set("hub.privateDnsZones",
                        json("[\"privatelink.azuredatabricks.net\",\"privatelink.blob.core.windows.net\","
                                + "\"privatelink.dfs.core.windows.net\",\"privatelink.vaultcore.azure.net\"]")))));
        rules.add(List.of(
                invalid("hubSpace", "badCidr", P + "hub.addressSpace", s -> s.set("hub.addressSpace", str("10.10.0.0/33"))),
                invalid("hubSpace", "tooSmall", P + "hub.addressSpace", s -> s.set("hub.addressSpace", str("10.10.0.0/26"))),
                valid("hubSpace", "larger", s -> s.set("hub.addressSpace", str("10.10.0.0/22")))));
        rules.add(List.of(
                invalid("kvObjectId", "notGuid", P + "keyVault.azureDatabricksObjectId",
                        s -> s.set("keyVault.azureDatabricksObjectId", str("AzureDatabricks"))),
                invalid("kvSku", "case", P + "keyVault.sku", s -> s.set("keyVault.sku", str("Premium"))),
                valid("kvSku", "premium", s -> s.set("keyVault.sku", str("premium")))));
        rules.add(List.of(
                valid("logs", "365", s -> s.set("logs.retentionInDays", json("365"))),
                invalid("logs", "7", P + "logs.retentionInDays", s -> s.set("logs.retentionInDays", json("7"))),
                invalid("logs", "word", P + "logs.retentionInDays", s -> s.set("logs.retentionInDays", str("ninety")))));
        rules.add(List.of(
                invalid("egress", "case", P + "firewall.egress.mode", s -> s.set("firewall.egress", json("{\"mode\":\"NatGateway\"}"))),
                valid("egress", "prefix", s -> s.set("firewall.egress", json("{\"mode\":\"natGateway\",\"publicIpPrefixLength\":31}")))));
        rules.add(List.of(
                valid("sourceFormat", "parquet", s -> s.set("landing.sources[1].format", str("parquet"))),
                invalid("sourceFormat", "case", P + "landing.sources[1].format", s -> s.set("landing.sources[1].format", str("Parquet"))),
                invalid("sourceFormat", "missing", P + "landing.sources[1].format", s -> s.remove("landing.sources[1].format")),
                valid("sourceFormat", "table", s -> s.set("landing.sources", json("[{\"table\":\"main.sales.orders\",\"dest\":\"orders\"}]"))),
                invalid("sourceFormat", "both", P + "landing.sources[0]", s -> s.set("landing.sources", json("[{\"table\":\"main.sales.orders\","
                        + "\"path\":\"/Volumes/main/raw/x\",\"dest\":\"orders\"}]"))),
                invalid("sourceFormat", "empty", P + "landing.sources", s -> s.set("landing.sources", json("[]")))));
        rules.add(List.of(
                valid("storageSku", "zrs", s -> s.set("spokes[0].storageSku", str("Standard_ZRS"))),
                invalid("storageSku", "case", P + "spokes[0].storageSku", s -> s.set("spokes[0].storageSku", str("standard_lrs")))));
        rules.add(List.of(
                valid("serverless", "enforced", s -> s.set("serverless.enforcement", str("ENFORCED"))),
                invalid("serverless", "case", P + "serverless.enforcement", s -> s.set("serverless.enforcement", str("enforced"))),
                invalid("serverless", "accountId", P + "serverless.accountId", s -> s.set("serverless.accountId", str("my-account")))));
        rules.add(List.of(
                valid("bastion", "standard", s -> s.set("hub.bastion", json("{\"sku\":\"Standard\",\"tunneling\":true}"))),
                invalid("bastion", "tunnelingOnBasic", P + "hub.bastion.tunneling", s -> s.set("hub.bastion.tunneling", json("true"))),
                invalid("bastion", "yes", P + "hub.bastion.copyPaste", s -> s.set("hub.bastion.copyPaste", str("yes")))));
        rules.add(List.of(
                valid("hardening", "tokens", s -> s.set("workspaceHardening.maxTokenLifetimeDays", json("1"))),
                invalid("hardening", "zeroDays", P + "workspaceHardening.maxTokenLifetimeDays",
                        s -> s.set("workspaceHardening.maxTokenLifetimeDays", json("0"))),
                invalid("hardening", "word", P + "workspaceHardening.maxTokenLifetimeDays",
                        s -> s.set("workspaceHardening.maxTokenLifetimeDays", str("ninety"))),
                invalid("hardening", "yes", P + "workspaceHardening.resultsDownload",
                        s -> s.set("workspaceHardening.resultsDownload", str("yes")))));
        rules.add(List.of(
                valid("location", "northeuropeConfirmed", s -> {
                    s.values.put("azure-native:location", str("northeurope"));
                    s.set("firewall.regionOverrides", json("{\"systemTablesStorageFqdns\":[\"ucstprdnortheu.dfs.core.windows.net\"]}"));
                }),
                invalid("location", "northeuropeUnconfirmed", P + "firewall.regionOverrides.systemTablesStorageFqdns",
                        s -> s.values.put("azure-native:location", str("northeurope"))),
                invalid("location", "case", "azure-native:location", s -> s.values.put("azure-native:location", str("West Europe"))),
                invalid("location", "sovereign", "azure-native:location", s -> s.values.put("azure-native:location", str("chinanorth3")))));
        rules.add(List.of(
                invalid("namePrefix", "upper", P + "namePrefix", s -> s.values.put(P + "namePrefix", str("ZTP"))),
                valid("namePrefix", "other", s -> s.values.put(P + "namePrefix", str("acme")))));
        rules.add(List.of(
                valid("spokeSizes", "larger", s -> {
                    s.set("spokes[0].addressSpace", str("10.11.0.0/23"));
                    s.set("spokes[0].hostSubnetPrefix", json("25"));
                    s.set("spokes[0].containerSubnetPrefix", json("25"));
                }),
                invalid("spokeSizes", "notANumber", P + "spokes[0].hostSubnetPrefix", s -> s.set("spokes[0].hostSubnetPrefix", str("big"))),
                invalid("spokeSizes", "doesNotFit", P + "spokes[0].addressSpace", s -> s.set("spokes[0].addressSpace", str("10.11.0.0/26"))),
                // An overlap with the hub can only be seen while the hub's own address space is valid.
                new Variant("spokeSizes", "overlapsHub", Outcome.INVALID, P + "spokes[0].addressSpace",
                        s -> s.set("spokes[0].addressSpace", str("10.10.0.0/24")), List.of("hubSpace")),
                invalid("spokeSizes", "badName", P + "spokes[0].name", s -> {
                    s.set("spokes[0].name", str("Analytics"));
                    s.set("landing.workspace", str("Analytics"));
                })));
        rules.add(List.of(
                valid("vpn", "entra", s -> s.set("hub.vpn", json("{\"clientAddressPool\":\"172.16.200.0/24\",\"tenantId\":\"" + GUID + "\"}"))),
                invalid("vpn", "noTenant", P + "hub.vpn.tenantId", s -> s.set("hub.vpn", json("{\"clientAddressPool\":\"172.16.200.0/24\"}"))),
                invalid("vpn", "basicSku", P + "hub.vpn.sku", s -> s.set("hub.vpn", json("{\"clientAddressPool\":\"172.16.200.0/24\","
                        + "\"tenantId\":\"" + GUID + "\",\"sku\":\"Basic\"}")))));
        rules.add(List.of(
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
                                + "\"forwards\":[{\"port\":1433,\"destination\":\"10.200.10.5\",\"domainNames\":[\"sql.corp.contoso.com\"]}]}")))));
        rules.add(List.of(
                valid("nccs", "some", s -> s.set("serverless.otherNccsInRegion", json("3"))),
                invalid("nccs", "tooMany", P + "serverless.otherNccsInRegion", s -> s.set("serverless.otherNccsInRegion", json("10")))));
        rules.add(List.of(
                valid("rotation", "custom", s -> s.set("keyVault.rotation", json("{\"rotateAfter\":\"P180D\",\"expireAfter\":\"P1Y\",\"notifyBefore\":\"P30D\"}"))),
                invalid("rotation", "notIso", P + "keyVault.rotation.rotateAfter", s -> s.set("keyVault.rotation", json("{\"rotateAfter\":\"6 months\"}"))),
                invalid("rotation", "notAString", P + "keyVault.rotation.expireAfter", s -> s.set("keyVault.rotation",
                        json("{\"rotateAfter\":\"P3Y\",\"expireAfter\":2}")))));
        rules.add(List.of(
                valid("keys", "cmk", s -> s.set("keyVault.customerManagedKeys", json("[\"managedServices\",\"managedDisk\"]"))),
                invalid("keys", "unknown", P + "keyVault.customerManagedKeys[0]", s -> s.set("keyVault.customerManagedKeys", json("[\"everything\"]")))));
        rules.add(List.of(
                valid("echo", "https", s -> s.set("landing.verifyEchoUrl", str("https://ifconfig.me/ip"))),
                invalid("echo", "http", P + "landing.verifyEchoUrl", s -> s.set("landing.verifyEchoUrl", str("http://ifconfig.me/ip")))));
        rules.add(List.of(
                valid("compliance", "notSet", s -> s.set("workspaceHardening.disableLegacyDbfs", json("true"))),
                invalid("compliance", "profileRefused", P + "workspaceHardening.complianceStandards",
                        s -> s.set("workspaceHardening.complianceStandards", json("[\"HIPAA\"]"))),
                invalid("compliance", "updateRefused", P + "workspaceHardening.automaticClusterUpdate",
                        s -> s.set("workspaceHardening.automaticClusterUpdate", json("true")))));
        rules.add(List.of(
                valid("metastore", "withLegacyAccess", s -> {
                    s.set("firewall.legacyHiveMetastore", json("true"));
                    s.set("workspaceHardening.disableLegacyAccess", json("false"));
                }),
                invalid("metastore", "legacyAccessDisabled", P + "firewall.legacyHiveMetastore", s -> {
                    s.set("firewall.legacyHiveMetastore", json("true"));
                    s.set("workspaceHardening.disableLegacyAccess", json("true"));
                })));
        rules.add(List.of(
                valid("webAuth", "absent", s -> s.values.remove(P + "webAuth")),
                invalid("webAuth", "tooSmall", P + "webAuth.addressSpace", s -> s.set("webAuth.addressSpace", str("10.19.0.0/26")))));
        return rules;
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
