package com.ztplatform.components.common;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.azurenative.insights.DiagnosticSetting;
import com.pulumi.azurenative.insights.DiagnosticSettingArgs;
import com.pulumi.azurenative.insights.inputs.LogSettingsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one way the platform sends resource logs to its Log Analytics workspace: a diagnostic setting per diagnosable
 * resource, with what to send taken from {@code diagnostic-log-categories.json} beside this class. That file is the
 * reference data: which ARM types have resource logs, their categories and category groups, whether they offer
 * resource-specific tables, each with its Azure Monitor "supported resource log categories" page
 * (https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/logs-index).
 *
 * <p>Components call {@link #send} for each resource they create of a diagnosable type (and {@link #sendStorage}
 * for a storage account, whose logs are on its four services); nothing is created when the options name no
 * workspace. The plan test {@code DiagnosticsEverywhereIT} walks the dev and prod plans by ARM type against the
 * same file, so a new resource type must be classified there before it can be planned.
 */
public final class Diagnostics {
    /** The diagnostic setting's name on every resource (one setting per resource sends everything). */
    public static final String SETTING_NAME = "to-log-analytics";

    private static final Catalogue CATALOGUE = Catalogue.load();

    private Diagnostics() {
    }

    /**
     * What one diagnosable type sends.
     *
     * @param armType        the ARM type, like {@code Microsoft.KeyVault/vaults}
     * @param categoryGroup  the category group enabled (allLogs), or empty when {@code categories} are listed
     * @param categories     the categories enabled when no group is
     * @param documented     every category the type documents
     * @param dedicated      whether the setting asks for resource-specific tables ({@code Dedicated})
     * @param source         the Azure Monitor page the entry comes from
     */
    public record LogProfile(String armType, Optional<String> categoryGroup, List<String> categories,
                             List<String> documented, boolean dedicated, String source) {
        /**
         * Copies the lists.
         *
         * @param armType       the ARM type
         * @param categoryGroup the category group sent, or empty
         * @param categories    the categories sent when no group is
         * @param documented    every documented category
         * @param dedicated     whether resource-specific tables are asked for
         * @param source        the documentation page
         */
        public LogProfile {
            categories = List.copyOf(categories);
            documented = List.copyOf(documented);
        }

        /**
         * The setting's log entries.
         *
         * @return one entry per category, or the one category group
         */
        public List<LogSettingsArgs> logs() {
            return categoryGroup.map(g -> List.of(LogSettingsArgs.builder().categoryGroup(g).enabled(true).build()))
                    .orElseGet(() -> categories.stream()
                            .map(c -> LogSettingsArgs.builder().category(c).enabled(true).build()).toList());
        }
    }

    /**
     * The profile of a diagnosable type.
     *
     * @param armType the ARM type (case-insensitive), like {@code Microsoft.Network/bastionHosts}
     * @return its profile
     * @throws IllegalArgumentException when the reference data does not list the type as diagnosable
     */
    public static LogProfile profile(String armType) {
        var p = CATALOGUE.diagnosable.get(armType.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("armType " + armType + " is not diagnosable in "
                    + "diagnostic-log-categories.json; diagnosable types are like Microsoft.KeyVault/vaults");
        }
        return p;
    }

    /**
     * The diagnosable types.
     *
     * @return the diagnosable ARM types, lower-cased, to their profiles
     */
    public static Map<String, LogProfile> diagnosable() {
        return CATALOGUE.diagnosable;
    }

    /**
     * The types whose logs are on sub-resources.
     *
     * @return ARM types (lower-cased) to the sub-resource paths, like {@code blobServices/default}
     */
    public static Map<String, List<String>> logsOn() {
        return CATALOGUE.logsOn;
    }

    /**
     * The types with logs the platform does not send.
     *
     * @return ARM types (lower-cased) to why
     */
    public static Map<String, String> excluded() {
        return CATALOGUE.excluded;
    }

    /**
     * The types without resource logs.
     *
     * @return ARM types (lower-cased) to the page that says so
     */
    public static Map<String, String> withoutResourceLogs() {
        return CATALOGUE.withoutLogs;
    }

    /**
     * The setting's arguments for one resource (pure: the component tests and {@link #send} share it).
     *
     * @param armType     the resource's ARM type
     * @param resourceUri the resource's ARM id
     * @param workspaceId the Log Analytics workspace's ARM id
     * @return the arguments
     */
    public static DiagnosticSettingArgs args(String armType, Output<String> resourceUri, Output<String> workspaceId) {
        var profile = profile(armType);
        var builder = DiagnosticSettingArgs.builder()
                .name(SETTING_NAME)
                .resourceUri(resourceUri)
                .workspaceId(workspaceId)
                .logs(profile.logs());
        if (profile.dedicated()) {
            builder.logAnalyticsDestinationType("Dedicated");
        }
        return builder.build();
    }

