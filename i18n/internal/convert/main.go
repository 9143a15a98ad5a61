// Command convert moves messages from Go tables ([]entry literals in
// i18n/<area>_<lang>.go, the format used before the message files) into
// the message files of i18n/messages, one block per message with its four
// languages together.
//
// Usage, from the repository root:
//
//	go run ./i18n/internal/convert [-to i18n/messages/AREA.txt] [-skip-existing] [-src .] FILE.go...
//
// Every table variable in the files (breachxDA, breachxNB, …) is read; the
// last two letters of its name are the language, the rest is the area.
// With -to, every message is appended to that file (created when missing);
// without it, an area's messages go to i18n/messages/AREA.txt, where a
// trailing "x" of the area (breachx, the tables helpers add while the
// message files were being introduced) is dropped when that file exists.
// A key that a message file already has is an error, so a run is never
// applied twice; with -skip-existing such messages are left out and listed
// (for a table that was folded in once and has grown since — compare the
// listed keys' texts by hand). The Go files are not changed: delete them and their lines
// in tables() (i18n/catalog.go) afterwards.
//
// Placeholders are named from the doc comment of the Go constant whose
// value is the key, found in the non-test Go files under -src: a comment of
// the form `CodeX: "… %[1]s … %[2]s" (deadline, time left).` names the
// arguments in order; "Art 33(1)" and "§ 7" in it become the ref. A
// message without such a comment gets names value1, count2, … and the
// meaning "not yet described", to be written by hand.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/tillid/tillid/i18n/internal/msgfile"
)

