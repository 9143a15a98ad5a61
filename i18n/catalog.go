package i18n

import (
	"fmt"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// entry is one message of one language.
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

// table is the messages of one area (the vocabulary, breach, processor, …) in
// one language. Each area keeps one file per language: compliance_da.go,
// breach_nb.go, and so on, so translators work a language at a time and
// packages do not collide.
type table struct {
	lang    language.Tag
	area    string
	entries []entry
}

// tables lists every message table. Adding an area means adding its four
// tables here; TestCatalogComplete fails until all four languages have every
// key.
func tables() []table {
	return []table{
		{da, "compliance", complianceDA},
		{nb, "compliance", complianceNB},
		{nn, "compliance", complianceNN},
		{en, "compliance", complianceEN},
		{da, "identifier", identifierDA},
		{nb, "identifier", identifierNB},
		{nn, "identifier", identifierNN},
		{en, "identifier", identifierEN},
		{da, "calendar", calendarDA},
		{nb, "calendar", calendarNB},
		{nn, "calendar", calendarNN},
		{en, "calendar", calendarEN},
		{da, "records", recordsDA},
		{nb, "records", recordsNB},
		{nn, "records", recordsNN},
		{en, "records", recordsEN},
		{da, "breach", breachDA},
		{nb, "breach", breachNB},
		{nn, "breach", breachNN},
		{en, "breach", breachEN},
		{da, "breachx", breachxDA},
		{nb, "breachx", breachxNB},
		{nn, "breachx", breachxNN},
		{en, "breachx", breachxEN},
		{da, "processor", processorDA},
		{nb, "processor", processorNB},
		{nn, "processor", processorNN},
		{en, "processor", processorEN},
		{da, "processorx", processorxDA},
		{nb, "processorx", processorxNB},
		{nn, "processorx", processorxNN},
		{en, "processorx", processorxEN},
		{da, "dpia", dpiaDA},
		{nb, "dpia", dpiaNB},
		{nn, "dpia", dpiaNN},
		{en, "dpia", dpiaEN},
		{da, "retention", retentionDA},
		{nb, "retention", retentionNB},
		{nn, "retention", retentionNN},
		{en, "retention", retentionEN},
		{da, "archx", archxDA},
		{nb, "archx", archxNB},
		{nn, "archx", archxNN},
		{en, "archx", archxEN},
	}
}

// buildCatalog builds the private catalog. It panics on a malformed entry:
// the tables are compile-time constants that every test run exercises (the
// regexp.MustCompile exception of the style guide).
func buildCatalog() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(en))
	if err := addTables(b); err != nil {
		panic(err)
	}
	return b
}

func addTables(b *catalog.Builder) error {
	for _, t := range tables() {
		for _, e := range t.entries {
			if err := b.Set(t.lang, e.key, e.message()); err != nil {
				return fmt.Errorf("i18n: %s %s %q: %w", t.area, t.lang, e.key, err)
			}
		}
	}
	return nil
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
