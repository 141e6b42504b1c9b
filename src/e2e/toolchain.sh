#!/usr/bin/env bash
# Builds the real Pulumi CLI, the Java language host and the simulated providers from Go modules (no
# downloaded binaries) and prints the folder that holds them. Reuses a previous build of the same versions.
#   ZT_TOOLS_DIR  where builds are kept (default: <repo>/.tools, git-ignored)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
tools="${ZT_TOOLS_DIR:-$repo/.tools}"

require() { # module version go.mod
  grep -q "$1 v$2\$\|$1 v$2 " "$3" || { echo "toolchain: $3 does not require $1 v$2 (versions.env)" >&2; exit 1; }
}
require github.com/pulumi/pulumi/pkg/v3 "$PULUMI_VERSION" "$here/toolchain/pulumi/go.mod"
require github.com/pulumi/pulumi/sdk/v3 "$PULUMI_VERSION" "$here/toolchain/pulumi/go.mod"
require github.com/pulumi/pulumi-java/pkg "$PULUMI_JAVA_VERSION" "$here/toolchain/language-java/go.mod"
require github.com/pulumi/pulumi/sdk/v3 "$PULUMI_VERSION" "$here/go.mod"

export GOFLAGS="${GOFLAGS:--buildvcs=false}"
key="$(cat "$here/versions.env" "$here"/toolchain/*/go.sum | sha256sum | cut -c1-16)"
bin="$tools/engine-$key/bin"
if [[ ! -x "$bin/pulumi" || ! -x "$bin/pulumi-language-java" ]]; then
  mkdir -p "$bin"
  start=$SECONDS
  echo "toolchain: building pulumi v$PULUMI_VERSION and pulumi-language-java v$PULUMI_JAVA_VERSION (first time: ~10 min on 2 cores)" >&2
  (cd "$here/toolchain/pulumi" && go build -o "$bin/pulumi.tmp" \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi && mv "$bin/pulumi.tmp" "$bin/pulumi")
  (cd "$here/toolchain/language-java" && go build -o "$bin/pulumi-language-java.tmp" \
    -ldflags "-X github.com/pulumi/pulumi-java/pkg/version.Version=v$PULUMI_JAVA_VERSION" \
    github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java && mv "$bin/pulumi-language-java.tmp" "$bin/pulumi-language-java")
  echo "toolchain: built in $((SECONDS - start)) s" >&2
fi

# The simulator is small and changes with the rules: rebuilt every time (seconds with a warm Go cache).
sim="$tools/sim"
mkdir -p "$sim"
(cd "$here" && go build -o "$sim/azuresim" \
  -ldflags "-X main.azureNativeVersion=$AZURE_NATIVE_VERSION -X main.databricksVersion=$DATABRICKS_VERSION" ./azuresim)

echo "$bin:$sim"
