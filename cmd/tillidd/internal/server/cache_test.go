package server

import (
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"golang.org/x/text/language"
)

// The cache answers what rendering answers, per language and per
// findings, and stays bounded.
func TestFindingsCache(t *testing.T) {
	var c findingsCache
	da, en := i18n.NewPrinter(language.Danish), i18n.NewPrinter(language.English)
	f := []compliance.Finding{{Code: "processor.unknown", Severity: compliance.Violation, Refs: compliance.RefsOf(compliance.GDPR(28, 3, ""))}}
	g := []compliance.Finding{{Code: "processor.unknown", Severity: compliance.Warning, Refs: compliance.RefsOf(compliance.GDPR(28, 1, ""))}}
	for range 2 {
		for _, p := range []*i18n.Printer{da, en} {
			for _, fs := range [][]compliance.Finding{f, g} {
				if got, want := string(c.render(p, fs)), string(c.renderNow(p, fs)); got != want {
					t.Errorf("cached %s, rendered %s", got, want)
				}
			}
		}
	}
	if string(c.render(da, f)) == string(c.render(en, f)) || string(c.render(da, f)) == string(c.render(da, g)) {
		t.Error("different languages or findings share an entry")
	}
	for i := range maxCached + 10 {
		c.render(da, []compliance.Finding{{Code: "processor.unknown", Severity: compliance.Violation, Subject: string(rune('a'+i%26)) + string(rune(i)), Refs: f[0].Refs}})
	}
	n := 0
	for _, m := range c.m {
		n += len(m)
	}
	if n > maxCached || n != c.n {
		t.Errorf("cache grew to %d entries (counted %d)", n, c.n)
	}
}

// BenchmarkFindings compares a cached rendering with rendering anew, for
// the demo's compliant supplier's finding.
func BenchmarkFindings(b *testing.B) {
	fs := []compliance.Finding{{Code: "processor.supervision-unplanned", Severity: compliance.Warning, Principle: compliance.Accountability,
		Subject: sagssystemer, Refs: compliance.RefsOf(compliance.GDPR(28, 1, ""), compliance.GDPR(28, 3, "h"), compliance.GDPR(5, 2, ""), compliance.GDPR(24, 1, ""))}}
	p := i18n.NewPrinter(language.Danish)
	b.Run("cached", func(b *testing.B) {
		var c findingsCache
		b.ReportAllocs()
		for b.Loop() {
			c.render(p, fs)
		}
	})
	b.Run("rendered", func(b *testing.B) {
		var c findingsCache
		b.ReportAllocs()
		for b.Loop() {
			c.renderNow(p, fs)
		}
	})
}

