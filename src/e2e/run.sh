#!/usr/bin/env bash
# The engine end-to-end run: builds (or reuses) the real Pulumi CLI, the Java language host and the simulated
# Azure/Databricks providers, then deploys the platform, the example consumer and the simulator's rule
# scenarios with them (src/e2e/harness). Needs the Maven build first (the platform jar, the programs jar, the
# policy pack's dist): the README's test command runs it at integration-test, after those are built.
#   ZT_TOOLS_DIR   where tool builds are kept (default <repo>/.tools)
#   ZT_E2E_BENCH=1 also runs the preview benchmark (not a test)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"
paths="$("$here/toolchain.sh")"
export ZT_E2E_BIN="${paths%%:*}" ZT_E2E_SIM="${paths##*:}"
export AZURE_NATIVE_VERSION DATABRICKS_VERSION PULUMI_JAVA_VERSION
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
cd "$here"
# Keep only the newest earlier run folder (each holds a ~270 MB copy of the built repository).
# (On a fresh checkout there is none: ls fails, which must not end the run under pipefail.)
{ ls -dt programs/target/e2e-run-* 2>/dev/null || true; } | tail -n +2 | xargs -r rm -rf
go test ./azuresim/ -count=1
run="-run=TestEngineEndToEnd"
if [[ "${ZT_E2E_BENCH:-}" == 1 ]]; then run="-run=TestEngineEndToEnd|TestPreviewBenchmark"; fi
go test ./harness/ -count=1 -v -timeout 60m "$run" 2>&1 | grep -v '^=== \(RUN\|PAUSE\|CONT\)'
