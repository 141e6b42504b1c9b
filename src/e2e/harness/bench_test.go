package harness

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestPreviewBenchmark measures `pulumi preview` under the real engine (not a test of speed: it asserts
// nothing about time). ZT_E2E_BENCH=1 bash src/e2e/run.sh runs it; the table goes to the run folder and log.
func TestPreviewBenchmark(t *testing.T) {
	if os.Getenv("ZT_E2E_BENCH") != "1" {
		t.Skip("benchmark: set ZT_E2E_BENCH=1")
	}
	const runs = 3
	w := newWorld(t)
	cloud := filepath.Join(w.run, "cloud")
	for _, stack := range []string{"dev", "prod"} {
		// A new stack's preview is its first deployment's (bootstrap: the workspaces do not exist yet).
		w.ok(t, w.project, cloud, "stack", "init", stack)
		w.ok(t, w.project, cloud, "config", "set", "--stack", stack, "bootstrap", "true")
	}
	scn := w.programsProject(t, "zt-sim-scenarios")
	w.ok(t, scn, cloud, "stack", "init", "empty")
	w.ok(t, scn, cloud, "config", "set", "--stack", "empty", "scenario", "empty")

	median := func(fn func() time.Duration) time.Duration {
		var all []time.Duration
		for i := 0; i < runs; i++ {
			all = append(all, fn())
		}
		sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
		return all[len(all)/2]
	}
	preview := func(dir, stack string) time.Duration {
		r := w.pulumi(t, dir, cloud, "preview", "--stack", stack)
		if r.err != nil {
			t.Fatalf("preview %s: %v\n%s", stack, r.err, tail(r.out, 30))
		}
		return r.took
	}
	var rows []string
	for _, stack := range []string{"dev", "prod"} {
		maven := median(func() time.Duration { return preview(w.project, stack) })
		var jar time.Duration
		w.withJarMode(t, func() { jar = median(func() time.Duration { return preview(w.project, stack) }) })
		rows = append(rows, fmt.Sprintf("| %s (bootstrap, all creates) | %.1f | %.1f |", stack, maven.Seconds(), jar.Seconds()))
	}
	empty := median(func() time.Duration { return preview(scn, "empty") })
	rows = append(rows, fmt.Sprintf("| empty Java program | - | %.1f |", empty.Seconds()))
	table := fmt.Sprintf("`pulumi preview` wall time, median of %d, seconds\n\n| program | Maven mode | prebuilt-jar mode |\n|---|---:|---:|\n%s\n",
		runs, strings.Join(rows, "\n"))
	must(t, os.WriteFile(filepath.Join(w.run, "bench.md"), []byte(table), 0o644))
	t.Log("\n" + table)
}
