package msgfile

import (
	"bytes"
	"strings"
	"testing"
)

const good = `# tillid's messages: test.

# A comment on the first message.
[test.due]
ref: GDPR Art 33(1)
arg deadline: the deadline (time)
arg left: the time left (duration)
da: Anmeld senest {deadline} ({left} tilbage).
nb: Meld innen {deadline} ({left} igjen).
nn: Meld innan {deadline} ({left} att).
en: Notify by {deadline} ({left} left).

[test.days]
count days: number of days
plural: days
da: {days} dage, 100 % {{literal}}
da.one: {days} dag, 100 % {{literal}}
nb: {days} dager
nb.one: {days} dag
nn: {days} dagar
nn.one: {days} dag
en: {days} days
en.one: {days} day
en.zero: no days
`

func TestParseGood(t *testing.T) {
	f, err := Parse("good.txt", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Messages) != 2 || f.Header[0] != "tillid's messages: test." {
		t.Fatalf("parsed %+v", f)
	}
	due := f.Messages[0]
	if due.Ref != "GDPR Art 33(1)" || len(due.Args) != 2 || due.Comment[0] != "A comment on the first message." || due.Line != 4 {
		t.Errorf("first message %+v", due)
	}
	if !bytes.Equal(f.Bytes(), []byte(good)) {
		t.Errorf("Bytes() differs from the canonical input:\n%s", f.Bytes())
	}
	for _, tt := range []struct {
		m    *Message
		in   string
		want string
	}{
		{&f.Messages[0], due.Text[0].Other, "Anmeld senest %[1]s (%[2]s tilbage)."},
		{&f.Messages[1], f.Messages[1].Text[0].Other, "%[1]d dage, 100 %% {literal}"},
	} {
		got, err := tt.m.Format(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Format(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if got := f.Messages[1].PluralArg(); got != 1 {
		t.Errorf("PluralArg = %d", got)
	}
}

// TestParseBad checks that each fault is an error naming its line.
func TestParseBad(t *testing.T) {
	block := func(lines ...string) string { return strings.Join(lines, "\n") + "\n" }
	all := func(text string) []string {
		return []string{"da: " + text, "nb: " + text, "nn: " + text, "en: " + text}
	}
	for _, tt := range []struct {
		name, in, want string
	}{
		{"a language lacks the message", block("[k]", "da: a", "nb: a", "en: a"), ":1: nn: no text"},
		{"undeclared placeholder", block(append([]string{"[k]"}, all("{x}")...)...), ":1: da: placeholder {x} is not declared"},
		{"a language leaves out a placeholder the English uses", block("[k]", "arg x: y", "da: a", "nb: {x}", "nn: {x}", "en: {x}"), ":1: da: does not use {x}, which the English uses"},
		{"a language uses a placeholder the English does not", block("[k]", "arg x: y", "da: {x}", "nb: a", "nn: a", "en: a"), "da: uses {x}, which the English does not"},
		{"duplicate key", block(append(append([]string{"[k]"}, all("a")...), append([]string{"", "[k]"}, all("b")...)...)...), ":7: key k already defined on line 1"},
		{"duplicate field", block("[k]", "da: a", "da: b"), ":3: da given twice"},
		{"unknown field", block("[k]", "fr: a"), ":2: unknown field \"fr\""},
		{"unknown kind", block("[k]", "list x: y"), ":2: unknown field \"list\""},
		{"unknown form", block("[k]", "da.few: a"), ":2: unknown plural form"},
		{"empty value", block("[k]", "da:"), ":2: da: empty value"},
		{"no colon", block("[k]", "da a"), ":2: expected"},
		{"text before a key", block("da: a"), ":1: text outside a message"},
		{"bad key", block("[K k]"), ":1: key"},
		{"unclosed key", block("[k"), ":1: a key line is [key]"},
		{"bad placeholder name", block("[k]", "arg X: y"), ":2: placeholder name"},
		{"placeholder twice", block("[k]", "arg x: y", "arg x: z"), ":3: arg x given twice"},
		{"unmatched brace", block(append([]string{"[k]"}, all("{x")...)...), "da: '{' without '}'"},
		{"stray closing brace", block(append([]string{"[k]"}, all("x}")...)...), "da: '}' without '{'"},
		{"forms without plural", block("[k]", "count n: m", "da: {n}", "da.one: {n}", "nb: {n}", "nn: {n}", "en: {n}"), "count n does not select the plural forms"},
		{"plural without forms", block("[k]", "count n: m", "plural: n", "da: {n}", "nb: {n}", "nn: {n}", "en: {n}"), "no plural forms"},
		{"plural names a text", block("[k]", "arg n: m", "plural: n", "da: {n}", "da.one: {n}", "nb: {n}", "nb.one: {n}", "nn: {n}", "nn.one: {n}", "en: {n}", "en.one: {n}"), "plural: n is not a declared count"},
		{"one form in English only", block("[k]", "count n: m", "plural: n", "da: {n}", "nb: {n}", "nn: {n}", "en: {n}", "en.one: {n}"), "da: plural forms differ from the English"},
		{"trailing comment", block(append(append([]string{"[k]"}, all("a")...), "# end")...), ":7: comment after the last message"},
		{"not UTF-8", "[k]\nda: \xff\n", "not valid UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f", []byte(tt.in))
			if err == nil {
				t.Fatalf("Parse accepted:\n%s", tt.in)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := Parse("f", make([]byte, MaxSize+1)); err == nil {
		t.Error("Parse accepted an oversized file")
	}
}

func TestCSVRoundTrip(t *testing.T) {
	f, err := Parse("good.txt", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	f.Messages[0].Text[3].Other = "=HYPERLINK(x) {deadline} {left}"
	f.Messages[0].Text[2].Other = "'quoted {deadline} {left}"
	want := f.Bytes()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, ';', f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), ";'=HYPERLINK") {
		t.Errorf("formula not guarded:\n%s", buf.String())
	}
	g, _ := Parse("good.txt", []byte(good))
	if err := ReadCSV(strings.NewReader("\uFEFF"+buf.String()), g); err != nil {
		t.Fatal(err)
	}
	if got := g.Bytes(); !bytes.Equal(got, want) {
		t.Errorf("round trip:\n%s\nwant\n%s", got, want)
	}
}

func TestReadCSVBad(t *testing.T) {
	f, _ := Parse("good.txt", []byte(good))
	var buf bytes.Buffer
	if err := WriteCSV(&buf, ',', f); err != nil {
		t.Fatal(err)
	}
	csv := buf.String()
	for _, tt := range []struct{ name, in, want string }{
		{"unknown key", strings.Replace(csv, "test.due,", "test.other,", 1), "row 2: unknown key"},
		{"renamed placeholder", strings.Replace(csv, "arg left:", "arg remaining:", 1), "names, kinds and order are fixed"},
		{"placeholder dropped from a text", strings.Replace(csv, "Meld innen {deadline} ({left} igjen).", "Meld innen {deadline}.", 1), "nb: does not use {left}"},
		{"bad header", strings.Replace(csv, "key,form", "key,forms", 1), "header column 2"},
		{"unknown form", strings.Replace(csv, "test.days,one", "test.days,few", 1), "unknown form"},
		{"no header", "", "no header"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, _ := Parse("good.txt", []byte(good))
			err := ReadCSV(strings.NewReader(tt.in), g)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadCSV = %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzParse checks that Parse never panics and that what it accepts is
// written back by Bytes in a form it parses to the same file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("[k]\nda: {{x}}\nnb: a\nnn: a\nen: a\n"))
	f.Add([]byte("# c\n\n[k]\r\narg x: y\r\nda: {x}\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("fuzz", data)
		if err != nil {
			var pe *Error
			if !asError(err, &pe) {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		out := file.Bytes()
		again, err := Parse("fuzz", out)
		if err != nil {
			t.Fatalf("Bytes() does not parse: %v\n%s", err, out)
		}
		if !bytes.Equal(again.Bytes(), out) {
			t.Fatalf("Bytes() is not stable")
		}
		for i := range file.Messages {
			m := &file.Messages[i]
			for _, fm := range m.Text {
				if _, err := m.Format(fm.Other); err != nil {
					t.Fatalf("Format of a validated text: %v", err)
				}
			}
		}
	})
}

func asError(err error, target **Error) bool {
	e, ok := err.(*Error)
	if ok {
		*target = e
	}
	return ok
}
