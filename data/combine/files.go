package combine

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"nianbao/data/report"
)

// MaxFiles bounds how many report files one round reads from folders, so that
// pointing at a home folder by mistake gives a message instead of a long wait.
const MaxFiles = 100_000

// ExpandPaths turns the paths the office gave (files and folders) into the
// report files to read: a file as given, a folder's *.json files at any depth,
// in name order. A path that does not exist is an error naming it.
func ExpandPaths(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("无法读取 %s：%w", p, err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("无法读取文件夹 %s：%w", path, err)
			}
			if d.Type().IsRegular() && strings.HasSuffix(strings.ToLower(d.Name()), ".json") {
				found = append(found, path)
				if len(out)+len(found) > MaxFiles {
					return fmt.Errorf("文件夹 %s 中的年报文件超过 %d 个，请检查是否选错了文件夹", p, MaxFiles)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// ReadFile reads one unit's report file as received: its modification time is
// when it was received.
func ReadFile(path string) (Received, error) {
	r, err := report.ReadFile(path)
	if err != nil {
		return Received{}, err
	}
	rec := Received{Report: r, Source: path}
	if info, err := os.Stat(path); err == nil {
		rec.At = info.ModTime()
	}
	return rec, nil
}
