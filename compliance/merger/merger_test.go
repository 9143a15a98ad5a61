package merger_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/merger"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/internal/golden"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
	"golang.org/x/text/language"
)

func id(kind, n byte) [16]byte { return [16]byte{6: 0x70, 8: 0x80, 14: kind, 15: n} }

// orgnr returns a valid organisasjonsnummer starting with prefix (8 digits):
// the check digit is found by trying each.
func orgnr(t testing.TB, prefix string) ident.OrgNr {
	for d := '0'; d <= '9'; d++ {
		if o, err := ident.ParseOrgNr(prefix + string(d)); err == nil {
			return o
		}
	}
	t.Fatalf("no check digit for %s", prefix)
	return ident.OrgNr{}
}

// Rygge and Moss merged into the new Moss kommune on 1 January 2020
// (Prop. 96 S (2016–2017)); the registers here are invented.
func fixture(t testing.TB) []merger.Origin {
	evry, visma := orgnr(t, "91000001"), orgnr(t, "91000002")
	elevRygge := record.Activity{ID: record.ActivityID{UUID: id(1, 1)}, Role: record.RoleController, Name: "Elevadministrasjon",
		Purposes: []record.Purpose{{Name: "Skolegang", Basis: compliance.PublicTask}},
		Data:     compliance.CategoriesOf(compliance.Identity, compliance.Education)}
	elevMoss := elevRygge
	elevMoss.ID = record.ActivityID{UUID: id(1, 2)}
	elevMoss.Name = "elevadministrasjon " // matched regardless of case and spaces
	elevMoss.Data = compliance.CategoriesOf(compliance.Identity, compliance.Education, compliance.Health)
	lonnRygge := record.Activity{ID: record.ActivityID{UUID: id(1, 3)}, Role: record.RoleController, Name: "Lønn",
		Purposes: []record.Purpose{{Name: "Lønn", Basis: compliance.LegalObligation}}}
	lonnMoss := lonnRygge
	lonnMoss.ID = record.ActivityID{UUID: id(1, 4)}
	bibliotek := record.Activity{ID: record.ActivityID{UUID: id(1, 5)}, Role: record.RoleController, Name: "Bibliotek"}

	agreement := func(n byte, from compliance.Date) processor.Agreement {
		return processor.Agreement{ID: processor.AgreementID{UUID: id(3, n)}, Template: processor.TemplateNOSSAD, From: from}
	}
	evryRygge := processor.Processor{ID: compliance.ProcessorID{UUID: id(2, 1)}, Name: "Evry Norge AS", OrgNr: evry, Country: compliance.MustCountry("NO"),
		Agreements: []processor.Agreement{agreement(1, compliance.MakeDate(2017, 5, 1))},
		Audits:     []processor.Audit{{Issued: compliance.MakeDate(2019, 3, 1)}}}
	evryMoss := processor.Processor{ID: compliance.ProcessorID{UUID: id(2, 2)}, Name: "EVRY NORGE AS", OrgNr: evry, Country: compliance.MustCountry("NO"),
		Agreements:    []processor.Agreement{agreement(2, compliance.MakeDate(2018, 7, 1))},
		Audits:        []processor.Audit{{Issued: compliance.MakeDate(2019, 3, 1)}},
		SubProcessors: []processor.SubProcessor{{Name: "Microsoft Ireland Operations Ltd", Country: compliance.MustCountry("IE")}}}
	vismaMoss := processor.Processor{ID: compliance.ProcessorID{UUID: id(2, 3)}, Name: "Visma Enterprise AS", OrgNr: visma, Country: compliance.MustCountry("NO"),
		Agreements: []processor.Agreement{agreement(3, compliance.MakeDate(2015, 1, 1)), {ID: processor.AgreementID{UUID: id(3, 4)},
			Template: processor.TemplateNOSSAD, From: compliance.MakeDate(2010, 1, 1), To: compliance.MakeDate(2014, 12, 31)}}}

	rule := func(n byte, class string, years int, v retention.Kassasjonsvedtak) retention.Rule {
		return retention.Rule{ID: compliance.RetentionRuleID{UUID: id(4, n)}, Jurisdiction: compliance.NO, Scheme: retention.Noark,
			Class: class, Kassasjonsvedtak: v, Bevaringstid: years}
	}
	return []merger.Origin{
		{Controller: compliance.ControllerID{UUID: id(9, 1)}, Name: "Rygge kommune",
			Activities: []record.Activity{elevRygge, lonnRygge, bibliotek},
			Processors: []processor.Processor{evryRygge},
			DPIAs:      []dpia.Assessment{{ID: compliance.DPIAID{UUID: id(5, 1)}, Title: "Velferdsteknologi"}},
			Rules:      []retention.Rule{rule(1, "A20", 5, retention.Kasseres), rule(2, "B13", 10, retention.Bevares)},
			Breaches:   []breach.Statistics{{Registered: 12, Breaches: 9, Notified: 4}}},
		{Controller: compliance.ControllerID{UUID: id(9, 2)}, Name: "Moss kommune",
			Activities: []record.Activity{elevMoss, lonnMoss},
			Processors: []processor.Processor{evryMoss, vismaMoss},
			Rules:      []retention.Rule{rule(3, "A20", 10, retention.Kasseres), rule(4, "B13", 10, retention.Bevares)},
			Breaches:   []breach.Statistics{{Registered: 30, Breaches: 21, Notified: 8}}},
	}
}

