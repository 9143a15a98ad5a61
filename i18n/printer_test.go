package i18n_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tillid/tillid/internal/golden"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

var (
	da = language.Danish
	nb = language.MustParse("nb")
	nn = language.MustParse("nn")
	en = language.English
)

// The three citation styles the foundation issue names, and the points,
// subparagraphs, recitals, national acts and guidance each style must cover.
func TestRef(t *testing.T) {
	dk := compliance.Section(compliance.DKDataProtectionAct, "", "8", 2, "3")
	no := compliance.Section(compliance.NOPersonalDataAct, "", "12", 1, "")
	sub := compliance.GDPR(6, 1, "")
	sub.Subparagraph = 2
	edpb := compliance.Ref{Instrument: compliance.EDPBGuidelines, Doc: "01/2021", Para: "7", Case: "01"}
	tl := compliance.Ref{Instrument: compliance.TimeLimitsRegulation, Article: "3", Paragraph: 4}
	sector := compliance.Section(compliance.DKAct, "serviceloven", "81", 0, "")
	tests := []struct {
		name string
		ref  compliance.Ref
		want [4]string // da, nb, nn, en
	}{
		{"issue example: Art 33(1)", compliance.GDPR(33, 1, ""), [4]string{
			"databeskyttelsesforordningens artikel 33, stk. 1",
			"personvernforordningen artikkel 33 nr. 1",
			"personvernforordninga artikkel 33 nr. 1",
			"Article 33(1)"}},
		{"point: Art 6(1)(f)", compliance.GDPR(6, 1, "f"), [4]string{
			"databeskyttelsesforordningens artikel 6, stk. 1, litra f",
			"personvernforordningen artikkel 6 nr. 1 bokstav f",
			"personvernforordninga artikkel 6 nr. 1 bokstav f",
			"Article 6(1)(f)"}},
		{"subparagraph: Art 6(1) second subparagraph", sub, [4]string{
			"databeskyttelsesforordningens artikel 6, stk. 1, 2. afsnit",
			"personvernforordningen artikkel 6 nr. 1 annet ledd",
			"personvernforordninga artikkel 6 nr. 1 andre ledd",
			"Article 6(1), second subparagraph"}},
		{"article alone: Art 10", compliance.GDPR(10, 0, ""), [4]string{
			"databeskyttelsesforordningens artikel 10",
			"personvernforordningen artikkel 10",
			"personvernforordninga artikkel 10",
			"Article 10"}},
		{"recital 43", compliance.Recital(43), [4]string{
			"databeskyttelsesforordningens præambelbetragtning 43",
			"personvernforordningen fortalepunkt 43",
			"personvernforordninga fortalepunkt 43",
			"Recital 43"}},
		{"DK databeskyttelsesloven § 8, stk. 2, nr. 3", dk, [4]string{
			"databeskyttelseslovens § 8, stk. 2, nr. 3",
			"den danske databeskyttelsesloven § 8 annet ledd nr. 3",
			"den danske databeskyttelsesloven § 8 andre ledd nr. 3",
			"section 8(2)(3) of the Danish Data Protection Act"}},
		{"NO personopplysningsloven § 12 første ledd", no, [4]string{
			"§ 12, stk. 1, i den norske personopplysningslov",
			"personopplysningsloven § 12 første ledd",
			"personopplysningslova § 12 første ledd",
			"section 12(1) of the Norwegian Personal Data Act"}},
		{"Reg 1182/71 Art 3(4)", tl, [4]string{
			"forordning (EØF, Euratom) nr. 1182/71 artikel 3, stk. 4",
			"forordning (EØF, Euratom) nr. 1182/71 artikkel 3 nr. 4",
			"forordning (EØF, Euratom) nr. 1182/71 artikkel 3 nr. 4",
			"Article 3(4) of Regulation (EEC, Euratom) No 1182/71"}},
		{"EDPB Guidelines 01/2021 para 7, case 01", edpb, [4]string{
			"EDPB's retningslinjer 01/2021, punkt 7, sag nr. 01",
			"EDPBs retningslinjer 01/2021, punkt 7, sak nr. 01",
			"EDPBs retningslinjer 01/2021, punkt 7, sak nr. 01",
			"EDPB Guidelines 01/2021, paragraph 7, case 01"}},
		{"sector act: serviceloven § 81", sector, [4]string{
			"servicelovens § 81",
			"den danske serviceloven § 81",
			"den danske serviceloven § 81",
			"section 81 of serviceloven (DK)"}},
	}
	tests = append(tests, []struct {
		name string
		ref  compliance.Ref
		want [4]string
	}{
		{"annex of a guidance document", compliance.Guidance(compliance.WP29, "WP248 rev.01", "Annex-2"), [4]string{
			"Artikel 29-gruppen, WP248 rev.01, bilag 2", "Artikkel 29-gruppen, WP248 rev.01, vedlegg 2", "Artikkel 29-gruppa, WP248 rev.01, vedlegg 2", "Article 29 Working Party, WP248 rev.01, Annex 2"}},
		{"court", compliance.Ref{Instrument: compliance.Court, Doc: "Højesteret BS-49623/2023-HJR"}, [4]string{
			"Højesteret BS-49623/2023-HJR", "Højesteret BS-49623/2023-HJR", "Højesteret BS-49623/2023-HJR", "Højesteret BS-49623/2023-HJR"}},
		{"standard with a paragraph", compliance.Ref{Instrument: compliance.Standard, Doc: "Noark 5 v5.0", Para: "6.1.19"}, [4]string{
			"Noark 5 v5.0, punkt 6.1.19", "Noark 5 v5.0, punkt 6.1.19", "Noark 5 v5.0, punkt 6.1.19", "Noark 5 v5.0, paragraph 6.1.19"}},
		{"archives act regulation", compliance.Section(compliance.DKArchivesAct, "arkivbekendtgørelsen", "5", 2, ""), [4]string{
			"arkivbekendtgørelsens § 5, stk. 2", "den danske arkivbekendtgørelsen § 5 annet ledd", "den danske arkivbekendtgørelsen § 5 andre ledd", "section 5(2) of arkivbekendtgørelsen (DK)"}},
		{"archives act in force", compliance.Section(compliance.NOArchivesAct, "", "12", 0, ""), [4]string{
			"§ 12 i den norske arkivlov", "arkivlova § 12", "arkivlova § 12", "section 12 of the Norwegian Archives Act"}},
		{"earlier archives act", compliance.Section(compliance.NOArchivesAct, "arkivlova 1992", "9 c", 0, ""), [4]string{
			"§ 9 c i den norske arkivlova 1992", "arkivlova 1992 § 9 c", "arkivlova 1992 § 9 c", "section 9 c of arkivlova 1992 (NO)"}},
		{"issue 12: EDPB Recommendations 01/2020, Annex 2, use case 7", compliance.Ref{Instrument: compliance.EDPBRecommendations, Doc: "01/2020", Para: "Annex-2", Case: "7"}, [4]string{
			"EDPB's anbefalinger 01/2020, bilag 2, anvendelsestilfælde 7", "EDPBs anbefalinger 01/2020, vedlegg 2, brukstilfelle 7", "EDPB-tilrådingar 01/2020, vedlegg 2, brukstilfelle 7", "EDPB Recommendations 01/2020, Annex 2, use case 7"}},
		{"issue 12: a definition is Article 4(11)", compliance.GDPR(4, 0, "11"), [4]string{
			"databeskyttelsesforordningens artikel 4, nr. 11", "personvernforordningen artikkel 4 nr. 11", "personvernforordninga artikkel 4 nr. 11", "Article 4(11)"}},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, tag := range []language.Tag{da, nb, nn, en} {
				assert.Equal(t, tt.want[i], i18n.NewPrinter(tag).Ref(tt.ref), "%s", tag)
			}
		})
	}
}

