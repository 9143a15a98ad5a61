package retention

import (
	"time"

	"github.com/tillid/tillid/compliance"
)

// Message codes of the documents [Report] and [Erasure.Document] build.
const (
	// CodeReportTitle: "Retention decisions at %[1]s" (instant).
	CodeReportTitle compliance.Code = "retention.report.title"
	// CodeReportSummary: "%[1]d cases: %[2]d kept, %[3]d to be deleted,
	// %[4]d to be transferred to the archive, %[5]d to be re-assessed."
	CodeReportSummary compliance.Code = "retention.report.summary"
	// CodeReportRecord: "Case %[1]s, %[2]s: %[3]s" (record ID, scheme,
	// class), or CodeReportRecordNoClass without a class: "Case %[1]s".
	CodeReportRecord        compliance.Code = "retention.report.record"
	CodeReportRecordNoClass compliance.Code = "retention.report.record-no-class"
	// CodeErasureTitle: "Request for erasure of case %[1]s, %[2]s"
	// (record ID, instant).
	CodeErasureTitle compliance.Code = "retention.erasure.title"
)

// ReportCodes lists the message codes of the documents.
func ReportCodes() []compliance.Code {
	return []compliance.Code{CodeReportTitle, CodeReportSummary, CodeReportRecord, CodeReportRecordNoClass, CodeErasureTitle}
}

// Report returns a document of the decisions of a sweep at instant at, for
// a DPO or an archivist: the counts of sum, then, for each decision, a
// heading naming the case and its classification and a paragraph per
// finding with the references it rests on. Package i18n renders it.
func Report(at time.Time, sum Summary, decisions []Decision) compliance.Document {
	doc := compliance.Document{Title: compliance.Msg(CodeReportTitle, compliance.TimeArg(at))}
	doc.Paragraph(CodeReportSummary, compliance.Int(sum.Records), compliance.Int(sum.Keep),
		compliance.Int(sum.Delete), compliance.Int(sum.Transfer), compliance.Int(sum.Review))
	for _, d := range decisions {
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockHeading, Text: recordHeading(d)})
		appendFindings(&doc, d.Findings())
	}
	return doc
}

// Document returns the answer to the request for erasure as a document:
// a title naming the case and the instant, then a paragraph per finding
// with the references it rests on.
func (x Erasure) Document(at time.Time) compliance.Document {
	doc := compliance.Document{Title: compliance.Msg(CodeErasureTitle, compliance.Text(x.Decision.Record), compliance.TimeArg(at))}
	doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockHeading, Text: recordHeading(x.Decision)})
	appendFindings(&doc, x.Findings())
	return doc
}

func recordHeading(d Decision) compliance.Message {
	if d.Class == "" || !d.Scheme.Valid() {
		return compliance.Msg(CodeReportRecordNoClass, compliance.Text(d.Record))
	}
	return compliance.Msg(CodeReportRecord, compliance.Text(d.Record), compliance.Name(d.Scheme), compliance.Text(d.Class))
}

func appendFindings(doc *compliance.Document, fs []compliance.Finding) {
	for _, f := range fs {
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockParagraph, Text: f.Message(), Refs: f.Refs})
	}
}
