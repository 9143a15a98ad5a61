package breachtest

import (
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	activityrec "github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/internal/storetest"
)

// Run runs the conformance suite of [breach.Store] against stores made by
// newStore, one fresh store per subtest: Get of a missing breach, create
// and update with optimistic versions, conflicts, controller isolation,
// deep copies in and out (through the notifications, communications and
// adjustments a breach holds), List order, every [breach.Filter] field,
// early break, re-entrant calls, context cancellation and concurrent use.
// Run it with the race detector. It imports only the standard library and
// tillid, so a host can call it from its own tests:
//
//	func TestBreachStore(t *testing.T) {
//		breachtest.Run(t, func(t *testing.T) breach.Store { return newTestDB(t).Breaches() })
//	}
func Run(t *testing.T, newStore func(t *testing.T) breach.Store) {
	t.Helper()
	for i := range 8 {
		if err := record(i).Validate(); err != nil {
			t.Fatalf("breachtest: fixture record %d is invalid: %v", i, err)
		}
	}
	storetest.Run(t, func(t *testing.T) storetest.Store[breach.ID, breach.Breach, breach.Filter] {
		return newStore(t)
	}, fixture())
}

var (
	base       = time.Date(2024, time.January, 10, 9, 0, 0, 0, time.UTC)
	processorA = compliance.ProcessorID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: 0xa1}}
	causes     = []breach.Cause{breach.MisdirectedMail, breach.Ransomware, breach.LostDevice}
)

// record returns the i-th record of the fixture: valid, with IDs in order,
// and fields that make every filter case match some records and not others.
func record(i int) breach.Breach {
	u := uuid.UUID{6: 0x70, 8: 0x80}
	u[14], u[15] = byte(i>>8), byte(i+1)
	at := base.Add(time.Duration(i) * 30 * 24 * time.Hour)
	b := breach.Breach{
		ID:           breach.ID{UUID: u},
		Reference:    "SAG-" + string(rune('A'+i%26)),
		Reporter:     breach.ReportedByStaff,
		Registered:   at,
		Occurred:     at.Add(-2 * time.Hour),
		Discovered:   at.Add(-time.Hour),
		Aware:        at,
		Nature:       breach.NatureOf(breach.Confidentiality),
		Cause:        causes[i%len(causes)],
		Data:         compliance.CategoriesOf(compliance.Identity, compliance.Contact),
		Subjects:     compliance.SubjectsOf(compliance.Citizens),
		SubjectCount: breach.About(10 * (i + 1)),
		Recipients:   breach.KnownRecipients,
		ENISA: breach.Factors{Identifiability: breach.Maximum, Adjustments: []breach.Adjustment{
			{Type: breach.Simple, Factor: breach.Volume, Delta: decimal.New(1, 0), Note: "note"}}},
		Authority: []breach.AuthorityNotification{
			{Phase: breach.Initial, At: at.Add(24 * time.Hour), Reference: "DT-1"}},
		Communications: []breach.SubjectCommunication{
			{At: at.Add(48 * time.Hour), Channel: breach.Letter, Count: i + 1}},
		Text:       breach.Account{Description: "description"},
		Department: "Forvaltning " + string(rune('A'+i%3)),
		Activity:   activityrec.ActivityID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: byte(0xb0 + i%4)}},
		Factors: breach.RiskFactors{ProtectedAddress: i%2 == 0, Credentials: i%3 == 0, PaymentData: i%5 == 0,
			Likelihood: breach.Possible, Gravity: breach.Serious, Irreversible: i%4 == 0, Withheld: breach.PrivateInterests},
	}
	switch i % 3 {
	case 0:
		b.Classification = breach.PersonalDataBreach
	case 1:
		b.Classification = breach.NotABreach
	}
	if i%2 == 0 {
		b.Reporter = breach.ReportedByProcessor
		b.Processor = breach.ProcessorReport{ID: processorA, Aware: at.Add(-time.Hour), Notified: at, AgreedHours: 24}
	}
	return b
}

