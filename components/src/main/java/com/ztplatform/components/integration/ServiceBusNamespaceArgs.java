package com.ztplatform.components.integration;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.common.Placement;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.naming.ResourceKind;
import com.ztplatform.components.network.HubConnection;
import com.ztplatform.components.network.PrivateDnsZones;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Arguments of {@link ServiceBusNamespace}. Build with {@link #builder()}; every field is checked when the component is
 * constructed.
 *
 * @param resourceGroupName where the namespace and its endpoint go (required)
 * @param location          region, like westeurope (required)
 * @param naming            prefix and environment; the namespace is named {@code <prefix>-<env>-<namePart>} plus the
 *                          global suffix (required)
 * @param namePart          the namespace's own word. Default: {@link #DEFAULT_NAME_PART}
 * @param hub               the hub whose private-endpoint subnet and {@value PrivateDnsZones#SERVICE_BUS} zone the
 *                          namespace's endpoint uses (required)
 * @param capacity          Premium messaging units: 1, 2, 4, 8 or 16. Default: 1
 * @param zoneRedundant     spread the namespace over the region's availability zones. Default: false
 * @param queues            queue names, each 1-260 letters, digits, '.', '-', '_' starting and ending with a letter or
 *                          digit. Default: none
 * @param topics            topic names, same rule. Default: none
 * @param common            tags, protect, lock, and the Log Analytics workspace the namespace's logs go to.
 *                          Default: {@link CommonOptions#defaults()}
 */
public record ServiceBusNamespaceArgs(Output<String> resourceGroupName, String location, Naming naming, String namePart,
                                      HubConnection hub, int capacity, boolean zoneRedundant, List<String> queues,
                                      List<String> topics, CommonOptions common) {

    /** The namespace's own word: {@code ztp} in {@code dev} gives {@code ztp-dev-bus} (plus the global suffix). */
    public static final String DEFAULT_NAME_PART = "bus";
    /** Messaging units a Premium namespace accepts (learn.microsoft.com/azure/service-bus-messaging/service-bus-premium-messaging). */
    public static final List<Integer> CAPACITIES = List.of(1, 2, 4, 8, 16);
    private static final Pattern PART = Pattern.compile("^[a-z][a-z0-9]{0,19}$");
    /** Queue and topic names (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules). */
    private static final Pattern ENTITY = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9._-]{0,258}[A-Za-z0-9])?$");

    /**
     * Copies the lists; {@code null} lists mean none.
     *
     * @param resourceGroupName where the namespace goes
     * @param location          region
     * @param naming            prefix and environment
     * @param namePart          the namespace's own word
     * @param hub               the hub whose endpoint subnet and zone the namespace uses
     * @param capacity          messaging units
     * @param zoneRedundant     zone redundancy
     * @param queues            queue names
     * @param topics            topic names
     * @param common            tags, protect, lock, diagnostics
     */
    public ServiceBusNamespaceArgs {
        Objects.requireNonNull(common, "common");
        queues = queues == null ? List.of() : List.copyOf(queues);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /**
     * A builder; what is not set takes the default documented on this record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The namespace's Azure name, like {@code ztp-dev-bus-k3x9q}.
     *
     * @return the name (valid once {@link #problems()} is empty)
     */
    public String namespaceName() {
        return naming.name(ResourceKind.SERVICE_BUS_NAMESPACE, namePart);
    }

    /**
     * The problems of the queue and topic names alone, for the stack configuration's messages.
     *
     * @param path   prefix of every message, like zt-databricks:integration.
     * @param queues queue names
     * @param topics topic names
     * @return the problems; empty when valid
     */
    public static List<String> entityProblems(String path, List<String> queues, List<String> topics) {
        var problems = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (var entry : List.of(new Object[] {"queues", queues}, new Object[] {"topics", topics})) {
            @SuppressWarnings("unchecked")
            var names = (List<String>) entry[1];
            for (int i = 0; i < names.size(); i++) {
                var n = names.get(i);
                if (n == null || !ENTITY.matcher(n).matches()) {
                    problems.add(path + entry[0] + "[" + i + "] must be 1-260 letters, digits, '.', '-' or '_', starting "
                            + "and ending with a letter or digit, like landing-runs, got '" + n + "'");
                } else if (!seen.add(n.toLowerCase())) {
                    // Queues and topics share one namespace of entity names.
                    problems.add(path + entry[0] + "[" + i + "] '" + n + "' is already a queue or topic of the namespace");
                }
            }
        }
        return problems;
    }

    /**
     * Every problem, each naming the field and a valid example.
     *
     * @return the problems; empty when valid
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        Placement.check(problems, resourceGroupName, "integrationRg.name()", location, naming);
        if (namePart == null || !PART.matcher(namePart).matches()) {
            problems.add("namePart must be 1-20 lowercase letters or digits starting with a letter, like '"
                    + DEFAULT_NAME_PART + "', got " + (namePart == null ? "null" : "'" + namePart + "'"));
        } else if (naming != null && naming.problems("naming").isEmpty()) {
            var name = namespaceName();
            ResourceKind.SERVICE_BUS_NAMESPACE.problem(name).ifPresent(p -> problems.add("namePart: " + p));
            if (name.endsWith("-sb") || name.endsWith("-mgmt")) {
                problems.add("namePart: Service Bus refuses namespace names ending in '-sb' or '-mgmt', got '" + name
                        + "'; use a word like '" + DEFAULT_NAME_PART + "'");
            }
        }
        if (hub == null) {
            problems.add("hub is required: the hub whose private-endpoint subnet and " + PrivateDnsZones.SERVICE_BUS
                    + " zone the namespace's endpoint uses, like the HubNetwork");
        } else if (!hub.privateDnsZones().contains(PrivateDnsZones.SERVICE_BUS)) {
            problems.add("hub: the namespace's private endpoint registers in " + PrivateDnsZones.SERVICE_BUS
                    + ", which the hub lacks; add it to HubNetworkArgs.privateDnsZones");
        }
        if (!CAPACITIES.contains(capacity)) {
            problems.add("capacity must be one of " + CAPACITIES + " Premium messaging units, like 1, got " + capacity);
        }
        problems.addAll(entityProblems("", queues, topics));
        if (queues.isEmpty() && topics.isEmpty()) {
            problems.add("queues or topics must name at least one entity, like queues: [landing-runs]");
        }
        problems.addAll(common.problems("common"));
        return problems;
    }

    /** Builds {@link ServiceBusNamespaceArgs}; what is not set takes the default documented on the record. */
    public static final class Builder {
        private Output<String> resourceGroupName;
        private String location;
        private Naming naming;
        private String namePart = DEFAULT_NAME_PART;
        private HubConnection hub;
        private int capacity = 1;
        private boolean zoneRedundant;
        private List<String> queues = List.of();
        private List<String> topics = List.of();
        private CommonOptions common = CommonOptions.defaults();

        private Builder() {
        }

        /**
         * @param value where the namespace goes (required)
         * @return this builder
         */
        public Builder resourceGroupName(Output<String> value) { this.resourceGroupName = value; return this; }
        /**
         * @param value region, like westeurope (required)
         * @return this builder
         */
        public Builder location(String value) { this.location = value; return this; }
        /**
         * @param value prefix and environment (required)
         * @return this builder
         */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /**
         * @param value the namespace's own word. Default: {@link #DEFAULT_NAME_PART}
         * @return this builder
         */
        public Builder namePart(String value) { this.namePart = value; return this; }
        /**
         * @param value the hub whose endpoint subnet and zone the namespace uses (required)
         * @return this builder
         */
        public Builder hub(HubConnection value) { this.hub = value; return this; }
        /**
         * @param value Premium messaging units. Default: 1
         * @return this builder
         */
        public Builder capacity(int value) { this.capacity = value; return this; }
        /**
         * @param value zone redundancy. Default: false
         * @return this builder
         */
        public Builder zoneRedundant(boolean value) { this.zoneRedundant = value; return this; }
        /**
         * @param value queue names. Default: none
         * @return this builder
         */
        public Builder queues(List<String> value) { this.queues = value; return this; }
        /**
         * @param value topic names. Default: none
         * @return this builder
         */
        public Builder topics(List<String> value) { this.topics = value; return this; }
        /**
         * @param value tags, protect, lock, diagnostics. Default: {@link CommonOptions#defaults()}
         * @return this builder
         */
        public Builder common(CommonOptions value) { this.common = value; return this; }

        /**
         * The arguments, as set; the component checks them when it is constructed.
         *
         * @return the arguments
         */
        public ServiceBusNamespaceArgs build() {
            return new ServiceBusNamespaceArgs(resourceGroupName, location, naming, namePart, hub, capacity,
                    zoneRedundant, queues, topics, common);
        }
    }
}
