// Package msgfile reads and writes tillid's message files: the texts of one
// area (breach, processor, …) in da, nb, nn and en, one block per message.
// The format is described in i18n/messages/README.md and in package i18n's
// documentation; this package is its only parser.
//
// A block:
//
//	# comment lines belong to the block that follows them
//	[breach.authority-due]
//	ref: GDPR Art 33(1)
//	arg deadline: when Datatilsynet must have the notification (date and time)
//	arg remaining: the time left until the deadline (duration)
//	da: Anmeld bruddet til Datatilsynet senest {deadline} ({remaining} tilbage).
//	nb: …
//	nn: …
//	en: …
//
// Placeholders are written {name}; "{{" and "}}" are literal braces. "arg"
// declares a text placeholder, "number" an integer, "count" a number of
// things that selects the plural forms; the code supplies the arguments in
// declaration order. A message with plural forms names the
// count that selects them with "plural:" and adds "da.one:", "da.zero:" and
// so on to the general form.
package msgfile

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxSize caps the input of [Parse]: the largest area file is well under
// 100 KiB.
const MaxSize = 4 << 20

// Langs are the languages of every message, in file order.
var Langs = [...]string{"da", "nb", "nn", "en"}

// Kind is what a placeholder holds.
type Kind int

// The kinds of placeholder, as the files write them.
const (
	// Text ("arg") is any preformatted value: a name, a date, a reference.
	Text Kind = iota
	// Number ("number") is an integer that no word of the text depends on:
	// an edition, an age, a score.
	Number
	// Count ("count") is a number of things: the message's plural forms
	// are selected by it, so "1 criterion" and "2 criteria" both read well.
	Count
)

// kindWords are the kinds' field names.
var kindWords = [...]string{Text: "arg", Number: "number", Count: "count"}

// String returns the kind's field name: arg, number or count.
func (k Kind) String() string { return kindWords[k] }

func parseKind(s string) (Kind, bool) {
	for k, w := range kindWords {
		if w == s {
			return Kind(k), true
		}
	}
	return 0, false
}

// Placeholder is one argument of a message, in the order the code supplies
// it.
type Placeholder struct {
	Name    string
	Kind    Kind
	Meaning string
}

// Forms are a message's texts in one language: Other is the general form,
// One (a count of 1) and Zero (a count of 0) are optional plural forms.
type Forms struct {
	Other, One, Zero string
}

// Message is one message in all four languages.
type Message struct {
	Comment []string // comment lines before the block, without "#"
	Key     string
	Ref     string
	Args    []Placeholder
	Plural  string   // the count that selects plural forms, or ""
	Text    [4]Forms // indexed like Langs
	Line    int      // the line of the block's [key], when parsed
}

// File is one area's messages.
type File struct {
	Header   []string // comment lines before the first block, without "#"
	Messages []Message
}

// Error is a parse or validation error at a line of a file.
type Error struct {
	Name string
	Line int
	Msg  string
}

// Error returns "name:line: message".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg) }

// Parse reads a message file. name is used in errors only. Every message is
// validated (see [Message.Validate]) and a key may appear only once.
func Parse(name string, data []byte) (*File, error) {
	if len(data) > MaxSize {
		return nil, &Error{name, 0, fmt.Sprintf("file larger than %d bytes", MaxSize)}
	}
	if !utf8.Valid(data) {
		return nil, &Error{name, 0, "not valid UTF-8"}
	}
	f := &File{}
	var (
		cur      *Message
		comments []string
		seen     = map[string]int{}
		fields   map[string]bool
		header   = true
	)
	finish := func() error {
		if cur == nil {
			return nil
		}
		if err := cur.Validate(); err != nil {
			return &Error{name, cur.Line, err.Error()}
		}
		f.Messages = append(f.Messages, *cur)
		cur = nil
		return nil
	}
	lines := bytes.Split(data, []byte("\n"))
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSuffix(string(raw), "\r")
		fail := func(format string, a ...any) error {
			return &Error{name, n, fmt.Sprintf(format, a...)}
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			if header && comments != nil {
				f.Header, comments = comments, nil
			}
			header = false
			continue
		case strings.HasPrefix(trimmed, "#"):
			if cur != nil {
				if err := finish(); err != nil {
					return nil, err
				}
			}
			comments = append(comments, strings.TrimPrefix(strings.TrimPrefix(trimmed, "#"), " "))
			continue
		case strings.HasPrefix(trimmed, "["):
			if err := finish(); err != nil {
				return nil, err
			}
			header = false
			if !strings.HasSuffix(trimmed, "]") {
				return nil, fail("a key line is [key]")
			}
			key := trimmed[1 : len(trimmed)-1]
			if !validKey(key) {
				return nil, fail("key %q: use lower-case letters, digits, '.', '-' and '_'", key)
			}
			if prev, dup := seen[key]; dup {
				return nil, fail("key %s already defined on line %d", key, prev)
			}
			seen[key] = n
			cur = &Message{Key: key, Line: n, Comment: comments}
			comments = nil
			fields = map[string]bool{}
			continue
		}
		if cur == nil {
			return nil, fail("text outside a message: a message starts with a [key] line")
		}
		field, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fail("expected \"field: value\"")
		}
		field = strings.TrimSpace(field)
		value = strings.TrimSpace(value)
		if value == "" {
			return nil, fail("%s: empty value", field)
		}
		if fields[field] {
			return nil, fail("%s given twice", field)
		}
		fields[field] = true
		if err := cur.set(field, value); err != nil {
			return nil, fail("%v", err)
		}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if comments != nil {
		return nil, &Error{name, len(lines), "comment after the last message"}
	}
	return f, nil
}

