package processor_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// Purpose matching (issue 12, item 5): case-insensitive and
// white-space-normalised, as the package documents the rule.
func TestPurposeMatching(t *testing.T) {
	p := clean()
	p.Agreements[0].Purposes = []string{"Sagsbehandling  efter serviceloven", "KLE 27.12.08"}
	s := compile(t, policyDK(), p)
	tests := []struct {
		asked string
		ok    bool
	}{
		{"Sagsbehandling efter serviceloven", true},
		{"sagsbehandling efter serviceloven", true},
		{"  SAGSBEHANDLING\tefter\n serviceloven ", true},
		{"kle 27.12.08", true},
		{"ÆØÅ", false},
		{"sagsbehandling efterserviceloven", false},
		{"sagsbehandling", false},
	}
	for _, tt := range tests {
		t.Run(tt.asked, func(t *testing.T) {
			req := request()
			req.Purpose = tt.asked
			d := s.Check(req, at(t))
			assert.Equal(t, tt.ok, d.Allowed(), "%v", codes(d))
		})
	}
	assert.Equal(t, "sagsbehandling efter serviceloven", processor.NormalizePurpose(" Sagsbehandling\tefter  serviceloven"))
	assert.Equal(t, "æøå", processor.NormalizePurpose("ÆØÅ"))
}

// A denial names the purpose asked for and the purposes the agreement
// covers (Art 5(1)(b), 28(3)(a)).
func TestPurposeDenialNamesPurposes(t *testing.T) {
	p := clean()
	p.Agreements[0].Purposes = []string{"sag", "journal"}
	req := request()
	req.Purpose = "markedsføring"
	d := compile(t, policyDK(), p).Check(req, at(t))
	assert.Equal(t, processor.Deny, d.Outcome)
	f := finding(t, d, processor.CodePurposeOutside)
	require.Len(t, f.Args, 2)
	assert.Equal(t, "markedsføring", f.Args[0].Text)
	assert.Equal(t, "sag, journal", f.Args[1].Text)
}

// Two purposes equal by the rule are duplicates.
func TestPurposeDuplicates(t *testing.T) {
	p := clean()
	p.Agreements[0].Purposes = []string{"Sag", " sag"}
	assert.Equal(t, []string{"agreements[0].purposes[1]"}, fieldsOf(p.Validate()))
}

// Issue 14, item 6: no value a caller receives aliases library state.
// Changing every slice of a returned decision's findings leaves the next
// decision unchanged.
func TestFindingsDoNotAlias(t *testing.T) {
	p := clean()
	p.Agreements[0].BreachNoticeHours = 0 // an info finding with refs
	p.Agreements[0].Clauses = 0           // content missing: Names args
	p.Agreements[0].Template = processor.TemplateCustom
	s := compile(t, policyDK(), p)
	req := request()
	req.Data = req.Data.With(compliance.Financial) // a request-specific finding
	req.Purpose = "andet"
	first := s.Check(req, at(t))
	want := s.Check(req, at(t))
	require.NotEmpty(t, first.Findings)
	for i := range first.Findings {
		f := &first.Findings[i]
		refs := f.Refs.Slice() // a copy: Refs are immutable
		for j := range refs {
			refs[j].Article, refs[j].Doc = "999", "changed"
		}
		for j := range f.Args {
			f.Args[j].Text = "changed"
			for k := range f.Args[j].Keys {
				f.Args[j].Keys[k] = "changed"
			}
		}
		f.Code = "changed"
	}
	again := s.Check(req, at(t))
	assert.Equal(t, want, again)
	unknown := req
	unknown.Processor = pid(99)
	u := s.Check(unknown, at(t))
	refs := u.Findings[0].Refs.Slice()
	refs[0].Article = "999"
	assert.NotEqual(t, "999", u.Findings[0].Refs.At(0).Article)
	assert.NotEqual(t, "999", s.Check(unknown, at(t)).Findings[0].Refs.At(0).Article)
}
