package compliance_test

import (
	"encoding/json"
	"errors"
	"iter"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

type enumValue interface {
	comparable
	String() string
	Key() string
	Valid() bool
	MarshalText() ([]byte, error)
}

// codesOf returns the codes of every value, in numeric order.
func codesOf[T enumValue](all iter.Seq[T]) []string {
	var out []string
	for v := range all {
		out = append(out, v.String())
	}
	return out
}

// TestCodesArePinned pins every code of every vocabulary of package
// compliance, in numeric order. Codes reach JSON and host databases: a
// failure here means a stored value would change meaning. Add new codes at
// the end; never rename or reorder.
func TestCodesArePinned(t *testing.T) {
	pinned := map[string][2][]string{
		"jurisdiction":      {codesOf(compliance.AllJurisdictions()), {"dk", "no"}},
		"class":             {codesOf(compliance.AllClasses()), {"ordinary", "confidential", "special", "criminal"}},
		"principle":         {codesOf(compliance.AllPrinciples()), {"lawfulness", "purpose-limitation", "data-minimisation", "accuracy", "storage-limitation", "integrity-confidentiality", "accountability"}},
		"legal-basis":       {codesOf(compliance.AllLegalBases()), {"consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"}},
		"special-condition": {codesOf(compliance.AllSpecialConditions()), {"explicit-consent", "employment-social-security", "vital-interests", "non-profit-body", "made-public", "legal-claims", "substantial-public-interest", "health-social-care", "public-health", "archiving-research"}},
		"severity":          {codesOf(compliance.AllSeverities()), {"info", "warning", "violation"}},
		"scheme":            {codesOf(compliance.AllSchemes()), {"kle", "noark", "custom"}},
		"currency":          {codesOf(compliance.AllCurrencies()), {"dkk", "nok", "eur"}},
		"block-kind":        {codesOf(compliance.AllBlockKinds()), {"heading", "paragraph", "field", "item"}},
		"arg-kind":          {codesOf(compliance.AllArgKinds()), {"int", "text", "name", "names", "date", "time", "duration", "decimal", "ref", "period", "country"}},
		"reason":            {codesOf(compliance.AllReasons()), {"required", "unknown", "format", "length", "date", "checksum", "unallocated", "range", "inconsistent", "duplicate", "too-long"}},
		"instrument": {codesOf(compliance.AllInstruments()), {"gdpr", "dk-dbl", "no-popplyl", "eu-1182-71", "eu-act", "cjeu",
			"edpb-guidelines", "edpb-recommendations", "edpb-opinion", "wp29", "enisa",
			"dk-datatilsynet", "no-datatilsynet", "dk-arkivloven", "no-arkivlova", "dk-act", "no-act",
			"court", "standard", "other-authority"}},
		"data-category": {codesOf(compliance.AllDataCategories()), {"identity", "contact", "online-identifiers", "location", "images", "employment",
			"education", "housing", "case-data", "communication", "usage-data",
			"national-id", "financial", "social-issues", "family",
			"ethnic-origin", "political-opinion", "religion", "trade-union", "genetic",
			"biometric", "health", "sex-life", "criminal-offences"}},
		"subject-category": {codesOf(compliance.AllSubjectCategories()), {"citizens", "children", "pupils", "parents", "relatives", "patients", "elderly",
			"disabled", "social-clients", "job-seekers", "refugees", "employees", "applicants",
			"elected-members", "business-contacts"}},
	}
	for name, p := range pinned {
		assert.Equal(t, p[1], p[0], "codes of %s changed", name)
	}
}

// TestParseRejectsUnknownNamingAcceptedSet checks the contract every Parse
// function shares: unknown codes are rejected with a FieldError that names
// the vocabulary and the accepted codes and never repeats the input.
func TestParseRejectsUnknownNamingAcceptedSet(t *testing.T) {
	const secret = "0101505006"
	for name, parse := range map[string]func(string) error{
		"jurisdiction":      func(s string) error { _, err := compliance.ParseJurisdiction(s); return err },
		"legal-basis":       func(s string) error { _, err := compliance.ParseLegalBasis(s); return err },
		"data-category":     func(s string) error { _, err := compliance.ParseDataCategory(s); return err },
		"subject-category":  func(s string) error { _, err := compliance.ParseSubjectCategory(s); return err },
		"principle":         func(s string) error { _, err := compliance.ParsePrinciple(s); return err },
		"special-condition": func(s string) error { _, err := compliance.ParseSpecialCondition(s); return err },
		"severity":          func(s string) error { _, err := compliance.ParseSeverity(s); return err },
		"instrument":        func(s string) error { _, err := compliance.ParseInstrument(s); return err },
	} {
		for _, in := range []string{"", secret, "DK", " consent"} {
			err := parse(in)
			require.Error(t, err, "%s: Parse(%q)", name, in)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, compliance.ReasonUnknown, fe.Reason)
			assert.Equal(t, name, fe.Vocabulary)
			assert.NotEmpty(t, fe.Accepted)
			assert.Contains(t, err.Error(), fe.Accepted[0], "the error names the accepted set")
			assert.NotContains(t, err.Error(), secret, "the error must not repeat the input")
		}
	}
}

