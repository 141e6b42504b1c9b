//go:build tools

// Package tools pins the Pulumi CLI so `go build github.com/pulumi/pulumi/pkg/v3/cmd/pulumi` resolves
// from this module's go.sum: the CLI's own go.mod has replace directives, which `go install module@version` refuses.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
