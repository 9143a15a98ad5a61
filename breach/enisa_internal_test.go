package breach

import (
	"testing"
)

// TestSeverityTableIsTheFormula proves the memo equal to the formula: every
// entry of severityTable is what compute gives for its inputs, and SE = DPC
// × EI + CB holds in exact decimal arithmetic for each (ENISA 2013; issue
// 12: the score is computed once).
func TestSeverityTableIsTheFormula(t *testing.T) {
	n := 0
	for ty := Simple; ty <= Sensitive; ty++ {
		var present [Sensitive + 1]bool
		present[ty] = true
		for ei := Negligible; ei <= Maximum; ei++ {
			for c := NoLoss; c <= FullLoss; c++ {
				for i := NoLoss; i <= FullLoss; i++ {
					for a := NoLoss; a <= FullLoss; a++ {
						for _, mal := range []bool{false, true} {
							in := SeverityInput{Identifiability: ei, Confidentiality: c, Integrity: i, Availability: a, Malicious: mal}
							want := in.compute(&present)
							in.Data = 0
							cb := lossIndex(c) + lossIndex(i) + lossIndex(a)
							if mal {
								cb += 2
							}
							got := severityTable[ty][ei][cb]
							if !got.Score.Equal(want.Score) || got.Band != want.Band || got.Type != want.Type ||
								!got.DPC.Equal(want.DPC) || !got.EI.Equal(want.EI) || !got.CB.Equal(want.CB) {
								t.Fatalf("%v %v %v%v%v %v: table %+v, formula %+v", ty, ei, c, i, a, mal, got, want)
							}
							if !want.Score.Equal(want.DPC.Mul(want.EI).Add(want.CB)) {
								t.Fatalf("SE != DPC × EI + CB for %+v", want)
							}
							if want.Band != BandOf(want.Score) {
								t.Fatalf("band of %s", want.Score)
							}
							n++
						}
					}
				}
			}
		}
	}
	if n != 4*4*27*2 {
		t.Fatalf("%d combinations", n)
	}
}
