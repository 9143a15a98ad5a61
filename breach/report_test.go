package breach_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/i18n"
)

var (
	activitySchool = record.ActivityID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: 0xa1}}
	activityCare   = record.ActivityID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: 0xa2}}
)

// committeeRegister fills a register with three years of incidents, as a
// kommune's GDPR team would have them: breaches and incidents found not to
// be breaches, notified on time and late, communicated, in departments and
// activities. It returns the register at 15 January 2025.
func committeeRegister(t *testing.T) *breach.Register {
	t.Helper()
	ctx := context.Background()
	c := &clock{}
	r, _ := newRegister(t, compliance.DK, c, nil)
	type row struct {
		day          time.Time
		cls          breach.Classification
		cause        breach.Cause
		dept         string
		act          record.ActivityID
		notifyAfter  time.Duration // 0: not notified
		communicated bool
	}
	rows := []row{
		{cph(2022, 3, 2, 10, 0), breach.PersonalDataBreach, breach.MisdirectedEmail, "Social- og Sundhedsforvaltningen", activityCare, 20 * time.Hour, false},
		{cph(2022, 6, 9, 10, 0), breach.NotABreach, breach.SystemError, "Børne- og Ungeforvaltningen", activitySchool, 0, false},
		{cph(2022, 11, 1, 10, 0), breach.PersonalDataBreach, breach.LostDevice, "Børne- og Ungeforvaltningen", activitySchool, 0, false},
		{cph(2023, 1, 12, 10, 0), breach.PersonalDataBreach, breach.MisdirectedMail, "Social- og Sundhedsforvaltningen", activityCare, 30 * time.Hour, true},
		{cph(2023, 5, 3, 10, 0), breach.PersonalDataBreach, breach.MisdirectedEmail, "Social- og Sundhedsforvaltningen", activityCare, 80 * time.Hour, false},
		{cph(2023, 9, 20, 10, 0), breach.PersonalDataBreach, breach.Ransomware, "", record.ActivityID{}, 50 * time.Hour, true},
		{cph(2024, 2, 5, 10, 0), breach.PersonalDataBreach, breach.MisdirectedEmail, "Børne- og Ungeforvaltningen", activitySchool, 10 * time.Hour, true},
		{cph(2024, 4, 8, 10, 0), breach.PersonalDataBreach, breach.MisdirectedEmail, "Social- og Sundhedsforvaltningen", activityCare, 90 * time.Hour, false},
		{cph(2024, 6, 17, 10, 0), breach.NotABreach, breach.OtherCause, "Teknik- og Miljøforvaltningen", record.ActivityID{}, 0, false},
		{cph(2024, 8, 26, 10, 0), breach.PersonalDataBreach, breach.StolenDevice, "Børne- og Ungeforvaltningen", activitySchool, 40 * time.Hour, false},
		{cph(2024, 10, 1, 10, 0), breach.PersonalDataBreach, breach.Insider, "Social- og Sundhedsforvaltningen", activityCare, 0, false},
		{cph(2024, 12, 30, 10, 0), 0, breach.MisdirectedMail, "Børne- og Ungeforvaltningen", activitySchool, 0, false},
	}
	for _, rw := range rows {
		c.now = rw.day
		b := notifiable(rw.day)
		b.Classification, b.Cause, b.Department, b.Activity = rw.cls, rw.cause, rw.dept, rw.act
		b.Text.Description = "Et brev med oplysninger om en borger blev sendt til en forkert modtager."
		b.Text.MeasuresTaken = "=HYPERLINK(\"http://example.invalid\")" // a caseworker's text that looks like a formula
		created, err := r.Create(ctx, kommune, b)
		require.NoError(t, err)
		if rw.notifyAfter > 0 {
			_, err = r.RecordNotification(ctx, kommune, created.ID, breach.AuthorityNotification{At: rw.day.Add(rw.notifyAfter), Complete: true})
			require.NoError(t, err)
		}
		if rw.communicated {
			_, err = r.RecordCommunication(ctx, kommune, created.ID, breach.SubjectCommunication{At: rw.day.Add(100 * time.Hour), Channel: breach.DigitalPost})
			require.NoError(t, err)
		}
	}
	c.now = cph(2025, 1, 15, 9, 0)
	return r
}

