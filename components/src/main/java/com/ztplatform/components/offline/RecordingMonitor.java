package com.ztplatform.components.offline;

import com.pulumi.Log;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pulumi's test monitor, recording every registration exactly as the engine would receive it: parent,
 * provider, dependencies, options and inputs (secrets still marked), plus what the mocks answered.
 */
final class RecordingMonitor extends MockMonitor {
    /** One registration and the mock's answer. */
    public record Registration(RegisterResourceRequest request, RegisterResourceResponse response) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, RegisterResourceOutputsRequest> outputs = new ConcurrentHashMap<>();

    public RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                             RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(mocked -> {
            // The Java SDK's test monitor puts the root stack's type into every child's type chain; the engine
            // does not. The program must see (and pass on as parents) the URNs the engine would give it.
            var response = mocked.toBuilder()
                    .setUrn(EngineUrns.create(Deployment.getInstance().getStackName(),
                            Deployment.getInstance().getProjectName(), request.getParent(), request.getType(),
                            request.getName()))
                    .build();
            registrations.add(new Registration(request, response));
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        outputs.put(request.getUrn(), request);
        return super.registerResourceOutputsAsync(request);
    }

    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    public Map<String, RegisterResourceOutputsRequest> outputs() {
        return Map.copyOf(outputs);
    }
}