// TestRefsOneAct: several provisions of one act are cited with the act named
// once (issue 12: "databeskyttelsesforordningens artikel 34, stk. 1 og 2";
// "personvernforordningen artikkel 34 nr. 1 og 2"; "Article 34(1) and (2)").
func TestRefsOneAct(t *testing.T) {
	gdpr := compliance.GDPR
	dbl := func(sec string, para int, pt string) compliance.Ref {
		return compliance.Section(compliance.DKDataProtectionAct, "", sec, para, pt)
	}
	pol := func(sec string, para int) compliance.Ref {
		return compliance.Section(compliance.NOPersonalDataAct, "", sec, para, "")
	}
	for _, tt := range []struct {
		name string
		refs []compliance.Ref
		want [4]string
	}{
		{"Art 34(1) and (2)", []compliance.Ref{gdpr(34, 1, ""), gdpr(34, 2, "")}, [4]string{
			"databeskyttelsesforordningens artikel 34, stk. 1 og 2",
			"personvernforordningen artikkel 34 nr. 1 og 2",
			"personvernforordninga artikkel 34 nr. 1 og 2",
			"Article 34(1) and (2)"}},
		{"Art 33(1) and 34(1)", []compliance.Ref{gdpr(33, 1, ""), gdpr(34, 1, "")}, [4]string{
			"databeskyttelsesforordningens artikel 33, stk. 1, og artikel 34, stk. 1",
			"personvernforordningen artikkel 33 nr. 1 og artikkel 34 nr. 1",
			"personvernforordninga artikkel 33 nr. 1 og artikkel 34 nr. 1",
			"Articles 33(1) and 34(1)"}},
		{"Art 6(1)(a), (c) and (e)", []compliance.Ref{gdpr(6, 1, "a"), gdpr(6, 1, "c"), gdpr(6, 1, "e")}, [4]string{
			"databeskyttelsesforordningens artikel 6, stk. 1, litra a, c og e",
			"personvernforordningen artikkel 6 nr. 1 bokstav a, c og e",
			"personvernforordninga artikkel 6 nr. 1 bokstav a, c og e",
			"Article 6(1)(a), (c) and (e)"}},
		{"two acts stay apart", []compliance.Ref{gdpr(9, 2, "g"), dbl("7", 1, ""), dbl("7", 2, "")}, [4]string{
			"databeskyttelsesforordningens artikel 9, stk. 2, litra g; databeskyttelseslovens § 7, stk. 1 og 2",
			"personvernforordningen artikkel 9 nr. 2 bokstav g; den danske databeskyttelsesloven § 7 første ledd og § 7 annet ledd",
			"personvernforordninga artikkel 9 nr. 2 bokstav g; den danske databeskyttelsesloven § 7 første ledd og § 7 andre ledd",
			"Article 9(2)(g); section 7(1) and (2) of the Danish Data Protection Act"}},
		{"a Norwegian act cited in Danish", []compliance.Ref{pol("12", 1), pol("13", 0)}, [4]string{
			"§ 12, stk. 1, og § 13, i den norske personopplysningslov",
			"personopplysningsloven § 12 første ledd og § 13",
			"personopplysningslova § 12 første ledd og § 13",
			"sections 12(1) and 13 of the Norwegian Personal Data Act"}},
		{"whole sections: §§ 5 og 13", []compliance.Ref{compliance.Section(compliance.NOArchivesAct, "", "5", 0, ""), compliance.Section(compliance.NOArchivesAct, "", "13", 0, "")}, [4]string{
			"§§ 5 og 13 i den norske arkivlov",
			"arkivlova §§ 5 og 13",
			"arkivlova §§ 5 og 13",
			"sections 5 and 13 of the Norwegian Archives Act"}},
		{"a recital is cited on its own", []compliance.Ref{compliance.Recital(43), gdpr(4, 0, "11"), gdpr(7, 4, "")}, [4]string{
			"databeskyttelsesforordningens præambelbetragtning 43; databeskyttelsesforordningens artikel 4, nr. 11, og artikel 7, stk. 4",
			"personvernforordningen fortalepunkt 43; personvernforordningen artikkel 4 nr. 11 og artikkel 7 nr. 4",
			"personvernforordninga fortalepunkt 43; personvernforordninga artikkel 4 nr. 11 og artikkel 7 nr. 4",
			"Recital 43; Articles 4(11) and 7(4)"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for i, tag := range []language.Tag{da, nb, nn, en} {
				assert.Equal(t, tt.want[i], i18n.NewPrinter(tag).Refs(compliance.RefsOf(tt.refs...)), "%s", tag)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	// The matcher behaviour verified in reference/go-style.md, Appendix A.
	tests := []struct {
		prefs []string
		want  language.Tag
	}{
		{[]string{"no"}, nb},
		{[]string{"no-NO"}, nb},
		{[]string{"nb-NO"}, nb},
		{[]string{"nn-NO"}, nn},
		{[]string{"da-DK"}, da},
		{[]string{"da-DK,da;q=0.9,en;q=0.5"}, da},
		{[]string{"sv-SE"}, en}, // no match: fallback
		{[]string{"de"}, en},
		{[]string{"!!", "nn"}, nn}, // a malformed preference is skipped
		{nil, en},
	}
	for _, tt := range tests {
		got := i18n.Match(en, tt.prefs...)
		assert.Equal(t, tt.want, got, "Match(%q)", tt.prefs)
		assert.Contains(t, i18n.Supported(), got, "Match must return one of Supported()")
	}
	assert.Equal(t, da, i18n.Match(da, "fr"), "fallback is returned when nothing matches")
	assert.Equal(t, da, i18n.DefaultFor(compliance.DK))
	assert.Equal(t, nb, i18n.DefaultFor(compliance.NO))
	s := i18n.Supported()
	s[0] = en
	assert.Equal(t, da, i18n.Supported()[0], "Supported must return a copy")
	assert.Equal(t, nb, i18n.NewPrinter(language.MustParse("no")).Tag())
	assert.Equal(t, en, i18n.NewPrinter(language.German).Tag())
}

func TestNumbersAndDates(t *testing.T) {
	d := decimal.RequireFromString("1234567.50")
	nbsp := "\u00a0"
	for _, tt := range []struct {
		tag                     language.Tag
		dec, fixed, amount, int string
	}{
		{da, "1.234.567,5", "1.234.567,50", "1.234.567,50 kr.", "12.345"},
		{nb, "1" + nbsp + "234" + nbsp + "567,5", "1" + nbsp + "234" + nbsp + "567,50", "DKK 1" + nbsp + "234" + nbsp + "567,50", "12" + nbsp + "345"},
		{nn, "1" + nbsp + "234" + nbsp + "567,5", "1" + nbsp + "234" + nbsp + "567,50", "DKK 1" + nbsp + "234" + nbsp + "567,50", "12" + nbsp + "345"},
		{en, "1,234,567.5", "1,234,567.50", "DKK 1,234,567.50", "12,345"},
	} {
		p := i18n.NewPrinter(tt.tag)
		assert.Equal(t, tt.dec, p.Decimal(d, -1), "%s Decimal(-1)", tt.tag)
		assert.Equal(t, tt.fixed, p.Decimal(d, 2), "%s Decimal(2)", tt.tag)
		assert.Equal(t, tt.amount, p.Amount(compliance.Amount{Value: d, Currency: compliance.DKK}), "%s Amount", tt.tag)
		assert.Equal(t, tt.int, p.Int(12345), "%s Int", tt.tag)
	}
	nok := compliance.Amount{Value: decimal.RequireFromString("85000"), Currency: compliance.NOK}
	assert.Equal(t, "kr 85"+nbsp+"000,00", i18n.NewPrinter(nb).Amount(nok), "Bergen-size fine in nb")
	assert.Equal(t, "-0,25", i18n.NewPrinter(da).Decimal(decimal.RequireFromString("-0.25"), -1))
	assert.Equal(t, "2", i18n.NewPrinter(da).Decimal(decimal.RequireFromString("2.000"), -1), "trailing zeros dropped")
	assert.Equal(t, "0,33", i18n.NewPrinter(da).Decimal(decimal.RequireFromString("0.325"), 2), "half away from zero")

	date := compliance.Date{Year: 2026, Month: time.January, Day: 2}
	cph, err := time.LoadLocation("Europe/Copenhagen")
	require.NoError(t, err)
	at := time.Date(2026, time.March, 29, 14, 30, 0, 0, cph) // CEST from 02:00 that day
	for _, tt := range []struct {
		tag        language.Tag
		date, time string
	}{
		{da, "2. januar 2026", "29. marts 2026 kl. 14.30"},
		{nb, "2. januar 2026", "29. mars 2026 kl. 14.30"},
		{nn, "2. januar 2026", "29. mars 2026 kl. 14.30"},
		{en, "2 January 2026", "29 March 2026 at 14:30 CEST"},
	} {
		p := i18n.NewPrinter(tt.tag)
		assert.Equal(t, tt.date, p.Date(date), "%s Date", tt.tag)
		assert.Equal(t, tt.time, p.Time(at), "%s Time", tt.tag)
		// Issue 12: the same instant given in UTC, or read back from JSON
		// (a bare offset, no zone name), prints the same local time —
		// never "UTC", never a trailing space.
		utc := at.UTC()
		var back time.Time
		require.NoError(t, back.UnmarshalJSON([]byte(`"2026-03-29T14:30:00+02:00"`)))
		for _, j := range []compliance.Jurisdiction{0, compliance.DK, compliance.NO} {
			q := p.In(j)
			assert.Equal(t, tt.time, q.Time(utc), "%s Time(UTC) in %v", tt.tag, j)
			assert.Equal(t, tt.time, q.Time(back), "%s Time(JSON) in %v", tt.tag, j)
		}
	}
	assert.Equal(t, "", i18n.NewPrinter(da).Date(compliance.Date{}))
	winter := time.Date(2026, time.January, 2, 8, 5, 0, 0, time.UTC)
	assert.Equal(t, "2 January 2026 at 09:05 CET", i18n.NewPrinter(en).Time(winter), "UTC 08:05 is 09:05 CET")
	assert.Equal(t, "2. januar 2026 kl. 09.05", i18n.NewPrinter(da).Time(winter))
	assert.Equal(t, "", i18n.NewPrinter(da).Time(time.Time{}))

	for _, tt := range []struct {
		tag  language.Tag
		d    time.Duration
		want string
	}{
		{da, 72 * time.Hour, "72 timer"},
		{nn, 72 * time.Hour, "72 timar"},
		{en, time.Hour, "1 hour"},
		{en, -90 * time.Minute, "1 hour and 30 minutes"},
		{nb, 30 * time.Minute, "30 minutter"},
		{nn, 61 * time.Minute, "1 time og 1 minutt"},
	} {
		assert.Equal(t, tt.want, i18n.NewPrinter(tt.tag).Duration(tt.d), "%s Duration(%s)", tt.tag, tt.d)
	}
	assert.Equal(t, "sundhed, økonomi og CPR", i18n.NewPrinter(da).List([]string{"sundhed", "økonomi", "CPR"}))
	assert.Equal(t, "a and b", i18n.NewPrinter(en).List([]string{"a", "b"}))
	assert.Equal(t, "patienter og brugere af sundhedsydelser; ældre, der modtager pleje",
		i18n.NewPrinter(da).List([]string{"patienter og brugere af sundhedsydelser", "ældre, der modtager pleje"}),
		"items that contain the conjunction or a comma are separated by semicolons")
}

func TestError(t *testing.T) {
	var v compliance.Validation
	v.Require("name", false)
	v.Check("purposes[0].basis", compliance.UnknownCode("legal-basis", []string{"consent", "contract"}))
	err := v.Err("activity")
	assert.Equal(t, "name: skal udfyldes\npurposes[0].basis: ukendt kode (tilladte værdier: consent, contract)",
		i18n.NewPrinter(da).Error(err))
	assert.Equal(t, "name: må fyllast ut\npurposes[0].basis: ukjend kode (tillatne verdiar: consent, contract)",
		i18n.NewPrinter(nn).Error(err))
	assert.Equal(t, "The record does not exist.", i18n.NewPrinter(en).Error(compliance.ErrNotFound))
	assert.Equal(t, "Posten finnes ikke.", i18n.NewPrinter(nb).Error(errors.Join(errors.New("db"), compliance.ErrNotFound)))
	assert.Equal(t, "Der opstod en fejl.", i18n.NewPrinter(da).Error(errors.New("pq: duplicate key value 0101505006")),
		"foreign error text never reaches the reader")
	assert.Equal(t, "", i18n.NewPrinter(da).Error(nil))
}

func TestFinding(t *testing.T) {
	f := compliance.Finding{
		Code:     "compliance.principle.lawfulness", // any key with a message will do here
		Severity: compliance.Violation,
		Refs:     compliance.RefsOf(compliance.GDPR(6, 1, ""), compliance.Recital(43)),
	}
	assert.Equal(t, "lovlighed, rimelighed og gennemsigtighed (databeskyttelsesforordningens artikel 6, stk. 1; databeskyttelsesforordningens præambelbetragtning 43)",
		i18n.NewPrinter(da).Finding(f))
	f.Refs = compliance.Refs{}
	assert.Equal(t, "lawfulness, fairness and transparency", i18n.NewPrinter(en).Finding(f))
}

// TestDocumentGolden pins a document rendered as Markdown and as text in
// each language. Run with -update to rewrite the files after a deliberate
// change, and review the diff.
func TestDocumentGolden(t *testing.T) {
	doc := compliance.Document{Title: compliance.Msg("compliance.class.special")}
	doc.Heading("compliance.principle.lawfulness")
	doc.Paragraph("i18n.error.accepted", compliance.Text("*free* text_"), compliance.Names(compliance.CategoriesOf(compliance.Health, compliance.NationalID).All()))
	doc.Field(compliance.Msg("compliance.arg-kind.duration"), compliance.Msg("i18n.duration.hours", compliance.Int(72)), compliance.GDPR(33, 1, ""))
	doc.Item("compliance.severity.info")
	doc.Item("compliance.severity.violation")
	doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockParagraph,
		Text: compliance.Msg("i18n.duration.join", compliance.DateArg(compliance.Date{Year: 2026, Month: 5, Day: 17}), compliance.DecimalArg(decimal.RequireFromString("3.75"))),
		Refs: compliance.RefsOf(compliance.Recital(85))})
	for _, tag := range i18n.Supported() {
		p := i18n.NewPrinter(tag)
		goldenFile(t, "document_"+tag.String()+".md", p.Markdown(doc))
		goldenFile(t, "document_"+tag.String()+".txt", p.Text(doc))
	}
}

func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, name, []byte(got))
}

