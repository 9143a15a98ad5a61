package dpia_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
)

// BenchmarkScreen screens the learning-analytics platform (two criteria
// stated, two derived, two list items, scale open: both answers are
// evaluated).
func BenchmarkScreen(b *testing.B) {
	in := schoolInput()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dpia.Screen(in, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScreenSettled screens a processing whose scale is answered.
func BenchmarkScreenSettled(b *testing.B) {
	in := schoolInput()
	in.Scale.LargeScale = dpia.Yes
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dpia.Screen(in, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck checks the complete welfare-technology DPIA with a prior
// consultation and a review interval.
func BenchmarkCheck(b *testing.B) {
	a := welfare()
	a.Consultation = dpia.Consultation{Received: date(2025, time.March, 17), Extended: true}
	a.Editions = []dpia.Edition{{Number: 1, Date: date(2025, time.March, 3), Decision: dpia.Approved}}
	cal := calendar(b, compliance.NO)
	p := &dpia.Policy{ReviewInterval: compliance.Years(3)}
	at := time.Date(2025, time.March, 20, 9, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dpia.Check(a, at, cal, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeAssessment decodes and validates the same DPIA from JSON.
func BenchmarkDecodeAssessment(b *testing.B) {
	data, err := json.Marshal(welfare())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dpia.DecodeAssessment(data); err != nil {
			b.Fatal(err)
		}
	}
}
