package harness

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// oneKeyChange: one config key changes exactly the resources it feeds, in the engine's preview, in the
// pull-request comment rendered from that preview, and in the offline plan diff of the same change.
func (w *world) oneKeyChange(t *testing.T, cloud string) {
	stackFile := filepath.Join(w.project, "Pulumi.dev.yaml")
	orig, err := os.ReadFile(stackFile)
	must(t, err)
	defer os.WriteFile(stackFile, orig, 0o644) //nolint:errcheck
	base := filepath.Join(w.run, "plan-dev", "plan.json")
	if _, err := os.Stat(base); err != nil {
		w.offlinePlan(t, "dev", filepath.Join(w.run, "plan-dev"))
	}

	w.ok(t, w.project, cloud, "config", "set", "--stack", "dev", "--path", "logs.retentionInDays", "60")
	var changed []string
	w.withJarMode(t, func() {
		out := w.ok(t, w.project, cloud, "preview", "--stack", "dev", "--json")
		var preview struct {
			Steps []struct {
				Op  string `json:"op"`
				URN string `json:"urn"`
			} `json:"steps"`
		}
		if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &preview); err != nil {
			t.Fatalf("preview --json: %v\n%s", err, tail(out, 20))
		}
		for _, s := range preview.Steps {
			if s.Op != "same" {
				changed = append(changed, s.Op+" "+s.URN)
			}
		}
	})
	sort.Strings(changed)
	want := []string{"update urn:pulumi:dev::zt-databricks::ztplatform:monitoring:LogAnalytics$azure-native:operationalinsights:Workspace::logs-law"}
	if strings.Join(changed, "\n") != strings.Join(want, "\n") {
		t.Fatalf("logs.retentionInDays should change only the Log Analytics workspace; the engine plans:\n%s",
			strings.Join(changed, "\n"))
	}

	// The pull-request comment, from this preview's --diff output, through the workflow's own renderer.
	var diff result
	w.withJarMode(t, func() { diff = w.pulumi(t, w.project, cloud, "preview", "--stack", "dev", "--diff") })
	outcome := "success"
	if diff.err != nil {
		outcome = "failure"
	}
	previewFile := filepath.Join(w.run, "preview-dev.txt")
	must(t, os.WriteFile(previewFile, []byte(diff.out), 0o600))
	comment := renderComment(t, w.repo, "dev", outcome, previewFile)
	for _, want := range []string{"<!-- zt-pulumi-preview:dev -->", ": succeeded", "- ~ 1 to update",
		"[urn=urn:pulumi:dev::zt-databricks::ztplatform:monitoring:LogAnalytics$azure-native:operationalinsights:Workspace::logs-law]",
		"retentionInDays: 30 => 60"} {
		if !strings.Contains(comment, want) {
			t.Fatalf("the pull-request comment lacks %q:\n%s", want, comment)
		}
	}
	must(t, os.WriteFile(filepath.Join(w.run, "comment-dev.md"), []byte(comment), 0o600))

	// The offline plan of the same change differs from the base plan in exactly the same resources.
	after := filepath.Join(w.run, "plan-dev-changed")
	w.offlinePlan(t, "dev", after)
	offline := changedURNs(t, base, filepath.Join(after, "plan.json"))
	engine := []string{}
	for _, c := range changed {
		engine = append(engine, c[strings.Index(c, " ")+1:])
	}
	if strings.Join(offline, "\n") != strings.Join(engine, "\n") {
		t.Fatalf("offline plan diff %v disagrees with the engine's preview %v", offline, engine)
	}
	cmd := exec.Command("java", "-jar", filepath.Join(w.project, "src/target/zt-platform.jar"), "plan", "dev",
		"--root", w.project, "--out", after, "--no-policy", "--diff", base)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("plan --diff: %v\n%s", err, out)
	}
	diffMd, err := os.ReadFile(filepath.Join(after, "diff.md"))
	must(t, err)
	if !strings.Contains(string(diffMd), "logs-law") {
		t.Fatalf("the offline plan's diff.md does not name logs-law:\n%s", diffMd)
	}
}

func renderComment(t *testing.T, repo, stack, outcome, previewFile string) string {
	t.Helper()
	script := `const render = require(process.argv[1]);
const fs = require('fs');
process.stdout.write(render({ stack: process.argv[2], sha: '0123456789abcdef', outcome: process.argv[4],
  output: fs.readFileSync(process.argv[3], 'utf8') }));`
	cmd := exec.Command("node", "-e", script, filepath.Join(repo, ".github/scripts/preview-comment.js"), stack,
		previewFile, outcome)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the workflow's comment renderer failed: %v\n%s", err, out)
	}
	return string(out)
}