func TestEnumJSON(t *testing.T) {
	type rec struct {
		J   compliance.Jurisdiction     `json:"j"`
		B   compliance.LegalBasis       `json:"b"`
		Opt compliance.SpecialCondition `json:"opt"`
	}
	b, err := json.Marshal(rec{J: compliance.NO, B: compliance.PublicTask})
	require.NoError(t, err)
	assert.JSONEq(t, `{"j":"no","b":"public-task","opt":""}`, string(b), "an unset optional enum marshals as empty text")
	var back rec
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rec{J: compliance.NO, B: compliance.PublicTask}, back)
	err = json.Unmarshal([]byte(`{"j":"se"}`), &back)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = compliance.Jurisdiction(9).MarshalText()
	assert.Error(t, err, "an out-of-range value cannot be marshalled")
}

// The classes follow Art 9(1) (special), Art 10 (criminal) and Danish
// practice on confidential data (straffeloven § 152 with forvaltningsloven §
// 27, as Datatilsynet applies them).
func TestDataCategoryClass(t *testing.T) {
	tests := map[compliance.DataCategory]compliance.Class{
		compliance.Identity:          compliance.Ordinary,
		compliance.UsageData:         compliance.Ordinary,
		compliance.NationalID:        compliance.Confidential,
		compliance.Financial:         compliance.Confidential,
		compliance.SocialIssues:      compliance.Confidential,
		compliance.Family:            compliance.Confidential,
		compliance.EthnicOrigin:      compliance.Special,
		compliance.Health:            compliance.Special,
		compliance.SexLife:           compliance.Special,
		compliance.Biometric:         compliance.Special,
		compliance.CriminalOffences:  compliance.Criminal,
		compliance.DataCategory(0):   0,
		compliance.DataCategory(200): 0,
	}
	for c, want := range tests {
		assert.Equal(t, want, c.Class(), "%v.Class()", c)
	}
	special := 0
	for c := range compliance.AllDataCategories() {
		if c.Class() == compliance.Special {
			special++
		}
	}
	assert.Equal(t, 8, special, "Art 9(1) lists eight special categories")
	assert.True(t, compliance.Health.Sensitive())
	assert.False(t, compliance.Contact.Sensitive())
}

func TestCategorySets(t *testing.T) {
	s := compliance.CategoriesOf(compliance.Health, compliance.Contact, compliance.DataCategory(0), compliance.Health)
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.Has(compliance.Health))
	assert.False(t, s.Has(compliance.Financial))
	assert.Equal(t, []compliance.DataCategory{compliance.Contact, compliance.Health}, slices.Collect(s.All()))
	assert.Equal(t, compliance.Special, s.Max())
	assert.True(t, s.Covers(compliance.CategoriesOf(compliance.Health)))
	assert.False(t, compliance.CategoriesOf(compliance.Health).Covers(s))
	assert.Equal(t, compliance.CategoriesOf(compliance.Contact), s.Minus(compliance.CategoriesOf(compliance.Health)))
	var all compliance.DataCategories
	for c := range compliance.AllDataCategories() {
		all = all.With(c)
	}
	assert.Equal(t, 24, all.Len(), "every category fits in the bit set")

	subj := compliance.SubjectsOf(compliance.Citizens, compliance.Parents)
	assert.False(t, subj.Vulnerable())
	assert.True(t, subj.With(compliance.Pupils).Vulnerable(), "WP248 criterion 7: children are vulnerable")
	assert.Equal(t, []compliance.SubjectCategory{compliance.Citizens, compliance.Parents}, slices.Collect(subj.All()))
	assert.True(t, compliance.Pupils.Child())
	assert.False(t, compliance.Parents.Child())
	assert.True(t, compliance.Employees.Vulnerable(), "WP248 criterion 7 names employees")
}

func TestProvisionRefs(t *testing.T) {
	assert.Equal(t, "gdpr art 5(1)(a)", compliance.Lawfulness.Ref().String())
	assert.Equal(t, "gdpr art 5(1)(f)", compliance.IntegrityConfidentiality.Ref().String())
	assert.Equal(t, "gdpr art 5(2)", compliance.Accountability.Ref().String())
	assert.Equal(t, "gdpr art 6(1)(a)", compliance.Consent.Ref().String())
	assert.Equal(t, "gdpr art 6(1)(f)", compliance.LegitimateInterests.Ref().String())
	assert.Equal(t, "gdpr art 9(2)(a)", compliance.ExplicitConsent.Ref().String())
	assert.Equal(t, "gdpr art 9(2)(j)", compliance.ArchivingResearch.Ref().String())
	assert.Equal(t, "gdpr art 9(1)", compliance.Special.Ref().String())
	assert.True(t, compliance.PublicTask.NeedsNationalBasis(), "Art 6(3)")
	assert.False(t, compliance.Consent.NeedsNationalBasis())
	assert.Equal(t, compliance.DKDataProtectionAct, compliance.DK.Law())
	assert.Equal(t, "Datatilsynet", compliance.NO.Authority())
	assert.True(t, compliance.Ref{}.IsZero())
}

func TestJurisdictionLocation(t *testing.T) {
	for j := range compliance.AllJurisdictions() {
		loc, err := j.Location()
		require.NoError(t, err)
		assert.Equal(t, j.TimeZone(), loc.String())
	}
	_, err := compliance.Jurisdiction(0).Location()
	assert.True(t, errors.Is(err, compliance.ErrInvalid))
}
