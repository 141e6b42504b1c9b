package com.ztplatform.stack.reports;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage the cost estimate assumes, where a price is per GB, per query or per operation. Each has a default
 * here (the one definition; the config schema's {@code costAssumptions.*} keys list these) and the stack config
 * overrides it under {@code costAssumptions}, which the plan records, so the estimate stays a function of the plan.
 *
 * @param values key to value; every key of {@link #DEFAULTS}
 */
public record CostAssumptions(Map<String, Integer> values) {
    /** The config key. */
    public static final String CONFIG_KEY = "costAssumptions";

    /**
     * A usage assumption: its default and what it means.
     *
     * @param key          the key under {@code costAssumptions}
     * @param defaultValue the value when the stack does not set it
     * @param meaning      what the number is, with its unit
     */
    public record Assumption(String key, int defaultValue, String meaning) {
    }

    /** Hours in the month that list prices per month assume (365 x 24 / 12). */
    public static final int FULL_MONTH_HOURS = 730;

    /** Every assumption with its default, in the order the report lists them. */
    public static final List<Assumption> DEFAULTS = List.of(
            new Assumption("hoursPerMonth", FULL_MONTH_HOURS, "hours an always-on resource runs per month (730 = a full month)"),
            new Assumption("firewallDataGb", 1000, "GB per month processed by Azure Firewall (all egress and inspected traffic)"),
            new Assumption("natGatewayDataGb", 1000, "GB per month through the NAT gateway, when the egress path has one"),
            new Assumption("privateEndpointDataGb", 500, "GB per month through all private endpoints together"),
            new Assumption("peeringDataGb", 500, "GB per month crossing hub-spoke peerings (billed out of one VNet and into the other)"),
            new Assumption("logIngestionGb", 100, "GB per month ingested into the Log Analytics workspace"),
            new Assumption("keyVaultOperations10k", 10, "Key Vault operations per month, in units of 10,000"),
            new Assumption("dnsQueriesMillions", 10, "private DNS queries per month, in millions"));

    /**
     * Copies the values.
     *
     * @param values key to value
     */
    public CostAssumptions {
        values = Map.copyOf(values);
    }

    /**
     * The assumptions when the stack sets none.
     *
     * @return every default of {@link #DEFAULTS}
     */
    public static CostAssumptions defaults() {
        var map = new LinkedHashMap<String, Integer>();
        DEFAULTS.forEach(a -> map.put(a.key(), a.defaultValue()));
        return new CostAssumptions(map);
    }

    /**
     * The defaults with the plan's {@code costAssumptions} applied (the config loader validated them).
     *
     * @param plan the plan, whose config holds the overrides
     * @return the assumptions the estimate uses
     */
    public static CostAssumptions of(PlanModel plan) {
        var map = new LinkedHashMap<String, Integer>();
        DEFAULTS.forEach(a -> map.put(a.key(), a.defaultValue()));
        plan.config(CONFIG_KEY).filter(JsonElement::isJsonObject).ifPresent(o -> o.getAsJsonObject().entrySet().forEach(e -> {
            if (map.containsKey(e.getKey()) && e.getValue().isJsonPrimitive()) {
                map.put(e.getKey(), e.getValue().getAsInt());
            }
        }));
        return new CostAssumptions(map);
    }

    /**
     * One assumption's value.
     *
     * @param key the key, like {@code firewallDataGb}
     * @return its value
     * @throws IllegalArgumentException for an unknown key
     */
    public int get(String key) {
        var value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no cost assumption '" + key + "'");
        }
        return value;
    }

    /**
     * Whether the plan's config overrides the default (the report marks it).
     *
     * @param key the key
     * @return true when the value differs from the default
     */
    public boolean overridden(String key) {
        return DEFAULTS.stream().anyMatch(a -> a.key().equals(key) && a.defaultValue() != get(key));
    }

    /**
     * Problems with configured values, each naming the key: values are whole numbers from 0 (hours: 0-744).
     *
     * @param prefix     prepended to each key in messages, like {@code zt-databricks:costAssumptions.}
     * @param configured the values the stack sets
     * @return the problems; empty when all are valid
     */
    public static List<String> problems(String prefix, Map<String, Integer> configured) {
        var problems = new ArrayList<String>();
        configured.forEach((key, value) -> {
            if (value < 0) {
                problems.add(prefix + key + " must be 0 or more, like 500, got " + value);
            } else if (key.equals("hoursPerMonth") && value > 744) {
                problems.add(prefix + key + " must be at most 744 (31 days), like 730, got " + value);
            }
        });
        return problems;
    }
}