func changedURNs(t *testing.T, before, after string) []string {
	read := func(path string) map[string]string {
		data, err := os.ReadFile(path)
		must(t, err)
		var p struct {
			Resources []struct {
				URN    string          `json:"urn"`
				Inputs json.RawMessage `json:"inputs"`
			} `json:"resources"`
		}
		must(t, json.Unmarshal(data, &p))
		m := map[string]string{}
		for _, r := range p.Resources {
			m[r.URN] = string(r.Inputs)
		}
		return m
	}
	a, b := read(before), read(after)
	var out []string
	for urn, in := range b {
		if a[urn] != in {
			out = append(out, urn)
		}
	}
	for urn := range a {
		if _, ok := b[urn]; !ok {
			out = append(out, urn)
		}
	}
	sort.Strings(out)
	return out
}

// consumer: another team's program reads the platform through PlatformStackReference.
func (w *world) consumer(t *testing.T, cloud string) {
	dir := w.programsProject(t, "zt-consumer")
	w.ok(t, dir, cloud, "stack", "init", "sales-prod")
	w.ok(t, dir, cloud, "config", "set", "--stack", "sales-prod", "platformStack", "organization/zt-databricks/prod")
	w.ok(t, dir, cloud, "up", "--yes", "--skip-preview", "--stack", "sales-prod")
	out := w.ok(t, dir, cloud, "stack", "output", "--json", "--stack", "sales-prod")
	var outputs map[string]interface{}
	must(t, json.Unmarshal([]byte(out), &outputs))
	if !strings.HasSuffix(fmt.Sprint(outputs["vnetId"]), "/virtualNetworks/sales-prod-vnet") {
		t.Fatalf("consumer outputs: %s", out)
	}
	if ips, _ := outputs["egressIps"].([]interface{}); len(ips) == 0 {
		t.Fatalf("the consumer did not get the platform's egress IPs: %s", out)
	}
	consumerEndpointInCloud(t, cloud)

	// A platform stack that publishes another contract version is refused with the documented message.
	scn := w.programsProject(t, "zt-sim-scenarios")
	fakeCloud := filepath.Join(w.run, "cloud-fake-platform")
	must(t, os.MkdirAll(fakeCloud, 0o700))
	w.ok(t, scn, fakeCloud, "stack", "init", "fake-platform")
	w.ok(t, scn, fakeCloud, "config", "set", "--stack", "fake-platform", "scenario", "fake-platform")
	w.ok(t, scn, fakeCloud, "up", "--yes", "--skip-preview", "--stack", "fake-platform")
	w.ok(t, dir, fakeCloud, "stack", "init", "mismatch")
	w.ok(t, dir, fakeCloud, "config", "set", "--stack", "mismatch", "platformStack",
		"organization/zt-sim-scenarios/fake-platform")
	r := w.pulumi(t, dir, fakeCloud, "up", "--yes", "--skip-preview", "--stack", "mismatch")
	want := "stack organization/zt-sim-scenarios/fake-platform publishes output contract v0, this client understands v1"
	if r.err == nil || !strings.Contains(r.out, want) {
		t.Fatalf("a contract-version mismatch must fail with %q:\n%s", want, tail(r.out, 30))
	}
	// Offboarding is refused while prod's hub VNet carries its CanNotDelete lock: the hub side of the
	// consumer's peering is a child of the locked VNet, and locks apply to children
	// (learn.microsoft.com/azure/azure-resource-manager/management/lock-resources). The README says so.
	r = w.pulumi(t, dir, cloud, "destroy", "--yes", "--skip-preview", "--stack", "sales-prod")
	if r.err == nil || !strings.Contains(r.out, "ScopeLocked") || !strings.Contains(r.out, "ztp-prod-hub-vnet-lock") {
		t.Fatalf("removing a consumer's hub peering must be refused by the hub VNet's lock:\n%s", tail(r.out, 30))
	}
}