func (m *Message) set(field, value string) error {
	if word, pname, ok := strings.Cut(field, " "); ok {
		kind, ok := parseKind(word)
		if !ok {
			return fmt.Errorf("unknown field %q (arg NAME, number NAME, count NAME)", word)
		}
		pname = strings.TrimSpace(pname)
		if !validName(pname) {
			return fmt.Errorf("placeholder name %q: use lower-case letters, digits and '-'", pname)
		}
		for _, a := range m.Args {
			if a.Name == pname {
				return fmt.Errorf("placeholder %s declared twice", pname)
			}
		}
		m.Args = append(m.Args, Placeholder{Name: pname, Kind: kind, Meaning: value})
		return nil
	}
	switch field {
	case "ref":
		m.Ref = value
		return nil
	case "plural":
		m.Plural = value
		return nil
	}
	lang, form, _ := strings.Cut(field, ".")
	l := LangIndex(lang)
	if l < 0 {
		return fmt.Errorf("unknown field %q (ref, arg NAME, number NAME, count NAME, plural, da, nb, nn, en, da.one, da.zero, …)", field)
	}
	switch form {
	case "":
		m.Text[l].Other = value
	case "one":
		m.Text[l].One = value
	case "zero":
		m.Text[l].Zero = value
	default:
		return fmt.Errorf("unknown plural form %q (one, zero)", form)
	}
	return nil
}

// LangIndex returns the index of lang in [Langs], or -1.
func LangIndex(lang string) int {
	for i, l := range Langs {
		if l == lang {
			return i
		}
	}
	return -1
}

func validKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func validName(n string) bool {
	if n == "" || n[0] < 'a' || n[0] > 'z' {
		return false
	}
	for _, r := range n {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Validate checks a message on its own: every language has the general
// form; every placeholder a text uses is declared; each language uses the
// same placeholders as the English (across its forms); plural forms exist
// exactly when "plural" names a declared count, and a language has the
// "one" form exactly when the English has it; every text is one line.
func (m *Message) Validate() error {
	if !validKey(m.Key) {
		return fmt.Errorf("key %q is malformed", m.Key)
	}
	if strings.ContainsAny(m.Ref, "\r\n") {
		return errors.New("ref: more than one line")
	}
	for _, a := range m.Args {
		if !validName(a.Name) {
			return fmt.Errorf("placeholder name %q is malformed", a.Name)
		}
		if strings.TrimSpace(a.Meaning) == "" || strings.ContainsAny(a.Meaning, "\r\n") {
			return fmt.Errorf("placeholder %s: the meaning is one non-empty line", a.Name)
		}
		if a.Kind == Count && m.Plural != a.Name {
			return fmt.Errorf("count %s does not select the plural forms (\"plural: %s\" and da.one, …): give the message its singular, or declare it \"number\" if no word depends on it", a.Name, a.Name)
		}
		if a.Kind < Text || a.Kind > Count {
			return fmt.Errorf("placeholder %s: unknown kind", a.Name)
		}
	}
	hasForms := false
	var used [4]map[string]bool
	for l, fm := range m.Text {
		if fm.Other == "" {
			return fmt.Errorf("%s: no text", Langs[l])
		}
		used[l] = map[string]bool{}
		for _, t := range []struct{ form, s string }{{"", fm.Other}, {".one", fm.One}, {".zero", fm.Zero}} {
			if t.s == "" {
				continue
			}
			if t.form != "" {
				hasForms = true
			}
			if t.s != strings.TrimSpace(t.s) || strings.ContainsAny(t.s, "\r\n") {
				return fmt.Errorf("%s%s: a text is one line without surrounding spaces", Langs[l], t.form)
			}
			names, err := placeholders(t.s)
			if err != nil {
				return fmt.Errorf("%s%s: %v", Langs[l], t.form, err)
			}
			for _, n := range names {
				if m.arg(n) < 0 {
					return fmt.Errorf("%s%s: placeholder {%s} is not declared", Langs[l], t.form, n)
				}
				used[l][n] = true
			}
		}
	}
	en := LangIndex("en")
	for l := range m.Text {
		for _, a := range m.Args {
			if used[en][a.Name] && !used[l][a.Name] {
				return fmt.Errorf("%s: does not use {%s}, which the English uses", Langs[l], a.Name)
			}
			if used[l][a.Name] && !used[en][a.Name] {
				return fmt.Errorf("%s: uses {%s}, which the English does not", Langs[l], a.Name)
			}
		}
		if (m.Text[l].One == "") != (m.Text[en].One == "") {
			return fmt.Errorf("%s: plural forms differ from the English (one)", Langs[l])
		}
	}
	switch {
	case m.Plural == "" && hasForms:
		return errors.New("plural forms without \"plural: NAME\" naming the count that selects them")
	case m.Plural != "" && !hasForms:
		return errors.New("\"plural\" given, but no plural forms (da.one, …)")
	case m.Plural != "":
		i := m.arg(m.Plural)
		if i < 0 || m.Args[i].Kind != Count {
			return fmt.Errorf("plural: %s is not a declared count", m.Plural)
		}
	}
	return nil
}

func (m *Message) arg(name string) int {
	for i, a := range m.Args {
		if a.Name == name {
			return i
		}
	}
	return -1
}

// placeholders returns the names of the {name} placeholders in s.
func placeholders(s string) ([]string, error) {
	var names []string
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			if strings.HasPrefix(s[i:], "{{") {
				i++
				continue
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, errors.New("'{' without '}' (write {{ for a literal brace)")
			}
			n := s[i+1 : i+end]
			if !validName(n) {
				return nil, fmt.Errorf("placeholder {%s} is malformed", n)
			}
			names = append(names, n)
			i += end
		case '}':
			if !strings.HasPrefix(s[i:], "}}") {
				return nil, errors.New("'}' without '{' (write }} for a literal brace)")
			}
			i++
		}
	}
	return names, nil
}

