package dpo

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tillid/tillid/compliance"
)

// Finding codes of [Review].
const (
	// CodeConditionNotMet: "The condition is not met: %[1]s" (condition).
	// Violation: the GDPR's own conditions.
	CodeConditionNotMet compliance.Code = "dpo.condition-not-met"
	// CodeConditionsNotAssessed: "Not assessed this year (conditions of
	// the DPO's position): %[1]s" (conditions). Warning: the kommune must be able to demonstrate them.
	CodeConditionsNotAssessed compliance.Code = "dpo.conditions-not-assessed"
	// CodeLateInvolvement: "The DPO was involved late in %[1]d matters"
	// (count). Warning.
	CodeLateInvolvement compliance.Code = "dpo.late-involvement"
	// CodeNoReasons: "%[1]d pieces of advice were not followed, or only
	// partly, without documented reasons" (count; WP243 rev.01 sections 3.1
	// and 4.2). Warning.
	CodeNoReasons compliance.Code = "dpo.not-followed-without-reasons"
	// CodeDPIAWithoutAdvice: "%[1]d DPIAs have no recorded advice of the
	// DPO" (count). Warning.
	CodeDPIAWithoutAdvice compliance.Code = "dpo.dpia-without-advice"
	// CodeNoManagementReport: "The DPO has not reported to the highest
	// management level this year". Info.
	CodeNoManagementReport compliance.Code = "dpo.no-management-report"
)

// Codes lists every finding code of the package.
func Codes() []compliance.Code {
	return []compliance.Code{CodeConditionNotMet, CodeConditionsNotAssessed, CodeLateInvolvement,
		CodeNoReasons, CodeDPIAWithoutAdvice, CodeNoManagementReport}
}

func wp243(section string) compliance.Ref {
	return compliance.Guidance(compliance.WP29, "WP243 rev.01", section)
}

// Year is the DPO's year in figures.
type Year struct {
	Year int `json:"year"`
	// Tasks counts the log's entries by task.
	Tasks map[Task]int `json:"tasks"`
	// Advice counts the advice (Advice and DPIAAdvice) by involvement and
	// outcome.
	Advice AdviceTally `json:"advice"`
	// Conditions is the year's assessment; zero when none was recorded.
	Conditions Conditions `json:"conditions"`
	// Findings are what management reads.
	Findings []compliance.Finding `json:"findings"`
}

// AdviceTally counts advice by involvement (Art 38(1)) and outcome.
type AdviceTally struct {
	Timely      int `json:"timely"`
	Late        int `json:"late"`
	Followed    int `json:"followed"`
	Partly      int `json:"partly-followed"`
	NotFollowed int `json:"not-followed"`
	Pending     int `json:"pending"`
}

// Review sums up year from the log entries, the assessment of conditions
// (the zero Conditions when none was made) and the DPIAs the kommune worked
// on that year, and finds what the GDPR and WP243 would have the DPO tell
// management. Entries of other years are ignored.
func Review(year int, entries []Entry, cond Conditions, dpias []compliance.DPIAID) Year {
	y := Year{Year: year, Tasks: map[Task]int{}, Conditions: cond.Clone()}
	advised := map[compliance.DPIAID]bool{}
	noReasons := 0
	for _, e := range entries {
		if e.On.Year != year || !e.Task.Valid() {
			continue
		}
		y.Tasks[e.Task]++
		if e.Task == DPIAAdvice {
			advised[e.DPIA] = true
		}
		if !e.advice() {
			continue
		}
		switch e.Involvement {
		case Timely:
			y.Advice.Timely++
		case Late:
			y.Advice.Late++
		}
		switch e.Outcome {
		case Followed:
			y.Advice.Followed++
		case PartlyFollowed:
			y.Advice.Partly++
		case NotFollowed:
			y.Advice.NotFollowed++
		case Pending:
			y.Advice.Pending++
		}
		if (e.Outcome == NotFollowed || e.Outcome == PartlyFollowed) && strings.TrimSpace(e.Reasons) == "" {
			noReasons++
		}
	}

	var fs []compliance.Finding
	var unassessed []Condition
	for c := range AllConditions() {
		switch cond.Status[c] {
		case NotMet:
			fs = append(fs, compliance.Finding{Code: CodeConditionNotMet, Severity: compliance.Violation,
				Principle: compliance.Accountability, Refs: compliance.RefsOf(c.Ref()),
				Args: []compliance.Arg{compliance.Name(c)}, Subject: c.String()})
		case Met:
		default:
			unassessed = append(unassessed, c)
		}
	}
	if len(unassessed) > 0 {
		fs = append(fs, compliance.Finding{Code: CodeConditionsNotAssessed, Severity: compliance.Warning,
			Principle: compliance.Accountability,
			Refs:      compliance.RefsOf(compliance.GDPR(5, 2, ""), compliance.GDPR(24, 1, ""), compliance.GDPR(38, 0, "")),
			Args:      []compliance.Arg{compliance.Names(slices.Values(unassessed))}})
	}
	if y.Advice.Late > 0 {
		fs = append(fs, compliance.Finding{Code: CodeLateInvolvement, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: compliance.RefsOf(compliance.GDPR(38, 1, ""), wp243("3.1")),
			Args: []compliance.Arg{compliance.Int(y.Advice.Late)}})
	}
	if noReasons > 0 {
		fs = append(fs, compliance.Finding{Code: CodeNoReasons, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: compliance.RefsOf(wp243("3.1"), wp243("4.2")),
			Args: []compliance.Arg{compliance.Int(noReasons)}})
	}
	missing := 0
	seen := map[compliance.DPIAID]bool{}
	for _, d := range dpias {
		if !seen[d] && !advised[d] {
			missing++
		}
		seen[d] = true
	}
	if missing > 0 {
		fs = append(fs, compliance.Finding{Code: CodeDPIAWithoutAdvice, Severity: compliance.Warning,
			Principle: compliance.Accountability, Refs: compliance.RefsOf(compliance.GDPR(35, 2, ""), compliance.GDPR(39, 1, "c")),
			Args: []compliance.Arg{compliance.Int(missing)}})
	}
	if y.Tasks[ManagementReport] == 0 {
		fs = append(fs, compliance.Finding{Code: CodeNoManagementReport, Severity: compliance.Info,
			Principle: compliance.Accountability, Refs: compliance.RefsOf(compliance.GDPR(38, 3, ""))})
	}
	y.Findings = fs
	return y
}