// policyBlocks: a resource policy stops a bad change during `pulumi up` before anything is changed.
func (w *world) policyBlocks(t *testing.T) {
	dir := w.programsProject(t, "zt-sim-scenarios")
	cloud := filepath.Join(w.run, "cloud-policy")
	must(t, os.MkdirAll(cloud, 0o700))
	pack := w.policyPack()
	// The scenario is one storage account behind a private endpoint, without the platform's Log Analytics workspace,
	// Network Watcher or Key Vault: the two stack-wide logging rules and the storage key rule are switched off for it
	// through Pulumi's own policy pack configuration (enforcementLevel disabled), so the run shows the pack refusing
	// the change below, not what the scenario lacks. All three pass on the platform stacks (policy-pack-passes).
	packConfig := filepath.Join(w.run, "policy-scenario-pack-config.json")
	must(t, os.WriteFile(packConfig, []byte(`{"diagnostic-settings-to-platform-workspace": {"enforcementLevel": "disabled"},`+
		` "vnet-flow-logs-traffic-analytics": {"enforcementLevel": "disabled"},`+
		` "storage-account-customer-managed-key": {"enforcementLevel": "disabled"}}`), 0o600))
	w.ok(t, dir, cloud, "stack", "init", "policy")
	w.ok(t, dir, cloud, "config", "set", "--stack", "policy", "scenario", "private-storage")
	w.ok(t, dir, cloud, "up", "--yes", "--skip-preview", "--stack", "policy", "--policy-pack", pack,
		"--policy-pack-config", packConfig)
	_, before := w.export(t, dir, "policy")
	cloudBefore, err := os.ReadFile(filepath.Join(cloud, "cloud.json"))
	must(t, err)

	w.ok(t, dir, cloud, "config", "set", "--stack", "policy", "publicAccess", "true")
	r := w.pulumi(t, dir, cloud, "up", "--yes", "--skip-preview", "--stack", "policy", "--policy-pack", pack,
		"--policy-pack-config", packConfig)
	if r.err == nil || !strings.Contains(r.out, "storage-account-zero-trust") {
		t.Fatalf("the policy pack let public network access on a storage account through:\n%s", tail(r.out, 40))
	}
	_, after := w.export(t, dir, "policy")
	if stripVolatile(before) != stripVolatile(after) {
		t.Fatal("the blocked update changed the stack's state")
	}
	cloudAfter, err := os.ReadFile(filepath.Join(cloud, "cloud.json"))
	must(t, err)
	if string(cloudBefore) != string(cloudAfter) {
		t.Fatal("the blocked update changed the (simulated) cloud")
	}
}

// stripVolatile keeps only the checkpoint's resources, in URN order: its manifest changes on every operation,
// and an update the policy pack stopped may write the same resources back in another order.
func stripVolatile(export string) string {
	var d struct {
		Deployment struct {
			Resources []map[string]interface{} `json:"resources"`
		} `json:"deployment"`
	}
	if json.Unmarshal([]byte(export), &d) != nil {
		return export
	}
	res := d.Deployment.Resources
	sort.Slice(res, func(i, j int) bool { return fmt.Sprint(res[i]["urn"]) < fmt.Sprint(res[j]["urn"]) })
	out, _ := json.Marshal(res)
	return string(out)
}

// noClearSecret: the secret set with --secret is nowhere in clear: not in the state, plans, logs or outputs.
func (w *world) noClearSecret(t *testing.T, secret string) {
	var found []string
	err := filepath.Walk(w.run, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(w.run, path)
		// The simulated cloud holds the Key Vault secret, as Azure would.
		if info.IsDir() && (strings.HasPrefix(rel, "cloud") || rel == "home") {
			return filepath.SkipDir
		}
		if info.IsDir() || info.Size() > 64<<20 {
			return nil
		}
		if strings.Contains(rel, secret) {
			found = append(found, "the name of "+rel)
		}
		data, err := os.ReadFile(path)
		if err == nil && strings.Contains(string(data), secret) {
			found = append(found, rel)
		}
		return nil
	})
	must(t, err)
	for _, stack := range []string{"dev", "prod"} {
		out := w.ok(t, w.project, "", "stack", "output", "--json", "--stack", stack)
		if strings.Contains(out, secret) {
			found = append(found, "stack output of "+stack)
		}
	}
	if len(found) > 0 {
		t.Fatalf("the secret appears in clear in: %v", found)
	}
}

func (w *world) destroyDev(t *testing.T, cloud string) {
	w.ok(t, w.project, cloud, "destroy", "--yes", "--skip-preview", "--stack", "dev")
	d, _ := w.export(t, w.project, "dev")
	if n := len(d.Deployment.Resources); n != 0 {
		t.Fatalf("dev still has %d resources after destroy", n)
	}
	data, err := os.ReadFile(filepath.Join(cloud, "cloud.json"))
	must(t, err)
	var c struct {
		Resources     map[string]interface{} `json:"resources"`
		DeletedVaults map[string]string      `json:"deletedVaults"`
	}
	must(t, json.Unmarshal(data, &c))
	for id := range c.Resources {
		if strings.Contains(id, "ztp-dev-") {
			t.Fatalf("the simulated cloud still holds %s after destroying dev", id)
		}
	}
	// Soft delete keeps the vault's name (purge protection: for the whole retention period), so deploying
	// dev again under the same name is refused until the vault is recovered; the README says how. The name is
	// ztp-dev-platform-kv with dev's global suffix llwby, cut to 24 with its hash (AzureNamesTest works it out).
	if _, kept := c.DeletedVaults["ztp-dev-platf-4942-llwby"]; !kept {
		t.Fatal("the destroyed dev vault should be soft-deleted, keeping its name")
	}
}

