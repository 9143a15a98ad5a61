// Package golden compares rendered output — documents, notices, JSON wire
// forms, example programs' output — with the files under testdata/ that pin
// it, and rewrites those files when the tests run with -update:
//
//	go test ./breach -update
//
// Review the diff of the rewritten files before committing them: a golden
// file is a promise about what a DPO reads and what a host stores. Only
// tests import this package.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Check compares got with the file testdata/name (name may contain slashes)
// and fails the test with a diff when they differ. With -update it writes got
// to the file instead.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file %s: run the tests with -update to create it", path)
	assert.Equal(t, string(want), string(got), "output differs from %s (run with -update after a deliberate change)", path)
}