// Format returns s, a text of m, in x/text's message format: each
// placeholder becomes %[n]s or %[n]d by its position in m.Args, a literal
// '%' becomes "%%", and "{{" and "}}" become braces.
func (m *Message) Format(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '%':
			b.WriteString("%%")
		case '{':
			if strings.HasPrefix(s[i:], "{{") {
				b.WriteByte('{')
				i++
				continue
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return "", fmt.Errorf("%s: unmatched '{'", m.Key)
			}
			k := m.arg(s[i+1 : i+end])
			if k < 0 {
				return "", fmt.Errorf("%s: placeholder {%s} is not declared", m.Key, s[i+1:i+end])
			}
			verb := "s"
			if m.Args[k].Kind != Text {
				verb = "d"
			}
			b.WriteString("%[" + strconv.Itoa(k+1) + "]" + verb)
			i += end
		case '}':
			b.WriteByte('}')
			if strings.HasPrefix(s[i:], "}}") {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// PluralArg returns the 1-based position of the count that selects plural
// forms, or 0 when the message has none.
func (m *Message) PluralArg() int {
	if m.Plural == "" {
		return 0
	}
	return m.arg(m.Plural) + 1
}

// Bytes returns the file in its canonical layout; Parse(Bytes()) gives the
// same messages.
func (f *File) Bytes() []byte {
	var b bytes.Buffer
	for _, c := range f.Header {
		writeComment(&b, c)
	}
	if len(f.Header) > 0 {
		b.WriteByte('\n')
	}
	for i, m := range f.Messages {
		if i > 0 {
			b.WriteByte('\n')
		}
		m.write(&b)
	}
	return b.Bytes()
}

func writeComment(b *bytes.Buffer, c string) {
	if c == "" {
		b.WriteString("#\n")
		return
	}
	b.WriteString("# " + c + "\n")
}

func (m *Message) write(b *bytes.Buffer) {
	for _, c := range m.Comment {
		writeComment(b, c)
	}
	b.WriteString("[" + m.Key + "]\n")
	if m.Ref != "" {
		b.WriteString("ref: " + m.Ref + "\n")
	}
	for _, a := range m.Args {
		b.WriteString(a.Kind.String() + " " + a.Name + ": " + a.Meaning + "\n")
	}
	if m.Plural != "" {
		b.WriteString("plural: " + m.Plural + "\n")
	}
	for l, fm := range m.Text {
		b.WriteString(Langs[l] + ": " + fm.Other + "\n")
		if fm.One != "" {
			b.WriteString(Langs[l] + ".one: " + fm.One + "\n")
		}
		if fm.Zero != "" {
			b.WriteString(Langs[l] + ".zero: " + fm.Zero + "\n")
		}
	}
}
