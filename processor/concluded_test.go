package processor_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// How an agreement was concluded (issue 19, item 2). Art 28(9): in
// writing, including in electronic form — a signature is one way, not the
// requirement. The content is judged the same way for every form.
func TestAgreementForms(t *testing.T) {
	concluded := date(2024, time.January, 10)
	tests := []struct {
		name    string
		how     processor.Concluded
		outcome processor.Outcome
		code    compliance.Code
	}{
		{"Art 28(9): signed by both parties", processor.Concluded{Form: processor.Signed, Date: concluded, Evidence: "j.nr. 24/123"},
			processor.Allow, ""},
		{"Art 28(9): signed electronically", processor.Concluded{Form: processor.Signed, Date: concluded, Electronic: true},
			processor.Allow, ""},
		// EDPB Guidelines 07/2020 (v1.0 para 107): standard terms drafted by
		// the processor are not in themselves a problem; Datatilsynet DK's
		// cloud Q&A: a standardised agreement is not in itself
		// disqualifying.
		{"EDPB 07/2020 para 107: the processor's standard terms accepted online",
			processor.Concluded{Form: processor.AcceptedTerms, Date: concluded, Evidence: "DPA v2024-01, accepted by admin account", Electronic: true},
			processor.Allow, ""},
		// KOMBIT (dok.kombit.dk/sikkerhed): a kommune joins a KOMBIT
		// solution by a tilslutningsaftale with a data processing agreement.
		{"a KOMBIT framework the kommune joined by a tilslutningsaftale",
			processor.Concluded{Form: processor.Framework, By: processor.KOMBIT, Date: concluded, Evidence: "tilslutningsaftale 2024-017"},
			processor.Allow, ""},
		{"a KS framework agreement for a Norwegian kommune",
			processor.Concluded{Form: processor.Framework, By: processor.KS, Date: concluded, Evidence: "avtale 2024/55"},
			processor.Allow, ""},
		// Reference §1.3, R28-9: form=oral → FAIL(28(9)).
		{"Art 28(9): agreed orally only", processor.Concluded{Form: processor.Oral, Date: concluded},
			processor.Deny, processor.CodeAgreementOral},
		{"a draft: nothing concluded yet", processor.Concluded{},
			processor.Deny, processor.CodeAgreementUnsigned},
		{"concluded after the instant: not yet governing", processor.Concluded{Form: processor.AcceptedTerms, Date: date(2026, time.June, 1), Evidence: "DPA v3"},
			processor.Deny, processor.CodeAgreementUnsigned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := clean()
			p.Agreements[0].Signed = compliance.Date{}
			p.Agreements[0].Concluded = tt.how
			require.NoError(t, p.Validate())
			d := check(t, policyDK(), p, request(), at(t))
			assert.Equal(t, tt.outcome, d.Outcome, "%v", codes(d))
			if tt.code != "" {
				assert.Equal(t, []compliance.Code{tt.code}, codes(d))
				assert.Equal(t, "28", finding(t, d, tt.code).Refs.At(0).Article)
			}
		})
	}
}

// The content is judged the same way whatever the form: accepted terms
// that lack Art 28(3) content are denied exactly as a signed agreement
// lacking it is.
func TestAgreementContentSameForAllForms(t *testing.T) {
	var got [][]compliance.Code
	for form := range processor.AllForms() {
		if !form.Written() {
			continue
		}
		p := clean()
		p.Agreements[0].Template = processor.TemplateCustom
		p.Agreements[0].Clauses = processor.ClausesOf(processor.SubjectMatter, processor.Duration)
		p.Agreements[0].Signed = compliance.Date{}
		p.Agreements[0].Concluded = processor.Concluded{Form: form, Date: date(2024, 1, 10), Evidence: "ref"}
		if form == processor.Framework {
			p.Agreements[0].Concluded.By = processor.KL
		}
		d := check(t, policyDK(), p, request(), at(t))
		assert.Equal(t, processor.Deny, d.Outcome, "%v", form)
		got = append(got, codes(d))
	}
	require.Len(t, got, 3)
	assert.Equal(t, got[0], got[1])
	assert.Equal(t, got[0], got[2])
	assert.Contains(t, got[0], processor.CodeContentMissing)
}

// Each form's evidence is required and consistent.
func TestConcludedValidate(t *testing.T) {
	tests := []struct {
		name  string
		how   processor.Concluded
		field string
	}{
		{"accepted terms need the record of acceptance", processor.Concluded{Form: processor.AcceptedTerms, Date: date(2024, 1, 10)}, "agreements[0].concluded.evidence"},
		{"a framework needs the body", processor.Concluded{Form: processor.Framework, Date: date(2024, 1, 10), Evidence: "x"}, "agreements[0].concluded.by"},
		{"a body only for a framework", processor.Concluded{Form: processor.Signed, Date: date(2024, 1, 10), By: processor.KL}, "agreements[0].concluded.by"},
		{"a written form needs its date", processor.Concluded{Form: processor.Signed}, "agreements[0].concluded.date"},
		{"an oral agreement is not electronic", processor.Concluded{Form: processor.Oral, Electronic: true}, "agreements[0].concluded.electronic"},
		{"a form is required", processor.Concluded{Date: date(2024, 1, 10)}, "agreements[0].concluded.form"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := clean()
			p.Agreements[0].Signed = compliance.Date{}
			p.Agreements[0].Concluded = tt.how
			assert.Equal(t, []string{tt.field}, fieldsOf(p.Validate()))
		})
	}
	t.Run("Signed and Concluded must agree", func(t *testing.T) {
		p := clean()
		p.Agreements[0].Concluded = processor.Concluded{Form: processor.AcceptedTerms, Date: date(2024, 1, 10), Evidence: "x"}
		assert.Equal(t, []string{"agreements[0].concluded"}, fieldsOf(p.Validate()))
		p.Agreements[0].Concluded = processor.Concluded{Form: processor.Signed, Date: p.Agreements[0].Signed}
		assert.NoError(t, p.Validate())
	})
}

// A record written before Concluded existed — only the signed date — still
// reads as signed, and its JSON is unchanged by a round trip.
func TestAgreementSignedOnlyStillReadsAsSigned(t *testing.T) {
	old := []byte(`{"id":"00000000-0000-7000-8000-000000000201","template":"dk-standard","signed":"2024-01-10","from":"2024-02-01",
		"clauses":["subject-matter","duration","nature","purpose","data-types","subject-categories","controller-rights"],
		"data":["identity"],"subjects":["citizens"],"purposes":["sag"],"transfers":"adequate-only","subProcessing":{"kind":"specific"}}`)
	a, err := processor.ParseAgreement(old)
	require.NoError(t, err)
	assert.Equal(t, processor.Concluded{Form: processor.Signed, Date: date(2024, 1, 10)}, a.HowConcluded())
	assert.True(t, a.Concluded.IsZero(), "nothing new is invented in the record")
	p := clean()
	p.Agreements = []processor.Agreement{a}
	p.SubProcessors = nil
	req := request()
	req.Data = compliance.CategoriesOf(compliance.Identity)
	d := check(t, policyDK(), p, req, at(t))
	assert.True(t, d.Allowed(), "%v", codes(d))
}
