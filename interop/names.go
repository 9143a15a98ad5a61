package interop

import (
	"strings"
	"sync"
	"unicode"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// Norm returns the form in which names are compared: lower-case, trimmed,
// inner runs of white space as one space, and a trailing full stop
// dropped. "  Helbredsoplysninger. " and "helbredsoplysninger" are the same
// name.
func Norm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimSuffix(b.String(), ".")
}

// names builds, once, the default name tables from tillid's own
// vocabulary as i18n names it in Danish, bokmål, nynorsk and English (the
// authorities' terms, i18n/GLOSSARY.md), plus the stable codes themselves,
// and the country names of the Unicode CLDR that i18n renders countries
// with, plus ISO 3166 alpha-2 codes.
var names = sync.OnceValue(func() *tables {
	t := &tables{
		countries: map[string]compliance.Country{},
		data:      map[string]compliance.DataCategory{},
		subjects:  map[string]compliance.SubjectCategory{},
	}
	var ps []*i18n.Printer
	for _, tag := range i18n.Supported() {
		ps = append(ps, i18n.NewPrinter(tag))
	}
	for c := range compliance.AllCountries() {
		t.countries[Norm(c.String())] = c
		for _, p := range ps {
			if n := Norm(p.Country(c)); n != "" {
				t.countries[n] = c
			}
		}
	}
	for c := range compliance.AllDataCategories() {
		t.data[Norm(c.String())] = c
		for _, p := range ps {
			t.data[Norm(p.Name(c))] = c
		}
	}
	for c := range compliance.AllSubjectCategories() {
		t.subjects[Norm(c.String())] = c
		for _, p := range ps {
			t.subjects[Norm(p.Name(c))] = c
		}
	}
	return t
})

type tables struct {
	countries map[string]compliance.Country
	data      map[string]compliance.DataCategory
	subjects  map[string]compliance.SubjectCategory
}

// CountryByName returns the country a name denotes: an ISO 3166 alpha-2
// code, or the country's name in Danish, bokmål, nynorsk or English as the
// Unicode CLDR gives it ("USA", "Storbritannien", "Indien", "United
// States"), compared by [Norm]. ok is false for any other name; the caller
// reports it rather than guess.
func CountryByName(name string) (compliance.Country, bool) {
	c, ok := names().countries[Norm(name)]
	return c, ok
}

// DataCategoryByName returns the data category a name denotes: its code,
// or its name in any of tillid's four languages, compared by [Norm].
func DataCategoryByName(name string) (compliance.DataCategory, bool) {
	c, ok := names().data[Norm(name)]
	return c, ok
}

// SubjectCategoryByName returns the subject category a name denotes: its
// code, or its name in any of tillid's four languages, compared by [Norm].
func SubjectCategoryByName(name string) (compliance.SubjectCategory, bool) {
	c, ok := names().subjects[Norm(name)]
	return c, ok
}
