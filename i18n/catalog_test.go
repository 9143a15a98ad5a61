package i18n

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"

	"github.com/tillid/tillid/i18n/internal/msgfile"
)

// TestMessageFilesParse fails loudly on a malformed embedded message file:
// the parser's error names the file and line.
func TestMessageFilesParse(t *testing.T) {
	areas, err := parseAreas()
	if err != nil {
		t.Fatal(err)
	}
	if len(areas) == 0 {
		t.Fatal("no message files embedded")
	}
	for _, a := range areas {
		if len(a.file.Messages) == 0 {
			t.Errorf("%s: no messages", a.name)
		}
	}
}

// TestMessageFilesCanonical checks that each message file is in the layout
// the converter and the CSV reader write, so that a rewrite by either shows
// only real changes in a diff.
func TestMessageFilesCanonical(t *testing.T) {
	for _, a := range theAreas() {
		data, err := messageFiles.ReadFile("messages/" + a.name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if got := a.file.Bytes(); !bytes.Equal(got, data) {
			t.Errorf("messages/%s.txt is not in canonical layout (blank line between blocks, fields in the order ref, arg/count, plural, da, nb, nn, en)", a.name)
		}
	}
}

// TestDuplicateKeyAcrossFiles: a key defined in two message files is an
// error (each file's parser catches duplicates within the file).
func TestDuplicateKeyAcrossFiles(t *testing.T) {
	msg := "[x.dup]\nda: a\nnb: a\nnn: a\nen: a\n"
	f1, err := msgfile.Parse("one.txt", []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	f2, err := msgfile.Parse("two.txt", []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := checkKeys([]area{{"one", f1}, {"two", f2}}); err == nil || !strings.Contains(err.Error(), "x.dup is also in one") {
		t.Errorf("checkKeys = %v, want the duplicate named", err)
	}
	if _, err := checkKeys(theAreas()); err != nil {
		t.Error(err)
	}
}

// TestCatalogComplete checks that every message, whether in a message file
// or a Go table, has a non-empty text in da, nb, nn and en, and that no key
// is defined twice: x/text renders a missing key as the key itself and
// catalog.Fallback does not fill gaps, so a gap would reach a citizen's
// letter as "breach.notice.title".
func TestCatalogComplete(t *testing.T) {
	seen := map[string]string{}
	for _, a := range theAreas() {
		for _, m := range a.file.Messages {
			if prev, dup := seen[m.Key]; dup {
				t.Errorf("%s: key %s is also in %s", a.name, m.Key, prev)
			}
			seen[m.Key] = a.name
			for l, fm := range m.Text {
				if fm.Other == "" {
					t.Errorf("%s: %s has no %s text", a.name, m.Key, msgfile.Langs[l])
				}
			}
		}
	}
	byArea := map[string]map[language.Tag]map[string]entry{}
	for _, tb := range tables() {
		if byArea[tb.area] == nil {
			byArea[tb.area] = map[language.Tag]map[string]entry{}
		}
		keys := map[string]entry{}
		for _, e := range tb.entries {
			if _, dup := keys[e.key]; dup {
				t.Errorf("%s/%s: duplicate key %q", tb.area, tb.lang, e.key)
			}
			if prev, dup := seen[e.key]; dup && prev != tb.area {
				t.Errorf("%s/%s: key %q is also in %s", tb.area, tb.lang, e.key, prev)
			}
			if e.msg == "" {
				t.Errorf("%s/%s: empty message for %q", tb.area, tb.lang, e.key)
			}
			keys[e.key] = e
		}
		if _, dup := byArea[tb.area][tb.lang]; dup {
			t.Errorf("area %s registered twice for %s", tb.area, tb.lang)
		}
		byArea[tb.area][tb.lang] = keys
	}
	for a, langs := range byArea {
		if len(langs) != 4 {
			t.Errorf("area %s has tables for %d languages, want 4", a, len(langs))
		}
		all := map[string]bool{}
		for _, keys := range langs {
			for k := range keys {
				all[k] = true
				seen[k] = a
			}
		}
		for _, lang := range []language.Tag{da, nb, nn, en} {
			for _, k := range slices.Sorted(maps.Keys(all)) {
				if _, ok := langs[lang][k]; !ok {
					t.Errorf("area %s: %s has no message for %q", a, lang, k)
				}
			}
		}
	}
}

var verb = regexp.MustCompile(`%\[(\d+)\]([a-z])`)

// TestVerbsConsistent checks that every translation of a message uses the
// same placeholders as the English source, so an argument is never dropped
// or printed with the wrong verb in one language. In the message files a
// placeholder is declared once with its kind, and the parser rejects a
// text that uses an undeclared placeholder or leaves out one the English
// uses; this test checks that the catalog built from them agrees, and
// checks the Go tables the same way.
func TestVerbsConsistent(t *testing.T) {
	verbs := func(ss ...string) []string {
		set := map[string]bool{}
		for _, s := range ss {
			for _, m := range verb.FindAllStringSubmatch(s, -1) {
				set[m[1]+m[2]] = true
			}
		}
		return slices.Sorted(maps.Keys(set))
	}
	for _, a := range theAreas() {
		for i := range a.file.Messages {
			m := &a.file.Messages[i]
			if err := m.Validate(); err != nil {
				t.Errorf("%s: %v", a.name, err)
			}
			formatted := func(l int) []string {
				var out []string
				for _, s := range []string{m.Text[l].Other, m.Text[l].One, m.Text[l].Zero} {
					if s == "" {
						continue
					}
					f, err := m.Format(s)
					if err != nil {
						t.Errorf("%s: %v", a.name, err)
					}
					out = append(out, f)
				}
				return verbs(out...)
			}
			want := formatted(msgfile.LangIndex("en"))
			for l := range msgfile.Langs {
				if got := formatted(l); !slices.Equal(got, want) {
					t.Errorf("%s %q uses %v, English uses %v", msgfile.Langs[l], m.Key, got, want)
				}
			}
		}
	}
	source := map[string]entry{}
	for _, tb := range tables() {
		if tb.lang == en {
			for _, e := range tb.entries {
				source[e.key] = e
			}
		}
	}
	for _, tb := range tables() {
		for _, e := range tb.entries {
			src, ok := source[e.key]
			if !ok {
				continue // TestCatalogComplete reports it
			}
			if got, want := verbs(e.msg, e.one, e.zero), verbs(src.msg, src.one, src.zero); !slices.Equal(got, want) {
				t.Errorf("%s %q uses %v, English uses %v", tb.lang, e.key, got, want)
			}
			if (e.one == "") != (src.one == "") {
				t.Errorf("%s %q: plural forms differ from English", tb.lang, e.key)
			}
		}
	}
}

// invariant lists the messages whose singular is rightly the same word as
// the plural, by language: Danish and Norwegian "år", nynorsk "minutt" and
// "punkt" (Norsk Ordbok: plural "minutt", "punkt").
var invariant = map[string]bool{
	"da compliance.period.years":     true,
	"nb compliance.period.years":     true,
	"nn compliance.period.years":     true,
	"nn i18n.duration.minutes":       true,
	"nn compliance.register.entries": true,
	// The count is of a noun that belongs to the total: "1 af 7
	// medarbejdere".
	"da training.coverage": true,
	"nb training.coverage": true,
	"nn training.coverage": true,
	// "tilfælde" (da) and "tilfelle" (nn) are the same in the plural.
	"da dpo.not-followed-without-reasons": true,
	"nn dpo.not-followed-without-reasons": true,
	// "point" (da) and "poeng" (nb, nn) are the same in the plural.
	"da processor.concept-below-model": true,
	"nb processor.concept-below-model": true,
	"nn processor.concept-below-model": true,
}

// TestCountedSingular renders every counted message — one with a count
// placeholder, which the parser requires to select plural forms — with a
// count of 1 and of 2 in every language, and fails when the two read the
// same apart from the number: "1 criteria are met" is wrong. A count
// declared as a plain number (edition 2, version 3) has no plural forms.
func TestCountedSingular(t *testing.T) {
	counted := 0
	for _, a := range theAreas() {
		for _, m := range a.file.Messages {
			if m.Plural == "" {
				continue
			}
			counted++
			k := m.PluralArg() - 1
			for _, tag := range tags {
				p := NewPrinter(tag)
				render := func(n int) string {
					args := make([]any, len(m.Args))
					for i, pl := range m.Args {
						if pl.Kind == msgfile.Text {
							args[i] = "x"
						} else {
							args[i] = 7
						}
					}
					args[k] = n
					return p.mp.Sprintf(m.Key, args...)
				}
				one, two := render(1), render(2)
				if strings.Replace(one, "1", "2", 1) == two && !invariant[tag.String()+" "+m.Key] {
					t.Errorf("%s %s: the singular reads like the plural: %q", tag, m.Key, one)
				}
			}
		}
	}
	if counted < 10 {
		t.Errorf("only %d counted messages", counted)
	}
}

func TestAddTo(t *testing.T) {
	b := catalog.NewBuilder()
	if err := AddTo(b); err != nil {
		t.Fatalf("AddTo = %v", err)
	}
	if got := len(b.Languages()); got != 4 {
		t.Errorf("host catalog has %d languages after AddTo, want 4", got)
	}
}

// TestWriteCSVRoundTrip writes the catalog as CSV with either separator,
// reads it back into copies of the message files and checks that they are
// unchanged; then corrects one text in the CSV and checks that the
// correction, and only it, arrives.
func TestWriteCSVRoundTrip(t *testing.T) {
	for _, comma := range []rune{',', ';'} {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, comma); err != nil {
			t.Fatal(err)
		}
		files, want := parsedCopies(t)
		if err := msgfile.ReadCSV(bytes.NewReader(buf.Bytes()), files...); err != nil {
			t.Fatal(err)
		}
		for i, f := range files {
			if !bytes.Equal(f.Bytes(), want[i]) {
				t.Errorf("%q: file %d changed in a CSV round trip", comma, i)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, ';'); err != nil {
		t.Fatal(err)
	}
	const old = "Anmeldelse af brud på persondatasikkerheden"
	csv := strings.Replace(buf.String(), ";"+old+";", ";Anmeldelse af et brud;", 1)
	if csv == buf.String() {
		t.Fatal("the CSV has no cell " + old)
	}
	files, want := parsedCopies(t)
	if err := msgfile.ReadCSV(strings.NewReader(csv), files...); err != nil {
		t.Fatal(err)
	}
	changed := 0
	for i, f := range files {
		if got := f.Bytes(); !bytes.Equal(got, want[i]) {
			changed++
			if !bytes.Contains(got, []byte("da: Anmeldelse af et brud\n")) {
				t.Errorf("file %d changed, but not by the correction", i)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d files changed, want 1", changed)
	}
	if err := WriteCSV(&buf, '\t'); err == nil {
		t.Error("WriteCSV accepted a tab separator")
	}
}

// parsedCopies returns freshly parsed message files and their bytes.
func parsedCopies(t *testing.T) ([]*msgfile.File, [][]byte) {
	t.Helper()
	areas, err := parseAreas()
	if err != nil {
		t.Fatal(err)
	}
	var files []*msgfile.File
	var data [][]byte
	for _, a := range areas {
		files = append(files, a.file)
		data = append(data, a.file.Bytes())
	}
	return files, data
}

// TestJurisdictionVariants checks the messages that depend on the data's
// jurisdiction (KEY with KEY.dk and KEY.no, see Printer.In): each variant
// takes the same placeholders as KEY, so the code's arguments fit all three,
// and no KEY has only one of the two variants.
func TestJurisdictionVariants(t *testing.T) {
	msgs := map[string]*msgfile.Message{}
	for _, a := range theAreas() {
		for i := range a.file.Messages {
			msgs[a.file.Messages[i].Key] = &a.file.Messages[i]
		}
	}
	for k, m := range msgs {
		dk, no := msgs[k+".dk"], msgs[k+".no"]
		if (dk == nil) != (no == nil) {
			t.Errorf("%s has only one of the variants .dk and .no", k)
			continue
		}
		if dk == nil {
			continue
		}
		for _, v := range []*msgfile.Message{dk, no} {
			if !slices.Equal(v.Args, m.Args) && !sameNames(v.Args, m.Args) {
				t.Errorf("%s: placeholders differ from %s", v.Key, k)
			}
		}
	}
	if !theVariants()["compliance.data-category.national-id"] {
		t.Error("the national identity number has no jurisdiction variants")
	}
}

func sameNames(a, b []msgfile.Placeholder) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Kind != b[i].Kind {
			return false
		}
	}
	return true
}

// BenchmarkBuildCatalog measures what the first Printer costs a process:
// parsing the embedded message files and building the x/text catalog.
func BenchmarkBuildCatalog(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		areas, err := parseAreas()
		if err != nil || len(areas) == 0 {
			b.Fatal(err)
		}
		cb := catalog.NewBuilder(catalog.Fallback(en))
		if err := AddTo(cb); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseMessageFiles measures the parsing of the embedded message
// files alone.
func BenchmarkParseMessageFiles(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseAreas(); err != nil {
			b.Fatal(err)
		}
	}
}
