package art30

import (
	"encoding/csv"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/interop"
)

// WriteOptions configures [Write].
type WriteOptions struct {
	// Comma is the separator; 0 means ';', which spreadsheets in Norway
	// and Denmark read without asking.
	Comma rune
	// NoBOM leaves out the UTF-8 byte-order mark that makes spreadsheets
	// read the file as UTF-8.
	NoBOM bool
	// Language names categories and countries; the zero tag means bokmål.
	Language language.Tag
}

// Write writes the records of template t's role among acts as a file of
// the template: the heading row, then one row per record. Categories and
// countries are written by their names in the language (which [Read]
// reads back), transfers as "country: recipient", items one per line.
//
// Every cell that a spreadsheet would read as a formula — one starting
// with "=", "+", "-", "@", a tab or a carriage return — is written with a
// leading apostrophe (OWASP, "CSV Injection"); [Read] removes it again, so
// a file written and read back gives the same records.
func Write(w io.Writer, t Template, acts []record.Activity, o *WriteOptions) error {
	var opt WriteOptions
	if o != nil {
		opt = *o
	}
	if opt.Comma == 0 {
		opt.Comma = ';'
	}
	if opt.Language == language.Und {
		opt.Language = language.Norwegian
	}
	p := i18n.NewPrinter(opt.Language)
	if !opt.NoBOM {
		if _, err := io.WriteString(w, "\xef\xbb\xbf"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma = opt.Comma
	cw.UseCRLF = true
	cols := Columns(t)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.Heading
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	role := record.RoleController
	if t == Processor {
		role = record.RoleProcessor
	}
	for _, a := range acts {
		if a.Role != role {
			continue
		}
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = guard(cell(p, c.field, a))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func cell(p *i18n.Printer, f field, a record.Activity) string {
	var items []string
	switch f {
	case fName:
		return a.Name
	case fDescription:
		return a.Description
	case fPurposes:
		for _, x := range a.Purposes {
			items = append(items, x.Name)
		}
	case fSubjects:
		for c := range a.Subjects.All() {
			items = append(items, p.Name(c))
		}
	case fData:
		for c := range a.Data.All() {
			items = append(items, p.Name(c))
		}
	case fRecipients:
		for _, x := range a.Recipients {
			items = append(items, x.Name)
		}
	case fTransfers:
		for _, x := range a.Transfers {
			items = append(items, countryName(p, x.Country)+": "+x.Recipient)
		}
	case fGuarantees:
		for _, x := range a.Transfers {
			if x.Documentation != "" && !contains(items, x.Documentation) {
				items = append(items, x.Documentation)
			}
		}
	case fErasure:
		return a.Erasure.Text
	case fSecurity:
		return a.Security.Description
	case fJoint:
		for _, x := range a.JointControllers {
			items = append(items, x.Name)
		}
	case fOnBehalfOf:
		for _, x := range a.OnBehalfOf {
			items = append(items, x.Controller.Name)
		}
	case fProcessing:
		for _, x := range a.OnBehalfOf {
			for _, s := range x.Processing {
				if !contains(items, s) {
					items = append(items, s)
				}
			}
		}
	}
	return strings.Join(items, "\n")
}

// countryName is the country's name in the language when that name reads
// back as the same country, else its ISO code.
func countryName(p *i18n.Printer, c compliance.Country) string {
	if n := p.Country(c); n != "" {
		if back, ok := interop.CountryByName(n); ok && back == c {
			return n
		}
	}
	return c.String()
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// guard prefixes a cell a spreadsheet would evaluate with an apostrophe.
func guard(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// unguard removes the apostrophe guard writes.
func unguard(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}
