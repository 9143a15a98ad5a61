package sqlmap

import (
	"slices"
	"testing"
	"time"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/processor"
)

func TestSet(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{nil, []string{}},
		{[]string{"", ""}, []string{}},
		{[]string{"no", "dk", "no", "", "dk", "se"}, []string{"dk", "no", "se"}},
	} {
		if got := set(tc.in...); !slices.Equal(got, tc.want) || got == nil {
			t.Errorf("set(%q) = %q, want %q (non-nil)", tc.in, got, tc.want)
		}
	}
}

// A filter value outside the vocabulary matches nothing, as Match says (no
// stored record can carry it), instead of matching the records whose column
// is empty.
func TestOutsideVocabularyMatchesNothing(t *testing.T) {
	for name, w := range map[string][]Cond{
		"breach cause":       Breaches.Where(breach.Filter{Cause: 200}),
		"processor country":  Processors.Where(processor.Filter{Country: compliance.Country{'Q', 'Q'}}),
		"processor location": Processors.Where(processor.Filter{Location: compliance.Country{'Q', 'Q'}}),
		"record data":        Activities.Where(record.Filter{Data: 1 << 63}),
	} {
		if len(w) != 1 || w[0].Op != Never {
			t.Errorf("%s: conditions %v, want one Never", name, w)
		}
	}
}

func TestIndexColumns(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 5, time.UTC)
	b := breach.Breach{Registered: at, Cause: breach.Cause(1)}
	got := Breaches.Index(b)
	if len(got) != len(Breaches.Columns) {
		t.Fatalf("Index returned %d values for %d columns", len(got), len(Breaches.Columns))
	}
	if !got[0].(time.Time).Equal(at) || got[1] != "" || got[2] != breach.Cause(1).String() || got[3] != "" {
		t.Errorf("Index(breach) = %v", got)
	}
	if s, ns := Seconds(at); s != at.Unix() || ns != 5 {
		t.Errorf("Seconds = %d, %d", s, ns)
	}
}