func fixture() storetest.Fixture[breach.ID, breach.Breach, breach.Filter] {
	from, before := base.Add(60*24*time.Hour), base.Add(150*24*time.Hour)
	return storetest.Fixture[breach.ID, breach.Breach, breach.Filter]{
		Entity:  "breach",
		New:     record,
		ID:      func(b breach.Breach) breach.ID { return b.ID },
		Version: func(b *breach.Breach) *uint64 { return &b.Version },
		Mutate: func(b *breach.Breach) {
			b.Authority[0].Reference += "x"
			b.Communications[0].Count++
			b.ENISA.Adjustments[0].Note += "x"
		},
		Equal: equal,
		Filters: []storetest.FilterCase[breach.Breach, breach.Filter]{
			{Name: "RegisteredFrom", Filter: breach.Filter{RegisteredFrom: from},
				Match: func(b breach.Breach) bool { return !b.Registered.Before(from) }},
			{Name: "RegisteredBefore", Filter: breach.Filter{RegisteredBefore: before},
				Match: func(b breach.Breach) bool { return b.Registered.Before(before) }},
			{Name: "RegisteredPeriod", Filter: breach.Filter{RegisteredFrom: from, RegisteredBefore: before},
				Match: func(b breach.Breach) bool { return !b.Registered.Before(from) && b.Registered.Before(before) }},
			{Name: "Classification", Filter: breach.Filter{Classification: breach.NotABreach},
				Match: func(b breach.Breach) bool { return b.Classification == breach.NotABreach }},
			{Name: "Unclassified", Filter: breach.Filter{Unclassified: true},
				Match: func(b breach.Breach) bool { return b.Classification == 0 }},
			{Name: "Cause", Filter: breach.Filter{Cause: breach.Ransomware},
				Match: func(b breach.Breach) bool { return b.Cause == breach.Ransomware }},
			{Name: "Processor", Filter: breach.Filter{Processor: processorA},
				Match: func(b breach.Breach) bool { return b.Processor.ID == processorA }},
			{Name: "CauseAndClassification", Filter: breach.Filter{Cause: breach.MisdirectedMail, Classification: breach.PersonalDataBreach},
				Match: func(b breach.Breach) bool {
					return b.Cause == breach.MisdirectedMail && b.Classification == breach.PersonalDataBreach
				}},
		},
	}
}

// equal compares two breaches field by field, instants and decimals by
// value, so that a store that keeps instants in another zone or decimals
// with another exponent passes.
func equal(a, b breach.Breach) bool {
	ta, tb := instants(a), instants(b)
	for i := range ta {
		if !ta[i].Equal(tb[i]) {
			return false
		}
	}
	if a.ID != b.ID || a.Version != b.Version || a.Reference != b.Reference ||
		a.Classification != b.Classification || a.Reporter != b.Reporter ||
		a.Processor.ID != b.Processor.ID || a.Processor.AgreedHours != b.Processor.AgreedHours ||
		a.Nature != b.Nature || a.Cause != b.Cause || a.Malicious != b.Malicious ||
		a.Data != b.Data || a.Subjects != b.Subjects || a.SubjectCount != b.SubjectCount ||
		a.RecordCount != b.RecordCount || a.Encryption != b.Encryption || a.Backup != b.Backup ||
		a.Impact != b.Impact || a.Recipients != b.Recipients ||
		a.HighRiskAverted != b.HighRiskAverted || a.DisproportionateEffort != b.DisproportionateEffort ||
		a.Text != b.Text || a.Department != b.Department || a.Activity != b.Activity || a.Factors != b.Factors {
		return false
	}
	fa, fb := a.ENISA, b.ENISA
	if fa.Identifiability != fb.Identifiability || fa.Confidentiality != fb.Confidentiality ||
		fa.Integrity != fb.Integrity || fa.Availability != fb.Availability ||
		!slices.EqualFunc(fa.Adjustments, fb.Adjustments, func(x, y breach.Adjustment) bool {
			return x.Type == y.Type && x.Factor == y.Factor && x.Delta.Equal(y.Delta) && x.Note == y.Note
		}) {
		return false
	}
	return slices.EqualFunc(a.Authority, b.Authority, func(x, y breach.AuthorityNotification) bool {
		return x.Phase == y.Phase && x.At.Equal(y.At) && x.Reference == y.Reference &&
			x.Complete == y.Complete && x.NextBy.Equal(y.NextBy)
	}) && slices.EqualFunc(a.Communications, b.Communications, func(x, y breach.SubjectCommunication) bool {
		return x.At.Equal(y.At) && x.Channel == y.Channel && x.Count == y.Count
	})
}

func instants(b breach.Breach) []time.Time {
	return []time.Time{b.Registered, b.Occurred, b.OccurredUntil, b.Discovered, b.Aware, b.Contained,
		b.Restored, b.Processor.Aware, b.Processor.Notified}
}
