package notice_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/notice"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/internal/golden"
	"golang.org/x/text/language"
)

func aid(n byte) record.ActivityID { return record.ActivityID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: n}} }

var (
	kommune = record.Party{Name: "Egedal Kommune", Jurisdiction: compliance.DK, PublicAuthority: true,
		Contact: record.ContactDetails{Email: "post@egekom.dk", Phone: "72 59 00 00", Address: "Dronning Dagmars Vej 200\n3650 Ølstykke"}}
	dpoContact = record.ContactDetails{Name: "Databeskyttelsesrådgiveren", Email: "dpo@egekom.dk"}
	elever     = record.Activity{ID: aid(1), Role: record.RoleController, Name: "Elevadministration",
		Controller: kommune,
		Purposes: []record.Purpose{{Name: "at administrere dit barns skolegang", Basis: compliance.PublicTask,
			NationalBasis: compliance.Section(compliance.DKAct, "folkeskoleloven", "40", 0, "")}},
		Data:       compliance.CategoriesOf(compliance.Identity, compliance.Health),
		Recipients: []record.Recipient{{Name: "Pædagogisk Psykologisk Rådgivning"}},
		Erasure:    record.Erasure{Period: compliance.Years(5), From: record.FromCaseClosed},
		Updated:    time.Date(2025, 8, 1, 10, 0, 0, 0, time.UTC)}
	foto = record.Activity{ID: aid(2), Role: record.RoleController, Name: "Skolefotos på hjemmesiden",
		Controller:   kommune,
		Purposes:     []record.Purpose{{Name: "at vise billeder fra skolens liv", Basis: compliance.Consent}},
		Data:         compliance.CategoriesOf(compliance.Identity),
		Transfers:    []record.Transfer{{Country: compliance.MustCountry("US"), Recipient: "Cloud-leverandør", Safeguard: record.SafeguardStandardClauses}},
		NoRecipients: true,
		Erasure:      record.Erasure{Text: "til barnet forlader skolen"},
		Updated:      time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)}
	hosted = record.Activity{ID: aid(3), Role: record.RoleProcessor, Name: "Drift for nabokommunen"}
	skole  = notice.Notice{ID: notice.ID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 9}}, Jurisdiction: compliance.DK,
		Area: notice.SchoolChildcare, Title: "Privatlivspolitik for skoleområdet", Direct: true,
		Contains: notice.ItemsOf(notice.Identity, notice.DPOContact, notice.Purposes, notice.Recipients,
			notice.Retention, notice.Rights, notice.Complaint, notice.Requirement),
		Activities:  []record.ActivityID{aid(1), aid(2)},
		Requirement: "Du skal give os oplysningerne efter folkeskoleloven; ellers kan vi ikke indskrive dit barn.",
		Revised:     compliance.MakeDate(2025, 9, 1)}
	at = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

func codes(fs []compliance.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Code)+" "+f.Subject)
	}
	return out
}

// Art 13 and 14: every item, and the conditional ones from the covered
// activities (consent → 13(2)(c), a transfer → 13(1)(f)).
func TestCheck(t *testing.T) {
	uncoveredAct := record.Activity{ID: aid(4), Role: record.RoleController, Name: "Vejvedligeholdelse"}
	fs := notice.Check([]notice.Notice{skole}, []record.Activity{elever, foto, hosted, uncoveredAct}, at)
	assert.Equal(t, []string{
		"notice.missing-item notices/" + skole.ID.String(), // transfers, Art 13(1)(f)
		"notice.missing-item notices/" + skole.ID.String(), // withdraw consent, Art 13(2)(c)
		"notice.outdated notices/" + skole.ID.String(),     // foto changed 2026-02-01, notice revised 2025-09-01
		"notice.uncovered activities/" + aid(4).String(),   // Art 13(1) and 14(1); the processor's record needs none
	}, codes(fs))
	assert.Equal(t, "notice.item.transfers", fs[0].Args[1].Keys[0])
	assert.Equal(t, []compliance.Ref{compliance.GDPR(13, 1, "f")}, fs[0].Refs.Slice())
	assert.Equal(t, "notice.item.withdraw-consent", fs[1].Args[1].Keys[0])
	assert.Equal(t, []compliance.Ref{compliance.GDPR(13, 2, "c")}, fs[1].Refs.Slice())
	assert.Equal(t, compliance.Violation, fs[3].Severity)
}

