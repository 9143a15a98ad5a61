package retention_test

import (
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/retention"
)

func TestRuleValid(t *testing.T) {
	for _, r := range testRules() {
		assert.NoError(t, r.Validate(), "%s %s", r.Scheme, r.Class)
	}
}

func TestRuleFinal(t *testing.T) {
	for _, tt := range []struct {
		r    retention.Rule
		want retention.Disposition
	}{
		{kleRule(1, "25", retention.BevaringK, ""), retention.Delete},
		{kleRule(1, "25", retention.BevaringK5, ""), retention.Delete},
		{kleRule(1, "25", retention.BevaringK10, ""), retention.Delete},
		{kleRule(1, "25", retention.BevaringB, ""), retention.Transfer},
		{kleRule(1, "25", retention.BevaringTom, ""), retention.Review},
		{noarkRule(1, "1", retention.Kasseres, 5), retention.Delete},
		{noarkRule(1, "1", retention.Bevares, 0), retention.Transfer},
		{noarkRule(1, "1", retention.VurderesSenere, 5), retention.Review},
		{bookkeeping(1), retention.Delete},
		{retention.Rule{}, 0},
	} {
		assert.Equal(t, tt.want, tt.r.Final(), "%s %s", tt.r.Scheme, tt.r.Class)
	}
}

// TestRuleInvalid: each rule names exactly the fields at fault.
func TestRuleInvalid(t *testing.T) {
	k := kleRule(1, "25.02.00", retention.BevaringK5, "P1825D")
	n := noarkRule(2, "233", retention.Kasseres, 5)
	c := bookkeeping(3)
	mod := func(r retention.Rule, f func(*retention.Rule)) retention.Rule { r = r.Clone(); f(&r); return r }
	for _, tt := range []struct {
		name   string
		r      retention.Rule
		fields []string
	}{
		{"empty", retention.Rule{}, []string{"id", "jurisdiction", "scheme"}},
		{"KLE class not a KLE number", mod(k, func(r *retention.Rule) { r.Class = "25.2.00" }), []string{"class"}},
		{"KLE facet B01", mod(k, func(r *retention.Rule) { r.Facet = "B01" }), []string{"facet"}},
		{"KLE in Norway", mod(k, func(r *retention.Rule) { r.Jurisdiction = compliance.NO }), []string{"jurisdiction"}},
		{"KLE counted from employment", mod(k, func(r *retention.Rule) { r.Trigger = retention.EmploymentEnded }), []string{"trigger"}},
		{"KLE without bevaring", mod(k, func(r *retention.Rule) { r.Bevaring = 0 }), []string{"bevaring"}},
		{"KLE deletion in weeks", mod(k, func(r *retention.Rule) { r.Period = compliance.Weeks(3) }), []string{"period"}},
		{"KLE with Noark fields", mod(k, func(r *retention.Rule) { r.Kassasjonsvedtak = retention.Kasseres; r.Bevaringstid = 3 }),
			[]string{"kassasjonsvedtak", "bevaringstid"}},
		{"Noark in Denmark", mod(n, func(r *retention.Rule) { r.Jurisdiction = compliance.DK }), []string{"jurisdiction"}},
		{"Noark without vedtak", mod(n, func(r *retention.Rule) { r.Kassasjonsvedtak = 0 }), []string{"kassasjonsvedtak"}},
		{"Noark negative bevaringstid", mod(n, func(r *retention.Rule) { r.Bevaringstid = -1 }), []string{"bevaringstid"}},
		{"Noark class with a newline", mod(n, func(r *retention.Rule) { r.Class = "2\n33" }), []string{"class"}},
		{"Noark with a period", mod(n, func(r *retention.Rule) { r.Period = compliance.Years(5) }), []string{"period"}},
		{"Noark hjemmel too long", mod(n, func(r *retention.Rule) { r.Kassasjonshjemmel = strings.Repeat("x", 501) }), []string{"kassasjonshjemmel"}},
		{"custom without refs", mod(c, func(r *retention.Rule) { r.Refs = compliance.Refs{} }), []string{"refs"}},
		{"custom with a bad ref", mod(c, func(r *retention.Rule) { r.Refs = compliance.RefsOf(compliance.Ref{Instrument: compliance.DKAct}) }), []string{"refs[0].doc"}},
		{"custom delete without period", mod(c, func(r *retention.Rule) { r.Period = compliance.Period{} }), []string{"period"}},
		{"custom keep with a period", mod(c, func(r *retention.Rule) { r.Disposition = retention.Keep }), []string{"period"}},
		{"custom period in hours", mod(c, func(r *retention.Rule) { r.Period = compliance.Hours(72) }), []string{"period"}},
		{"custom without disposition", mod(c, func(r *retention.Rule) { r.Disposition = 0 }), []string{"disposition"}},
		{"title with control character", mod(c, func(r *retention.Rule) { r.Title = "a\x00b" }), []string{"title"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve))
			var got []string
			for _, f := range ve.Fields {
				got = append(got, f.Field)
			}
			assert.ElementsMatch(t, tt.fields, got)
		})
	}
}

// TestCompileDuplicates: two rules for the same classification, or the same
// ID, are rejected.
func TestCompileDuplicates(t *testing.T) {
	rules := append(testRules(),
		kleRule(30, "25.02.00", retention.BevaringB, ""),                   // same emne as rule 1
		withFacet(kleRule(31, "25.02.00", retention.BevaringK, ""), "K01"), // same emne and facet as rule 7
		noarkRule(10, "777", retention.Bevares, 0),                         // same ID as a rule before
		kleRule(32, "25.02", retention.BevaringK, ""),                      // a gruppe: not a duplicate
		retention.Rule{},
	)
	_, err := retention.Compile(rules, retention.Policy{})
	var ve *compliance.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	n := len(testRules())
	assert.True(t, ve.Has("rules["+strconv.Itoa(n)+"].class"), "%v", err)
	assert.True(t, ve.Has("rules["+strconv.Itoa(n+1)+"].class"), "%v", err)
	assert.True(t, ve.Has("rules["+strconv.Itoa(n+2)+"].id"), "%v", err)
	assert.False(t, ve.Has("rules["+strconv.Itoa(n+3)+"].class"), "%v", err)
	assert.True(t, ve.Has("rules["+strconv.Itoa(n+4)+"].id"), "%v", err)
}

// TestLogValues: rules, records and decisions log IDs and codes, never the
// title or dates.
func TestLogValues(t *testing.T) {
	var b strings.Builder
	log := slog.New(slog.NewJSONHandler(&b, nil))
	r := bookkeeping(1)
	r.Title = "Jens Hansens regnskab"
	rec := retention.Record{ID: "2025-000123", Jurisdiction: compliance.DK, Class: "25.02.00", Closed: day("2025-03-15")}
	s := compile(t, retention.Policy{})
	d, err := s.Decide(rec, noon(compliance.DK, "2025-06-01"))
	require.NoError(t, err)
	x, err := s.Erasure(rec, noon(compliance.DK, "2025-06-01"))
	require.NoError(t, err)
	log.Info("x", "rule", r, "record", rec, "decision", d, "erasure", x)
	out := b.String()
	assert.NotContains(t, out, "Jens")
	assert.NotContains(t, out, "2025-03-15")
	assert.Contains(t, out, "2025-000123")
	assert.Contains(t, out, `"scheme":"custom"`)
}
