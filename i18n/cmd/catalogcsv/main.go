// Command catalogcsv writes tillid's message catalog as CSV for review in a
// spreadsheet, and reads a corrected CSV back into the message files.
//
// From the repository root:
//
//	go run ./i18n/cmd/catalogcsv > catalog.csv         # write
//	go run ./i18n/cmd/catalogcsv -read catalog.csv     # read back
//
// The CSV has the columns key, form, placeholders, ref, da, nb, nn and en: a
// row per message and plural form (form is empty for the general text,
// "one" or "zero" for a plural form), the placeholders with their meanings
// one a line. It is written with ';' as separator and a UTF-8 byte order
// mark, which is what Microsoft Excel in Danish and Norwegian locales
// opens with æ, ø and å intact (-sep , for a comma). A cell that a
// spreadsheet would take for a formula is prefixed with an apostrophe.
//
// Reading back changes the texts, the references and the placeholders'
// meanings; the placeholders' names, kinds and order are fixed by the code
// and a row that changes them is refused, as is a row for an unknown key or
// a text that no longer uses the placeholders the English uses. Rows may be
// left out: a message without a row is unchanged. Only files with a change
// are rewritten; review them with git diff.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/tillid/tillid/i18n/internal/msgfile"
)

func main() {
	dir := flag.String("dir", "i18n/messages", "the message files' directory")
	read := flag.String("read", "", "read this CSV back into the message files")
	sep := flag.String("sep", ";", "the separator of the written CSV: ';' or ','")
	flag.Parse()
	var err error
	if *read != "" {
		err = readBack(*dir, *read, os.Stdout)
	} else {
		w := bufio.NewWriter(os.Stdout)
		if err = write(*dir, *sep, w); err == nil {
			err = w.Flush()
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalogcsv:", err)
		os.Exit(1)
	}
}

type file struct {
	path string
	data []byte
	f    *msgfile.File
}

func load(dir string) ([]file, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no message files in %s", dir)
	}
	sort.Strings(paths)
	var files []file
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		f, err := msgfile.Parse(p, data)
		if err != nil {
			return nil, err
		}
		files = append(files, file{p, data, f})
	}
	return files, nil
}

func write(dir, sep string, w io.Writer) error {
	if sep != ";" && sep != "," {
		return errors.New("-sep must be ';' or ','")
	}
	files, err := load(dir)
	if err != nil {
		return err
	}
	var fs []*msgfile.File
	for _, f := range files {
		fs = append(fs, f.f)
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	return msgfile.WriteCSV(w, rune(sep[0]), fs...)
}

func readBack(dir, csvPath string, report io.Writer) error {
	files, err := load(dir)
	if err != nil {
		return err
	}
	in, err := os.Open(csvPath)
	if err != nil {
		return err
	}
	defer in.Close()
	var fs []*msgfile.File
	for _, f := range files {
		fs = append(fs, f.f)
	}
	if err := msgfile.ReadCSV(in, fs...); err != nil {
		return err
	}
	for _, f := range files {
		out := f.f.Bytes()
		if bytes.Equal(out, f.data) {
			continue
		}
		if _, err := msgfile.Parse(f.path, out); err != nil {
			return err
		}
		if err := os.WriteFile(f.path, out, 0o644); err != nil {
			return err
		}
		fmt.Fprintln(report, "rewrote", f.path)
	}
	return nil
}
