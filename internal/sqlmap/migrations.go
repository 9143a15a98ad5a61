package sqlmap

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one schema migration of a database adapter: the file
// NNNN_description.sql, whose number is its Version.
type Migration struct {
	Version int    // 1, 2, 3… without gaps
	Name    string // the file's name, "0001_init.sql"
	SQL     string // the file's statements
}

// Migrations returns the migrations in directory dir of fsys (an adapter's
// embedded migrations/ directory) in order. The files must be named
// NNNN_description.sql and numbered 1, 2, 3… without gaps; anything else
// is an error, which an adapter treats as a bug in its build (a test reads
// every adapter's migrations).
func Migrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	ms := make([]Migration, 0, len(names))
	for i, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 || len(num) != 4 {
			return nil, fmt.Errorf("migration %s is not numbered %04d", base, i+1)
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: base, SQL: string(b)})
	}
	return ms, nil
}
