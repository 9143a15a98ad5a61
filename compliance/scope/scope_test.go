package scope_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/scope"
)

func TestDecide(t *testing.T) {
	day := compliance.MakeDate
	tests := []struct {
		name    string
		p       scope.Processing
		pol     scope.Policy
		applies bool
		open    bool
		code    compliance.Code
	}{
		// kommunestyrelsesloven § 8 b (L 92 2017-18, § 1, nr. 1, and § 3,
		// https://www.ft.dk/samling/20171/lovforslag/l92/20171_l92_som_fremsat.htm):
		// a council member's processing as part of the office is outside the
		// rules (persondataloven until 24 May 2018).
		{"DK council member's e-mail on the kommune's account in office, 2021 (L 92 2017-18 remarks; Fredensborg Økonomiudvalg 22 January 2018)",
			scope.Processing{Jurisdiction: compliance.DK, Actor: scope.CouncilMember, InOffice: true, On: day(2021, 3, 1)},
			scope.Policy{}, false, false, scope.CodeCouncilMemberOutside},
		{"DK § 8 b in force on 1 January 2018",
			scope.Processing{Jurisdiction: compliance.DK, Actor: scope.CouncilMember, InOffice: true, On: day(2018, 1, 1)},
			scope.Policy{}, false, false, scope.CodeCouncilMemberOutside},
		{"DK before § 8 b came into force",
			scope.Processing{Jurisdiction: compliance.DK, Actor: scope.CouncilMember, InOffice: true, On: day(2017, 12, 31)},
			scope.Policy{}, true, false, ""},
		{"DK council member outside the office (as a private person or employee): the rule does not reach it",
			scope.Processing{Jurisdiction: compliance.DK, Actor: scope.CouncilMember, On: day(2021, 3, 1)},
			scope.Policy{}, true, false, ""},
		{"DK administration sending case material to the members (§ 20, stk. 6) is the kommune's processing",
			scope.Processing{Jurisdiction: compliance.DK, Actor: scope.Administration, On: day(2021, 3, 1)},
			scope.Policy{}, true, false, ""},
		{"NO kommunestyre member in office: no statutory rule found, open, in scope by default",
			scope.Processing{Jurisdiction: compliance.NO, Actor: scope.CouncilMember, InOffice: true, On: day(2024, 3, 1)},
			scope.Policy{}, true, true, scope.CodeCouncilMemberOpen},
		{"NO with the kommune's recorded position that it is outside",
			scope.Processing{Jurisdiction: compliance.NO, Actor: scope.CouncilMember, InOffice: true, On: day(2024, 3, 1)},
			scope.Policy{NOCouncilMemberOutside: true}, false, true, scope.CodeCouncilMemberPolicy},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := scope.Decide(tt.p, tt.pol)
			require.NoError(t, err)
			assert.Equal(t, tt.applies, d.Applies)
			assert.Equal(t, tt.open, d.Open)
			if tt.code == "" {
				assert.Empty(t, d.Findings)
				return
			}
			require.Len(t, d.Findings, 1)
			assert.Equal(t, tt.code, d.Findings[0].Code)
			assert.NotEmpty(t, d.Findings[0].Refs)
		})
	}
}

func TestDecideCitesSection8b(t *testing.T) {
	s8b := compliance.Section(compliance.DKAct, "kommunestyrelsesloven", "8 b", 0, "")
	for _, tt := range []struct {
		name string
		on   compliance.Date
		refs []compliance.Ref
	}{
		// Between 1 January and 24 May 2018 § 8 b excluded persondataloven
		// (L 92 2017-18 § 1, nr. 1); the GDPR applied from 25 May 2018
		// (Art 99(2)), so only from then is its Art 2 cited.
		{"persondataloven period, 24 May 2018", compliance.MakeDate(2018, 5, 24), []compliance.Ref{s8b}},
		{"GDPR period, 25 May 2018", compliance.MakeDate(2018, 5, 25), []compliance.Ref{s8b, compliance.GDPR(2, 0, "")}},
		{"GDPR period, 2022", compliance.MakeDate(2022, 1, 1), []compliance.Ref{s8b, compliance.GDPR(2, 0, "")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := scope.Decide(scope.Processing{Jurisdiction: compliance.DK, Actor: scope.CouncilMember, InOffice: true, On: tt.on}, scope.Policy{})
			require.NoError(t, err)
			require.Len(t, d.Findings, 1)
			assert.Equal(t, tt.refs, d.Findings[0].Refs.Slice())
		})
	}
}

func TestDecideRejects(t *testing.T) {
	for name, p := range map[string]scope.Processing{
		"zero":                         {},
		"in office for administration": {Jurisdiction: compliance.DK, Actor: scope.Administration, InOffice: true, On: compliance.MakeDate(2022, 1, 1)},
		"year 202":                     {Jurisdiction: compliance.DK, Actor: scope.CouncilMember, On: compliance.MakeDate(202, 1, 1)},
	} {
		_, err := scope.Decide(p, scope.Policy{})
		assert.ErrorIs(t, err, compliance.ErrInvalid, name)
	}
}
