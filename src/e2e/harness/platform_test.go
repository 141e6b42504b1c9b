package harness

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

const project = "zt-databricks"

// TestEngineEndToEnd deploys the platform under the real Pulumi engine against the simulated Azure, the way
// a platform team, another team and a pull request use it. Steps run in order and share one cloud.
func TestEngineEndToEnd(t *testing.T) {
	w := newWorld(t)
	defer w.report(t)
	cloud := filepath.Join(w.run, "cloud")
	t.Run("simulator-rules", func(t *testing.T) { simulatorRules(t, w) })
	t.Run("stack-files-read-like-the-cli", func(t *testing.T) { w.yamlLikeTheCLI(t) })

	secret := randomSecret(t)
	for _, stack := range []string{"dev", "prod"} {
		stack := stack
		if !t.Run(stack+"/first-deployment", func(t *testing.T) { w.firstDeployment(t, cloud, stack, secret) }) {
			t.Fatalf("%s could not be deployed; later steps depend on it", stack)
		}
		t.Run(stack+"/idempotent-maven-mode", func(t *testing.T) {
			w.ok(t, w.project, cloud, "preview", "--expect-no-changes", "--stack", stack)
		})
		t.Run(stack+"/idempotent-prebuilt-jar-mode", func(t *testing.T) {
			w.withJarMode(t, func() { w.ok(t, w.project, cloud, "preview", "--expect-no-changes", "--stack", stack) })
		})
		t.Run(stack+"/offline-plan-matches-engine", func(t *testing.T) { w.planParity(t, stack) })
		t.Run(stack+"/policy-pack-passes", func(t *testing.T) {
			w.withJarMode(t, func() {
				out := w.ok(t, w.project, cloud, "preview", "--stack", stack, "--policy-pack", w.policyPack())
				if !strings.Contains(out, "zt-databricks-zero-trust@") {
					t.Fatalf("the policy pack did not run:\n%s", tail(out, 30))
				}
				if strings.Contains(out, "mandatory") {
					t.Fatalf("policy violations on the real %s stack:\n%s", stack, tail(out, 60))
				}
			})
		})
	}
	t.Run("dev/one-key-change", func(t *testing.T) { w.oneKeyChange(t, cloud) })
	t.Run("consumer", func(t *testing.T) { w.consumer(t, cloud) })
	t.Run("policy-pack-blocks-a-bad-change", func(t *testing.T) { w.policyBlocks(t) })
	t.Run("secrets-never-in-clear", func(t *testing.T) { w.noClearSecret(t, secret) })
	t.Run("dev/destroy", func(t *testing.T) { w.destroyDev(t, cloud) })
	t.Run("prod/untouched-by-dev-destroy", func(t *testing.T) {
		// Every prod resource still exists in the cloud exactly as prod's state says.
		w.ok(t, w.project, cloud, "refresh", "--yes", "--expect-no-changes", "--stack", "prod")
	})
	t.Run("prod/destroy-refused", func(t *testing.T) { w.destroyProdRefused(t, cloud) })
}

func randomSecret(t *testing.T) string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "zt-e2e-" + hex.EncodeToString(b)
}

// firstDeployment is the README's first deployment: bootstrap up, then the normal up.
func (w *world) firstDeployment(t *testing.T, cloud, stack, secret string) {
	w.ok(t, w.project, cloud, "stack", "init", stack)
	if r := w.pulumiIn(t, w.project, cloud, secret, "config", "set", "--stack", stack, "--secret",
		"landingClientSecret"); r.err != nil {
		t.Fatalf("config set --secret: %v\n%s", r.err, tail(r.out, 20))
	}
	w.ok(t, w.project, cloud, "config", "set", "--stack", stack, "bootstrap", "true")
	// What a pull request shows for a new stack: every resource to create, nothing refused.
	preview := w.ok(t, w.project, cloud, "preview", "--stack", stack)
	if !strings.Contains(preview, "to create") || strings.Contains(preview, "errored") {
		t.Fatalf("the first preview of %s does not plan a clean creation:\n%s", stack, tail(preview, 30))
	}
	w.ok(t, w.project, cloud, "up", "--yes", "--skip-preview", "--stack", stack)
	w.ok(t, w.project, cloud, "config", "set", "--stack", stack, "bootstrap", "false")
	w.ok(t, w.project, cloud, "up", "--yes", "--skip-preview", "--stack", stack)
	d, _ := w.export(t, w.project, stack)
	if len(d.Deployment.Resources) < 100 {
		t.Fatalf("%s has only %d resources after the first deployment", stack, len(d.Deployment.Resources))
	}
}

// withJarMode switches the copied project to prebuilt-jar mode for fn (runtime.options.binary).
func (w *world) withJarMode(t *testing.T, fn func()) {
	path := filepath.Join(w.project, "Pulumi.yaml")
	orig, err := os.ReadFile(path)
	must(t, err)
	jar := "runtime:\n  name: java\n  options:\n    binary: src/target/zt-platform.jar\n"
	patched := strings.Replace(string(orig), "runtime:\n  name: java\n", jar, 1)
	if patched == string(orig) {
		t.Fatal("Pulumi.yaml has no 'runtime:\\n  name: java' block to switch to prebuilt-jar mode")
	}
	must(t, os.WriteFile(path, []byte(patched), 0o644))
	defer os.WriteFile(path, orig, 0o644) //nolint:errcheck
	fn()
}

