// Command azuresim is a simulated azure-native and databricks provider plugin for running this program
// under the real Pulumi engine without a cloud. It answers with Azure-shaped ids and outputs (the same
// conventions as the Java mocks) and refuses what Azure and Databricks refuse where the design depends on
// ordering or uniqueness (rules.go). Installed twice: as pulumi-resource-azure-native (2.10.0) and
// pulumi-resource-databricks (1.106.0); the binary's name picks the package.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Versions the plugin reports; set at build time from src/e2e/versions.env.
var (
	azureNativeVersion = "2.10.0"
	databricksVersion  = "1.106.0"
)

func main() {
	pkg := strings.TrimPrefix(filepath.Base(os.Args[0]), "pulumi-resource-")
	version := map[string]string{"azure-native": azureNativeVersion, "databricks": databricksVersion}[pkg]
	if version == "" {
		fmt.Fprintf(os.Stderr, "azuresim: run as pulumi-resource-azure-native or pulumi-resource-databricks, not %s\n",
			os.Args[0])
		os.Exit(2)
	}
	store, err := newStore()
	if err != nil {
		fmt.Fprintln(os.Stderr, "azuresim:", err)
		os.Exit(2)
	}
	err = provider.Main(pkg, func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return &simProvider{pkg: pkg, version: version, store: store, inflight: &inflight{}}, nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
