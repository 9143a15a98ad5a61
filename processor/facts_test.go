package processor_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// sccTransfer returns withSub() with a US sub-processor reached at loc under
// the 2021/914 clauses (module 3) with a transfer impact assessment of 1
// March 2026 that concludes conclusion: the record of a kommune that has
// assessed the transfer and found it protected.
func sccTransfer(loc processor.Location, conclusion processor.Conclusion) processor.Processor {
	loc.Country = us
	loc.Safeguard = processor.Safeguard{Tool: processor.SCC, Module: processor.ModuleP2P, Signed: date(2024, 1, 10),
		TIA: processor.TIA{Date: date(2026, time.March, 1), Conclusion: conclusion}}
	p := withSub(us, loc)
	p.ExposureAssessed = date(2026, time.March, 1)
	return p
}

// Facts over assertions (issue 19, item 1): a recorded TIA that concludes
// "protected" does not win over recorded facts that the EDPB says no
// measure can cure.
func TestFactsOverAssertions(t *testing.T) {
	when := atDate(t, 2026, time.May, 4)
	req := request()
	tests := []struct {
		name       string
		loc        processor.Location
		conclusion processor.Conclusion
		want       compliance.Code // "" when no contradiction is raised
		useCase    processor.UseCase
		chromebook bool
	}{
		{
			// EDPB Recommendations 01/2020, Annex 2, use case 7: remote
			// access for business purposes to data in the clear; Datatilsynet
			// DK, 14 July 2022 (2020-431-0061): support situations are
			// transfers; cloud Q&A: a read access is processing, and so a
			// transfer.
			name: "Annex 2, use case 7: support access in the clear, TIA says equivalent",
			loc:  processor.Location{Access: processor.Support, Surveillance: true}, conclusion: processor.Equivalent,
			want: processor.CodeTIAContradicted, useCase: processor.RemoteClearText, chromebook: true,
		},
		{
			// Annex 2, use case 6: a cloud provider that needs the data in
			// the clear; the TIA relied on measures that cannot work.
			name:       "Annex 2, use case 6: hosting in the clear, TIA says measures suffice",
			loc:        processor.Location{Access: processor.Hosting, Surveillance: true, Measures: processor.MeasuresOf(processor.Contractual, processor.Organisational)},
			conclusion: processor.MeasuresNeeded, want: processor.CodeTIAContradicted, useCase: processor.CloudClearText,
		},
		{
			// Annex 2, use case 1 requires keys retained by the exporter
			// (or a trusted entity in the EEA or an adequate country);
			// Datatilsynet DK's cloud guidance: keys held by the provider
			// are not an effective measure — use case 6 again.
			name: "Annex 2, use cases 1 and 6: encrypted hosting with provider-held keys",
			loc: processor.Location{Access: processor.Hosting, Surveillance: true, ProviderKeys: true,
				Measures: processor.MeasuresOf(processor.KeyEncryption)},
			conclusion: processor.Equivalent, want: processor.CodeTIAContradictedKeys, useCase: processor.CloudClearText,
		},
		{
			// Annex 2, use case 1: keys under the kommune's control make
			// storage effective; nothing contradicts the assessment.
			name: "Annex 2, use case 1: encrypted backup, keys held by the kommune",
			loc: processor.Location{Access: processor.Backup, Surveillance: true,
				Measures: processor.MeasuresOf(processor.KeyEncryption)},
			conclusion: processor.Equivalent,
		},
		{
			// Without the recorded fact of surveillance law the kommune's
			// assessment of the destination's law stands (Schrems II: the
			// exporter assesses the law case by case).
			name: "no surveillance fact recorded: the assessment stands",
			loc:  processor.Location{Access: processor.Support}, conclusion: processor.Equivalent,
		},
		{
			// The assessment itself says not equivalent: it agrees with the
			// facts, and the negative conclusion is reported as before.
			name: "a TIA that agrees with the facts is not contradicted",
			loc:  processor.Location{Access: processor.Support, Surveillance: true}, conclusion: processor.NotEquivalent,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := check(t, policyDK(), sccTransfer(tt.loc, tt.conclusion), req, when)
			if tt.want == "" {
				assert.NotContains(t, codes(d), processor.CodeTIAContradicted)
				assert.NotContains(t, codes(d), processor.CodeTIAContradictedKeys)
				return
			}
			assert.Equal(t, processor.Deny, d.Outcome, "the facts win: %v", codes(d))
			f := finding(t, d, tt.want)
			assert.Equal(t, compliance.Violation, f.Severity)
			// The decision names the contradiction: the assessment (its date
			// and conclusion) against the facts (where, which access, which
			// use case).
			assert.Equal(t, date(2026, time.March, 1), f.Args[0].Date)
			assert.Equal(t, tt.conclusion.Key(), f.Args[1].Keys[0])
			assert.Equal(t, us, f.Args[2].Country)
			assert.Equal(t, tt.loc.Access.Key(), f.Args[3].Keys[0])
			assert.Equal(t, tt.useCase.Key(), f.Args[4].Keys[0])
			assert.Equal(t, compliance.EDPBRecommendations, f.Refs.At(0).Instrument)
			assert.Equal(t, string(rune('0'+tt.useCase)), f.Refs.At(0).Case, "cited as Annex 2, use case %d", tt.useCase)
			var docs []string
			for _, r := range f.Refs.All() {
				docs = append(docs, r.Doc)
			}
			assert.Contains(t, docs, "C-311/18")
			assert.Contains(t, docs, "Spørgsmål og svar om cloud")
			if tt.chromebook {
				assert.Contains(t, docs, "afgørelse af 14. juli 2022, j.nr. 2020-431-0061")
			}
			assert.NotContains(t, codes(d), processor.CodeTIANegative)
		})
	}
}

// Location.UseCase: key encryption does not count when the provider holds
// the keys (Annex 2, use case 1 conditions).
func TestLocationUseCase(t *testing.T) {
	l := processor.Location{Country: us, Access: processor.Hosting, Measures: processor.MeasuresOf(processor.KeyEncryption)}
	assert.Equal(t, processor.EncryptedStorage, l.UseCase())
	l.ProviderKeys = true
	assert.Equal(t, processor.CloudClearText, l.UseCase())
	assert.False(t, l.UseCase().Effective())
}
