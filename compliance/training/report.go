package training

import "github.com/tillid/tillid/compliance"

// Message codes of the report [Coverage.Report] builds.
const (
	// CodeReportTitle: "Data-protection training on %[1]s" (date).
	CodeReportTitle compliance.Code = "training.report.title"
	// CodeReportUnits: heading "By unit".
	CodeReportUnits compliance.Code = "training.report.units"
	// CodeReportGroups: heading "By group".
	CodeReportGroups compliance.Code = "training.report.groups"
	// CodeReportFindings: heading "Findings".
	CodeReportFindings compliance.Code = "training.report.findings"
	// CodeReportTally: "%[1]s: %[2]d of %[3]d current (%[4]s %); with
	// access to confidential data: %[5]d of %[6]d" (code, counts,
	// percentage, counts).
	CodeReportTally compliance.Code = "training.report.tally"
)

// ReportCodes lists the message codes of the report.
func ReportCodes() []compliance.Code {
	return []compliance.Code{CodeReportTitle, CodeReportUnits, CodeReportGroups, CodeReportFindings, CodeReportTally}
}

// Report returns the coverage as a document for the DPO and management:
// the findings first, then a line per unit and per group. It names units
// and groups by code and never an employee.
func (cov Coverage) Report() compliance.Document {
	doc := compliance.Document{Title: compliance.Msg(CodeReportTitle, compliance.DateArg(cov.On))}
	doc.Heading(CodeReportFindings)
	for _, f := range cov.Findings {
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockParagraph, Text: f.Message(), Refs: f.Refs})
	}
	for _, part := range []struct {
		heading compliance.Code
		tallies []Tally
	}{{CodeReportUnits, cov.Units}, {CodeReportGroups, cov.Groups}} {
		if len(part.tallies) == 0 {
			continue
		}
		doc.Heading(part.heading)
		for _, t := range part.tallies {
			doc.Item(CodeReportTally, compliance.Text(t.Code), compliance.Int(t.Current), compliance.Int(t.Staff),
				compliance.DecimalArg(t.Percent()), compliance.Int(t.SensitiveCurrent), compliance.Int(t.Sensitive))
		}
	}
	return doc
}
