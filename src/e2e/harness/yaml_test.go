package harness

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// yamlLikeTheCLI: the offline plan reads stack files as the Pulumi CLI does (YAML 1.2): `yes` is the string
// "yes" for both, and a duplicate key is an error for both.
func (w *world) yamlLikeTheCLI(t *testing.T) {
	devFile, err := os.ReadFile(filepath.Join(w.project, "Pulumi.dev.yaml"))
	must(t, err)
	// The committed file without any salt an earlier step added.
	var lines []string
	for _, l := range strings.Split(string(devFile), "\n") {
		if !strings.HasPrefix(l, "encryptionsalt:") {
			lines = append(lines, l)
		}
	}
	dev := strings.Join(lines, "\n")
	stackFile := func(stack string) string { return filepath.Join(w.project, "Pulumi."+stack+".yaml") }
	offline := func(stack string) (string, error) {
		cmd := exec.Command("java", "-jar", filepath.Join(w.project, "src/target/zt-platform.jar"), "plan", stack,
			"--root", w.project, "--out", filepath.Join(w.run, "plan-"+stack), "--no-policy")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	defer os.Remove(stackFile("yamlyes"))
	defer os.Remove(stackFile("yamldup"))

	// stack init writes the passphrase salt into a new stack file; the test's content goes after it.
	initWith := func(stack, extra string) {
		w.ok(t, w.project, "", "stack", "init", stack)
		salt, err := os.ReadFile(stackFile(stack))
		must(t, err)
		must(t, os.WriteFile(stackFile(stack), []byte(string(salt)+strings.Replace(dev, "config:\n",
			"config:\n"+extra, 1)), 0o644))
	}

	// `protect: yes` is a string in YAML 1.2: the CLI never reads it as true, and the offline plan refuses it.
	initWith("yamlyes", "  zt-databricks:protect: yes\n")
	r := w.pulumi(t, w.project, "", "config", "get", "protect", "--stack", "yamlyes")
	got := strings.TrimSpace(r.out)
	if r.err == nil && got != "yes" || r.err != nil && !strings.Contains(r.out, "protect") {
		t.Fatalf("the CLI reads 'protect: yes' as %q (%v)", got, r.err)
	}
	out, err := offline("yamlyes")
	if err == nil || !strings.Contains(out, "zt-databricks:protect") || !strings.Contains(out, "'yes'") {
		t.Fatalf("the offline plan must refuse protect 'yes' (a string) as the program would:\n%s", tail(out, 20))
	}

	// A duplicate key: the CLI refuses the file, and so does the offline plan.
	initWith("yamldup", "  zt-databricks:lock: false\n  zt-databricks:lock: true\n")
	r = w.pulumi(t, w.project, "", "config", "--stack", "yamldup")
	if r.err == nil || !strings.Contains(r.out, "lock") && !strings.Contains(strings.ToLower(r.out), "already") {
		t.Fatalf("the CLI must refuse a duplicate key:\n%s", tail(r.out, 20))
	}
	out, err = offline("yamldup")
	if err == nil || !strings.Contains(strings.ToLower(out), "duplicate") {
		t.Fatalf("the offline plan must refuse a duplicate key as the CLI does (CLI said: %s):\n%s",
			strings.TrimSpace(tail(r.out, 3)), tail(out, 20))
	}
}
