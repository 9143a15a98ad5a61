package compliance_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

func TestRefCanonical(t *testing.T) {
	sub := compliance.GDPR(6, 1, "")
	sub.Subparagraph = 2
	tests := []struct {
		ref  compliance.Ref
		want string
	}{
		{compliance.GDPR(33, 1, ""), "gdpr art 33(1)"},
		{compliance.GDPR(6, 1, "f"), "gdpr art 6(1)(f)"},
		{sub, "gdpr art 6(1) subpara 2"},
		{compliance.GDPR(10, 0, ""), "gdpr art 10"},
		{compliance.Recital(43), "gdpr recital 43"},
		{compliance.Section(compliance.DKDataProtectionAct, "", "8", 2, "3"), "dk-dbl § 8(2)(3)"},
		{compliance.Section(compliance.NOPersonalDataAct, "", "12", 0, ""), "no-popplyl § 12"},
		{compliance.Section(compliance.NOAct, "arkivforskrifta", "7-26", 0, ""), `no-act "arkivforskrifta" § 7-26`},
		{compliance.Section(compliance.DKAct, "forvaltningsloven", "27", 0, ""), `dk-act "forvaltningsloven" § 27`},
		{compliance.Ref{Instrument: compliance.DKAct, Doc: "lov om X", Article: "9 c", Paragraph: 1}, `dk-act "lov om X" § 9 c(1)`},
		{compliance.Ref{Instrument: compliance.DKDataProtectionAct, Article: "3", Point: "1"}, "dk-dbl § 3 pt 1"},
		{compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Para: "7", Case: "01"}, `edpb-guidelines "01/2021" para 7 case 01`},
		{compliance.Ref{Instrument: compliance.EUAct, Doc: "2021/914", Clause: "14"}, `eu-act "2021/914" clause 14`},
		{compliance.Guidance(compliance.WP29, "WP248 rev.01", "III.B"), `wp29 "WP248 rev.01" para III.B`},
		{compliance.Ref{Instrument: compliance.TimeLimitsRegulation, Article: "3", Paragraph: 4}, "eu-1182-71 art 3(4)"},
		{compliance.Ref{Instrument: compliance.Court, Doc: "Personvernnemnda PVN-2018-13"}, `court "Personvernnemnda PVN-2018-13"`},
		{compliance.Ref{Instrument: compliance.OtherAuthority, Doc: "CNIL: PIA Methodology (2018)"}, `other-authority "CNIL: PIA Methodology (2018)"`},
		{compliance.Ref{Instrument: compliance.Standard, Doc: "Noark 5 v5.0", Para: "6.1.19"}, `standard "Noark 5 v5.0" para 6.1.19`},
		{compliance.Section(compliance.DKArchivesAct, "arkivbekendtgørelsen", "5", 2, ""), `dk-arkivloven "arkivbekendtgørelsen" § 5(2)`},
		{compliance.Section(compliance.NOArchivesAct, "", "12", 0, ""), "no-arkivlova § 12"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			require.NoError(t, tt.ref.Validate())
			assert.Equal(t, tt.want, tt.ref.String())
			back, err := compliance.ParseRef(tt.want)
			require.NoError(t, err)
			assert.Equal(t, tt.ref, back)
			b, err := json.Marshal(tt.ref)
			require.NoError(t, err)
			var j compliance.Ref
			require.NoError(t, json.Unmarshal(b, &j))
			assert.Equal(t, tt.ref, j)
		})
	}
	// "art" and "§" are interchangeable on input.
	r, err := compliance.ParseRef("dk-dbl art 8(2)(3)")
	require.NoError(t, err)
	assert.Equal(t, "dk-dbl § 8(2)(3)", r.String())
}

func TestRefInvalid(t *testing.T) {
	for _, s := range []string{
		"", "gdpr art", "gdpr art 33(", "gdpr art 33(0)", "gdpr art 33(01)", "gdpr art 33(1)()",
		"gdpr  art 33", "gdpr art 33 ", "xx art 1", `gdpr "doc" art 1`, `edpb-guidelines para 7`,
		"gdpr recital x", "gdpr recital 4 recital 5", "eu-act 00000000000", `eu-act "x" 0101505006`, "gdpr art 1 art 2", "gdpr pt a", "gdpr art 6(1) pt f",
		`edpb-guidelines "01/2021`, `edpb-guidelines "01/2021"para 7`, "gdpr art 33(1)x", "gdpr wibble 3",
	} {
		_, err := compliance.ParseRef(s)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "ParseRef(%q)", s)
		if err != nil && len(s) > 8 {
			assert.NotContains(t, err.Error(), "00000000000", "ParseRef(%q) must not repeat the input", s)
			assert.NotContains(t, err.Error(), "0101505006")
		}
	}
	_, err := json.Marshal(compliance.Ref{Instrument: compliance.GDPRRegulation, Paragraph: 1})
	assert.Error(t, err, "a paragraph needs an article")
	assert.Error(t, compliance.Ref{Instrument: compliance.GDPRRegulation, Doc: "x"}.Validate(), "the GDPR has no document number")
	assert.Error(t, compliance.Ref{Instrument: compliance.DKAct, Article: "1"}.Validate(), "a sector act needs its name")
	assert.Error(t, compliance.Ref{Instrument: compliance.GDPRRegulation, Article: "9 art 2"}.Validate(), "an article cannot contain a keyword")
}

// FuzzParseRef: no panic on any input; whatever parses is valid and its
// canonical form parses back to the same Ref.
func FuzzParseRef(f *testing.F) {
	for _, s := range []string{"gdpr art 33(1)", "gdpr art 6(1)(f)", "gdpr art 6(1) subpara 2", "gdpr recital 43",
		"dk-dbl § 8(2)(3)", `edpb-guidelines "01/2021" para 7 case 01`, `dk-act "lov om X" § 9 c(1)`, "dk-dbl § 3 pt 1",
		`eu-act "2021/914" clause 14`, "gdpr art 33(", `wp29 "WP248 rev.01" para III.B`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := compliance.ParseRef(s)
		if err != nil {
			if !errorsIsInvalid(err) {
				t.Fatalf("ParseRef(%q) error %v does not match ErrInvalid", s, err)
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("ParseRef(%q) returned an invalid Ref: %v", s, err)
		}
		back, err := compliance.ParseRef(r.String())
		if err != nil || back != r {
			t.Fatalf("ParseRef(%q).String() = %q does not parse back: %v", s, r.String(), err)
		}
	})
}
