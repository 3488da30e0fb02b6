//go:build unix

package cli

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"nianbao/data/store/sqlite"
)

// signalHelperEnv makes the test binary, run again, the helper of
// TestTermRemovesTemps: it listens as a backup does, leaves a temporary file
// of its own in the backup folder, says so and waits for its signal.
const signalHelperEnv = "NIANBAO_TEST_SIGNAL_DB"

func TestTermRemovesTemps(t *testing.T) {
	if db := os.Getenv(signalHelperEnv); db != "" {
		defer removeTempsOnSignal(db)()
		name := filepath.Join(sqlite.BackupDir(db), fmt.Sprintf(".nianbao-tmp-%d-0a1b2c.db", os.Getpid()))
		if err := os.WriteFile(name, []byte("half a backup"), 0o600); err != nil {
			fmt.Println(err)
			os.Exit(3)
		}
		fmt.Println(name)
		select {} // until the signal ends the process
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			db := importExample(t, t.TempDir())
			cmd := exec.Command(os.Args[0], "-test.run=^TestTermRemovesTemps$")
			cmd.Env = append(os.Environ(), signalHelperEnv+"="+db)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil {
				cmd.Process.Kill()
				t.Fatalf("helper: %v", err)
			}
			temp := line[:len(line)-1]
			if _, err := os.Stat(temp); err != nil {
				cmd.Process.Kill()
				t.Fatalf("helper made no temporary file: %s", line)
			}
			cmd.Process.Signal(sig)
			err = cmd.Wait()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 128+int(sig) {
				t.Errorf("helper ended with %v, want exit status %d", err, 128+int(sig))
			}
			if _, err := os.Stat(temp); err == nil {
				t.Errorf("%s is left after %s", temp, sig)
			}
		})
	}
}
