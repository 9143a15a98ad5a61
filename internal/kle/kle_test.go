package kle

import "testing"

// TestCode: the forms of the KLE-XML schema 2.0 (KLE-Emneplan-version-2-0.xsd
// and KLE-Handlingsfacetter-version-2-0.xsd).
func TestCode(t *testing.T) {
	for _, tt := range []struct {
		s  string
		ok bool
	}{
		{"00", true}, {"00.01", true}, {"00.01.00", true}, {"27.24.00", true},
		{"G01", true}, {"Ø12", true}, {"A00", true}, {"00.01.00 G01", true}, {"00.01.00 A00", true},
		{"", false}, {"0", false}, {"0.01.00", false}, {"00.1.00", false}, {"00.01.0", false},
		{"00-01-00", false}, {"00.01.00.00", false}, {"B01", false}, {"A0", false}, {"A000", false},
		{"g01", false}, {"00.01.00  G01", false}, {"G01 00.01.00", false}, {"00.01.00 ", false},
	} {
		if got := Code(tt.s); got != tt.ok {
			t.Errorf("Code(%q) = %v, want %v", tt.s, got, tt.ok)
		}
	}
}

func TestNumberFacet(t *testing.T) {
	n, d, ok := Number("25.02")
	if !ok || n != 250200 || d != 2 {
		t.Errorf("Number(25.02) = %d, %d, %v", n, d, ok)
	}
	c, m, ok := Facet("Ø12")
	if !ok || Letters[c-1] != "Ø" || m != 12 {
		t.Errorf("Facet(Ø12) = %d, %d, %v", c, m, ok)
	}
}

// FuzzCode: Number, Facet and Code never panic, and what Number accepts it
// depth-encodes consistently.
func FuzzCode(f *testing.F) {
	for _, s := range []string{"00.01.00 G01", "Ø12", "99.99.99", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, d, ok := Number(s); ok && (d < 1 || d > 3 || n > 999999 || len(s) != 3*int(d)-1) {
			t.Fatalf("Number(%q) = %d, %d", s, n, d)
		}
		Facet(s)
		Code(s)
	})
}
