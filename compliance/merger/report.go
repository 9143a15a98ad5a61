package merger

import "github.com/tillid/tillid/compliance"

// Message codes of the merger report.
const (
	// CodeReportTitle: "Data protection in the merger on %[1]s" (date).
	CodeReportTitle compliance.Code = "merger.report.title"
	// CodeReportOrigin: "%[1]s: %[2]d processing activities, %[3]d
	// processors, %[4]d DPIAs, %[5]d retention rules".
	CodeReportOrigin compliance.Code = "merger.report.origin"
	// CodeReportSummary: "The new kommune's register: %[1]d processing
	// activities, %[2]d processors; %[3]d agreements to conclude or update,
	// %[4]d DPIAs to review, %[5]d retention classes to decide."
	CodeReportSummary compliance.Code = "merger.report.summary"
	// CodeReportDecide: heading "Decisions for the project group".
	CodeReportDecide compliance.Code = "merger.report.decide"
	// CodeReportInfo: heading "For information".
	CodeReportInfo compliance.Code = "merger.report.info"
)

// ReportCodes lists the message codes of [Merger.Report].
func ReportCodes() []compliance.Code {
	return []compliance.Code{CodeReportTitle, CodeReportOrigin, CodeReportSummary, CodeReportDecide, CodeReportInfo}
}

// Report returns the merger as a document for the project group: each old
// kommune's registers in figures, the new kommune's, then the decisions
// needed (warnings) and what is for information.
func (m Merger) Report(origins []Origin) compliance.Document {
	doc := compliance.Document{Title: compliance.Msg(CodeReportTitle, compliance.DateArg(m.On))}
	for _, o := range origins {
		doc.Item(CodeReportOrigin, compliance.Text(o.Name), compliance.Int(len(o.Activities)), compliance.Int(len(o.Processors)),
			compliance.Int(len(o.DPIAs)), compliance.Int(len(o.Rules)))
	}
	conflicts := 0
	for _, g := range m.Rules {
		if len(g.Differs) > 0 {
			conflicts++
		}
	}
	doc.Paragraph(CodeReportSummary, compliance.Int(len(m.Activities)), compliance.Int(len(m.Processors)),
		compliance.Int(len(m.Renewals)), compliance.Int(len(m.DPIAs)), compliance.Int(conflicts))
	for _, part := range []struct {
		heading compliance.Code
		warn    bool
	}{{CodeReportDecide, true}, {CodeReportInfo, false}} {
		var blocks []compliance.Block
		for _, f := range m.Findings {
			if (f.Severity >= compliance.Warning) == part.warn {
				blocks = append(blocks, compliance.Block{Kind: compliance.BlockItem, Text: f.Message(), Refs: f.Refs})
			}
		}
		if len(blocks) == 0 {
			continue
		}
		doc.Heading(part.heading)
		doc.Blocks = append(doc.Blocks, blocks...)
	}
	return doc
}