// Message codes of the yearly report.
const (
	// CodeReportTitle: "The data protection officer's report for %[1]s"
	// (the year, as text).
	CodeReportTitle compliance.Code = "dpo.report.title"
	// CodeReportTasks: heading "The DPO's work (Art 39)".
	CodeReportTasks compliance.Code = "dpo.report.tasks"
	// CodeReportTask: "%[1]s: %[2]d" (task, count).
	CodeReportTask compliance.Code = "dpo.report.task"
	// CodeReportAdvice: "Advice given: %[1]d in good time, %[2]d late;
	// %[3]d followed, %[4]d partly followed, %[5]d not followed, %[6]d
	// pending".
	CodeReportAdvice compliance.Code = "dpo.report.advice"
	// CodeReportConditions: heading "The DPO's position (Art 37 and 38)".
	CodeReportConditions compliance.Code = "dpo.report.conditions"
	// CodeReportCondition: "%[1]s: %[2]s" (condition, status).
	CodeReportCondition compliance.Code = "dpo.report.condition"
	// CodeReportFindings: heading "For management's attention".
	CodeReportFindings compliance.Code = "dpo.report.findings"
)

// ReportCodes lists the message codes of the report.
func ReportCodes() []compliance.Code {
	return []compliance.Code{CodeReportTitle, CodeReportTasks, CodeReportTask, CodeReportAdvice,
		CodeReportConditions, CodeReportCondition, CodeReportFindings}
}

// Report returns the year as the document the DPO gives management.
func (y Year) Report() compliance.Document {
	// The year is text: a number argument is printed with a thousands
	// separator ("2.026").
	doc := compliance.Document{Title: compliance.Msg(CodeReportTitle, compliance.Text(strconv.Itoa(y.Year)))}
	doc.Heading(CodeReportFindings)
	for _, f := range y.Findings {
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockParagraph, Text: f.Message(), Refs: f.Refs})
	}
	doc.Heading(CodeReportTasks)
	for t := range AllTasks() {
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockItem,
			Text: compliance.Msg(CodeReportTask, compliance.Name(t), compliance.Int(y.Tasks[t])),
			Refs: compliance.RefsOf(t.Ref())})
	}
	doc.Paragraph(CodeReportAdvice, compliance.Int(y.Advice.Timely), compliance.Int(y.Advice.Late), compliance.Int(y.Advice.Followed),
		compliance.Int(y.Advice.Partly), compliance.Int(y.Advice.NotFollowed), compliance.Int(y.Advice.Pending))
	doc.Heading(CodeReportConditions)
	for c := range AllConditions() {
		s := y.Conditions.Status[c]
		if !s.Valid() {
			continue
		}
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockItem,
			Text: compliance.Msg(CodeReportCondition, compliance.Name(c), compliance.Name(s)),
			Refs: compliance.RefsOf(c.Ref())})
	}
	return doc
}
