// Package readme_test checks the Go snippets of the repository's README.md
// against snippets_test.go, where each is compiled.
package readme_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// skipMarker, on the line before a ```go fence, exempts the block: code
// of a nested module (postgres, sqlite), which the core module cannot
// import.
const skipMarker = "<!-- readme-test: skip"

// blocks returns the ```go blocks of the markdown text md, but those after
// a skipMarker line.
func blocks(md string) []string {
	var out []string
	var cur []string
	in, skip := false, false
	prev := ""
	for _, line := range strings.Split(md, "\n") {
		switch {
		case !in && strings.TrimSpace(line) == "```go":
			in, cur = true, nil
			skip = strings.HasPrefix(strings.TrimSpace(prev), skipMarker)
		case in && strings.TrimSpace(line) == "```":
			in = false
			if !skip {
				out = append(out, strings.TrimRight(strings.Join(cur, "\n"), "\n"))
			}
		case in:
			cur = append(cur, line)
		}
		prev = line
	}
	return out
}

// regions returns the code between the "// readme:begin" and
// "// readme:end" lines of Go source src, with the indentation of the
// begin line removed from every line.
func regions(src string) []string {
	var out []string
	var cur []string
	indent := ""
	in := false
	for _, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "// readme:begin":
			in, cur = true, nil
			indent = line[:len(line)-len(strings.TrimLeft(line, "\t"))]
		case trimmed == "// readme:end":
			in = false
			out = append(out, strings.TrimRight(strings.Join(cur, "\n"), "\n"))
		case in:
			cur = append(cur, strings.TrimPrefix(line, indent))
		}
	}
	return out
}

// TestSnippets: every ```go block of README.md is a region of
// snippets_test.go, which the Go compiler checks, and every region is in
// the README.
func TestSnippets(t *testing.T) {
	md, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("snippets_test.go")
	if err != nil {
		t.Fatal(err)
	}
	bs, rs := blocks(string(md)), regions(string(src))
	if len(bs) == 0 || len(rs) == 0 {
		t.Fatalf("found %d README blocks and %d snippet regions", len(bs), len(rs))
	}
	inSrc := map[string]bool{}
	for _, r := range rs {
		inSrc[r] = true
	}
	inMD := map[string]bool{}
	for i, b := range bs {
		inMD[b] = true
		if !inSrc[b] {
			t.Errorf("README ```go block %d is not a region of snippets_test.go (copy it there, between readme:begin and readme:end, so that it is compiled):\n%s", i+1, b)
		}
	}
	for i, r := range rs {
		if !inMD[r] {
			t.Errorf("snippets_test.go region %d is not a ```go block of README.md:\n%s", i+1, r)
		}
	}
}

// TestExtract checks the extraction on a small input.
func TestExtract(t *testing.T) {
	md := "x\n```go\na := 1\n\tb\n```\n```sh\nno\n```\n" + skipMarker + " (x) -->\n```go\nskipped\n```\n"
	if got := blocks(md); len(got) != 1 || got[0] != "a := 1\n\tb" {
		t.Errorf("blocks = %q", got)
	}
	src := "func f() {\n\t// readme:begin\n\ta := 1\n\t\tb\n\t// readme:end\n}\n"
	if got := regions(src); len(got) != 1 || got[0] != "a := 1\n\tb" {
		t.Errorf("regions = %q", got)
	}
}
