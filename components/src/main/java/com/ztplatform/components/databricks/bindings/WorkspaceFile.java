package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A file in the workspace (for example a job's jar).
 *
 * <p>Binding of {@code databricks:index/workspaceFile:WorkspaceFile}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = WorkspaceFile.TYPE)
public class WorkspaceFile extends CustomResource {
    public static final String TYPE = "databricks:index/workspaceFile:WorkspaceFile";

    @Export(name = "objectId", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> objectId;

    @Export(name = "workspacePath", refs = {String.class}, tree = "[0]")
    private Output<String> workspacePath;

    @Export(name = "url", refs = {String.class}, tree = "[0]")
    private Output<String> url;

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public WorkspaceFile(String name, WorkspaceFileArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "WorkspaceFileArgs"), Bindings.withDefaults(options));
    }

    /** Workspace object id. */
    public Output<Integer> objectId() {
        return this.objectId;
    }

    /** Path with the {@code /Workspace} prefix, as jobs reference it. */
    public Output<String> workspacePath() {
        return this.workspacePath;
    }

    /** URL of the file in the workspace UI. */
    public Output<String> url() {
        return this.url;
    }
}
