package com.ztplatform.components.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One model deployment on an {@link AiServices} account: plain values (the stack's {@code ai.aiServices.deployments}),
 * checked by {@link #problems}.
 *
 * @param name     the deployment's name, which clients call, like {@code gpt-4o}
 * @param model    the model's name in the catalogue, like {@code gpt-4o}
 * @param version  the model version, like {@code 2024-08-06}
 * @param format   the model's format (its publisher's catalogue), like {@code OpenAI}
 * @param sku      the deployment type, one of {@link #SKUS}, like {@code Standard} (regional processing)
 * @param capacity units of the SKU: thousands of tokens per minute for the standard types, provisioned throughput
 *                 units for the provisioned ones; at least 1
 */
public record ModelDeployment(String name, String model, String version, String format, String sku, int capacity) {

    /** The format of Azure OpenAI models. */
    public static final String DEFAULT_FORMAT = "OpenAI";
    /**
     * Deployment types (learn.microsoft.com/azure/ai-services/openai/how-to/deployment-types). The data-zone and
     * regional types keep processing inside the zone or region; the global types may process anywhere.
     */
    public static final List<String> SKUS = List.of("Standard", "DataZoneStandard", "GlobalStandard",
            "ProvisionedManaged", "DataZoneProvisionedManaged", "GlobalProvisionedManaged", "GlobalBatch",
            "DataZoneBatch");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$");
    private static final Pattern MODEL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    /**
     * Every problem, each naming the field under {@code path} and a valid example.
     *
     * @param path the deployment's path as the user writes it, like {@code ai.aiServices.deployments[0]}
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(path + ".name must be 2-64 letters, digits, '.', '_' or '-', starting with a letter or digit, "
                    + "like 'gpt-4o', got " + quote(name));
        }
        if (model == null || !MODEL.matcher(model).matches()) {
            problems.add(path + ".model must be a model name like 'gpt-4o' or 'text-embedding-3-large', got "
                    + quote(model));
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            problems.add(path + ".version must be the model version, like '2024-08-06', got " + quote(version));
        }
        if (format == null || format.isBlank()) {
            problems.add(path + ".format must be the model's format, like '" + DEFAULT_FORMAT + "'");
        }
        if (sku == null || !SKUS.contains(sku)) {
            problems.add(path + ".sku must be one of " + SKUS + ", like 'Standard', got " + quote(sku));
        }
        if (capacity < 1) {
            problems.add(path + ".capacity must be at least 1 (thousands of tokens per minute, or provisioned units), "
                    + "like 10, got " + capacity);
        }
        return problems;
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
