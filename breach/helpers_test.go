package breach_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// calendar returns the calendar of j with opts.
func calendar(t testing.TB, j compliance.Jurisdiction, opts compliance.CalendarOptions) *compliance.Calendar {
	t.Helper()
	cal, err := compliance.NewCalendar(j, opts)
	require.NoError(t, err)
	return cal
}

var (
	copenhagen = mustLoad("Europe/Copenhagen")
	oslo       = mustLoad("Europe/Oslo")
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// cph returns a wall-clock instant in Copenhagen.
func cph(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, copenhagen)
}

// osl returns a wall-clock instant in Oslo.
func osl(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, oslo)
}

// id returns the n-th deterministic breach ID.
func id(n byte) breach.ID {
	u := uuid.UUID{6: 0x70, 8: 0x80, 15: n}
	return breach.ID{UUID: u}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// assertDecimal compares decimals by value.
func assertDecimal(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	assert.Truef(t, dec(want).Equal(got), "got %s, want %s %v", got, want, msg)
}

// codesOf returns the codes of the findings.
func codesOf(fs []compliance.Finding) []compliance.Code {
	var out []compliance.Code
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// finding returns the finding with code c, or false.
func finding(fs []compliance.Finding, c compliance.Code) (compliance.Finding, bool) {
	for _, f := range fs {
		if f.Code == c {
			return f, true
		}
	}
	return compliance.Finding{}, false
}

// incident returns a valid, classified breach with the given nature,
// registered, discovered and aware at aware.
func incident(aware time.Time, n ...breach.Dimension) breach.Breach {
	return breach.Breach{
		ID:             id(1),
		Classification: breach.PersonalDataBreach,
		Reporter:       breach.ReportedByStaff,
		Registered:     aware,
		Discovered:     aware,
		Aware:          aware,
		Nature:         breach.NatureOf(n...),
		Data:           compliance.CategoriesOf(compliance.Identity, compliance.Contact),
		Subjects:       compliance.SubjectsOf(compliance.Citizens),
		Recipients:     breach.KnownRecipients,
		SubjectCount:   breach.About(20),
		ENISA:          breach.Factors{Identifiability: breach.Maximum},
	}
}