    /**
     * Sends a resource's logs to the options' workspace, when they name one.
     *
     * @param logicalName the setting's Pulumi name
     * @param armType     the resource's ARM type, listed as diagnosable
     * @param resourceId  the resource's ARM id
     * @param common      the component's options (the workspace)
     * @param parent      the component
     * @param dependsOn   resources the setting waits for beyond the resource itself (a storage service, say)
     * @return the setting, or empty without a workspace
     */
    public static Optional<DiagnosticSetting> send(String logicalName, String armType, Output<String> resourceId,
                                                   CommonOptions common, Resource parent, Resource... dependsOn) {
        var args = common.logAnalyticsWorkspaceId().map(w -> args(armType, resourceId, w));
        return args.map(a -> new DiagnosticSetting(logicalName, a,
                CustomResourceOptions.builder().parent(parent).dependsOn(List.of(dependsOn)).build()));
    }

    /**
     * Sends a storage account's logs: one setting on each of its services (blob, file, queue, table), since the
     * account itself has metrics only.
     *
     * @param logicalName the settings' Pulumi name prefix; each gets {@code -blob}, {@code -file}, ...
     * @param accountId   the storage account's ARM id
     * @param common      the component's options (the workspace)
     * @param parent      the component
     * @param dependsOn   resources the settings wait for (the account's blob service properties, say)
     * @return the settings, empty without a workspace
     */
    public static List<DiagnosticSetting> sendStorage(String logicalName, Output<String> accountId, CommonOptions common,
                                                      Resource parent, Resource... dependsOn) {
        var created = new ArrayList<DiagnosticSetting>();
        for (var sub : logsOn().get("microsoft.storage/storageaccounts")) {
            var service = sub.substring(0, sub.indexOf('/'));
            send(logicalName + "-" + service.replace("Services", ""), "Microsoft.Storage/storageAccounts/" + service,
                    accountId.applyValue(id -> id + "/" + sub), common, parent, dependsOn).ifPresent(created::add);
        }
        return created;
    }

    private record Catalogue(Map<String, LogProfile> diagnosable, Map<String, List<String>> logsOn,
                             Map<String, String> excluded, Map<String, String> withoutLogs) {
        static Catalogue load() {
            try (var in = Diagnostics.class.getResourceAsStream("diagnostic-log-categories.json")) {
                if (in == null) {
                    throw new IllegalStateException("diagnostic-log-categories.json is missing from the classpath");
                }
                return of(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Catalogue of(JsonObject json) {
            var diagnosable = new TreeMap<String, LogProfile>();
            json.getAsJsonObject("diagnosable").entrySet().forEach(e -> {
                var o = e.getValue().getAsJsonObject();
                var send = o.getAsJsonObject("send");
                var documented = strings(o.getAsJsonArray("categories"));
                var group = send.has("categoryGroup") ? Optional.of(send.get("categoryGroup").getAsString())
                        : Optional.<String>empty();
                var categories = send.has("categories") ? strings(send.getAsJsonArray("categories")) : List.<String>of();
                group.ifPresent(g -> {
                    if (!strings(o.getAsJsonArray("categoryGroups")).contains(g)) {
                        throw new IllegalStateException(e.getKey() + " sends category group " + g
                                + " that its page does not list");
                    }
                });
                categories.stream().filter(c -> !documented.contains(c)).findFirst().ifPresent(c -> {
                    throw new IllegalStateException(e.getKey() + " sends category " + c + " that its page does not list");
                });
                if (group.isEmpty() == categories.isEmpty()) {
                    throw new IllegalStateException(e.getKey() + " must send either one categoryGroup or categories");
                }
                diagnosable.put(e.getKey().toLowerCase(Locale.ROOT), new LogProfile(e.getKey(), group, categories,
                        documented, o.get("dedicated").getAsBoolean(), o.get("source").getAsString()));
            });
            var logsOn = new TreeMap<String, List<String>>();
            json.getAsJsonObject("logsOn").entrySet().forEach(e -> logsOn.put(e.getKey().toLowerCase(Locale.ROOT),
                    strings(e.getValue().getAsJsonObject().getAsJsonArray("subResources"))));
            var excluded = new TreeMap<String, String>();
            json.getAsJsonObject("excluded").entrySet().forEach(e -> excluded.put(e.getKey().toLowerCase(Locale.ROOT),
                    e.getValue().getAsJsonObject().get("why").getAsString()));
            var without = new TreeMap<String, String>();
            json.getAsJsonObject("withoutResourceLogs").entrySet()
                    .forEach(e -> without.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().getAsString()));
            return new Catalogue(Collections.unmodifiableMap(diagnosable), Collections.unmodifiableMap(logsOn),
                    Collections.unmodifiableMap(excluded), Collections.unmodifiableMap(without));
        }

        private static List<String> strings(JsonArray array) {
            var out = new ArrayList<String>();
            for (JsonElement e : array) {
                out.add(e.getAsString());
            }
            return List.copyOf(out);
        }
    }
}
