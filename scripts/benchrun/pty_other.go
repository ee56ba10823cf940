//go:build !linux

package main

import (
	"fmt"
	"os"
	"runtime"
)

// firstFrame needs a pseudo-terminal, which the suite opens on Linux only.
func firstFrame(_, _ []string, _ string) run {
	fmt.Fprintln(os.Stderr, "benchrun: the first frame is timed on Linux only")
	return run{}
}

// peak is not read outside Linux.
func peak(*os.ProcessState) float64 { return 0 }

func cpus() int { return runtime.NumCPU() }