// planParity: the offline plan registers what the engine registers.
func (w *world) planParity(t *testing.T, stack string) {
	planDir := filepath.Join(w.run, "plan-"+stack)
	plan := w.offlinePlan(t, stack, planDir)
	d, _ := w.export(t, w.project, stack)
	engine := map[string]stateResource{}
	for _, r := range d.Deployment.Resources {
		if r.Type == "pulumi:pulumi:Stack" || strings.HasPrefix(r.Type, "pulumi:providers:") && strings.Contains(r.URN, "::default") {
			continue
		}
		engine[r.URN] = r
	}
	var diffs []string
	seen := map[string]bool{}
	for _, p := range plan.Resources {
		seen[p.URN] = true
		e, ok := engine[p.URN]
		if !ok {
			diffs = append(diffs, "only in the offline plan: "+p.URN)
			continue
		}
		if p.Type != e.Type || p.Custom != e.Custom {
			diffs = append(diffs, fmt.Sprintf("%s: type/custom %s/%v vs engine %s/%v", p.URN, p.Type, p.Custom, e.Type, e.Custom))
		}
		if p.Parent != e.Parent {
			diffs = append(diffs, fmt.Sprintf("%s: parent %q vs engine %q", p.URN, p.Parent, e.Parent))
		}
		if pp, ep := providerURN(stack, p.Provider), providerURN(stack, e.Provider); pp != ep {
			diffs = append(diffs, fmt.Sprintf("%s: provider %q vs engine %q", p.URN, pp, ep))
		}
		if !sameSet(p.Dependencies, e.Dependencies) {
			diffs = append(diffs, fmt.Sprintf("%s: dependencies %v vs engine %v", p.URN, p.Dependencies, e.Dependencies))
		}
		engineInputs := e.Inputs
		if strings.HasPrefix(e.Type, "pulumi:providers:") {
			// The engine adds the plugin version (the plan has it as options.version) and its own
			// bookkeeping to a provider's inputs.
			engineInputs = map[string]interface{}{}
			for k, v := range e.Inputs {
				if k != "version" && k != "__internal" {
					engineInputs[k] = v
				}
			}
			if fmt.Sprint(e.Inputs["version"]) != fmt.Sprint(p.Options["version"]) {
				diffs = append(diffs, fmt.Sprintf("%s: provider version %v vs engine %v", p.URN, p.Options["version"],
					e.Inputs["version"]))
			}
		}
		if pi, ei := normalise(p.Inputs), normalise(engineInputs); !reflect.DeepEqual(pi, ei) {
			pj, _ := json.Marshal(pi)
			ej, _ := json.Marshal(ei)
			diffs = append(diffs, fmt.Sprintf("%s: inputs differ\n  plan:   %s\n  engine: %s", p.URN, pj, ej))
		}
		if e.Custom && !strings.HasPrefix(e.Type, "pulumi:providers:") && p.ID != e.ID {
			diffs = append(diffs, fmt.Sprintf("%s: id %q vs engine %q", p.URN, p.ID, e.ID))
		}
	}
	for urn := range engine {
		if !seen[urn] {
			diffs = append(diffs, "only in the engine: "+urn)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		if len(diffs) > 40 {
			diffs = append(diffs[:40], fmt.Sprintf("... and %d more", len(diffs)-40))
		}
		t.Fatalf("the offline plan of %s differs from what the engine registered (%d resources):\n%s", stack,
			len(plan.Resources), strings.Join(diffs, "\n"))
	}
	t.Logf("%s: %d resources, URNs, parents, providers, dependencies, inputs and ids identical", stack, len(plan.Resources))
}

type planFile struct {
	Resources []struct {
		URN          string                 `json:"urn"`
		Type         string                 `json:"type"`
		Custom       bool                   `json:"custom"`
		ID           string                 `json:"id"`
		Parent       string                 `json:"parent"`
		Provider     string                 `json:"provider"`
		Dependencies []string               `json:"dependencies"`
		Inputs       map[string]interface{} `json:"inputs"`
		Options      map[string]interface{} `json:"options"`
	} `json:"resources"`
}

func (w *world) offlinePlan(t *testing.T, stack, out string) planFile {
	t.Helper()
	cmd := exec.Command("java", "-jar", filepath.Join(w.project, "src/target/zt-platform.jar"), "plan", stack,
		"--root", w.project, "--out", out, "--no-policy")
	cmd.Dir = w.project
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("offline plan of %s failed: %v\n%s", stack, err, tail(string(b), 30))
	}
	data, err := os.ReadFile(filepath.Join(out, "plan.json"))
	must(t, err)
	var p planFile
	must(t, json.Unmarshal(data, &p))
	return p
}

// providerURN drops the provider id (unknown offline) and names default providers as the engine does.
func providerURN(stack, ref string) string {
	if ref == "" {
		return ""
	}
	if strings.HasPrefix(ref, "default:") {
		return "default:" + strings.TrimPrefix(ref, "default:")
	}
	urn := ref[:strings.LastIndex(ref, "::")]
	if i := strings.Index(urn, "::pulumi:providers:"); i >= 0 {
		rest := urn[i+len("::pulumi:providers:"):]
		if parts := strings.SplitN(rest, "::", 2); len(parts) == 2 && strings.HasPrefix(parts[1], "default") {
			return "default:" + parts[0]
		}
	}
	return urn
}

const secretSig = "4dabf18193072939515e22adb298388d"

// normalise makes secrets comparable: the engine stores ciphertext, the plan a placeholder.
func normalise(v interface{}) interface{} {
	switch x := v.(type) {
	case map[string]interface{}:
		if _, secret := x[secretSig]; secret {
			return "[secret]"
		}
		out := map[string]interface{}{}
		for k, e := range x {
			out[k] = normalise(e)
		}
		return out
	case []interface{}:
		out := make([]interface{}, len(x))
		for i, e := range x {
			out[i] = normalise(e)
		}
		return out
	}
	return v
}

func sameSet(a, b []string) bool {
	m := map[string]int{}
	for _, s := range a {
		m[s]++
	}
	for _, s := range b {
		m[s]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}
