package art30

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/interop"
)

// Limits of a file.
const (
	// MaxFile is the largest file read, in bytes.
	MaxFile = 8 << 20
	// MaxRows is the most rows read.
	MaxRows = 20_000
	// MaxColumns is the most columns of a row.
	MaxColumns = 200
	// headingSearch is how many leading rows may hold titles above the
	// heading row.
	headingSearch = 20
)

// Row is one activity's row of a file: its cells by column, and its line
// number for the report.
type Row struct {
	// Line is the row's line in the file, counting from 1.
	Line int
	// Cells are the row's cells, by the column's export heading.
	Cells map[string]string
}

// Sheet is a file read: its rows, and the issues found in its headings.
type Sheet struct {
	// Template is the template the file was read as.
	Template Template
	// Rows are the activity rows, in file order.
	Rows []Row
	// Issues are the unknown headings.
	Issues []interop.Issue
}

// ErrFormat matches the errors of [Read]: the file is not a CSV file of the
// template (too large, not UTF-8, no heading row, a required column
// missing, malformed quoting). The errors name the line, never the content.
var ErrFormat = errors.New("art30: not a protokoll file")

type formatError struct {
	line   int
	reason string
}

func (e *formatError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("art30: line %d: %s", e.line, e.reason)
	}
	return "art30: " + e.reason
}

func (e *formatError) Is(target error) bool { return target == ErrFormat }

// Read reads a file of template t from r: at most [MaxFile] bytes, UTF-8
// with or without a byte-order mark, separated by semicolons or commas
// (whichever the heading row has more of outside quotes), with the heading
// row among the first 20 rows (the first row naming the activity column,
// "Behandlingsaktivitet"). Blank rows are skipped. Cells with formula
// guards written by [Write] are read back without the guard.
func Read(r io.Reader, t Template) (*Sheet, error) {
	if t != Controller && t != Processor {
		return nil, &formatError{reason: "unknown template"}
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxFile+1))
	if err != nil {
		return nil, fmt.Errorf("art30: reading: %w", err)
	}
	if len(b) > MaxFile {
		return nil, &formatError{reason: "the file exceeds the size limit"}
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		return nil, &formatError{reason: "the file is not UTF-8 text"}
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = separator(b)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	s := &Sheet{Template: t}
	var cols []Column // by position; zero Column for unknown
	for n := 0; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &formatError{line: pe.Line, reason: "malformed CSV quoting"}
			}
			return nil, &formatError{reason: "malformed CSV"}
		}
		line, _ := cr.FieldPos(0)
		if len(rec) > MaxColumns {
			return nil, &formatError{line: line, reason: "too many columns"}
		}
		if cols == nil {
			if n >= headingSearch {
				return nil, &formatError{reason: "no heading row naming the column Behandlingsaktivitet"}
			}
			if c, ok := headingRow(t, rec); ok {
				cols = c
				if err := s.headings(rec, cols, line); err != nil {
					return nil, err
				}
			}
			continue
		}
		if blank(rec) {
			continue
		}
		if len(s.Rows) >= MaxRows {
			return nil, &formatError{line: line, reason: "too many rows"}
		}
		row := Row{Line: line, Cells: map[string]string{}}
		for i, cell := range rec {
			if i < len(cols) && cols[i].field != 0 {
				row.Cells[cols[i].Heading] = unguard(strings.TrimSpace(cell))
			}
		}
		s.Rows = append(s.Rows, row)
	}
	if cols == nil {
		return nil, &formatError{reason: "no heading row naming the column Behandlingsaktivitet"}
	}
	return s, nil
}

// separator chooses ';' or ',' by which the first line that has either
// holds more of outside quotes.
func separator(b []byte) rune {
	for line := range bytes.SplitSeq(b, []byte("\n")) {
		semi, comma, quoted := 0, 0, false
		for _, c := range line {
			switch {
			case c == '"':
				quoted = !quoted
			case quoted:
			case c == ';':
				semi++
			case c == ',':
				comma++
			}
		}
		if semi+comma > 0 {
			if comma > semi {
				return ','
			}
			return ';'
		}
	}
	return ';'
}

// headingRow reports whether rec is the heading row, and its columns.
func headingRow(t Template, rec []string) ([]Column, bool) {
	cols := make([]Column, len(rec))
	found := false
	for i, h := range rec {
		if c, ok := match(t, h); ok {
			cols[i] = c
			found = found || c.field == fName
		}
	}
	return cols, found
}

func (s *Sheet) headings(rec []string, cols []Column, line int) error {
	seen := map[field]bool{}
	for i, h := range rec {
		if cols[i].field == 0 {
			if strings.TrimSpace(h) != "" {
				s.Issues = append(s.Issues, interop.Issue{Code: CodeHeadingUnknown, Source: interop.Row(System, line, interop.Clip(h))})
			}
			continue
		}
		if seen[cols[i].field] {
			return &formatError{line: line, reason: fmt.Sprintf("column %d repeats a column", i+1)}
		}
		seen[cols[i].field] = true
	}
	for _, c := range Columns(s.Template) {
		if c.Required && !seen[c.field] {
			return &formatError{line: line, reason: "the required column " + c.Heading + " is missing"}
		}
	}
	return nil
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Issue codes of the Art 30 import.
const (
	CodeHeadingUnknown compliance.Code = "interop.art30.heading-unknown"
	CodeDuplicate      compliance.Code = "interop.art30.duplicate-name"
)

// Codes yields the issue codes of the Art 30 import, for the i18n test.
func Codes() []compliance.Code {
	return []compliance.Code{CodeHeadingUnknown, CodeDuplicate}
}