func TestOwnMessages(t *testing.T) {
	checkCodes(t, map[compliance.Code][]compliance.Arg{
		"i18n.error.not-found":  nil,
		"i18n.error.conflict":   nil,
		"i18n.error.other":      nil,
		"i18n.error.accepted":   {compliance.Text("a"), compliance.Text("b")},
		"i18n.duration.hours":   {compliance.Int(2)},
		"i18n.duration.minutes": {compliance.Int(1)},
		"i18n.duration.join":    {compliance.Text("a"), compliance.Text("b")},
		"i18n.document.refs":    nil,
	})
}

func TestCountry(t *testing.T) {
	fo := compliance.MustCountry("FO")
	for _, tt := range []struct {
		tag  language.Tag
		want string
	}{
		{da, "Færøerne"}, {nb, "Færøyene"}, {nn, "Færøyane"}, {en, "Faroe Islands"},
	} {
		assert.Equal(t, tt.want, i18n.NewPrinter(tt.tag).Country(fo), "%s", tt.tag)
	}
	assert.Equal(t, "Noreg", i18n.NewPrinter(nn).Country(compliance.MustCountry("NO")))
	assert.Equal(t, "", i18n.NewPrinter(da).Country(compliance.Country{}))
	assert.NotEmpty(t, i18n.NewPrinter(da).Country(compliance.MustCountry("XK")))
	assert.Equal(t, "USA", i18n.NewPrinter(da).Message(compliance.Msg(compliance.CodeText, compliance.CountryArg(compliance.MustCountry("US")))))
	for c := range compliance.AllCountries() {
		for _, p := range printers() {
			assert.NotEmpty(t, p.Country(c), "%s %s", p.Tag(), c)
		}
	}
}

