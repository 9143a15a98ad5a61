package i18n

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/tillid/tillid/compliance"
)

// CSV writes a language-neutral table as CSV (RFC 4180, CRLF line ends):
// a header row of the rendered column messages, then one row per table row.
// A cell's messages are rendered and joined with "; ". The field separator
// is the one spreadsheets expect in the language's locale: ";" for da, nb
// and nn, whose decimal separator is the comma, and "," for en. To open the
// file in Microsoft Excel with æ, ø and å intact, a host writes the UTF-8
// byte order mark ("\uFEFF") before it.
//
// A cell that a spreadsheet would take for a formula — one starting with
// "=", "+", "-", "@", a tab or a carriage return — is prefixed with an
// apostrophe, so that text entered by caseworkers cannot run as a formula
// (OWASP, "CSV Injection").
//
// CSV returns an error for a nil w.
func (p *Printer) CSV(w io.Writer, t compliance.Table) error {
	p = p.usable()
	if w == nil {
		return errors.New("i18n: CSV: nil writer")
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if p.lang != langEN {
		cw.Comma = ';'
	}
	record := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		record[i] = csvSafe(p.Message(c))
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for _, row := range t.Rows {
		record = record[:0]
		for _, cell := range row {
			parts := make([]string, len(cell))
			for i, m := range cell {
				parts[i] = p.Message(m)
			}
			record = append(record, csvSafe(strings.Join(parts, "; ")))
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe neutralises a cell that would start a spreadsheet formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
