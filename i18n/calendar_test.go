package i18n_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// TestCalendarNames walks the calendar vocabularies of package compliance.
func TestCalendarNames(t *testing.T) {
	checkNames(t, "holiday", compliance.AllHolidays())
	checkNames(t, "unit", compliance.AllUnits())
	checkNames(t, "hour-count", compliance.AllHourCounts())
	for u := range compliance.AllUnits() {
		for _, n := range []int{1, 2, 72} {
			for _, p := range printers() {
				got := p.Period(compliance.Period{N: n, Unit: u})
				assert.NotEmpty(t, got)
				assert.NotContains(t, got, "%!")
				assert.NotContains(t, got, "compliance.")
			}
		}
	}
}

func TestPeriod(t *testing.T) {
	for _, tt := range []struct {
		tag  string
		p    compliance.Period
		want string
	}{
		{"da", compliance.Months(1), "1 måned"},
		{"da", compliance.Months(3), "3 måneder"},
		{"nb", compliance.Hours(72), "72 timer"},
		{"nn", compliance.Hours(72), "72 timar"},
		{"nn", compliance.Weeks(8), "8 veker"},
		{"en", compliance.WorkingDays(10), "10 working days"},
		{"en", compliance.Period{}, ""},
	} {
		assert.Equal(t, tt.want, i18n.NewPrinter(i18n.Match(i18n.Supported()[3], tt.tag)).Period(tt.p), "%s %v", tt.tag, tt.p)
	}
}
