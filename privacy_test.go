package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestNoNetworkCode proves from the build graph that tillit cannot talk to
// the network: no package of the command, its own or a dependency's,
// reaches net/http or any other network client. Only parsing may import
// the net package itself; each package that does is named here with why.
func TestNoNetworkCode(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []string{"net/http", "crypto/tls", "net/smtp", "net/rpc", "net/http/httputil", "golang.org/x/net/http2", "golang.org/x/net/websocket"}
	// Packages allowed to import net, and why it is harmless.
	mayImportNet := map[string]string{
		"github.com/spf13/pflag": "flag types for IP addresses and masks (net.IP): parsing only, never used by tillit",
		// beeep, for the reminder's notification on Linux, speaks to the
		// desktop's own notification service over the session bus: the
		// socket DBUS_SESSION_BUS_ADDRESS names, on this machine.
		"github.com/godbus/dbus/v5": "the desktop session bus (a local socket), to show the reminder's notification",
		"net/netip":                 "the standard library's own",
		"net/url":                   "the standard library's own",
	}
	var deps []string
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		pkg, imports := fields[0], fields[1:]
		deps = append(deps, pkg)
		if slices.Contains(imports, "net") && mayImportNet[pkg] == "" {
			t.Errorf("%s imports net: find out why (go mod why -m, go list -deps -f) and name it here, or drop it", pkg)
		}
	}
	if len(deps) < 50 {
		t.Fatalf("go list gave only %d packages: %s", len(deps), out)
	}
	if !slices.Contains(deps, "tillit/cli") {
		t.Fatalf("go list of the command does not reach tillit/cli, the command line: %s", out)
	}
	for _, f := range forbidden {
		if slices.Contains(deps, f) {
			t.Errorf("tillit's build reaches %s", f)
		}
	}
}
