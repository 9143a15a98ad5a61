package training_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/training"
)

var (
	basics   = training.Course{ID: cid(1), Title: "Databeskyttelse for alle", Topic: training.Basics, Audience: training.AllStaff, Renewal: compliance.Years(2)}
	social   = training.Course{ID: cid(2), Title: "Fortrolige oplysninger i socialsager", Topic: training.RoleSpecific, Audience: training.Groups, Groups: []string{"social-caseworkers"}}
	security = training.Course{ID: cid(3), Title: "Phishing", Topic: training.Security, Audience: training.Access, Access: compliance.Confidential, Renewal: compliance.Months(12)}
	on       = compliance.MakeDate(2026, time.March, 1)
)

func cid(n byte) training.CourseID { return training.CourseID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: n}} }

func done(course training.Course, emp string, d compliance.Date) training.Completion {
	return training.Completion{Course: course.ID, Employee: emp, Completed: d}
}

func codes(fs []compliance.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Code))
	}
	return out
}

// Art 32(4) and Art 39(1)(b): staff with access to confidential data must be
// trained; the finding counts them per unit and never names them.
func TestMeasureSensitiveAccessArt32_4(t *testing.T) {
	staff := []training.Employee{
		{ID: "e1", Unit: "social", Groups: []string{"social-caseworkers"}, Access: compliance.Special},
		{ID: "e2", Unit: "social", Groups: []string{"social-caseworkers"}, Access: compliance.Confidential},
		{ID: "e3", Unit: "roads", Access: compliance.Ordinary},
	}
	completions := []training.Completion{
		done(basics, "e1", compliance.MakeDate(2025, 6, 1)),
		done(social, "e1", compliance.MakeDate(2025, 6, 2)),
		done(security, "e1", compliance.MakeDate(2025, 3, 15)), // current until 2026-03-15: due within a month
		done(basics, "e2", compliance.MakeDate(2023, 6, 1)),    // expired 2025-06-01
		done(basics, "e3", compliance.MakeDate(2025, 1, 1)),
	}
	cov, err := training.Measure(on, []training.Course{basics, social, security}, staff, completions, training.Policy{})
	require.NoError(t, err)

	assert.Equal(t, training.Tally{Code: "", Staff: 3, Current: 2, Sensitive: 2, SensitiveCurrent: 1}, cov.Total)
	require.Len(t, cov.Units, 2)
	assert.Equal(t, training.Tally{Code: "roads", Staff: 1, Current: 1}, cov.Units[0])
	assert.Equal(t, training.Tally{Code: "social", Staff: 2, Current: 1, Sensitive: 2, SensitiveCurrent: 1}, cov.Units[1])
	assert.Equal(t, []training.Gap{
		{Employee: "e2", Course: basics.ID, Expired: compliance.MakeDate(2025, 6, 1)},
		{Employee: "e2", Course: social.ID},
		{Employee: "e2", Course: security.ID},
	}, cov.Gaps)
	assert.Equal(t, []training.Renewal{{Employee: "e1", Course: security.ID, Expires: compliance.MakeDate(2026, 3, 15)}}, cov.Renewals)
	assert.Equal(t, []string{"training.sensitive-untrained", "training.renewals-due", "training.coverage"}, codes(cov.Findings))

	f := cov.Findings[0]
	assert.Equal(t, compliance.Warning, f.Severity)
	assert.Contains(t, f.Refs.Slice(), compliance.GDPR(32, 4, ""))
	assert.Contains(t, f.Refs.Slice(), compliance.GDPR(39, 1, "b"))
	assert.Equal(t, int64(1), f.Args[0].Int)
	assert.Equal(t, "social", f.Args[1].Text)
	assert.Equal(t, "units/social", f.Subject)
	for _, f := range cov.Findings {
		for _, a := range f.Args {
			assert.NotContains(t, []string{"e1", "e2", "e3"}, a.Text, "a finding must not name an employee")
		}
	}
	assert.Equal(t, "66.7", cov.Total.Percent().String())
}

