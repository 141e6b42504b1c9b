//go:build tools

// Package tools pins the Java language host (pulumi-language-java) for the engine end-to-end run.
package tools

import _ "github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java"
