package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRoundTrip writes the real message files as CSV, corrects one text in
// it and reads it back into a copy of the files: exactly that file changes,
// by exactly that text.
func TestRoundTrip(t *testing.T) {
	src := filepath.Join("..", "..", "messages")
	dir := t.TempDir()
	paths, _ := filepath.Glob(filepath.Join(src, "*.txt"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var csv bytes.Buffer
	if err := write(dir, ";", &csv); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(csv.String(), "\uFEFFkey;form;placeholders;ref;da;nb;nn;en\r\n") {
		t.Fatalf("header: %q", csv.String()[:60])
	}
	edited := strings.Replace(csv.String(), ";medarbejder;", ";ansat;", 1)
	if edited == csv.String() {
		t.Fatal("no cell \"medarbejder\"")
	}
	csvPath := filepath.Join(t.TempDir(), "catalog.csv")
	if err := os.WriteFile(csvPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	var report bytes.Buffer
	if err := readBack(dir, csvPath, &report); err != nil {
		t.Fatal(err)
	}
	if got := report.String(); got != "rewrote "+filepath.Join(dir, "breach.txt")+"\n" {
		t.Errorf("report %q", got)
	}
	before, _ := os.ReadFile(filepath.Join(src, "breach.txt"))
	after, _ := os.ReadFile(filepath.Join(dir, "breach.txt"))
	if want := bytes.Replace(before, []byte("da: medarbejder\n"), []byte("da: ansat\n"), 1); !bytes.Equal(after, want) {
		t.Error("breach.txt changed by more than the correction")
	}
	if err := write(dir, "\t", &csv); err == nil {
		t.Error("a tab separator was accepted")
	}
}