func TestRequired(t *testing.T) {
	base := notice.ItemsOf(notice.Identity, notice.DPOContact, notice.Purposes, notice.Recipients,
		notice.Retention, notice.Rights, notice.Complaint)
	tests := []struct {
		name string
		n    notice.Notice
		acts []record.Activity
		want notice.Items
	}{
		{"Art 13 only: the requirement item 13(2)(e)", notice.Notice{Direct: true}, nil, base.With(notice.Requirement)},
		{"Art 14 only: categories 14(1)(d) and source 14(2)(f)", notice.Notice{Indirect: true}, nil,
			base.With(notice.Categories).With(notice.Source)},
		{"automated decisions 13(2)(f)", notice.Notice{Direct: true, Automated: true}, nil,
			base.With(notice.Requirement).With(notice.AutomatedDecisions)},
		{"legitimate interests 13(1)(d)", notice.Notice{Direct: true},
			[]record.Activity{{Purposes: []record.Purpose{{Basis: compliance.LegitimateInterests}}}},
			base.With(notice.Requirement).With(notice.LegitimateInterests)},
		{"explicit consent 9(2)(a) gives the right to withdraw 13(2)(c)", notice.Notice{Direct: true},
			[]record.Activity{{Special: record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.ExplicitConsent}}}},
			base.With(notice.Requirement).With(notice.WithdrawConsent)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, notice.Required(tt.n, tt.acts))
		})
	}
}

func TestValidateAndDecode(t *testing.T) {
	require.NoError(t, skole.Validate())
	bad := skole
	bad.Direct, bad.Activities = false, []record.ActivityID{aid(1), aid(1)}
	err := bad.Validate()
	var ve *compliance.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.True(t, ve.Has("direct"))
	assert.True(t, ve.Has("activities[1]"))

	n, err := notice.Decode([]byte(`{"jurisdiction":"no","area":"employees","title":"Personvern for ansatte","indirect":true,
		"contains":["identity","source"],"activities":["00000000-0000-7000-8000-000000000001"],"revised":"2026-01-10"}`))
	require.NoError(t, err)
	assert.True(t, n.Contains.Has(notice.Source))
	_, err = notice.Decode([]byte(`{"jurisdiction":"no","area":"employees","title":"x","direct":true,"contains":["0707614285"],"revised":"2026-01-10"}`))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "0707614285")
}

// The notice as a citizen reads it, in the four languages (Art 12(1):
// clear and plain language).
func TestRenderGolden(t *testing.T) {
	doc := notice.Render(skole, kommune, dpoContact, []record.Activity{elever, foto})
	for _, l := range []string{"da", "nb", "nn", "en"} {
		p := i18n.NewPrinter(language.MustParse(l))
		md := p.Markdown(doc)
		golden.Check(t, "render_"+l+".md", []byte(md))
		assert.NotContains(t, md, "notice.", "an untranslated key in "+l)
	}
	// Only the rights that apply: objection (Art 21(1), public task) and
	// portability (Art 20(1), consent) apply here.
	var keys []string
	for _, b := range doc.Blocks {
		keys = append(keys, string(b.Text.Key))
	}
	joined := strings.Join(keys, " ")
	assert.Contains(t, joined, string(notice.CodeLetterObject))
	assert.Contains(t, joined, string(notice.CodeLetterPortability))
	assert.Contains(t, joined, string(notice.CodeLetterComplainDK))
}