func TestCommitteeReport(t *testing.T) {
	ctx := context.Background()
	r := committeeRegister(t)
	rep, err := r.Report(ctx, kommune, 2024, 2)
	require.NoError(t, err)
	rep.Activities = map[record.ActivityID]string{activitySchool: "Elevadministration", activityCare: "Hjemmepleje"}

	require.Len(t, rep.Years, 3)
	cur := rep.Years[2]
	assert.Equal(t, 6, cur.Registered)
	assert.Equal(t, 4, cur.Breaches)
	assert.Equal(t, 1, cur.NotBreaches)
	assert.Equal(t, 1, cur.Unclassified)
	assert.Equal(t, 3, cur.Notified)
	assert.Equal(t, 1, cur.Late, "90 hours after awareness")
	assert.Equal(t, 1, cur.Communicated)
	assert.Equal(t, []breach.DepartmentCount{{Department: "Børne- og Ungeforvaltningen", Count: 3},
		{Department: "Social- og Sundhedsforvaltningen", Count: 2}}, cur.ByDepartment)
	assert.Equal(t, []breach.ActivityCount{{Activity: activitySchool, Count: 3}, {Activity: activityCare, Count: 2}}, cur.ByActivity)
	assert.Equal(t, 1, rep.Years[1].Late, "2023: 80 hours")
	assert.Equal(t, 1, rep.Years[0].NotBreaches)

	for _, tag := range i18n.Supported() {
		p := i18n.NewPrinter(tag)
		lang := tag.String()
		doc := p.Markdown(rep.Document())
		goldenFile(t, "report/report_"+lang+".md", []byte(doc))
		assert.NotContains(t, doc, activitySchool.String(), "activities by name where the host gives one")

		var csv bytes.Buffer
		require.NoError(t, p.CSV(&csv, rep.Table()))
		goldenFile(t, "report/table_"+lang+".csv", csv.Bytes())

		svg := rep.Chart(p.Message)
		goldenFile(t, "report/chart_"+lang+".svg", svg)
		assert.Equal(t, svg, rep.Chart(p.Message), "deterministic")
		require.NoError(t, xml.Unmarshal(svg, new(struct{})), "well-formed SVG")
		assert.Contains(t, string(svg), "<title id=\"t\">")
	}
}

func TestReportBounds(t *testing.T) {
	ctx := context.Background()
	r := committeeRegister(t)
	for _, tt := range []struct{ year, earlier int }{{202, 0}, {2024, -1}, {2024, 21}, {1583, 1}} {
		_, err := r.Report(ctx, kommune, tt.year, tt.earlier)
		assert.ErrorIs(t, err, compliance.ErrInvalid, "%+v", tt)
	}
	rep, err := r.Report(ctx, kommune, 2030, 0)
	require.NoError(t, err)
	p := i18n.NewPrinter(i18n.Supported()[0])
	assert.Contains(t, p.Markdown(rep.Document()), "Ingen.", "an empty year says so")
	require.NoError(t, xml.Unmarshal(rep.Chart(p.Message), new(struct{})))
}

// TestRegisterExport: the Art 33(5) register as JSON, as CSV with
// localised headers and formula-injection guarded cells, and as a
// document.
func TestRegisterExport(t *testing.T) {
	ctx := context.Background()
	r := committeeRegister(t)
	e, err := r.Export(ctx, kommune)
	require.NoError(t, err)
	require.Len(t, e.Entries, 12)
	e.Activities = map[record.ActivityID]string{activitySchool: "Elevadministration"}

	data, err := json.MarshalIndent(e, "", "  ")
	require.NoError(t, err)
	goldenFile(t, "export/register.json", append(data, '\n'))

	for _, tag := range i18n.Supported() {
		p := i18n.NewPrinter(tag)
		lang := tag.String()
		var csv bytes.Buffer
		require.NoError(t, p.CSV(&csv, e.Table()))
		goldenFile(t, "export/register_"+lang+".csv", csv.Bytes())
		assert.NotContains(t, csv.String(), ";=HYPERLINK", "formula neutralised")
		assert.NotContains(t, csv.String(), ",=HYPERLINK", "formula neutralised")
		assert.Contains(t, csv.String(), "'=HYPERLINK")
		goldenFile(t, "export/register_"+lang+".md", []byte(p.Markdown(e.Document())))
	}
	header := strings.SplitN(func() string {
		var b bytes.Buffer
		_ = i18n.NewPrinter(i18n.Supported()[0]).CSV(&b, e.Table())
		return b.String()
	}(), "\r\n", 2)[0]
	assert.Contains(t, header, "Forvaltning", "Danish headers")
}
