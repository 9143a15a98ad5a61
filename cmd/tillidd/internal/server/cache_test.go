package server

import (
	"testing"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"golang.org/x/text/language"
)

// The cache answers what rendering answers, per language and per
// findings, and stays bounded.
func TestFindingsCache(t *testing.T) {
	var c findingsCache
	da, en := i18n.NewPrinter(language.Danish), i18n.NewPrinter(language.English)
	f := []compliance.Finding{{Code: "processor.unknown", Severity: compliance.Violation, Refs: []compliance.Ref{compliance.GDPR(28, 3, "")}}}
	g := []compliance.Finding{{Code: "processor.unknown", Severity: compliance.Warning, Refs: []compliance.Ref{compliance.GDPR(28, 1, "")}}}
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
	if len(c.m) > maxCached {
		t.Errorf("cache grew to %d", len(c.m))
	}
}

// BenchmarkFindings compares a cached rendering with rendering anew, for
// the demo's compliant supplier's finding.
func BenchmarkFindings(b *testing.B) {
	fs := []compliance.Finding{{Code: "processor.supervision-unplanned", Severity: compliance.Warning, Principle: compliance.Accountability,
		Subject: sagssystemer, Refs: []compliance.Ref{compliance.GDPR(28, 1, ""), compliance.GDPR(28, 3, "h"), compliance.GDPR(5, 2, ""), compliance.GDPR(24, 1, "")}}}
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