func codes(fs []compliance.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Code))
	}
	return out
}

func TestMerge(t *testing.T) {
	origins := fixture(t)
	m, err := merger.Merge(compliance.MakeDate(2020, 1, 1), origins, merger.Policy{})
	require.NoError(t, err)

	// Art 30(1): matched, not silently merged.
	require.Len(t, m.Activities, 3)
	assert.Equal(t, "Elevadministrasjon", m.Activities[0].Name)
	assert.Len(t, m.Activities[0].From, 2)
	assert.Equal(t, []merger.Aspect{merger.AspectData}, m.Activities[0].Differs)
	assert.Empty(t, m.Activities[1].Differs, "Lønn is recorded alike")
	assert.Len(t, m.Activities[2].From, 1)

	// Processors deduplicated by organisasjonsnummer, conflicts named.
	require.Len(t, m.Processors, 2)
	assert.Equal(t, []merger.Aspect{merger.AspectAgreement, merger.AspectSubProcessors}, m.Processors[0].Differs)
	assert.Len(t, m.Processors[0].From, 2)

	// Every agreement in force on the merger date is to be renewed (Art
	// 28(3), 28(9)); Visma's expired one is not.
	assert.Len(t, m.Renewals, 3)
	// Every DPIA is to be reviewed (Art 35(11)).
	assert.Len(t, m.DPIAs, 1)
	// Retention: A20 differs in period (5 and 10 years); B13 is alike.
	require.Len(t, m.Rules, 2)
	assert.Equal(t, []merger.Aspect{merger.AspectPeriod}, m.Rules[0].Differs)
	assert.Empty(t, m.Rules[1].Differs)

	assert.Equal(t, []string{
		"merger.activity-differs", "merger.activity-matched",
		"merger.processor-conflict",
		"merger.agreement-renew", "merger.agreement-renew", "merger.agreement-renew",
		"merger.dpia-revisit",
		"merger.retention-conflict",
		"merger.breaches-carried", "merger.breaches-carried",
	}, codes(m.Findings))
	assert.Equal(t, []compliance.Ref{compliance.GDPR(28, 3, ""), compliance.GDPR(28, 9, "")}, m.Findings[3].Refs.Slice())
	assert.Equal(t, []compliance.Ref{compliance.GDPR(35, 11, "")}, m.Findings[6].Refs.Slice())
	assert.Equal(t, int64(12), m.Findings[8].Args[1].Int)

	// With succession (the kommune's position), agreements are updated.
	m2, err := merger.Merge(compliance.MakeDate(2020, 1, 1), origins, merger.Policy{Succession: true})
	require.NoError(t, err)
	assert.Contains(t, codes(m2.Findings), "merger.agreement-update")
	assert.NotContains(t, codes(m2.Findings), "merger.agreement-renew")
}

func TestMergeRejects(t *testing.T) {
	origins := fixture(t)
	for name, tc := range map[string]struct {
		on      compliance.Date
		origins []merger.Origin
		field   string
	}{
		"one kommune is no merger":    {compliance.MakeDate(2020, 1, 1), origins[:1], "origins"},
		"no date":                     {compliance.Date{}, origins, "on"},
		"the same kommune twice":      {compliance.MakeDate(2020, 1, 1), []merger.Origin{origins[0], origins[0]}, "origins[1].controller"},
		"a year the calendar rejects": {compliance.MakeDate(202, 1, 1), origins, "on"},
	} {
		_, err := merger.Merge(tc.on, tc.origins, merger.Policy{})
		var ve *compliance.ValidationError
		require.True(t, errors.As(err, &ve), name)
		assert.True(t, ve.Has(tc.field), "%s: %v", name, err)
	}
}

// The report for the project group, in four languages.
func TestReportGolden(t *testing.T) {
	origins := fixture(t)
	m, err := merger.Merge(compliance.MakeDate(2020, 1, 1), origins, merger.Policy{})
	require.NoError(t, err)
	doc := m.Report(origins)
	for _, l := range []string{"da", "nb", "nn", "en"} {
		md := i18n.NewPrinter(language.MustParse(l)).Markdown(doc)
		golden.Check(t, "report_"+l+".md", []byte(md))
		assert.NotContains(t, md, "merger.", l)
	}
}

