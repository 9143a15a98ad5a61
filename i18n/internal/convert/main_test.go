package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const wantAppended = `# tillid's messages: demo. The format is described in README.md in this directory.

[demo.title]
da: Demo
nb: Demo
nn: Demo
en: Demo

# A comment on the late message.
[demox.late]
ref: Art 33(1)
arg notified: notified
arg delay: delay
da: Anmeldt {notified}, {delay} for sent.
nb: Meldt {notified}, {delay} for sent.
nn: Meldt {notified}, {delay} for seint.
en: Notified {notified}, {delay} late.

[demox.days]
count count1: not yet described
plural: count1
da: {count1} dage
da.one: {count1} dag
nb: {count1} dager
nb.one: {count1} dag
nn: {count1} dagar
nn.one: {count1} dag
en: {count1} days
en.one: {count1} day
`

// TestAppend converts a helper's new Go tables (area demox) into the demo
// message file, as the coordinator does after a merge: the trailing "x" of
// the area is dropped because demo.txt exists, placeholders are named from
// the constant's doc comment, and a second run is refused.
func TestAppend(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/demo.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "demo.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	tables, _ := filepath.Glob("testdata/tables/demox_*.go")
	if len(tables) != 4 {
		t.Fatalf("%d tables", len(tables))
	}
	if err := run("", dir, "testdata/src", tables); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "demo.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != wantAppended {
		t.Errorf("demo.txt:\n%s\nwant:\n%s", got, wantAppended)
	}
	err = run("", dir, "testdata/src", tables)
	if err == nil || !strings.Contains(err.Error(), "already has demox.late") {
		t.Errorf("second run: %v", err)
	}
	// With -skip-existing the messages already there are left out.
	skipExisting = true
	err = run("", dir, "testdata/src", tables)
	skipExisting = false
	if err != nil {
		t.Errorf("-skip-existing: %v", err)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "demo.txt")); string(again) != wantAppended {
		t.Error("-skip-existing changed the file")
	}
	// Three languages only: refused.
	err = run(filepath.Join(dir, "other.txt"), dir, "testdata/src", tables[:3])
	if err == nil || !strings.Contains(err.Error(), "no ") {
		t.Errorf("three tables: %v", err)
	}
}