// TestNationalIDFollowsJurisdiction (issue 12): the national identity number
// is named by the jurisdiction of the data, not by the language — a Danish
// CPR number is "CPR-nummer" in a Norwegian text and a Norwegian number
// "fødselsnummer" in a Danish one; without a jurisdiction the name assumes
// none.
func TestNationalIDFollowsJurisdiction(t *testing.T) {
	for _, tt := range []struct {
		tag     language.Tag
		j       compliance.Jurisdiction
		want    string
		wantArg string
	}{
		{da, compliance.DK, "personnummer (CPR-nummer)", "personnummer (CPR-nummer) og helbredsoplysninger"},
		{da, compliance.NO, "fødselsnummer", "fødselsnummer og helbredsoplysninger"},
		{nb, compliance.DK, "CPR-nummer", "CPR-nummer og helseopplysninger"},
		{nb, compliance.NO, "fødselsnummer", "fødselsnummer og helseopplysninger"},
		{nn, compliance.DK, "CPR-nummer", "CPR-nummer og helseopplysningar"},
		{nn, compliance.NO, "fødselsnummer", "fødselsnummer og helseopplysningar"},
		{en, compliance.DK, "CPR numbers", "CPR numbers and data concerning health"},
		{en, compliance.NO, "national identity numbers (fødselsnummer)", "national identity numbers (fødselsnummer) and data concerning health"},
		{da, 0, "nationalt identifikationsnummer", "nationalt identifikationsnummer og helbredsoplysninger"},
		{nb, 0, "nasjonalt identifikasjonsnummer", "nasjonalt identifikasjonsnummer og helseopplysninger"},
	} {
		p := i18n.NewPrinter(tt.tag).In(tt.j)
		assert.Equal(t, tt.want, p.Name(compliance.NationalID), "%s in %v", tt.tag, tt.j)
		names := compliance.Names(compliance.CategoriesOf(compliance.NationalID, compliance.Health).All())
		assert.Equal(t, tt.wantArg, p.Message(compliance.Msg("compliance.text", names)), "%s in %v", tt.tag, tt.j)
	}
	// In does not change the Printer it is called on.
	p := i18n.NewPrinter(da)
	_ = p.In(compliance.NO)
	assert.Equal(t, "nationalt identifikationsnummer", p.Name(compliance.NationalID))
}
