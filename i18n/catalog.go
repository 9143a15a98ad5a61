package i18n

import (
	"embed"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"

	"github.com/tillid/tillid/i18n/internal/msgfile"
)

// messageFiles are the message files, one per area (messages/breach.txt,
// …): every message once, with its four languages, its placeholders by
// name and the reference it renders. The format is in messages/README.md.
//
//go:embed messages/*.txt
var messageFiles embed.FS

// area is the parsed message file of one area.
type area struct {
	name string
	file *msgfile.File
}

// parseAreas parses every embedded message file, in file-name order.
func parseAreas() ([]area, error) {
	dir, err := messageFiles.ReadDir("messages")
	if err != nil {
		return nil, err
	}
	var areas []area
	for _, d := range dir {
		name := path.Join("messages", d.Name())
		data, err := messageFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := msgfile.Parse("i18n/"+name, data)
		if err != nil {
			return nil, err
		}
		areas = append(areas, area{strings.TrimSuffix(d.Name(), ".txt"), f})
	}
	return areas, nil
}

// theAreas are the embedded message files, parsed once, on first use. A
// malformed file is a panic: the files are compiled in and every test run
// parses them (the regexp.MustCompile exception of the style guide); the
// parser itself returns errors with line numbers.
var theAreas = sync.OnceValue(func() []area {
	areas, err := parseAreas()
	if err != nil {
		panic(err)
	}
	return areas
})

// theVariants are the keys whose message depends on the data's
// jurisdiction: KEY has the variants KEY.dk and KEY.no in the message files
// (see [Printer.In]).
var theVariants = sync.OnceValue(func() map[string]bool {
	keys := map[string]bool{}
	for _, a := range theAreas() {
		for _, m := range a.file.Messages {
			keys[m.Key] = true
		}
	}
	variants := map[string]bool{}
	for k := range keys {
		if keys[k+".dk"] && keys[k+".no"] {
			variants[k] = true
		}
	}
	return variants
})

// entry is one message of one language in a Go table, the format of the
// messages before the message files. New messages belong in a message file;
// the tables remain only so that messages written as Go tables can be
// loaded until they are converted (go run ./i18n/internal/convert).
//
// msg is the message in x/text's format: arguments are referred to by
// position, %[1]s for preformatted arguments (names, dates, refs, text,
// decimals) and %[1]d for counts. When one is set the message counts: arg
// (1-based, default 1) selects between one and msg (the "other" form), and
// zero, when set, is used for a count of 0.
type entry struct {
	key  string
	msg  string
	one  string
	zero string
	arg  int
}

// table is the messages of one area in one language, as a Go table.
type table struct {
	lang    language.Tag
	area    string
	entries []entry
}

// tables lists the message tables still written in Go; every area's
// messages are in the message files. To convert a table into a message
// file: go run ./i18n/internal/convert -to i18n/messages/AREA.txt FILES.
func tables() []table {
	return []table{}
}

// tags are the languages of the message files, indexed like msgfile.Langs.
var tags = [...]language.Tag{da, nb, nn, en}

// buildCatalog builds the private catalog. It panics on a malformed
// message: the messages are compile-time constants that every test run
// exercises.
func buildCatalog() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(en))
	if err := addTables(b); err != nil {
		panic(err)
	}
	return b
}

// checkKeys reports a key that two message files both define: each file
// checks its own keys, this the whole catalog.
func checkKeys(areas []area) (map[string]string, error) {
	seen := map[string]string{}
	for _, a := range areas {
		for _, m := range a.file.Messages {
			if prev, dup := seen[m.Key]; dup {
				return nil, fmt.Errorf("i18n: %s: key %s is also in %s", a.name, m.Key, prev)
			}
			seen[m.Key] = a.name
		}
	}
	return seen, nil
}

func addTables(b *catalog.Builder) error {
	seen, err := checkKeys(theAreas())
	if err != nil {
		return err
	}
	for _, a := range theAreas() {
		for i := range a.file.Messages {
			m := &a.file.Messages[i]
			for l, tag := range tags {
				cm, err := fileMessage(m, l)
				if err != nil {
					return fmt.Errorf("i18n: %s %s: %w", a.name, tag, err)
				}
				if err := b.Set(tag, m.Key, cm); err != nil {
					return fmt.Errorf("i18n: %s %s %q: %w", a.name, tag, m.Key, err)
				}
			}
		}
	}
	for _, t := range tables() {
		for _, e := range t.entries {
			if prev, dup := seen[e.key]; dup && prev != t.area {
				return fmt.Errorf("i18n: %s: key %s is also in %s", t.area, e.key, prev)
			}
			seen[e.key] = t.area
			if err := b.Set(t.lang, e.key, e.message()); err != nil {
				return fmt.Errorf("i18n: %s %s %q: %w", t.area, t.lang, e.key, err)
			}
		}
	}
	return nil
}

// fileMessage is the catalog message of m in language l.
func fileMessage(m *msgfile.Message, l int) (catalog.Message, error) {
	forms := m.Text[l]
	other, err := m.Format(forms.Other)
	if err != nil {
		return nil, err
	}
	arg := m.PluralArg()
	if arg == 0 {
		return catalog.String(other), nil
	}
	var cases []any
	if forms.Zero != "" {
		zero, err := m.Format(forms.Zero)
		if err != nil {
			return nil, err
		}
		cases = append(cases, "=0", zero)
	}
	if forms.One != "" {
		one, err := m.Format(forms.One)
		if err != nil {
			return nil, err
		}
		cases = append(cases, plural.One, one)
	}
	cases = append(cases, plural.Other, other)
	return plural.Selectf(arg, "%d", cases...), nil
}

func (e entry) message() catalog.Message {
	if e.one == "" {
		return catalog.String(e.msg)
	}
	arg := e.arg
	if arg == 0 {
		arg = 1
	}
	cases := []any{}
	if e.zero != "" {
		cases = append(cases, "=0", e.zero)
	}
	cases = append(cases, plural.One, e.one, plural.Other, e.msg)
	return plural.Selectf(arg, "%d", cases...)
}

// theCatalog is built once, on first use; nothing in this package runs at
// init time and the process-wide message.DefaultCatalog is never touched.
var theCatalog = sync.OnceValue(buildCatalog)

// AddTo adds every tillid message to a host's own catalog builder, for hosts
// that render tillid's keys with their own printers. It is an explicit
// opt-in; tillid never writes to message.DefaultCatalog.
func AddTo(b *catalog.Builder) error { return addTables(b) }

// WriteCSV writes every message as CSV, for a DPO or translator to review
// in a spreadsheet: a header row (key, form, placeholders, ref, da, nb, nn,
// en), then a row per message and plural form. The form column is empty for
// the general text and "one" or "zero" for a plural form; the placeholders
// column lists each placeholder ("arg deadline: …", "count days: …") with
// its meaning, one a line. comma is the separator: ',' or ';' (what
// spreadsheets in Danish and Norwegian locales expect). A cell that a
// spreadsheet would take for a formula is prefixed with an apostrophe
// (OWASP, "CSV Injection"). To read a corrected file back into the message
// files: go run ./i18n/cmd/catalogcsv -read FILE.
func WriteCSV(w io.Writer, comma rune) error {
	if comma != ',' && comma != ';' {
		return fmt.Errorf("i18n: CSV separator must be ',' or ';'")
	}
	var files []*msgfile.File
	for _, a := range theAreas() {
		files = append(files, a.file)
	}
	return msgfile.WriteCSV(w, comma, files...)
}