func TestMeasureEdges(t *testing.T) {
	emp := training.Employee{ID: "e1", Unit: "school", Groups: []string{"teachers"}, Access: compliance.Ordinary}
	tests := []struct {
		name        string
		courses     []training.Course
		completions []training.Completion
		policy      training.Policy
		employee    training.Employee
		wantCurrent int
		wantCodes   []string
	}{
		{"no course for all staff: Art 39(1)(b) awareness has no general course",
			[]training.Course{social}, nil, training.Policy{}, emp, 0,
			[]string{"training.no-general-course", "training.coverage"}},
		{"completion on the day it expires is no longer current (renewal counted to the same date)",
			[]training.Course{basics}, []training.Completion{done(basics, "e1", compliance.MakeDate(2024, 3, 1))}, training.Policy{}, emp, 0,
			[]string{"training.untrained", "training.coverage"}},
		{"completion one day before the expiry day is current and due for renewal",
			[]training.Course{basics}, []training.Completion{done(basics, "e1", compliance.MakeDate(2024, 3, 2))}, training.Policy{}, emp, 1,
			[]string{"training.renewals-due", "training.coverage"}},
		{"a completion dated after the day of the question is not evidence yet",
			[]training.Course{basics}, []training.Completion{done(basics, "e1", compliance.MakeDate(2026, 3, 2))}, training.Policy{}, emp, 0,
			[]string{"training.untrained", "training.coverage"}},
		{"course without renewal: once is enough",
			[]training.Course{{ID: cid(9), Title: "Intro", Topic: training.Basics, Audience: training.AllStaff}},
			[]training.Completion{{Course: cid(9), Employee: "e1", Completed: compliance.MakeDate(2001, 1, 1)}}, training.Policy{}, emp, 1,
			[]string{"training.coverage"}},
		{"new starter within the kommune's grace period counts as current (policy choice, no statutory period)",
			[]training.Course{basics}, nil, training.Policy{NewStarterGrace: compliance.Days(30)},
			training.Employee{ID: "e1", Unit: "school", Started: compliance.MakeDate(2026, 2, 15)}, 1,
			[]string{"training.coverage"}},
		{"new starter past the grace period is not",
			[]training.Course{basics}, nil, training.Policy{NewStarterGrace: compliance.Days(30)},
			training.Employee{ID: "e1", Unit: "school", Started: compliance.MakeDate(2026, 1, 15)}, 0,
			[]string{"training.untrained", "training.coverage"}},
		{"retired course is not required",
			[]training.Course{basics, {ID: cid(8), Title: "Old", Topic: training.Security, Audience: training.AllStaff, Retired: true}},
			[]training.Completion{done(basics, "e1", compliance.MakeDate(2025, 3, 1))}, training.Policy{}, emp, 1,
			[]string{"training.coverage"}},
		{"a course for confidential access does not apply to ordinary access",
			[]training.Course{basics, security}, []training.Completion{done(basics, "e1", compliance.MakeDate(2025, 3, 1))}, training.Policy{}, emp, 1,
			[]string{"training.coverage"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cov, err := training.Measure(on, tt.courses, []training.Employee{tt.employee}, tt.completions, tt.policy)
			require.NoError(t, err)
			assert.Equal(t, tt.wantCurrent, cov.Total.Current)
			assert.Equal(t, tt.wantCodes, codes(cov.Findings))
		})
	}
}

func TestMeasureRejectsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		staff []training.Employee
		field string
	}{
		{"CPR number as employee ID", []training.Employee{{ID: "0707614285", Unit: "u"}}, "staff[0].id"},
		{"fødselsnummer as employee ID", []training.Employee{{ID: "01010750160", Unit: "u"}}, "staff[0].id"},
		{"duplicate employee", []training.Employee{{ID: "a", Unit: "u"}, {ID: "a", Unit: "u"}}, "staff[1].id"},
		{"missing unit", []training.Employee{{ID: "a"}}, "staff[0].unit"},
		{"control character in group", []training.Employee{{ID: "a", Unit: "u", Groups: []string{"x\x00"}}}, "staff[0].groups[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := training.Measure(on, []training.Course{basics}, tt.staff, nil, training.Policy{})
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.True(t, ve.Has(tt.field), "%v", err)
			assert.NotContains(t, err.Error(), "0707614285")
			assert.NotContains(t, err.Error(), "01010750160")
		})
	}
	_, err := training.Measure(compliance.MakeDate(202, 1, 1), nil, nil, nil, training.Policy{})
	assert.ErrorIs(t, err, compliance.ErrInvalid, "a year the calendar cannot count is rejected at the door")
}

func TestCourseValidate(t *testing.T) {
	tests := []struct {
		name   string
		course training.Course
		field  string
	}{
		{"groups audience without groups", training.Course{Title: "x", Topic: training.Basics, Audience: training.Groups}, "groups"},
		{"access audience without class", training.Course{Title: "x", Topic: training.Basics, Audience: training.Access}, "access"},
		{"groups with all-staff", training.Course{Title: "x", Topic: training.Basics, Audience: training.AllStaff, Groups: []string{"a"}}, "groups"},
		{"renewal in hours", training.Course{Title: "x", Topic: training.Basics, Audience: training.AllStaff, Renewal: compliance.Hours(5)}, "renewal.unit"},
		{"title too long", training.Course{Title: strings.Repeat("x", training.MaxTitle+1), Topic: training.Basics, Audience: training.AllStaff}, "title"},
		{"too many groups", training.Course{Title: "x", Topic: training.Basics, Audience: training.Groups, Groups: manyGroups(training.MaxGroups + 1)}, "groups"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.course.Validate()
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.True(t, ve.Has(tt.field), "%v", err)
		})
	}
	require.NoError(t, basics.Validate())
	require.NoError(t, social.Validate())
	require.NoError(t, security.Validate())
}

func manyGroups(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "g" + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	return out
}

func TestCompletionNeverPrintsEmployee(t *testing.T) {
	c := done(basics, "hr-4711", on)
	assert.NotContains(t, c.String(), "hr-4711")
}

func TestNoEmployeeIDInFmtOrLogs(t *testing.T) {
	c := done(basics, "hr-4711", on)
	e := training.Employee{ID: "hr-4711", Unit: "school"}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%q", "%x"} {
		assert.NotContains(t, fmt.Sprintf(verb, c), "4711", verb)
		assert.NotContains(t, fmt.Sprintf(verb, e), "4711", verb)
		assert.NotContains(t, fmt.Sprintf(verb, []training.Completion{c}), "4711", verb)
	}
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		slog.New(h).Info("x", "completion", c, "employee", e)
	}
	assert.NotContains(t, buf.String(), "4711")
}
