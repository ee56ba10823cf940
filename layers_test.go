package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainPackagesNeverReachTheUI proves from the build graph that the
// packages holding the journal, the content and the words are plain Go: none
// of them reaches Bubble Tea, Lip Gloss or any other charm.land package,
// directly or through a dependency, so a command, a test or another front
// end can use them without a terminal interface.
func TestDomainPackagesNeverReachTheUI(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	for _, pkg := range []string{"journal", "content", "locale", "report", "config", "termtext", "coach", "gitsync", "remind"} {
		out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}}", "./"+pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		deps := strings.Fields(string(out))
		if len(deps) < 2 || deps[len(deps)-1] != "tillit/"+pkg {
			t.Fatalf("go list gave %s no dependencies of its own: %s", pkg, out)
		}
		for _, dep := range deps {
			if strings.HasPrefix(dep, "charm.land/") {
				t.Errorf("tillit/%s reaches %s (go list -deps ./%s)", pkg, dep, pkg)
			}
		}
	}
}
