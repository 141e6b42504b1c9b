package harness

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// world is one end-to-end run: the toolchain, a copy of the repository to deploy from (stack init and
// config set write into Pulumi.<stack>.yaml, which must not touch the checkout), a local file backend and a
// simulated cloud.
type world struct {
	repo, run, project string
	bin, sim          string
	timings           []timing
}

type timing struct {
	what string
	took time.Duration
}

func newWorld(t *testing.T) *world {
	t.Helper()
	bin, sim := os.Getenv("ZT_E2E_BIN"), os.Getenv("ZT_E2E_SIM")
	if bin == "" || sim == "" {
		t.Skip("ZT_E2E_BIN/ZT_E2E_SIM not set: run src/e2e/run.sh, which builds the toolchain first")
	}
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	run, err := os.MkdirTemp(filepath.Join(repo, "src/e2e/programs/target"), "e2e-run-")
	if err != nil {
		t.Fatal(err)
	}
	w := &world{repo: repo, run: run, project: filepath.Join(run, "project"), bin: bin, sim: sim}
	for _, dir := range []string{"state", "cloud", "home/plugins"} {
		must(t, os.MkdirAll(filepath.Join(run, dir), 0o700))
	}
	// The simulator is installed as both provider plugins, at the versions the program pins.
	for _, p := range []string{"azure-native-v" + os.Getenv("AZURE_NATIVE_VERSION"), "databricks-v" + os.Getenv("DATABRICKS_VERSION")} {
		dir := filepath.Join(run, "home/plugins", "resource-"+p)
		must(t, os.MkdirAll(dir, 0o755))
		name := "pulumi-resource-" + p[:strings.LastIndex(p, "-v")]
		must(t, copyFile(filepath.Join(sim, "azuresim"), filepath.Join(dir, name), 0o755))
	}
	// The Java language host too: with ambient plugins ignored, the CLI looks only in PULUMI_HOME.
	langDir := filepath.Join(run, "home/plugins", "language-java-v"+os.Getenv("PULUMI_JAVA_VERSION"))
	must(t, os.MkdirAll(langDir, 0o755))
	must(t, copyFile(filepath.Join(bin, "pulumi-language-java"), filepath.Join(langDir, "pulumi-language-java"), 0o755))
	start := time.Now()
	must(t, copyTree(repo, w.project))
	w.timings = append(w.timings, timing{"copy the built repository", time.Since(start)})
	t.Logf("run folder: %s", run)
	return w
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// skipped in the copy: VCS data, tool builds, earlier runs and node_modules (the policy pack is used in place).
func skip(rel string) bool {
	for _, p := range []string{".git", ".tools", "plan", "policy-pack/node_modules"} {
		if rel == p || strings.HasPrefix(rel, p+"/") {
			return true
		}
	}
	return strings.HasPrefix(rel, "src/e2e/programs/target/e2e-run-")
}

func copyTree(from, to string) error {
	return filepath.Walk(from, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if rel != "." && skip(rel) {
			if info.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		dest := filepath.Join(to, rel)
		switch {
		case info.IsDir():
			return os.MkdirAll(dest, 0o755)
		case info.Mode()&os.ModeSymlink != 0:
			return nil
		default:
			if err := copyFile(path, dest, info.Mode()); err != nil {
				return err
			}
			// Keep modification times so Maven sees compiled classes as up to date in the copy.
			return os.Chtimes(dest, info.ModTime(), info.ModTime())
		}
	})
}

func copyFile(from, to string, mode os.FileMode) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

const passphrase = "e2e-only-passphrase"

// azureDatabricksObjectID is keyVault.azureDatabricksObjectId in Pulumi.dev.yaml and Pulumi.prod.yaml.
const azureDatabricksObjectID = "9b38785a-6e08-4087-a0c4-20634343f21f"

// env is the environment of every pulumi command: local file backend, passphrase secrets, plugins from the
// run's PULUMI_HOME only (never downloaded), and one simulated cloud per cloudDir.
func (w *world) env(cloudDir string) []string {
	env := os.Environ()
	env = append(env,
		"PATH="+w.bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"PULUMI_HOME="+filepath.Join(w.run, "home"),
		"PULUMI_BACKEND_URL=file://"+filepath.Join(w.run, "state"),
		"PULUMI_CONFIG_PASSPHRASE="+passphrase,
		"PULUMI_SKIP_UPDATE_CHECK=1",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true",
		"PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=1",
		"ZT_SIM_STATE_DIR="+cloudDir,
		// Never a provider plugin found on PATH (a real azure-native with credentials would deploy for real).
		"PULUMI_IGNORE_AMBIENT_PLUGINS=true",
		// The CMK rules want the grant on AzureDatabricks' service principal (the stacks' keyVault
		// .azureDatabricksObjectId), effective only after Azure's propagation delay.
		"ZT_SIM_AZURE_DATABRICKS_OBJECT_ID="+azureDatabricksObjectID,
		"ZT_SIM_RBAC_PROPAGATION=3s",
	)
	return env
}

type result struct {
	out  string
	err  error
	took time.Duration
}

// pulumi runs one CLI command in dir; the output is kept in the run folder for inspection.
func (w *world) pulumi(t *testing.T, dir, cloud string, args ...string) result {
	t.Helper()
	return w.pulumiIn(t, dir, cloud, "", args...)
}

// pulumiIn is pulumi with standard input (a secret value is never put on a command line).
func (w *world) pulumiIn(t *testing.T, dir, cloud, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(filepath.Join(w.bin, "pulumi"), append(args, "--non-interactive", "--color", "never")...)
	if args[0] == "stack" || args[0] == "config" {
		cmd = exec.Command(filepath.Join(w.bin, "pulumi"), append(args, "--non-interactive")...)
	}
	cmd.Dir = dir
	cmd.Env = w.env(cloud)
	cmd.Stdin = strings.NewReader(stdin)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	start := time.Now()
	err := cmd.Run()
	r := result{out: buf.String(), err: err, took: time.Since(start)}
	shown := redact(args)
	logName := strings.NewReplacer("/", "_", " ", "_").Replace(shown)
	if len(logName) > 80 {
		logName = logName[:80]
	}
	_ = os.WriteFile(filepath.Join(w.run, fmt.Sprintf("%03d-%s.log", len(w.timings), logName)), buf.Bytes(), 0o600)
	w.timings = append(w.timings, timing{filepath.Base(dir) + ": pulumi " + shown, r.took})
	return r
}

func (w *world) ok(t *testing.T, dir, cloud string, args ...string) string {
	t.Helper()
	r := w.pulumi(t, dir, cloud, args...)
	if r.err != nil {
		t.Fatalf("pulumi %s failed: %v\n%s", redact(args), r.err, tail(r.out, 60))
	}
	return r.out
}

func tail(s string, lines int) string {
	all := strings.Split(s, "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// export is `pulumi stack export` decoded.
type deployment struct {
	Deployment struct {
		Resources []stateResource `json:"resources"`
	} `json:"deployment"`
}

type stateResource struct {
	URN          string                 `json:"urn"`
	Type         string                 `json:"type"`
	Custom       bool                   `json:"custom"`
	ID           string                 `json:"id"`
	Parent       string                 `json:"parent"`
	Provider     string                 `json:"provider"`
	Protect      bool                   `json:"protect"`
	Inputs       map[string]interface{} `json:"inputs"`
	Outputs      map[string]interface{} `json:"outputs"`
	Dependencies []string               `json:"dependencies"`
}

func (w *world) export(t *testing.T, dir, stack string) (deployment, string) {
	t.Helper()
	out := w.ok(t, dir, "", "stack", "export", "--stack", stack)
	var d deployment
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("stack export is not JSON: %v\n%s", err, tail(out, 20))
	}
	return d, out
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(content), 0o644))
}

// redact hides the value of `config set --secret KEY VALUE` from log names and timings.
func redact(args []string) string {
	out := append([]string(nil), args...)
	for i := range out {
		if out[i] == "--secret" && i+2 < len(out) {
			out[i+2] = "[secret]"
		}
	}
	return strings.Join(out, " ")
}

// policyPack is the pack as the engine run loads it: the executable shim, since the CLI built here has no
// Node.js language host to run the pack's folder (policy-pack/engine-analyzer says more).
func (w *world) policyPack() string {
	return filepath.Join(w.repo, "policy-pack", "engine-analyzer")
}
