package breach_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

type enumValue interface {
	comparable
	String() string
	Key() string
	Valid() bool
	MarshalText() ([]byte, error)
}

func codesOfEnum[T enumValue](all iter.Seq[T]) []string {
	var out []string
	for v := range all {
		out = append(out, v.String())
	}
	return out
}

// TestCodesArePinned pins every code of every vocabulary of package breach,
// in numeric order. Codes reach JSON and host databases: add new ones at
// the end; never rename or reorder.
func TestCodesArePinned(t *testing.T) {
	for name, c := range map[string][2][]string{
		"reporter": {codesOfEnum(breach.AllReporters()), {"staff", "citizen", "processor", "other"}},
		"cause": {codesOfEnum(breach.AllCauses()), {"misdirected-mail", "misdirected-email", "lost-device", "stolen-device",
			"lost-paper", "ransomware", "hacking", "insider", "social-engineering", "publication-error", "system-error",
			"improper-disposal", "oral-disclosure", "other"}},
		"encryption":      {codesOfEnum(breach.AllEncryptions()), {"none", "state-of-the-art", "key-compromised"}},
		"backup":          {codesOfEnum(breach.AllBackups()), {"none", "partial", "full"}},
		"recipients":      {codesOfEnum(breach.AllRecipients()), {"none", "no-evidence", "trusted", "known", "unknown", "public"}},
		"impact":          {codesOfEnum(breach.AllImpacts()), {"none", "minor", "significant"}},
		"classification":  {codesOfEnum(breach.AllClassifications()), {"personal-data-breach", "not-a-breach"}},
		"phase":           {codesOfEnum(breach.AllPhases()), {"initial", "follow-up", "final"}},
		"channel":         {codesOfEnum(breach.AllChannels()), {"letter", "digital-post", "email", "sms", "phone", "in-person", "public"}},
		"risk":            {codesOfEnum(breach.AllRisks()), {"unlikely", "risk", "high"}},
		"exemption":       {codesOfEnum(breach.AllExemptions()), {"unintelligible", "averted", "disproportionate", "withheld"}},
		"communication":   {codesOfEnum(breach.AllCommunications()), {"none", "direct", "public"}},
		"status":          {codesOfEnum(breach.AllStatuses()), {"not-required", "pending", "overdue", "on-time", "late", "awaiting-awareness"}},
		"duty":            {codesOfEnum(breach.AllDuties()), {"notify-authority", "give-delay-reasons", "follow-up", "communicate-subjects"}},
		"dimension":       {codesOfEnum(breach.AllDimensions()), {"confidentiality", "integrity", "availability"}},
		"data-type":       {codesOfEnum(breach.AllDataTypes()), {"simple", "behavioural", "financial", "sensitive"}},
		"identifiability": {codesOfEnum(breach.AllIdentifiabilities()), {"negligible", "limited", "significant", "maximum"}},
		"loss":            {codesOfEnum(breach.AllLosses()), {"none", "partial", "full"}},
		"context-factor":  {codesOfEnum(breach.AllContextFactors()), {"volume", "controller", "individuals", "invalidity", "public", "nature"}},
		"band":            {codesOfEnum(breach.AllBands()), {"low", "medium", "high", "very-high"}},
	} {
		assert.Equal(t, c[1], c[0], name)
	}
}

// TestEnumText: every vocabulary parses its own codes, marshals the zero
// value as empty text and rejects unknown codes without repeating them.
func TestEnumText(t *testing.T) {
	c, err := breach.ParseCause("ransomware")
	require.NoError(t, err)
	assert.Equal(t, breach.Ransomware, c)
	assert.Equal(t, "breach.cause.ransomware", c.Key())
	_, err = breach.ParseCause("Jens Hansen")
	require.ErrorIs(t, err, compliance.ErrInvalid)
	assert.NotContains(t, err.Error(), "Jens")
	b, err := breach.Cause(0).MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	_, err = breach.Cause(99).MarshalText()
	assert.Error(t, err)
	for _, parse := range []func(string) error{
		func(s string) error { _, err := breach.ParseReporter(s); return err },
		func(s string) error { _, err := breach.ParseEncryption(s); return err },
		func(s string) error { _, err := breach.ParseBackup(s); return err },
		func(s string) error { _, err := breach.ParseRecipients(s); return err },
		func(s string) error { _, err := breach.ParseImpact(s); return err },
		func(s string) error { _, err := breach.ParseClassification(s); return err },
		func(s string) error { _, err := breach.ParsePhase(s); return err },
		func(s string) error { _, err := breach.ParseChannel(s); return err },
		func(s string) error { _, err := breach.ParseRisk(s); return err },
		func(s string) error { _, err := breach.ParseExemption(s); return err },
		func(s string) error { _, err := breach.ParseCommunication(s); return err },
		func(s string) error { _, err := breach.ParseStatus(s); return err },
		func(s string) error { _, err := breach.ParseDuty(s); return err },
		func(s string) error { _, err := breach.ParseDimension(s); return err },
		func(s string) error { _, err := breach.ParseDataType(s); return err },
		func(s string) error { _, err := breach.ParseIdentifiability(s); return err },
		func(s string) error { _, err := breach.ParseLoss(s); return err },
		func(s string) error { _, err := breach.ParseContextFactor(s); return err },
		func(s string) error { _, err := breach.ParseBand(s); return err },
	} {
		assert.ErrorIs(t, parse("nope"), compliance.ErrInvalid)
	}
}