func ExampleMerge() {
	on := compliance.MakeDate(2020, time.January, 1)
	a := merger.Origin{Controller: compliance.ControllerID{UUID: id(9, 1)}, Name: "Rygge kommune",
		Activities: []record.Activity{{ID: record.ActivityID{UUID: id(1, 1)}, Role: record.RoleController, Name: "Lønn"}}}
	b := merger.Origin{Controller: compliance.ControllerID{UUID: id(9, 2)}, Name: "Moss kommune",
		Activities: []record.Activity{{ID: record.ActivityID{UUID: id(1, 2)}, Role: record.RoleController, Name: "lønn",
			Data: compliance.CategoriesOf(compliance.Financial)}}}
	m, err := merger.Merge(on, []merger.Origin{a, b}, merger.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range m.Findings {
		fmt.Println(f.Code, f.Args[0].Text)
	}
	// Output:
	// merger.activity-differs Lønn
}

// TestMergeThreeOrigins: Indre Østfold merged five kommuner on 1 January
// 2020 (the registers here are invented, three of them). A processor one
// kommune recorded with its organisasjonsnummer and two only by name is one
// processor (Art 28(1)); a name that goes with two different numbers is not
// matched by name; an activity a kommune recorded twice counts that kommune
// once (Art 30(1)).
func TestMergeThreeOrigins(t *testing.T) {
	evry, tieto1, tieto2 := orgnr(t, "91000001"), orgnr(t, "91000003"), orgnr(t, "91000004")
	pid := func(n byte) compliance.ProcessorID { return compliance.ProcessorID{UUID: id(2, n)} }
	aid := func(n byte) record.ActivityID { return record.ActivityID{UUID: id(1, n)} }
	lonn := func(n byte) record.Activity {
		return record.Activity{ID: aid(n), Role: record.RoleController, Name: "Lønn",
			Purposes: []record.Purpose{{Name: "Lønn", Basis: compliance.LegalObligation}}}
	}
	origins := []merger.Origin{
		{Controller: compliance.ControllerID{UUID: id(9, 1)}, Name: "Askim kommune",
			Activities: []record.Activity{lonn(1), lonn(2)}, // recorded twice
			Processors: []processor.Processor{
				{ID: pid(1), Name: "Evry Norge AS", OrgNr: evry, Country: compliance.MustCountry("NO")},
				{ID: pid(4), Name: "Tieto AS", OrgNr: tieto1, Country: compliance.MustCountry("NO")},
				{ID: pid(6), Name: "Lokal Drift", Country: compliance.MustCountry("NO")},
			}},
		{Controller: compliance.ControllerID{UUID: id(9, 2)}, Name: "Eidsberg kommune",
			Activities: []record.Activity{lonn(3)},
			Processors: []processor.Processor{
				{ID: pid(2), Name: "evry norge as", Country: compliance.MustCountry("NO")}, // by name only
				{ID: pid(5), Name: "Tieto AS", OrgNr: tieto2, Country: compliance.MustCountry("NO")},
			}},
		{Controller: compliance.ControllerID{UUID: id(9, 3)}, Name: "Spydeberg kommune",
			Processors: []processor.Processor{
				{ID: pid(3), Name: " Evry  Norge AS", Country: compliance.MustCountry("NO")}, // by name only
				{ID: pid(7), Name: "Tieto AS", Country: compliance.MustCountry("NO")},        // two numbers go with the name
				{ID: pid(8), Name: "lokal drift", Country: compliance.MustCountry("NO")},     // no number anywhere: by name
			}},
	}
	m, err := merger.Merge(compliance.MakeDate(2020, 1, 1), origins, merger.Policy{})
	require.NoError(t, err)
	assert.Equal(t, []string{"Askim kommune", "Eidsberg kommune", "Spydeberg kommune"}, m.Origins)

	groups := map[string][]merger.Source{}
	for _, g := range m.Processors {
		groups[g.From[0].ID] = g.From
	}
	assert.Equal(t, []merger.Source{{0, pid(1).String()}, {1, pid(2).String()}, {2, pid(3).String()}}, groups[pid(1).String()], "Evry: orgnr and two by name")
	assert.Equal(t, []merger.Source{{0, pid(6).String()}, {2, pid(8).String()}}, groups[pid(6).String()], "Lokal Drift: by name")
	assert.Len(t, groups[pid(7).String()], 1, "Tieto by name only is ambiguous and stays apart")
	assert.Len(t, m.Processors, 5) // Evry, Tieto (two numbers), Lokal Drift, Tieto by name

	var shared []int64
	for _, f := range m.Findings {
		if f.Code == merger.CodeProcessorShared {
			shared = append(shared, f.Args[1].Int)
		}
	}
	assert.Equal(t, []int64{3, 2}, shared, "Evry used by 3 kommuner, Lokal Drift by 2")

	require.Len(t, m.Activities, 1)
	assert.Len(t, m.Activities[0].From, 3)
	assert.Equal(t, 2, m.Activities[0].Origins())
	var matched []compliance.Finding
	for _, f := range m.Findings {
		if f.Code == merger.CodeActivityMatched {
			matched = append(matched, f)
		}
	}
	require.Len(t, matched, 1)
	assert.Equal(t, int64(2), matched[0].Args[1].Int, "Askim's duplicate counts Askim once")
}