func main() {
	to := flag.String("to", "", "append every message to this message file")
	dir := flag.String("dir", "i18n/messages", "the message files' directory, when -to is not given")
	src := flag.String("src", ".", "root of the Go sources whose constant doc comments name placeholders")
	skip := flag.Bool("skip-existing", false, "leave out, and list, messages whose key the message file already has (a table folded in before and grown since)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./i18n/internal/convert [-to FILE | -dir DIR] [-src ROOT] TABLE.go...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	skipExisting = *skip
	if err := run(*to, *dir, *src, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

// skipExisting leaves out messages the target file already has, instead of
// failing on them.
var skipExisting bool

// entry is one message of one language, as in package i18n.
type entry struct {
	key, msg, one, zero string
	arg                 int
	comment             []string
}

type table struct {
	area, lang string
	doc        []string
	entries    []entry
}

func run(to, dir, src string, files []string) error {
	var tables []table
	for _, f := range files {
		ts, err := readTables(f)
		if err != nil {
			return err
		}
		tables = append(tables, ts...)
	}
	if len(tables) == 0 {
		return errors.New("no []entry tables in the files")
	}
	docs, err := constDocs(src)
	if err != nil {
		return err
	}
	byArea := map[string][]table{}
	var areas []string
	for _, t := range tables {
		if byArea[t.area] == nil {
			areas = append(areas, t.area)
		}
		byArea[t.area] = append(byArea[t.area], t)
	}
	for _, area := range areas {
		msgs, header, err := combine(area, byArea[area], docs)
		if err != nil {
			return err
		}
		path := to
		if path == "" {
			path = filepath.Join(dir, area+".txt")
			if trimmed := strings.TrimSuffix(area, "x"); trimmed != area {
				if _, err := os.Stat(filepath.Join(dir, trimmed+".txt")); err == nil {
					path = filepath.Join(dir, trimmed+".txt")
				}
			}
		}
		if err := appendTo(path, area, header, msgs); err != nil {
			return err
		}
		fmt.Printf("%s: %d messages from area %s\n", path, len(msgs), area)
	}
	return nil
}

func appendTo(path, area string, header []string, msgs []msgfile.Message) error {
	f := &msgfile.File{Header: append([]string{
		"tillid's messages: " + area + ". The format is described in README.md in this directory.",
	}, header...)}
	if data, err := os.ReadFile(path); err == nil {
		if f, err = msgfile.Parse(path, data); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	have := map[string]bool{}
	for _, m := range f.Messages {
		have[m.Key] = true
	}
	for _, m := range msgs {
		switch {
		case have[m.Key] && skipExisting:
			fmt.Fprintf(os.Stderr, "convert: %s already has %s: left out\n", path, m.Key)
		case have[m.Key]:
			return fmt.Errorf("%s already has %s (-skip-existing leaves such messages out)", path, m.Key)
		default:
			f.Messages = append(f.Messages, m)
		}
	}
	out := f.Bytes()
	if _, err := msgfile.Parse(path, out); err != nil {
		return fmt.Errorf("the result does not parse: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o644)
}

// readTables reads the []entry variables of a Go file.
func readTables(path string) ([]table, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var tables []table
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.CompositeLit)
				if !ok || !isEntrySlice(lit.Type) {
					continue
				}
				n := name.Name
				if len(n) < 3 {
					return nil, fmt.Errorf("%s: table %s: name does not end in a language", path, n)
				}
				lang := strings.ToLower(n[len(n)-2:])
				if msgfile.LangIndex(lang) < 0 {
					return nil, fmt.Errorf("%s: table %s: name does not end in DA, NB, NN or EN", path, n)
				}
				t := table{area: n[:len(n)-2], lang: lang, doc: tableDoc(n, gd.Doc)}
				prev := lit.Lbrace
				for _, elt := range lit.Elts {
					e, err := readEntry(elt)
					if err != nil {
						return nil, fmt.Errorf("%s: %v", fset.Position(elt.Pos()), err)
					}
					for _, cg := range file.Comments {
						if cg.Pos() > prev && cg.End() < elt.Pos() {
							e.comment = append(e.comment, commentLines(cg)...)
						}
					}
					prev = elt.End()
					t.entries = append(t.entries, e)
				}
				tables = append(tables, t)
			}
		}
	}
	return tables, nil
}

// tableDoc returns a table's doc comment without its first sentence, which
// only says which messages the Go variable holds, wrapped for the file.
func tableDoc(name string, cg *ast.CommentGroup) []string {
	text := strings.Join(strings.Fields(strings.Join(commentLines(cg), " ")), " ")
	if strings.HasPrefix(text, name+" ") {
		_, rest, ok := strings.Cut(text, ". ")
		if !ok {
			return nil
		}
		text = rest
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > 72 {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func isEntrySlice(e ast.Expr) bool {
	at, ok := e.(*ast.ArrayType)
	if !ok || at.Len != nil {
		return false
	}
	id, ok := at.Elt.(*ast.Ident)
	return ok && id.Name == "entry"
}

func commentLines(cg *ast.CommentGroup) []string {
	if cg == nil {
		return nil
	}
	return strings.Split(strings.TrimRight(cg.Text(), "\n"), "\n")
}

func readEntry(elt ast.Expr) (entry, error) {
	var e entry
	cl, ok := elt.(*ast.CompositeLit)
	if !ok {
		return e, errors.New("an entry is not a composite literal")
	}
	for _, f := range cl.Elts {
		kv, ok := f.(*ast.KeyValueExpr)
		if !ok {
			return e, errors.New("an entry's fields must be named (key:, msg:, …)")
		}
		field := kv.Key.(*ast.Ident).Name
		bl, ok := kv.Value.(*ast.BasicLit)
		if !ok {
			return e, fmt.Errorf("%s: not a literal", field)
		}
		if field == "arg" {
			n, err := strconv.Atoi(bl.Value)
			if err != nil {
				return e, fmt.Errorf("arg: %v", err)
			}
			e.arg = n
			continue
		}
		s, err := strconv.Unquote(bl.Value)
		if err != nil {
			return e, fmt.Errorf("%s: %v", field, err)
		}
		switch field {
		case "key":
			e.key = s
		case "msg":
			e.msg = s
		case "one":
			e.one = s
		case "zero":
			e.zero = s
		default:
			return e, fmt.Errorf("unknown field %s", field)
		}
	}
	return e, nil
}

var verbRE = regexp.MustCompile(`%\[(\d+)\]([a-z])`)

// combine joins an area's four tables into messages, in the English
// table's order.
func combine(area string, tables []table, docs map[string]string) ([]msgfile.Message, []string, error) {
	byLang := map[string]map[string]entry{}
	var order []string
	var header []string
	for _, t := range tables {
		if byLang[t.lang] != nil {
			return nil, nil, fmt.Errorf("area %s: two %s tables", area, t.lang)
		}
		byLang[t.lang] = map[string]entry{}
		for _, e := range t.entries {
			if _, dup := byLang[t.lang][e.key]; dup {
				return nil, nil, fmt.Errorf("area %s: %s twice in %s", area, e.key, t.lang)
			}
			byLang[t.lang][e.key] = e
			if t.lang == "en" {
				order = append(order, e.key)
			}
		}
		for _, d := range t.doc {
			header = append(header, t.lang+": "+d)
		}
	}
	for _, lang := range msgfile.Langs {
		if byLang[lang] == nil {
			return nil, nil, fmt.Errorf("area %s: no %s table", area, lang)
		}
		if len(byLang[lang]) != len(byLang["en"]) {
			return nil, nil, fmt.Errorf("area %s: %s has %d messages, en %d", area, lang, len(byLang[lang]), len(byLang["en"]))
		}
	}
	var msgs []msgfile.Message
	for _, key := range order {
		m, err := message(key, byLang, docs[key])
		if err != nil {
			return nil, nil, fmt.Errorf("area %s: %w", area, err)
		}
		msgs = append(msgs, m)
	}
	return msgs, header, nil
}

func message(key string, byLang map[string]map[string]entry, doc string) (msgfile.Message, error) {
	m := msgfile.Message{Key: key}
	en := byLang["en"][key]
	// The kinds of the arguments, from the verbs of every language.
	verbs := map[int]string{}
	for _, lang := range msgfile.Langs {
		e, ok := byLang[lang][key]
		if !ok {
			return m, fmt.Errorf("%s has no %s message", key, lang)
		}
		for _, s := range []string{e.msg, e.one, e.zero} {
			for _, v := range verbRE.FindAllStringSubmatch(s, -1) {
				n, _ := strconv.Atoi(v[1])
				if old, ok := verbs[n]; ok && old != v[2] {
					return m, fmt.Errorf("%s: argument %d is used as %%%s and %%%s", key, n, old, v[2])
				}
				if v[2] != "s" && v[2] != "d" {
					return m, fmt.Errorf("%s: verb %%%s (only %%s and %%d)", key, v[2])
				}
				verbs[n] = v[2]
			}
		}
		for _, c := range e.comment {
			m.Comment = append(m.Comment, lang+": "+c)
		}
	}
	if c := byLang["da"][key].comment; len(c) > 0 && same(byLang, key) {
		m.Comment = c // the same comment in every language: once
	}
	if en.one != "" || en.zero != "" {
		arg := en.arg
		if arg == 0 {
			arg = 1
		}
		if verbs[arg] == "" {
			verbs[arg] = "d"
		}
	}
	n := 0
	for k := range verbs {
		n = max(n, k)
	}
	selector := 0
	if en.one != "" || en.zero != "" {
		selector = max(en.arg, 1)
		if verbs[selector] == "s" {
			// The table selects on a text argument (arg: left at its
			// default 1 while the count is another argument): x/text then
			// never picks the singular. Take the message's only count.
			var counts []int
			for k, v := range verbs {
				if v == "d" {
					counts = append(counts, k)
				}
			}
			if len(counts) != 1 {
				return m, fmt.Errorf("%s: the plural forms select on argument %d, which is text (%%s); set arg: to the count", key, selector)
			}
			fmt.Fprintf(os.Stderr, "convert: %s: the plural forms selected on text argument %d; they now select on the count, argument %d\n", key, selector, counts[0])
			selector = counts[0]
		}
	}
	names, meanings, ref := fromDoc(doc, n)
	for i := 1; i <= n; i++ {
		p := msgfile.Placeholder{}
		switch {
		case i == selector:
			p.Kind = msgfile.Count
		case verbs[i] == "d":
			p.Kind = msgfile.Number
		}
		if names != nil {
			p.Name, p.Meaning = names[i-1], meanings[i-1]
		} else {
			p.Name = p.Kind.String() + strconv.Itoa(i)
			if p.Kind == msgfile.Text {
				p.Name = "value" + strconv.Itoa(i)
			}
			p.Meaning = "not yet described"
		}
		m.Args = append(m.Args, p)
	}
	m.Ref = ref
	if selector > 0 {
		m.Plural = m.Args[selector-1].Name
	}
	for l, lang := range msgfile.Langs {
		e := byLang[lang][key]
		var err error
		conv := func(s string) string {
			if s == "" || err != nil {
				return ""
			}
			var out string
			out, err = toBraces(s, m.Args)
			return out
		}
		m.Text[l] = msgfile.Forms{Other: conv(e.msg), One: conv(e.one), Zero: conv(e.zero)}
		if err != nil {
			return m, fmt.Errorf("%s %s: %w", key, lang, err)
		}
	}
	if err := m.Validate(); err != nil {
		return m, fmt.Errorf("%s: %w", key, err)
	}
	return m, nil
}

// same reports whether the key's comment is the same in every language.
func same(byLang map[string]map[string]entry, key string) bool {
	first := strings.Join(byLang["da"][key].comment, "\n")
	for _, lang := range msgfile.Langs {
		if strings.Join(byLang[lang][key].comment, "\n") != first {
			return false
		}
	}
	return true
}

// toBraces turns x/text's %[n]s into {name}, "%%" into "%" and braces into
// doubled braces.
func toBraces(s string, args []msgfile.Placeholder) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '{', '}':
			b.WriteByte(c)
			b.WriteByte(c)
		case '%':
			if strings.HasPrefix(s[i:], "%%") {
				b.WriteByte('%')
				i++
				continue
			}
			loc := verbRE.FindStringSubmatchIndex(s[i:])
			if loc == nil || loc[0] != 0 {
				return "", fmt.Errorf("a '%%' that is not %%[n]s, %%[n]d or %%%%")
			}
			n, _ := strconv.Atoi(s[i+loc[2] : i+loc[3]])
			b.WriteString("{" + args[n-1].Name + "}")
			i += loc[1] - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// constDocs maps the value of every string constant under root to its doc
// comment, joined into one line.
func constDocs(root string) (map[string]string, error) {
	docs := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
		if err != nil {
			return nil // not ours to judge
		}
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				doc := vs.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				if doc == nil {
					continue
				}
				for _, v := range vs.Values {
					bl, ok := v.(*ast.BasicLit)
					if !ok || bl.Kind != token.STRING {
						continue
					}
					s, err := strconv.Unquote(bl.Value)
					if err == nil {
						docs[s] = strings.Join(strings.Fields(doc.Text()), " ")
					}
				}
			}
		}
		return nil
	})
	return docs, err
}

var refRE = regexp.MustCompile(`(Art(?:icle)?s? \d+(?:\(\d+\)|\([a-z]\))*(?:[–-]\d+)?|§ ?\d+(?: ?(?:stk|nr)\. ?\d+)?)`)

// fromDoc reads the placeholder names and meanings of a message with n
// arguments from a constant's doc comment, and the legal references it
// names.
func fromDoc(doc string, n int) (names, meanings []string, ref string) {
	var refs []string
	for _, r := range refRE.FindAllString(doc, -1) {
		r = strings.Replace(strings.Replace(r, "Article ", "Art ", 1), "Arts ", "Art ", 1)
		if !contains(refs, r) {
			refs = append(refs, r)
		}
	}
	ref = strings.Join(refs, "; ")
	if n == 0 {
		return nil, nil, ref
	}
	if parts := kinds(doc); len(parts) == n {
		// Processor style: Text(processor), Date(to), Country.
		names, meanings = named(parts)
		return names, meanings, ref
	}
	q := strings.LastIndex(doc, "\"")
	if q < 0 {
		return nil, nil, ref
	}
	rest := doc[q+1:]
	open := strings.Index(rest, "(")
	if open < 0 {
		return nil, nil, ref
	}
	depth, end := 0, -1
	for i := open; i < len(rest) && end < 0; i++ {
		switch rest[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				end = i
			}
		}
	}
	if end < 0 {
		return nil, nil, ref
	}
	parts := splitTop(rest[open+1 : end])
	if len(parts) != n {
		return nil, nil, ref
	}
	names, meanings = named(parts)
	return names, meanings, ref
}

