package printing

import "strings"

// Test helpers.

// String is the command line the fake runners are keyed by.
func (c command) String() string { return c.name + " " + strings.Join(c.args, " ") }
