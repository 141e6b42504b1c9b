package harness

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// programsProject writes a Pulumi project that runs the e2e programs jar (prebuilt-jar mode).
func (w *world) programsProject(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(w.run, name)
	jar := filepath.Join(w.project, "src/e2e/programs/target/zt-e2e-programs.jar")
	writeFile(t, filepath.Join(dir, "Pulumi.yaml"), "name: "+name+"\nruntime:\n  name: java\n  options:\n    binary: "+jar+"\n")
	return dir
}

// scenario is one deliberately wrong (or, as a control, right) program and what the simulated Azure says.
type scenario struct {
	name string
	// steps of config to apply before each `pulumi up`; the last up is the one judged.
	steps  [][]string
	refuse string // "" when the last up must succeed
}

var scenarios = []scenario{
	{name: "subnets-concurrent", refuse: "AnotherOperationInProgress"},
	{name: "subnets-serialised"},
	{name: "endpoints-concurrent", refuse: "Another private endpoint connection operation on workspace scn-dbw"},
	{name: "rule-groups-concurrent", refuse: "FirewallPolicyUpdateNotAllowedWhenUpdatingOrDeleting"},
	{name: "cmk-before-grant", refuse: "InvalidEncryptionKeyAccess"},
	{name: "dbfs-key-before-prepare", refuse: "Missing pre-requisites to enable EncryptionAtRest/Customer Managed Key"},
	{name: "peering-before-gateway", refuse: "RemoteVnetHasNoGateways"},
	{name: "route-wrong-hop", refuse: "InvalidNextHop: route \"default-via-firewall\" sends traffic to 10.54.0.5"},
	{name: "delete-under-lock", steps: [][]string{nil, {"dropVnet", "true"}}, refuse: "ScopeLocked"},
	{name: "name-taken", refuse: "StorageAccountAlreadyTaken: The storage account named scnsharedname is already taken."},
}

// simulatorRules runs each rule's small program under the real engine.
func simulatorRules(t *testing.T, w *world) {
	dir := w.programsProject(t, "zt-sim-scenarios")
	for _, sc := range scenarios {
		sc := sc
		t.Run(sc.name, func(t *testing.T) {
			cloud := filepath.Join(w.run, "cloud-"+sc.name)
			must(t, os.MkdirAll(cloud, 0o700))
			w.ok(t, dir, cloud, "stack", "init", sc.name)
			w.ok(t, dir, cloud, "config", "set", "--stack", sc.name, "scenario", sc.name)
			steps := sc.steps
			if len(steps) == 0 {
				steps = [][]string{nil}
			}
			var last result
			for i, step := range steps {
				if step != nil {
					w.ok(t, dir, cloud, "config", "set", "--stack", sc.name, step[0], step[1])
				}
				last = w.pulumi(t, dir, cloud, "up", "--yes", "--skip-preview", "--stack", sc.name)
				if i < len(steps)-1 && last.err != nil {
					t.Fatalf("setup step %d failed:\n%s", i, tail(last.out, 40))
				}
			}
			switch {
			case sc.refuse == "" && last.err != nil:
				t.Fatalf("the correct program was refused:\n%s", tail(last.out, 40))
			case sc.refuse != "" && last.err == nil:
				t.Fatalf("the simulator accepted a program Azure refuses (want %q):\n%s", sc.refuse, tail(last.out, 40))
			case sc.refuse != "" && !strings.Contains(last.out, sc.refuse):
				t.Fatalf("refused, but not with Azure's error %q:\n%s", sc.refuse, tail(last.out, 40))
			}
		})
	}
}
