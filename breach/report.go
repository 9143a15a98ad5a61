package breach

import (
	"bytes"
	"context"
	"html"
	"strconv"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// Report is the committee's yearly report on personal data breaches: the
// statistics of a year against the years before it, as a localised
// [compliance.Document] ([Report.Document]), a table ([Report.Table]) and a
// chart ([Report.Chart]). Art 33(5) GDPR asks every controller to document
// its breaches; how a kommune reports them to its committee is its own
// choice, and the figures are those its GDPR team counts (Ballerup, for
// example, reported incidents registered, notified to Datatilsynet and
// found not to be breaches).
type Report struct {
	// Year is the year reported on.
	Year int `json:"year"`
	// Years are the statistics of each year, oldest first; the last is
	// Year's.
	Years []Statistics `json:"years"`
	// Activities names the Art 30 activities by ID, for the document; an
	// activity without a name is shown by its ID. The host fills it from
	// its record of processing activities.
	Activities map[record.ActivityID]string `json:"-"`
}

// maxReportYears bounds the years of a report.
const maxReportYears = 20

// Report returns the report on year with the earlier years before it
// (0 to 20), each counted as [Register.Year] counts it.
func (r *Register) Report(ctx context.Context, c compliance.ControllerID, year, earlier int) (Report, error) {
	if err := r.check(c); err != nil {
		return Report{}, err
	}
	var v compliance.Validation
	if year < minYear || year > maxYear || year-earlier < minYear {
		v.Add("year", compliance.ReasonRange)
	}
	if earlier < 0 || earlier > maxReportYears {
		v.Add("earlier", compliance.ReasonRange)
	}
	if err := v.Err("report"); err != nil {
		return Report{}, err
	}
	rep := Report{Year: year}
	for y := year - earlier; y <= year; y++ {
		s, err := r.Year(ctx, c, y)
		if err != nil {
			return Report{}, err
		}
		rep.Years = append(rep.Years, s)
	}
	return rep, nil
}

// Message codes of the report.
const (
	codeReportTitle        = "breach.report.title"
	codeReportIntro        = "breach.report.intro"
	codeReportIntroOne     = "breach.report.intro-one"
	codeReportFigures      = "breach.report.figures"
	codeReportCauses       = "breach.report.causes"
	codeReportDepartments  = "breach.report.departments"
	codeReportActivities   = "breach.report.activities"
	codeReportEarlier      = "breach.report.earlier"
	codeReportCompare      = "breach.report.compare"
	codeReportN            = "breach.report.n"
	codeReportYearLine     = "breach.report.year-line"
	codeReportNone         = "breach.report.none"
	codeReportNoCause      = "breach.report.no-cause"
	codeReportNoDepartment = "breach.report.no-department"
	codeReportNoActivity   = "breach.report.no-activity"
	codeReportMetric       = "breach.report.metric"
	codeReportRegistered   = "breach.report.registered"
	codeReportBreaches     = "breach.report.breaches"
	codeReportNotBreaches  = "breach.report.not-breaches"
	codeReportUnclassified = "breach.report.unclassified"
	codeReportNotified     = "breach.report.notified"
	codeReportLate         = "breach.report.late"
	codeReportCommunicated = "breach.report.communicated"
	codeReportChartTitle   = "breach.report.chart-title"
	codeReportChartDesc    = "breach.report.chart-description"
)

// metric is one figure of the statistics.
type metric struct {
	code compliance.Code
	ref  compliance.Ref
	get  func(*Statistics) int
}

var metrics = []metric{
	{codeReportRegistered, refArt33_5, func(s *Statistics) int { return s.Registered }},
	{codeReportBreaches, refArt4_12, func(s *Statistics) int { return s.Breaches }},
	{codeReportNotBreaches, refArt4_12, func(s *Statistics) int { return s.NotBreaches }},
	{codeReportUnclassified, refArt4_12, func(s *Statistics) int { return s.Unclassified }},
	{codeReportNotified, refArt33_1, func(s *Statistics) int { return s.Notified }},
	{codeReportLate, refArt33_1, func(s *Statistics) int { return s.Late }},
	{codeReportCommunicated, refArt34_1, func(s *Statistics) int { return s.Communicated }},
}

func yearArg(y int) compliance.Arg { return compliance.Text(strconv.Itoa(y)) }

// current returns the statistics of the report's year and of the year
// before, if any.
func (rep Report) current() (cur, prev *Statistics) {
	if n := len(rep.Years); n > 0 {
		cur = &rep.Years[n-1]
		if n > 1 {
			prev = &rep.Years[n-2]
		}
	}
	return cur, prev
}

// Document returns the report as a document for the committee: the year's
// figures against the year before, the breaches by cause, by department
// and by Art 30 activity, and a line for each earlier year. It names no
// person: counts, causes, departments and activities only.
func (rep Report) Document() compliance.Document {
	var d compliance.Document
	d.Title = compliance.Msg(codeReportTitle, yearArg(rep.Year))
	cur, prev := rep.current()
	if cur == nil {
		d.Paragraph(codeReportNone)
		return d
	}
	if len(rep.Years) > 1 {
		d.Paragraph(codeReportIntro, yearArg(rep.Year), yearArg(rep.Years[0].From.Year), yearArg(prev.From.Year))
	} else {
		d.Paragraph(codeReportIntroOne, yearArg(rep.Year))
	}
	d.Heading(codeReportFigures, yearArg(rep.Year))
	for _, m := range metrics {
		value := compliance.Msg(codeReportN, compliance.Int(m.get(cur)))
		if prev != nil {
			value = compliance.Msg(codeReportCompare, compliance.Int(m.get(cur)), yearArg(prev.From.Year), compliance.Int(m.get(prev)))
		}
		d.Field(compliance.Msg(m.code), value, m.ref)
	}
	d.Heading(codeReportCauses)
	if len(cur.ByCause) == 0 {
		d.Paragraph(codeReportNone)
	}
	for _, c := range cur.ByCause {
		name := compliance.Msg(codeReportNoCause)
		if c.Cause.Valid() {
			name = compliance.Msg(compliance.CodeText, compliance.Name(c.Cause))
		}
		d.Field(name, compliance.Msg(codeReportN, compliance.Int(c.Count)))
	}
	d.Heading(codeReportDepartments)
	if len(cur.ByDepartment) == 0 {
		d.Paragraph(codeReportNone)
	}
	for _, c := range cur.ByDepartment {
		name := compliance.Msg(codeReportNoDepartment)
		if c.Department != "" {
			name = compliance.Msg(compliance.CodeText, compliance.Text(c.Department))
		}
		d.Field(name, compliance.Msg(codeReportN, compliance.Int(c.Count)))
	}
	d.Heading(codeReportActivities)
	if len(cur.ByActivity) == 0 {
		d.Paragraph(codeReportNone)
	}
	for _, c := range cur.ByActivity {
		name := compliance.Msg(codeReportNoActivity)
		if !c.Activity.IsZero() {
			name = activity(c.Activity, rep.Activities)
		}
		d.Field(name, compliance.Msg(codeReportN, compliance.Int(c.Count)), refArt30_1)
	}
	if len(rep.Years) > 1 {
		d.Heading(codeReportEarlier)
		for i := len(rep.Years) - 2; i >= 0; i-- {
			s := &rep.Years[i]
			d.Item(codeReportYearLine, yearArg(s.From.Year), compliance.Int(s.Registered), compliance.Int(s.Breaches),
				compliance.Int(s.Notified), compliance.Int(s.Late), compliance.Int(s.Communicated))
		}
	}
	return d
}

// Table returns the figures as a table: one row per figure, one column per
// year, oldest first — for a spreadsheet (i18n's Printer.CSV).
func (rep Report) Table() compliance.Table {
	t := compliance.Table{Columns: []compliance.Message{compliance.Msg(codeReportMetric)}}
	for _, s := range rep.Years {
		t.Columns = append(t.Columns, compliance.Msg(compliance.CodeText, yearArg(s.From.Year)))
	}
	for _, m := range metrics {
		row := []compliance.Cell{{compliance.Msg(m.code)}}
		for i := range rep.Years {
			row = append(row, compliance.Cell{compliance.Msg(codeReportN, compliance.Int(m.get(&rep.Years[i])))})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// chartSeries are the figures the chart shows, with their colours: a
// committee member sees at a glance how many incidents were breaches, how
// many were notified (and how many late), and how many reached the people
// concerned.
var chartSeries = []struct {
	code  compliance.Code
	color string
	get   func(*Statistics) int
}{
	{codeReportRegistered, "#9ecae1", func(s *Statistics) int { return s.Registered }},
	{codeReportBreaches, "#4292c6", func(s *Statistics) int { return s.Breaches }},
	{codeReportNotified, "#08519c", func(s *Statistics) int { return s.Notified }},
	{codeReportLate, "#cb181d", func(s *Statistics) int { return s.Late }},
	{codeReportCommunicated, "#41ab5d", func(s *Statistics) int { return s.Communicated }},
}

// Chart returns the report as an SVG bar chart: for each year a group of
// bars — registered, breaches, notified, notified late, communicated —
// with its number above each bar, a legend, and a title, all rendered by
// render (i18n's Printer.Message). The output depends only on the report
// and render: the same input gives the same bytes. It uses no script, no
// external resource and no font but the reader's sans-serif.
func (rep Report) Chart(render func(compliance.Message) string) []byte {
	const (
		barW, gap, groupGap = 22, 4, 28
		left, top, plotH    = 48, 56, 220
		legendH             = 24
	)
	n := len(chartSeries)
	groupW := n*barW + (n-1)*gap
	width := left + len(rep.Years)*(groupW+groupGap) + groupGap
	width = max(width, 480)
	height := top + plotH + 40 + legendH*((n+1)/2) + 8
	peak := 0
	for i := range rep.Years {
		for _, s := range chartSeries {
			peak = max(peak, s.get(&rep.Years[i]))
		}
	}
	scaleMax := niceCeil(peak)

	var b bytes.Buffer
	esc := func(s string) string { return html.EscapeString(s) }
	itoa := strconv.Itoa
	title := esc(render(compliance.Msg(codeReportTitle, yearArg(rep.Year))))
	desc := esc(render(compliance.Msg(codeReportChartDesc)))
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + itoa(width) + `" height="` + itoa(height) +
		`" viewBox="0 0 ` + itoa(width) + " " + itoa(height) + `" role="img" aria-labelledby="t d" font-family="sans-serif" font-size="12">` + "\n")
	b.WriteString(`<title id="t">` + title + "</title>\n")
	b.WriteString(`<desc id="d">` + desc + "</desc>\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	b.WriteString(`<text x="` + itoa(left) + `" y="24" font-size="16" font-weight="bold">` +
		esc(render(compliance.Msg(codeReportChartTitle, yearArg(rep.Year)))) + "</text>\n")
	base := top + plotH
	// Grid lines at quarters of the scale.
	for i := 0; i <= 4; i++ {
		v := scaleMax * i / 4
		y := base - plotH*i/4
		b.WriteString(`<line x1="` + itoa(left) + `" y1="` + itoa(y) + `" x2="` + itoa(width-8) + `" y2="` + itoa(y) +
			`" stroke="#dddddd"/>` + "\n")
		b.WriteString(`<text x="` + itoa(left-6) + `" y="` + itoa(y+4) + `" text-anchor="end" fill="#555555">` +
			esc(render(compliance.Msg(codeReportN, compliance.Int(v)))) + "</text>\n")
	}
	for gi := range rep.Years {
		s := &rep.Years[gi]
		x0 := left + groupGap + gi*(groupW+groupGap)
		for si, ser := range chartSeries {
			v := ser.get(s)
			h := 0
			if scaleMax > 0 {
				h = plotH * v / scaleMax
			}
			x := x0 + si*(barW+gap)
			label := esc(render(compliance.Msg(ser.code))) + ": " + esc(render(compliance.Msg(codeReportN, compliance.Int(v))))
			b.WriteString(`<rect x="` + itoa(x) + `" y="` + itoa(base-h) + `" width="` + itoa(barW) + `" height="` + itoa(h) +
				`" fill="` + ser.color + `"><title>` + label + "</title></rect>\n")
			b.WriteString(`<text x="` + itoa(x+barW/2) + `" y="` + itoa(base-h-4) + `" text-anchor="middle" font-size="11">` +
				esc(render(compliance.Msg(codeReportN, compliance.Int(v)))) + "</text>\n")
		}
		b.WriteString(`<text x="` + itoa(x0+groupW/2) + `" y="` + itoa(base+18) + `" text-anchor="middle" font-weight="bold">` +
			itoa(s.From.Year) + "</text>\n")
	}
	b.WriteString(`<line x1="` + itoa(left) + `" y1="` + itoa(base) + `" x2="` + itoa(width-8) + `" y2="` + itoa(base) +
		`" stroke="#333333"/>` + "\n")
	// Legend, two to a row.
	ly := base + 40
	for si, ser := range chartSeries {
		x := left + (si%2)*((width-left)/2)
		y := ly + (si/2)*legendH
		b.WriteString(`<rect x="` + itoa(x) + `" y="` + itoa(y-10) + `" width="12" height="12" fill="` + ser.color + `"/>` + "\n")
		b.WriteString(`<text x="` + itoa(x+18) + `" y="` + itoa(y) + `">` + esc(render(compliance.Msg(ser.code))) + "</text>\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// niceCeil returns the smallest of 4, 8, 20, 40, 80, 200, … (4, 8 or 20
// times a power of ten, so that quarters are whole numbers) not below n.
func niceCeil(n int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{4, 8, 20} {
			if m*p >= n {
				return m * p
			}
		}
		if p > 1e8 {
			return n
		}
	}
}
