package msgfile

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// CSVHeader is the header row of the catalog CSV.
var CSVHeader = []string{"key", "form", "placeholders", "ref", "da", "nb", "nn", "en"}

// csvForms are the plural forms, in row order; "" is the general form.
var csvForms = [...]string{"", "one", "zero"}

// WriteCSV writes the messages of files as CSV for review in a spreadsheet:
// the header [CSVHeader], then a row per message and plural form (form ""
// is the general text, "one" and "zero" the plural forms). The placeholders
// cell lists the declarations one a line ("arg deadline: …", "count n: …",
// "plural: n"). comma is the field separator: ',' or ';' (the one
// spreadsheets in Danish and Norwegian locales expect). A cell that a
// spreadsheet would take for a formula — starting with "=", "+", "-", "@",
// a tab or a carriage return — or that starts with an apostrophe is
// prefixed with an apostrophe (OWASP, "CSV Injection"); [ReadCSV] removes it.
func WriteCSV(w io.Writer, comma rune, files ...*File) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, f := range files {
		for i := range f.Messages {
			m := &f.Messages[i]
			for _, form := range csvForms {
				if form != "" && !m.hasForm(form) {
					continue
				}
				row := []string{m.Key, form, "", "", "", "", "", ""}
				if form == "" {
					row[2] = m.declarations()
					row[3] = m.Ref
				}
				for l := range Langs {
					row[4+l] = m.Text[l].form(form)
				}
				for i := range row {
					row[i] = guard(row[i])
				}
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func (m *Message) hasForm(form string) bool {
	for _, fm := range m.Text {
		if fm.form(form) != "" {
			return true
		}
	}
	return false
}

func (fm *Forms) form(form string) string {
	switch form {
	case "one":
		return fm.One
	case "zero":
		return fm.Zero
	}
	return fm.Other
}

func (fm *Forms) setForm(form, s string) {
	switch form {
	case "one":
		fm.One = s
	case "zero":
		fm.Zero = s
	default:
		fm.Other = s
	}
}

func (m *Message) declarations() string {
	var lines []string
	for _, a := range m.Args {
		lines = append(lines, a.Kind.String()+" "+a.Name+": "+a.Meaning)
	}
	if m.Plural != "" {
		lines = append(lines, "plural: "+m.Plural)
	}
	return strings.Join(lines, "\n")
}

func guard(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r'", rune(s[0])) {
		return "'" + s
	}
	return s
}

func unguard(s string) string { return strings.TrimPrefix(s, "'") }

// MaxCSVRows caps the rows [ReadCSV] reads.
const MaxCSVRows = 100000

// ReadCSV reads a catalog CSV written by [WriteCSV] (and edited in a
// spreadsheet) back into files: for every row it sets the texts of the
// message's form, and on a general-form row the reference and the meanings
// of the placeholders. The placeholders' names, kinds and order are fixed
// by the code that supplies the arguments, so a row that changes them is an
// error, as is an unknown key or a text that no longer validates. A
// message without a row keeps its texts. The separator (',' or ';') is
// taken from the header; a leading UTF-8 byte order mark is skipped. On
// error, files may be partly updated: read them again before retrying.
func ReadCSV(r io.Reader, files ...*File) error {
	br := bufio.NewReader(io.LimitReader(r, MaxSize*4))
	if bom, err := br.Peek(3); err == nil && string(bom) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	head, err := br.Peek(len("key") + 1)
	if err != nil {
		return errors.New("csv: no header row")
	}
	cr := csv.NewReader(br)
	cr.Comma = rune(head[3])
	if cr.Comma != ',' && cr.Comma != ';' {
		return errors.New("csv: the header row must start with \"key\" followed by ',' or ';'")
	}
	cr.FieldsPerRecord = len(CSVHeader)
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("csv: header: %w", err)
	}
	for i, h := range CSVHeader {
		if header[i] != h {
			return fmt.Errorf("csv: header column %d is %q, want %q", i+1, header[i], h)
		}
	}
	index := map[string]*Message{}
	for _, f := range files {
		for i := range f.Messages {
			index[f.Messages[i].Key] = &f.Messages[i]
		}
	}
	touched := map[*Message]int{}
	for row := 2; ; row++ {
		if row > MaxCSVRows {
			return fmt.Errorf("csv: more than %d rows", MaxCSVRows)
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("csv: %w", err)
		}
		for i := range rec {
			rec[i] = unguard(rec[i])
		}
		m := index[rec[0]]
		if m == nil {
			return fmt.Errorf("csv row %d: unknown key %q", row, rec[0])
		}
		form := rec[1]
		switch form {
		case "":
			if err := m.setDeclarations(rec[2]); err != nil {
				return fmt.Errorf("csv row %d: %s: %v", row, m.Key, err)
			}
			m.Ref = strings.TrimSpace(rec[3])
		case "one", "zero":
			if strings.TrimSpace(rec[2]) != "" || strings.TrimSpace(rec[3]) != "" {
				return fmt.Errorf("csv row %d: %s: placeholders and ref belong on the row of the general form", row, m.Key)
			}
		default:
			return fmt.Errorf("csv row %d: %s: unknown form %q (\"\", one, zero)", row, m.Key, form)
		}
		for l := range Langs {
			m.Text[l].setForm(form, strings.TrimSpace(rec[4+l]))
		}
		touched[m] = row
	}
	for m, row := range touched {
		if err := m.Validate(); err != nil {
			return fmt.Errorf("csv row %d: %s: %v", row, m.Key, err)
		}
	}
	return nil
}

func (m *Message) setDeclarations(cell string) error {
	var args []Placeholder
	plural := ""
	for _, line := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		field, value, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("placeholders: %q is not \"arg NAME: meaning\"", line)
		}
		field, value = strings.TrimSpace(field), strings.TrimSpace(value)
		if field == "plural" {
			plural = value
			continue
		}
		word, name, _ := strings.Cut(field, " ")
		kind, ok := parseKind(word)
		if !ok {
			return fmt.Errorf("placeholders: %q is not \"arg NAME: meaning\", \"number NAME: …\" or \"count NAME: …\"", line)
		}
		args = append(args, Placeholder{Name: strings.TrimSpace(name), Kind: kind, Meaning: value})
	}
	if len(args) != len(m.Args) || plural != m.Plural {
		return errors.New("placeholders: the names, kinds and order are fixed by the code; only the meanings can change")
	}
	for i, a := range args {
		if a.Name != m.Args[i].Name || a.Kind != m.Args[i].Kind {
			return errors.New("placeholders: the names, kinds and order are fixed by the code; only the meanings can change")
		}
	}
	m.Args = args
	return nil
}