var kindRE = regexp.MustCompile(`\b(Text|Name|Names|Date|Time|Int|Decimal|Duration|Period|Ref|Country)(?:\(([^()]*)\))?`)

// kinds reads argument kinds in the style "Text(processor), Date(to),
// Country." from a doc comment: a kind with its meaning in parentheses, or
// a bare kind word in a comma-separated list.
func kinds(doc string) []string {
	var parts []string
	for _, loc := range kindRE.FindAllStringSubmatchIndex(doc, -1) {
		kind := strings.ToLower(doc[loc[2]:loc[3]])
		if loc[4] >= 0 {
			parts = append(parts, doc[loc[4]:loc[5]]+" ("+kind+")")
			continue
		}
		before := doc[:loc[0]]
		after := doc[loc[1]:]
		listed := (strings.HasSuffix(before, ". ") || strings.HasSuffix(before, ", ") || strings.HasSuffix(before, ": ")) &&
			(after == "" || after[0] == ',' || after[0] == '.')
		if listed {
			parts = append(parts, kind)
		}
	}
	return parts
}

// named gives each meaning a name, unique within the message.
func named(parts []string) (names, meanings []string) {
	seen := map[string]int{}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		name := nameOf(p)
		seen[name]++
		if seen[name] > 1 {
			name += strconv.Itoa(seen[name])
		}
		names = append(names, name)
		meanings = append(meanings, p)
	}
	return names, meanings
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// splitTop splits s at commas outside parentheses.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// nameOf makes a placeholder name of a meaning: its first words, lower
// case, joined by '-'.
func nameOf(meaning string) string {
	if i := strings.IndexAny(meaning, "(;:"); i > 0 {
		meaning = meaning[:i]
	}
	meaning = strings.ReplaceAll(strings.ToLower(meaning), "'s", "")
	var words []string
	for _, w := range strings.FieldsFunc(meaning, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if w == "the" || w == "a" || w == "an" || w == "of" {
			continue
		}
		words = append(words, w)
	}
	if len(words) > 3 {
		words = words[:3]
	}
	if len(words) == 0 || words[0][0] < 'a' {
		return "value"
	}
	return strings.Join(words, "-")
}
