package breach_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// goldenFile compares got with testdata/name (see package internal/golden).
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, ""+name, got)
}

// TestNotices renders the Art 33(3) notice to Datatilsynet, laid out as
// each authority's form asks, and the Art 34(2) letter to the data
// subjects, in every language.
func TestNotices(t *testing.T) {
	for _, sc := range []struct {
		name    string
		j       compliance.Jurisdiction
		b       breach.Breach
		at      time.Time
		contact breach.Contact
	}{
		{"dk_ransomware", compliance.DK, danishRansomware(), cph(2024, time.March, 10, 10, 0), danishContact},
		{"no_letter", compliance.NO, norwegianLetter(), osl(2024, time.October, 23, 16, 0), norwegianContact},
	} {
		require.NoError(t, sc.b.Validate())
		a, err := breach.Assess(sc.b, calendar(t, sc.j, compliance.CalendarOptions{}), sc.at)
		require.NoError(t, err)
		require.Equal(t, breach.DirectCommunication, a.Communicate, sc.name)
		notice := breach.AuthorityNotice(sc.b, a, sc.contact)
		letter := breach.SubjectsLetter(sc.b, a, sc.contact)
		for _, doc := range []compliance.Document{notice, letter} {
			for _, blk := range doc.Blocks {
				assert.NoError(t, blk.Text.Validate())
			}
		}
		for _, tag := range i18n.Supported() {
			p := i18n.NewPrinter(tag).In(sc.j) // the data's jurisdiction names its identity number
			t.Run(sc.name+"_"+tag.String(), func(t *testing.T) {
				n, l := p.Markdown(notice), p.Markdown(letter)
				for _, s := range []string{n, l} {
					assert.NotContains(t, s, "breach.", "a message key was not translated")
					assert.NotContains(t, s, "%!", "a message has the wrong arguments")
				}
				goldenFile(t, filepath.Join("notice", sc.name+"_authority_"+tag.String()+".md"), []byte(n))
				goldenFile(t, filepath.Join("notice", sc.name+"_letter_"+tag.String()+".md"), []byte(l))
			})
		}
	}
}

// TestNoticeCarriesNoIdentities: the notice to Datatilsynet gives
// categories and numbers, never the persons (Datatilsynet DK: "Do not write
// personal data about the persons concerned in the notification").
func TestNoticeCarriesNoIdentities(t *testing.T) {
	b := danishRansomware()
	a, err := breach.Assess(b, calendar(t, compliance.DK, compliance.CalendarOptions{}), b.Aware)
	require.NoError(t, err)
	doc := breach.AuthorityNotice(b, a, danishContact)
	// The only text arguments are the kommune's own details, its reference
	// and the caseworker's texts.
	allowed := map[string]bool{danishContact.Controller: true, danishContact.Name: true, danishContact.Email: true,
		danishContact.Phone: true, b.Reference: true}
	x := b.Text
	for _, f := range []string{x.Summary, x.Description, x.Effects, x.Consequences, x.MeasuresBefore,
		x.MeasuresTaken, x.MeasuresProposed, x.Mitigation, x.Advice, x.DelayReasons} {
		allowed[f] = true
	}
	for _, blk := range doc.Blocks {
		for _, arg := range blk.Text.Args {
			if arg.Kind == compliance.ArgText {
				assert.True(t, allowed[arg.Text], "unexpected text %q in the notice", arg.Text)
			}
		}
	}
}

// TestNoticePhases: the notice after a first notification is a follow-up
// that cites Datatilsynet's reference (Art 33(4)); a late one gives the
// reasons for the delay (Art 33(1)); an incomplete one says when the rest
// will follow.
func TestNoticePhases(t *testing.T) {
	b := norwegianLetter()
	b.Authority = []breach.AuthorityNotification{{Phase: breach.Initial, At: osl(2024, time.October, 27, 9, 0),
		Reference: "24/09876", NextBy: osl(2024, time.November, 1, 12, 0)}}
	b.Text.DelayReasons = "Sykefravær i tjenesten."
	a, err := breach.Assess(b, calendar(t, compliance.NO, compliance.CalendarOptions{}), osl(2024, time.October, 28, 9, 0))
	require.NoError(t, err)
	assert.Equal(t, breach.Late, a.Status)
	md := i18n.NewPrinter(i18n.DefaultFor(compliance.NO)).In(compliance.NO).Markdown(breach.AuthorityNotice(b, a, norwegianContact))
	assert.Contains(t, md, "Supplement til meldingen av 27. oktober 2024 kl. 09.00 (Datatilsynets saksnummer: 24/09876)")
	assert.Contains(t, md, "De resterende opplysningene kommer innen 1. november 2024 kl. 12.00.")
	assert.Contains(t, md, "Sykefravær i tjenesten.")
}

// TestPublicLetter: Art 34(3)(c) turns the letter into a public
// communication.
func TestPublicLetter(t *testing.T) {
	b := danishRansomware()
	b.DisproportionateEffort = true
	a, err := breach.Assess(b, calendar(t, compliance.DK, compliance.CalendarOptions{}), b.Aware)
	require.NoError(t, err)
	require.Equal(t, breach.PublicCommunication, a.Communicate)
	md := i18n.NewPrinter(i18n.DefaultFor(compliance.DK)).Markdown(breach.SubjectsLetter(b, a, danishContact))
	assert.True(t, strings.HasPrefix(md, "# Information fra Eksempelby Kommune om et brud på persondatasikkerheden\n"), md)
	assert.Contains(t, md, "informerer alle berørte")
}

// TestJSONWireForm pins the JSON form of a breach and of its assessment:
// hosts store them, so their stability is API.
func TestJSONWireForm(t *testing.T) {
	b := danishRansomware()
	b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Sensitive, Factor: breach.NatureOfData, Delta: dec("-1"), Note: "kun notater om behov for støtte, ingen diagnoser"}}
	b.Authority = []breach.AuthorityNotification{{Phase: breach.Initial, At: cph(2024, time.March, 10, 14, 0), Reference: "2024-431-0042", NextBy: cph(2024, time.March, 15, 12, 0)}}
	b.Communications = []breach.SubjectCommunication{{At: cph(2024, time.March, 11, 9, 0), Channel: breach.DigitalPost, Count: 4790}}
	raw, err := json.MarshalIndent(utc(b), "", "  ")
	require.NoError(t, err)
	goldenFile(t, "breach.json", append(raw, '\n'))

	back, err := breach.Decode(raw)
	require.NoError(t, err)
	again, err := json.MarshalIndent(back, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, string(raw), string(again), "the JSON form round-trips")

	a, err := breach.Assess(b, calendar(t, compliance.DK, compliance.CalendarOptions{}), cph(2024, time.March, 12, 0, 0))
	require.NoError(t, err)
	raw, err = json.MarshalIndent(a, "", "  ")
	require.NoError(t, err)
	goldenFile(t, "assessment.json", append(raw, '\n'))
}

// utc returns b with its instants in UTC, as the register stores them.
func utc(b breach.Breach) breach.Breach {
	for _, t := range []*time.Time{&b.Registered, &b.Occurred, &b.OccurredUntil, &b.Discovered, &b.Aware,
		&b.Contained, &b.Restored, &b.Processor.Aware, &b.Processor.Notified} {
		*t = t.UTC()
	}
	for i := range b.Authority {
		b.Authority[i].At, b.Authority[i].NextBy = b.Authority[i].At.UTC(), b.Authority[i].NextBy.UTC()
	}
	for i := range b.Communications {
		b.Communications[i].At = b.Communications[i].At.UTC()
	}
	return b
}