func TestNature(t *testing.T) {
	n := breach.NatureOf(breach.Availability, breach.Confidentiality, 0, 9)
	assert.Equal(t, []breach.Dimension{breach.Confidentiality, breach.Availability}, slices.Collect(n.All()))
	assert.True(t, n.Has(breach.Availability))
	assert.False(t, n.Has(breach.Integrity))
	assert.False(t, n.Without(breach.Availability).Has(breach.Availability))
	assert.True(t, n.Valid())
	assert.False(t, breach.Nature(0x80).Valid())
	raw, err := json.Marshal(n)
	require.NoError(t, err)
	assert.JSONEq(t, `["confidentiality","availability"]`, string(raw))
	var back breach.Nature
	require.NoError(t, json.Unmarshal(raw, &back))
	assert.Equal(t, n, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`["secret"]`), &back), compliance.ErrInvalid)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{}`), &back), compliance.ErrInvalid)
	raw, err = json.Marshal(breach.Nature(0))
	require.NoError(t, err)
	assert.Equal(t, `[]`, string(raw))
}

// TestValidate: every bad field at once, named by its JSON path, never
// with its value (CONTRIBUTING.md, Errors).
func TestValidate(t *testing.T) {
	require.NoError(t, danishRansomware().Validate())
	require.NoError(t, norwegianLetter().Validate())

	b := danishRansomware()
	b.ID = breach.ID{}
	b.Reference = strings.Repeat("x", 101)
	b.Classification = 9
	b.Reporter = breach.ReportedByProcessor
	b.Processor = breach.ProcessorReport{AgreedHours: -1, Aware: cph(2024, 3, 2, 0, 0), Notified: cph(2024, 3, 1, 0, 0)}
	b.Registered = time.Time{}
	b.Discovered = cph(2024, 3, 1, 0, 0)
	b.Occurred = cph(2024, 3, 2, 0, 0)
	b.OccurredUntil = cph(2024, 3, 1, 0, 0)
	b.Aware = cph(2024, 2, 1, 0, 0)
	b.Contained = cph(2024, 1, 1, 0, 0)
	b.Nature = 0x80
	b.Cause = 99
	b.Data = 1 << 60
	b.Subjects = 1 << 30
	b.SubjectCount = breach.Count{Min: 10, Max: 5}
	b.RecordCount = breach.Count{Min: -1}
	b.Encryption, b.Backup, b.Impact, b.Recipients = 9, breach.NoBackup, 9, 9
	b.ENISA = breach.Factors{Identifiability: 9, Confidentiality: 9, Integrity: 9, Availability: 9,
		Adjustments: []breach.Adjustment{{Type: breach.Financial, Factor: breach.Volume, Delta: dec("1")}, {}}}
	b.Authority = []breach.AuthorityNotification{
		{Phase: breach.FollowUp, At: cph(2024, 3, 5, 0, 0), Reference: strings.Repeat("x", 200)},
		{Phase: breach.Initial, At: cph(2024, 3, 4, 0, 0), NextBy: cph(2024, 3, 3, 0, 0)},
		{Phase: 9},
	}
	b.Communications = []breach.SubjectCommunication{{At: cph(2024, 3, 5, 0, 0), Channel: 9, Count: -1}, {Channel: breach.Letter, At: cph(2024, 3, 4, 0, 0)}, {}}
	b.Text.Description = secret + strings.Repeat("x", 20001)
	err := b.Validate()
	require.ErrorIs(t, err, compliance.ErrInvalid)
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, f := range []string{"id", "reference", "classification", "processor.id", "processor.agreedHours",
		"processor.notified", "registered", "occurredUntil", "discovered", "aware", "contained", "nature", "cause",
		"data", "subjects", "subjectCount.max", "recordCount.min", "encryption", "restored", "impact", "recipients",
		"enisa.identifiability", "enisa.confidentiality", "enisa.integrity", "enisa.availability",
		"enisa.adjustments[0].type", "enisa.adjustments[1].type", "enisa.adjustments[1].factor", "enisa.adjustments[1].delta",
		"authority[0].phase", "authority[0].reference", "authority[1].phase", "authority[1].at", "authority[1].nextBy",
		"authority[2].phase", "authority[2].at",
		"communications[0].channel", "communications[0].count", "communications[1].at",
		"communications[2].channel", "communications[2].at", "text.description"} {
		assert.True(t, ve.Has(f), "want an error for %s", f)
	}
	assert.NotContains(t, err.Error(), "Jens", "errors never repeat values")

	nb := breach.Breach{ID: id(1), Reporter: breach.ReportedByStaff, Registered: aware, Discovered: aware, Classification: breach.PersonalDataBreach}
	err = nb.Validate()
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("nature"), "a classified breach needs its nature")
	nb.Classification = 0
	assert.NoError(t, nb.Validate(), "an unclassified incident may be recorded before its nature is known")
}

// TestLogValue: a breach logs IDs, codes and counts, never caseworker
// text (CONTRIBUTING.md, Personal data).
func TestLogValue(t *testing.T) {
	b := danishRansomware()
	b.Text.Description = secret
	b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Sensitive, Factor: breach.NatureOfData, Delta: dec("-1"), Note: secret}}
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.Info("x", "breach", b, "text", b.Text)
	out := buf.String()
	assert.NotContains(t, out, "Jens")
	assert.NotContains(t, out, "Vestergade")
	assert.Contains(t, out, `"id":"00000000-0000-7000-8000-000000000001"`)
	assert.Contains(t, out, `"cause":"ransomware"`)
	assert.Contains(t, out, `"processor":"00000000-0000-7000-8000-000000000050"`)
	assert.Contains(t, out, `"text":["summary","description"`)

	for _, s := range []string{fmt.Sprint(b.Text), fmt.Sprintf("%#v", b.Text), fmt.Sprintf("%v", b), fmt.Sprintf("%+v", b)} {
		assert.NotContains(t, s, "Jens", "fmt never prints the account")
	}
}

// TestDecode: the JSON form decodes back; errors name fields and never
// repeat input.
func TestDecode(t *testing.T) {
	raw, err := json.Marshal(utc(danishRansomware()))
	require.NoError(t, err)
	b, err := breach.Decode(raw)
	require.NoError(t, err)
	assert.Equal(t, breach.Ransomware, b.Cause)

	for _, tt := range []struct {
		name   string
		in     string
		fields []string
	}{
		{"not JSON", `{"id": Jens Hansen`, []string{""}},
		{"not an object", `["Jens Hansen"]`, []string{""}},
		{"unknown code", `{"cause": "Jens Hansen"}`, []string{"cause"}},
		{"wrong type", `{"version": "Jens Hansen"}`, []string{"version"}},
		{"bad instant", `{"aware": "Jens Hansen"}`, []string{"aware"}},
		{"bad ID", `{"id": "Jens Hansen"}`, []string{"id"}},
		{"bad nested code", `{"authority": [{"phase": "initial"}, {"phase": "Jens Hansen"}]}`, []string{"authority[1].phase"}},
		{"bad adjustment", `{"enisa": {"adjustments": [{"delta": "Jens Hansen"}]}}`, []string{"enisa.adjustments[0].delta"}},
		{"bad category", `{"data": ["health", "Jens Hansen"]}`, []string{"data"}},
		{"bad nature", `{"nature": "Jens Hansen"}`, []string{"nature"}},
		{"bad text", `{"text": {"summary": 7}}`, []string{"text.summary"}},
		{"bad count", `{"subjectCount": {"min": "Jens Hansen"}}`, []string{"subjectCount.min"}},
		{"several", `{"cause": "x", "reporter": "y", "backup": 3}`, []string{"cause", "reporter", "backup"}},
		{"valid JSON, invalid breach", `{"reporter": "staff"}`, []string{"id", "registered", "discovered"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := breach.Decode([]byte(tt.in))
			require.ErrorIs(t, err, compliance.ErrInvalid)
			assert.NotContains(t, err.Error(), "Jens")
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve), "%T", err)
			for _, f := range tt.fields {
				assert.True(t, ve.Has(f), "want %q in %v", f, err)
			}
		})
	}

	var x breach.Breach
	x.Reference = "kept"
	require.NoError(t, json.Unmarshal([]byte(`null`), &x))
	assert.Equal(t, "", x.Reference, "null decodes to the zero breach")
}

func TestCount(t *testing.T) {
	assert.True(t, breach.Count{}.IsZero())
	assert.Equal(t, 500, breach.Between(100, 500).Upper())
	assert.Equal(t, 7, breach.Exact(7).Upper())
	assert.NoError(t, breach.About(300).Validate())
	assert.Error(t, breach.Count{Min: 2_000_000_000}.Validate())
}

func TestFilter(t *testing.T) {
	b := danishRansomware()
	assert.True(t, breach.Filter{}.Match(b))
	assert.True(t, breach.Filter{Processor: schoolProcessor, Cause: breach.Ransomware, Classification: breach.PersonalDataBreach}.Match(b))
	assert.False(t, breach.Filter{Unclassified: true}.Match(b))
	assert.False(t, breach.Filter{RegisteredBefore: b.Registered}.Match(b), "the upper bound is exclusive")
	assert.True(t, breach.Filter{RegisteredFrom: b.Registered}.Match(b), "the lower bound is inclusive")
}