// TestCheckIndirectAutomated: a notice covering data obtained from others
// (Art 14) about processing with automated decisions must name the
// categories (14(1)(d)), the source (14(2)(f)) and the automated decisions
// (14(2)(g)); for a notice covering both ways of collection the items cite
// both articles, and the Art 13(2)(e) requirement item only Art 13.
func TestCheckIndirectAutomated(t *testing.T) {
	n := skole
	n.Indirect, n.Automated = true, true
	n.Direct = false
	n.Activities = []record.ActivityID{aid(1)}
	n.Contains = notice.ItemsOf(notice.Identity, notice.DPOContact, notice.Purposes, notice.Recipients,
		notice.Retention, notice.Rights, notice.Complaint)
	n.Revised = compliance.MakeDate(2026, 1, 1)
	fs := notice.Check([]notice.Notice{n}, []record.Activity{elever}, at)
	var items []string
	var refs [][]compliance.Ref
	for _, f := range fs {
		require.Equal(t, notice.CodeMissingItem, f.Code)
		items = append(items, f.Args[1].Keys[0])
		refs = append(refs, f.Refs.Slice())
	}
	assert.Equal(t, []string{"notice.item.categories", "notice.item.source", "notice.item.automated-decisions"}, items)
	assert.Equal(t, [][]compliance.Ref{{compliance.GDPR(14, 1, "d")}, {compliance.GDPR(14, 2, "f")}, {compliance.GDPR(14, 2, "g")}}, refs)

	// Both Art 13 and 14: the requirement cites 13(2)(e) alone, automated
	// decisions 13(2)(f) and 14(2)(g).
	n.Direct = true
	n.Contains = n.Contains.With(notice.Categories).With(notice.Source)
	fs = notice.Check([]notice.Notice{n}, []record.Activity{elever}, at)
	require.Len(t, fs, 2)
	assert.Equal(t, []compliance.Ref{compliance.GDPR(13, 2, "e")}, fs[0].Refs.Slice())
	assert.Equal(t, []compliance.Ref{compliance.GDPR(13, 2, "f"), compliance.GDPR(14, 2, "g")}, fs[1].Refs.Slice())

	// Complete: no finding.
	n.Contains = n.Contains.With(notice.Requirement).With(notice.AutomatedDecisions)
	assert.Empty(t, notice.Check([]notice.Notice{n}, []record.Activity{elever}, at))
}

// TestRenderExplicitConsent: an Art 9(2)(a) explicit consent gives the
// withdrawal line (Art 13(2)(c)) and portability (Art 20(1)(a)) even when
// the purpose's Art 6 basis is another; objection (Art 21(1)) follows only
// from Art 6(1)(e) or (f), so a legal obligation alone gives neither.
func TestRenderExplicitConsent(t *testing.T) {
	act := record.Activity{ID: aid(7), Role: record.RoleController, Name: "Sundhedsordning",
		Purposes: []record.Purpose{{Name: "sundhedstjek", Basis: compliance.LegalObligation, NationalBasisText: "sundhedsloven"}},
		Special:  record.SpecialBasis{Conditions: []compliance.SpecialCondition{compliance.ExplicitConsent}}}
	n := skole
	n.Activities = []record.ActivityID{act.ID}
	keys := func(doc compliance.Document) []string {
		var out []string
		for _, b := range doc.Blocks {
			out = append(out, string(b.Text.Key))
		}
		return out
	}
	got := keys(notice.Render(n, kommune, dpoContact, []record.Activity{act}))
	assert.Contains(t, got, string(notice.CodeLetterBasisConsent))
	assert.Contains(t, got, string(notice.CodeLetterPortability))
	assert.NotContains(t, got, string(notice.CodeLetterObject))

	act.Special = record.SpecialBasis{}
	got = keys(notice.Render(n, kommune, dpoContact, []record.Activity{act}))
	assert.NotContains(t, got, string(notice.CodeLetterBasisConsent))
	assert.NotContains(t, got, string(notice.CodeLetterPortability))
	assert.NotContains(t, got, string(notice.CodeLetterObject))
}

func TestContact(t *testing.T) {
	assert.Equal(t, "Egedal Kommune, post@egekom.dk, Dronning Dagmars Vej 200, 3650 Ølstykke",
		notice.Contact(record.ContactDetails{Name: "Egedal Kommune", Email: "post@egekom.dk", Address: " Dronning Dagmars  Vej 200 \r\n\n3650 Ølstykke\n"}))
	assert.Empty(t, notice.Contact(record.ContactDetails{}))
}
