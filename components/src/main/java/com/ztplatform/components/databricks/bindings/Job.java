package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A job: tasks, job clusters, schedule and notifications. Job-level task fields ({@code sparkJarTask},
 * {@code notebookTask}, ...) are deprecated in the schema; tasks carry them ({@link JobTaskArgs}).
 *
 * <p>Binding of {@code databricks:index/job:Job}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = Job.TYPE)
public class Job extends CustomResource {
    public static final String TYPE = "databricks:index/job:Job";

    @Export(name = "url", refs = {String.class}, tree = "[0]")
    private Output<String> url;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public Job(String name, JobArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "JobArgs"), Bindings.withDefaults(options));
    }

    /** URL of the job in the workspace UI. */
    public Output<String> url() {
        return this.url;
    }
}