// appendKey covers every field of a finding: changing any one of them
// changes the key, so findings that render differently never share a
// cached rendering. The field counts fail this test when the library adds
// a field appendKey does not know.
func TestKeyCoversEveryField(t *testing.T) {
	for _, c := range []struct {
		v any
		n int
	}{{compliance.Finding{}, 6}, {compliance.Arg{}, 11}, {compliance.Ref{}, 10}, {compliance.Period{}, 2}, {compliance.Date{}, 3}} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.n {
			t.Errorf("%T has %d fields, appendKey knows %d: add the new ones to the key", c.v, n, c.n)
		}
	}
	ref := compliance.Ref{Instrument: compliance.GDPRRegulation, Doc: "d", Article: "28", Paragraph: 3, Subparagraph: 1, Point: "h", Recital: 81, Para: "p", Clause: "c", Case: "C-1"}
	base := func() compliance.Finding {
		r := ref
		return compliance.Finding{Code: "processor.unknown", Severity: compliance.Warning, Principle: compliance.Accountability, Subject: "s",
			Refs: compliance.RefsOf(ref),
			Args: []compliance.Arg{{Kind: compliance.ArgText, Int: 1, Text: "t", Keys: []string{"k"}, Date: compliance.Date{Year: 2025, Month: 1, Day: 2},
				Time: time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC), Duration: time.Hour, Decimal: decimal.RequireFromString("1.5"), Ref: &r,
				Period: compliance.Period{N: 3, Unit: 1}, Country: compliance.Country{'D', 'K'}}}}
	}
	muts := map[string]func(f *compliance.Finding){
		"code":            func(f *compliance.Finding) { f.Code = "processor.other" },
		"severity":        func(f *compliance.Finding) { f.Severity = compliance.Violation },
		"principle":       func(f *compliance.Finding) { f.Principle = 0 },
		"subject":         func(f *compliance.Finding) { f.Subject = "s2" },
		"refs: one more":  func(f *compliance.Finding) { f.Refs = compliance.RefsOf(append(f.Refs.Slice(), ref)...) },
		"ref instrument":  func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Instrument++ }) },
		"ref doc":         func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Doc = "e" }) },
		"ref article":     func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Article = "29" }) },
		"ref paragraph":   func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Paragraph = 4 }) },
		"ref subpara":     func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Subparagraph = 2 }) },
		"ref point":       func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Point = "g" }) },
		"ref recital":     func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Recital = 82 }) },
		"ref para":        func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Para = "q" }) },
		"ref clause":      func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Clause = "d" }) },
		"ref case":        func(f *compliance.Finding) { withRef(f, func(r *compliance.Ref) { r.Case = "C-2" }) },
		"args: none":      func(f *compliance.Finding) { f.Args = nil },
		"arg kind":        func(f *compliance.Finding) { f.Args[0].Kind++ },
		"arg int":         func(f *compliance.Finding) { f.Args[0].Int = 2 },
		"arg text":        func(f *compliance.Finding) { f.Args[0].Text = "u" },
		"arg keys":        func(f *compliance.Finding) { f.Args[0].Keys = []string{"k", "l"} },
		"arg key":         func(f *compliance.Finding) { f.Args[0].Keys = []string{"l"} },
		"arg date":        func(f *compliance.Finding) { f.Args[0].Date.Day = 3 },
		"arg time":        func(f *compliance.Finding) { f.Args[0].Time = f.Args[0].Time.Add(time.Nanosecond) },
		"arg time zone":   func(f *compliance.Finding) { f.Args[0].Time = f.Args[0].Time.In(time.FixedZone("X", 0)) },
		"arg time zero":   func(f *compliance.Finding) { f.Args[0].Time = time.Time{} },
		"arg duration":    func(f *compliance.Finding) { f.Args[0].Duration = time.Minute },
		"arg decimal":     func(f *compliance.Finding) { f.Args[0].Decimal = decimal.RequireFromString("1.50") },
		"arg decimal 0":   func(f *compliance.Finding) { f.Args[0].Decimal = decimal.Decimal{} },
		"arg ref":         func(f *compliance.Finding) { f.Args[0].Ref.Point = "i" },
		"arg ref nil":     func(f *compliance.Finding) { f.Args[0].Ref = nil },
		"arg period n":    func(f *compliance.Finding) { f.Args[0].Period.N = 4 },
		"arg period unit": func(f *compliance.Finding) { f.Args[0].Period.Unit = 2 },
		"arg country":     func(f *compliance.Finding) { f.Args[0].Country = compliance.Country{'N', 'O'} },
		"strings shifted": func(f *compliance.Finding) { f.Code, f.Subject = "processor.unknowns", "" },
	}
	b0 := base()
	k0 := string(appendKey(nil, []compliance.Finding{b0}))
	if k := string(appendKey(nil, []compliance.Finding{base()})); k != k0 {
		t.Fatal("equal findings, different keys")
	}
	for name, mut := range muts {
		f := base()
		mut(&f)
		if string(appendKey(nil, []compliance.Finding{f})) == k0 {
			t.Errorf("%s: changed, same key", name)
		}
	}
	if string(appendKey(nil, []compliance.Finding{b0, b0})) == k0 {
		t.Error("two findings, same key as one")
	}
}

// withRef replaces f's one reference by a changed copy: Refs are
// immutable.
func withRef(f *compliance.Finding, change func(r *compliance.Ref)) {
	r := f.Refs.At(0)
	change(&r)
	f.Refs = compliance.RefsOf(r)
}
