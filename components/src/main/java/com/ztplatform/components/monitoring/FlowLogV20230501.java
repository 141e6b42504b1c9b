package com.ztplatform.components.monitoring;

import com.pulumi.azurenative.Utilities;
import com.pulumi.azurenative.network.FlowLogArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A Network Watcher flow log at network API 2023-05-01. azure-native 2.10.0's {@code network.FlowLog} class uses the
 * module's default API, 2023-02-01, and its Java SDK ships no versioned classes; the provider itself serves every
 * API version its aliases list (the jar's FlowLog aliases end at {@code azure-native:network/v20230501:FlowLog}), so
 * this class registers that token with the same inputs (the flowLogs schema did not change between the two
 * versions: https://learn.microsoft.com/azure/templates/microsoft.network/change-log/networkwatchers/flowlogs).
 * Virtual network flow logs are documented from that API on.
 */
public class FlowLogV20230501 extends CustomResource {
    /** The provider's type token for the 2023-05-01 flow log. */
    public static final String TYPE = "azure-native:network/v20230501:FlowLog";

    /**
     * Registers the flow log.
     *
     * @param name    logical name
     * @param args    the flow log's inputs (the default version's argument class; same schema)
     * @param options Pulumi options
     */
    public FlowLogV20230501(String name, FlowLogArgs args, CustomResourceOptions options) {
        // The azure-native SDK's own version, as its generated classes pin it, so the flow log uses the same provider.
        super(TYPE, name, args, CustomResourceOptions.merge(
                CustomResourceOptions.builder().version(Utilities.getVersion()).build(), options));
    }
}
