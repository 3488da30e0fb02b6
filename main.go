// Command nianbao compiles, checks and prints the annual report on government
// information disclosure (政府信息公开工作年度报告). Without arguments it opens the
// window; with a command (check, import, export, list, pdf, …) it works on the
// command line.
package main

import (
	"os"

	// First of all: no Fyne log line on the command line (see the package).
	_ "cn.nianbao/quietstart"

	"nianbao/app/cli"
	"nianbao/app/window"
)

func main() {
	os.Exit(cli.Main(window.Run))
}