func (w *world) destroyProdRefused(t *testing.T, cloud string) {
	_, before := w.export(t, w.project, "prod")
	// As an operator runs it: the preview first. (With --skip-preview the engine deletes unprotected
	// resources before it reaches a protected one; the README warns against it.)
	r := w.pulumi(t, w.project, cloud, "destroy", "--yes", "--stack", "prod")
	if r.err == nil || !strings.Contains(r.out, "protected") {
		t.Fatalf("destroying prod must be refused while its resources are protected:\n%s", tail(r.out, 30))
	}
	_, after := w.export(t, w.project, "prod")
	if stripVolatile(before) != stripVolatile(after) {
		t.Fatal("the refused destroy changed prod's state")
	}
}

func (w *world) report(t *testing.T) {
	var b strings.Builder
	var total time.Duration
	b.WriteString("| step | seconds |\n|---|---:|\n")
	for _, tm := range w.timings {
		total += tm.took
		fmt.Fprintf(&b, "| %s | %.1f |\n", strings.ReplaceAll(tm.what, "|", "/"), tm.took.Seconds())
	}
	fmt.Fprintf(&b, "| **total** | %.1f |\n", total.Seconds())
	_ = os.WriteFile(filepath.Join(w.run, "timings.md"), []byte(b.String()), 0o644)
	t.Logf("engine e2e: %d steps, %.0f s; timings in %s", len(w.timings), total.Seconds(),
		filepath.Join(w.run, "timings.md"))
}

// consumerEndpointInCloud: the private endpoint the consumer added through PlatformStackReference (as a
// HubConnection) exists in the simulated cloud, sits in the consumer's own subnet, connects to the consumer's storage
// account, and registers its record in the platform hub's blob zone, which exists.
func consumerEndpointInCloud(t *testing.T, cloud string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(cloud, "cloud.json"))
	must(t, err)
	var c struct {
		Resources map[string]struct {
			ID     string                 `json:"id"`
			Token  string                 `json:"token"`
			Inputs map[string]interface{} `json:"inputs"`
		} `json:"resources"`
	}
	must(t, json.Unmarshal(data, &c))
	str := func(v interface{}) string { s, _ := v.(string); return s }
	first := func(v interface{}) map[string]interface{} {
		if l, ok := v.([]interface{}); ok && len(l) > 0 {
			m, _ := l[0].(map[string]interface{})
			return m
		}
		return nil
	}
	var endpointName string
	for _, r := range c.Resources {
		if r.Token != "azure-native:network:PrivateEndpoint" {
			continue
		}
		conn := first(r.Inputs["privateLinkServiceConnections"])
		if !strings.HasSuffix(strings.ToLower(str(conn["privateLinkServiceId"])), "/storageaccounts/salesprodst") {
			continue
		}
		subnet, _ := r.Inputs["subnet"].(map[string]interface{})
		if !strings.HasSuffix(str(subnet["id"]), "/virtualNetworks/sales-prod-vnet/subnets/snet-private-endpoints") {
			t.Fatalf("the consumer's private endpoint is not in its own endpoint subnet: %v", subnet)
		}
		if _, ok := c.Resources[strings.ToLower(str(conn["privateLinkServiceId"]))]; !ok {
			t.Fatalf("the consumer's private endpoint connects to %s, which does not exist", str(conn["privateLinkServiceId"]))
		}
		endpointName = str(r.Inputs["privateEndpointName"])
	}
	if endpointName == "" {
		t.Fatal("the simulated cloud has no private endpoint to the consumer's storage account salesprodst")
	}
	for _, r := range c.Resources {
		if r.Token != "azure-native:network:PrivateDnsZoneGroup" || str(r.Inputs["privateEndpointName"]) != endpointName {
			continue
		}
		zoneID := str(first(r.Inputs["privateDnsZoneConfigs"])["privateDnsZoneId"])
		if !strings.Contains(zoneID, "/resourceGroups/ztp-prod-hub-rg/") ||
			!strings.HasSuffix(zoneID, "/privateDnsZones/privatelink.blob.core.windows.net") {
			t.Fatalf("the consumer's endpoint registers in %q, not in the prod hub's blob zone", zoneID)
		}
		if _, ok := c.Resources[strings.ToLower(zoneID)]; !ok {
			t.Fatalf("the hub zone %s the consumer's endpoint points at does not exist", zoneID)
		}
		return
	}
	t.Fatalf("the consumer's private endpoint %s has no DNS zone group", endpointName)
}
