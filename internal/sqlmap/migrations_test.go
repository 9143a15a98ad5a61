package sqlmap

import (
	"testing"
	"testing/fstest"
)

// Migrations reads NNNN_description.sql files in order and refuses gaps,
// duplicates and names without a four-digit number.
func TestMigrations(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	good := fstest.MapFS{
		"migrations/0002_more.sql": file("B"),
		"migrations/0001_init.sql": file("A"),
		"migrations/README":        file("not a migration"),
	}
	ms, err := Migrations(good, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0] != (Migration{1, "0001_init.sql", "A"}) || ms[1] != (Migration{2, "0002_more.sql", "B"}) {
		t.Errorf("Migrations = %+v", ms)
	}
	if ms, err := Migrations(fstest.MapFS{}, "migrations"); err != nil || len(ms) != 0 {
		t.Errorf("no files: %v, %v", ms, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"a gap":          {"m/0001_a.sql": file(""), "m/0003_c.sql": file("")},
		"not from one":   {"m/0002_b.sql": file("")},
		"a duplicate":    {"m/0001_a.sql": file(""), "m/0001_b.sql": file("")},
		"no number":      {"m/init.sql": file("")},
		"three digits":   {"m/001_a.sql": file("")},
		"no description": {"m/0001.sql": file("")},
	} {
		if _, err := Migrations(fsys, "m"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
