package breach_test

import (
	"testing"
	"time"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// BenchmarkAssess measures assessing a breach: ENISA severity, the Art 33
// and 34 decision, the 72-hour deadline and the findings. The target is at
// most 2 µs per assessment. Most of the time goes to the findings: the
// ~3.5 KB they occupy for the ransomware example (their Args are copies,
// so that nothing returned aliases package state or another finding; their
// Refs are the rules' immutable tables, shared, one pointer each) and the
// garbage collection that allocation causes; BenchmarkDecide is the same
// work without the findings. On the 2-core machine of the project's
// figures the ransomware example takes about 1.3 µs (3,504 B, 4
// allocations) when the machine is quiet; copying the Refs into every
// finding, as before compliance.Refs, took 2.7–3.4 µs (6.7 KB).
func BenchmarkAssess(b *testing.B) {
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		br   breach.Breach
		at   time.Time
	}{
		{"ransomware-high-risk", danishRansomware(), cph(2024, time.March, 10, 10, 0)},
		{"misdirected-letter", norwegianLetter(), osl(2024, time.October, 23, 16, 0)},
		{"encrypted-unlikely", func() breach.Breach {
			x := incident(aware, breach.Confidentiality)
			x.Encryption = breach.Encrypted
			x.Data = compliance.CategoriesOf(compliance.Health)
			return x
		}(), aware},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := breach.Assess(bc.br, cal, bc.at); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSeverity measures ENISA's formula alone.
func BenchmarkSeverity(b *testing.B) {
	in := breach.SeverityInput{
		Data:            compliance.CategoriesOf(compliance.Identity, compliance.Health),
		Identifiability: breach.Maximum,
		Confidentiality: breach.FullLoss, Availability: breach.PartialLoss, Malicious: true,
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := in.Severity(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecide measures the same assessment without its findings: the
// severity, the decision and the deadline ([breach.Policy.Decide]).
func BenchmarkDecide(b *testing.B) {
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		b.Fatal(err)
	}
	br := danishRansomware()
	at := cph(2024, time.March, 10, 10, 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (*breach.Policy)(nil).Decide(br, cal, at); err != nil {
			b.Fatal(err)
		}
	}
}
