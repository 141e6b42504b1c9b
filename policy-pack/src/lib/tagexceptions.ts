// Tenant-shared service tags a firewall allow rule may still name, each for one kind of source only, with the
// documentation that makes it necessary. Everything else stays refused by firewall-no-wildcard-rules: a shared tag
// reaches every Azure tenant's resources of that service.

/** One accepted (tag, source) pair. */
export interface TagException {
    /** The tag's base name, lower-case: "batchnodemanagement" accepts BatchNodeManagement and BatchNodeManagement.WestEurope. */
    tag: string;
    /** What the rule's source IP groups must all be: their names end with this (the firewall names them <prefix>-<env>-hub-<group>-ipg). */
    sourceGroupSuffix: string;
    /** Why the tag cannot be replaced by names or private endpoints. */
    why: string;
    source: string;
}

const ML_DOC = "https://learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall";

/**
 * Azure Machine Learning compute (the platform's MachineLearningWorkspace, source group ml-compute): the service and
 * its Azure Batch back end publish no host names for these paths, only service tags.
 */
export const TAG_EXCEPTIONS: readonly TagException[] = [
    { tag: "azuremachinelearning", sourceGroupSuffix: "-ml-compute-ipg", source: ML_DOC,
        why: "compute reaches the Azure ML service (443, 8787, 18881, UDP 5831); the documentation gives the tag only" },
    { tag: "batchnodemanagement", sourceGroupSuffix: "-ml-compute-ipg", source: ML_DOC,
        why: "the Azure Batch back end manages the compute nodes; regional form only" },
    { tag: "azuremonitor", sourceGroupSuffix: "-ml-compute-ipg", source: ML_DOC,
        why: "compute metrics and logs go to Azure Monitor while no Azure Monitor private link scope serves the workspace" },
    { tag: "azurekeyvault", sourceGroupSuffix: "-ml-compute-ipg", source: ML_DOC,
        why: "a high business impact workspace's Batch back end keeps its keys in a Microsoft-owned vault; regional form only" },
];

/** Whether any source may name `tag` at all: a tag no exception names is refused whatever the rule's sources are. */
export function mayBeExcepted(tag: string): boolean {
    const base = tag.trim().split(".")[0].toLowerCase();
    return TAG_EXCEPTIONS.some(e => e.tag === base);
}

/** The exception that accepts `tag` for a rule whose source IP groups are `sources` (ids or names), if any. */
export function tagException(tag: string, sources: readonly string[]): TagException | undefined {
    const base = tag.trim().split(".")[0].toLowerCase();
    const leaves = sources.map(s => (s.split("/").pop() ?? "").toLowerCase());
    if (leaves.length === 0) {
        return undefined;
    }
    return TAG_EXCEPTIONS.find(e => e.tag === base && leaves.every(l => l.endsWith(e.sourceGroupSuffix)));
}
