// Command tillit is a terminal coaching companion for servant leaders: a
// daily reflection on one of the 14 practical tips for trust-based
// leadership (Louise Bringselius, idebanken.org), kept in a private markdown
// journal on the manager's own machine.
//
// The command line is in cli/, the interface in ui/, the journal in
// journal/, the tips in content/.
package main

import (
	"context"
	"os"

	"tillit/cli"
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
