package breach

import (
	"strings"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Contact is the kommune and the contact point that a notice names: the data
// protection officer or another contact point where more information can be
// obtained (Art 33(3)(b) GDPR). These are the kommune's own details, not
// those of the persons affected.
type Contact struct {
	// Controller is the kommune's name, such as "Roskilde Kommune".
	Controller string
	// Name is the name of the contact point.
	Name string
	// DPO reports that the contact point is the data protection officer.
	DPO bool
	// Email is the contact point's e-mail address.
	Email string
	// Phone is the contact point's telephone number; empty leaves it out.
	Phone string
}

// Message codes of the documents: the notice to Datatilsynet and the letter
// to the data subjects. The English texts are in package i18n.
const (
	codeNoticeTitle = "breach.notice.title"

	// Datatilsynet DK's items, in the order of its notification form
	// (https://www.datatilsynet.dk/english/report-a-breach).
	codeDK1  = "breach.notice.dk.contact"
	codeDK2  = "breach.notice.dk.description"
	codeDK3  = "breach.notice.dk.subjects"
	codeDK4  = "breach.notice.dk.records"
	codeDK5  = "breach.notice.dk.effects"
	codeDK6  = "breach.notice.dk.consequences"
	codeDK7  = "breach.notice.dk.measures"
	codeDK8  = "breach.notice.dk.measures-before"
	codeDK9  = "breach.notice.dk.mitigation"
	codeDK10 = "breach.notice.dk.communicated"
	codeDK11 = "breach.notice.dk.not-communicated"
	codeDK12 = "breach.notice.dk.more-time"

	// Datatilsynet NO's sections, in the order of its form in Altinn
	// (https://www.datatilsynet.no/rettigheter-og-plikter/virksomhetenes-plikter/avvikshandtering/meld-avvik-til-datatilsynet/).
	codeNODescription  = "breach.notice.no.description"
	codeNOConsequences = "breach.notice.no.consequences"
	codeNOMeasures     = "breach.notice.no.measures"
	codeNOInformation  = "breach.notice.no.information"
	codeNOContact      = "breach.notice.no.contact"
	codeNOTiming       = "breach.notice.no.timing"

	codeLabelController       = "breach.label.controller"
	codeLabelReference        = "breach.label.reference"
	codeLabelNotification     = "breach.label.notification"
	codeLabelContactName      = "breach.label.contact-name"
	codeLabelContactRole      = "breach.label.contact-role"
	codeLabelEmail            = "breach.label.email"
	codeLabelPhone            = "breach.label.phone"
	codeLabelNature           = "breach.label.nature"
	codeLabelCause            = "breach.label.cause"
	codeLabelMalicious        = "breach.label.malicious"
	codeLabelPeriod           = "breach.label.period"
	codeLabelDiscovered       = "breach.label.discovered"
	codeLabelAware            = "breach.label.aware"
	codeLabelContained        = "breach.label.contained"
	codeLabelDescription      = "breach.label.description"
	codeLabelSubjects         = "breach.label.subjects"
	codeLabelSubjectCount     = "breach.label.subject-count"
	codeLabelData             = "breach.label.data"
	codeLabelRecordCount      = "breach.label.record-count"
	codeLabelRecipients       = "breach.label.recipients"
	codeLabelEncryption       = "breach.label.encryption"
	codeLabelBackup           = "breach.label.backup"
	codeLabelRestored         = "breach.label.restored"
	codeLabelEffects          = "breach.label.effects"
	codeLabelConsequences     = "breach.label.consequences"
	codeLabelRisk             = "breach.label.risk"
	codeLabelSeverity         = "breach.label.severity"
	codeLabelMeasuresTaken    = "breach.label.measures-taken"
	codeLabelMeasuresProposed = "breach.label.measures-proposed"
	codeLabelMeasuresBefore   = "breach.label.measures-before"
	codeLabelMitigation       = "breach.label.mitigation"
	codeLabelCommunicated     = "breach.label.communicated"
	codeLabelWhyNot           = "breach.label.why-not"
	codeLabelFollowUp         = "breach.label.follow-up"
	codeLabelDelayReasons     = "breach.label.delay-reasons"
	codeLabelDeadline         = "breach.label.deadline"

	codeValueNotStated     = "breach.value.not-stated"
	codeValueYes           = "breach.value.yes"
	codeValueNo            = "breach.value.no"
	codeValuePeriod        = "breach.value.period"
	codeValueSeverity      = "breach.value.severity"
	codeValueDPO           = "breach.value.dpo"
	codeValueContactPoint  = "breach.value.contact-point"
	codeValueFollowUpOf    = "breach.value.follow-up-of"
	codeValueComplete      = "breach.value.complete"
	codeValueNextBy        = "breach.value.next-by"
	codeValueNextUnknown   = "breach.value.next-unknown"
	codeValueCommunication = "breach.value.communication"
	codeValueNotYet        = "breach.value.not-yet"
	codeValueNoHighRisk    = "breach.value.no-high-risk"
	codeValueTold          = "breach.value.told"
	codeValueWillTell      = "breach.value.will-tell"
	codeValueWillPublish   = "breach.value.will-publish"
	codeCountExact         = "breach.count.exact"
	codeCountAbout         = "breach.count.about"
	codeCountRange         = "breach.count.range"

	codeLetterTitle          = "breach.letter.title"
	codeLetterTitlePublic    = "breach.letter.title-public"
	codeLetterIntro          = "breach.letter.intro"
	codeLetterIntroPublic    = "breach.letter.intro-public"
	codeLetterWhat           = "breach.letter.what"
	codeLetterC              = "breach.letter.confidentiality"
	codeLetterI              = "breach.letter.integrity"
	codeLetterA              = "breach.letter.availability"
	codeLetterConsequences   = "breach.letter.consequences"
	codeLetterConsUnknown    = "breach.letter.consequences-unknown"
	codeLetterMeasures       = "breach.letter.measures"
	codeLetterMeasuresNone   = "breach.letter.measures-unknown"
	codeLetterAdvice         = "breach.letter.advice"
	codeLetterContact        = "breach.letter.contact"
	codeLetterContactDPO     = "breach.letter.contact-dpo"
	codeLetterContactPoint   = "breach.letter.contact-point"
	codeLetterContactDetails = "breach.letter.contact-details"
)

// documentCodes lists the message codes of the documents.
var documentCodes = []compliance.Code{
	codeNoticeTitle,
	codeDK1, codeDK2, codeDK3, codeDK4, codeDK5, codeDK6, codeDK7, codeDK8, codeDK9, codeDK10, codeDK11, codeDK12,
	codeNODescription, codeNOConsequences, codeNOMeasures, codeNOInformation, codeNOContact, codeNOTiming,
	codeLabelController, codeLabelReference, codeLabelNotification, codeLabelContactName, codeLabelContactRole,
	codeLabelEmail, codeLabelPhone, codeLabelNature, codeLabelCause, codeLabelMalicious, codeLabelPeriod,
	codeLabelDiscovered, codeLabelAware, codeLabelContained, codeLabelDescription, codeLabelSubjects,
	codeLabelSubjectCount, codeLabelData, codeLabelRecordCount, codeLabelRecipients, codeLabelEncryption,
	codeLabelBackup, codeLabelRestored, codeLabelEffects, codeLabelConsequences, codeLabelRisk, codeLabelSeverity,
	codeLabelMeasuresTaken, codeLabelMeasuresProposed, codeLabelMeasuresBefore, codeLabelMitigation,
	codeLabelCommunicated, codeLabelWhyNot, codeLabelFollowUp, codeLabelDelayReasons, codeLabelDeadline,
	codeValueNotStated, codeValueYes, codeValueNo, codeValuePeriod, codeValueSeverity, codeValueDPO,
	codeValueContactPoint, codeValueFollowUpOf, codeValueComplete, codeValueNextBy, codeValueNextUnknown,
	codeValueCommunication, codeValueNotYet, codeValueNoHighRisk, codeValueTold, codeValueWillTell, codeValueWillPublish,
	codeCountExact, codeCountAbout, codeCountRange,
	codeLetterTitle, codeLetterTitlePublic, codeLetterIntro, codeLetterIntroPublic, codeLetterWhat,
	codeLetterC, codeLetterI, codeLetterA, codeLetterConsequences, codeLetterConsUnknown,
	codeLetterMeasures, codeLetterMeasuresNone, codeLetterAdvice, codeLetterContact, codeLetterContactDPO,
	codeLetterContactPoint, codeLetterContactDetails,
}

// notice builds documents, rendering instants in the jurisdiction's zone.
type notice struct {
	doc compliance.Document
	loc *time.Location
}

func newNotice(j compliance.Jurisdiction) *notice {
	loc, err := j.Location()
	if err != nil {
		loc = time.UTC
	}
	return &notice{loc: loc}
}

func text(s string) compliance.Message {
	if strings.TrimSpace(s) == "" {
		return compliance.Msg(codeValueNotStated)
	}
	return compliance.Msg(compliance.CodeText, compliance.Text(s))
}

func (n *notice) when(t time.Time) compliance.Message {
	if t.IsZero() {
		return compliance.Msg(codeValueNotStated)
	}
	return compliance.Msg(compliance.CodeText, compliance.TimeArg(t.In(n.loc)))
}

func names[T compliance.Keyed](all func(func(T) bool)) compliance.Message {
	arg := compliance.Names(all)
	if len(arg.Keys) == 0 {
		return compliance.Msg(codeValueNotStated)
	}
	return compliance.Msg(compliance.CodeText, arg)
}

func name(v interface {
	compliance.Keyed
	Valid() bool
}) compliance.Message {
	if !v.Valid() {
		return compliance.Msg(codeValueNotStated)
	}
	return compliance.Msg(compliance.CodeText, compliance.Name(v))
}

func yesNo(b bool) compliance.Message {
	if b {
		return compliance.Msg(codeValueYes)
	}
	return compliance.Msg(codeValueNo)
}

func count(c Count) compliance.Message {
	switch {
	case c.IsZero():
		return compliance.Msg(codeValueNotStated)
	case c.Max != 0 && c.Max != c.Min:
		return compliance.Msg(codeCountRange, compliance.Int(c.Min), compliance.Int(c.Max))
	case c.Approximate:
		return compliance.Msg(codeCountAbout, compliance.Int(c.Min))
	}
	return compliance.Msg(codeCountExact, compliance.Int(c.Min))
}

// heading appends a section heading citing refs, the provisions the
// section's fields answer to.
func (n *notice) heading(code compliance.Code, refs ...compliance.Ref) {
	n.doc.Blocks = append(n.doc.Blocks, compliance.Block{Kind: compliance.BlockHeading, Text: compliance.Msg(code), Refs: compliance.RefsOf(refs...)})
}

// field appends a labelled value; refs are given where the field answers
// to another provision than its section.
func (n *notice) field(label compliance.Code, value compliance.Message, refs ...compliance.Ref) {
	n.doc.Field(compliance.Msg(label), value, refs...)
}

// AuthorityNotice returns the notification of breach b to Datatilsynet
// (Art 33(3) GDPR), with assessment a, laid out as the authority of a's
// jurisdiction asks:
//
//   - Denmark: the twelve items Datatilsynet DK asks for, in its order —
//     contact information; description of the incident; categories and
//     number of persons; categories and number of records; consequences;
//     likely consequences; measures taken or proposed; measures in place
//     before the breach; measures to limit its effects; whether and how the
//     data subjects were told; if not, why; and when missing information
//     will follow (https://www.datatilsynet.dk/english/report-a-breach).
//   - Norway: the sections of Datatilsynet NO's form — description of the
//     breach (main cause, period, when discovered, number of persons, what
//     happened and how, the types of data, the kommune's relation to the
//     persons, where the data are now); consequences; measures;
//     information to the persons concerned; contact information
//     (https://www.datatilsynet.no/rettigheter-og-plikter/virksomhetenes-plikter/avvikshandtering/meld-avvik-til-datatilsynet/).
//     The form asks nothing about timing; the notice adds a section with
//     the deadline, the reasons for a delay and when missing information
//     will follow (Art 33(1) and (4)).
//
// Each section cites the point of Art 33(3) it answers — (a) nature,
// categories and numbers; (b) contact point; (c) likely consequences; (d)
// measures — or the provision behind it, and a field that answers another
// provision cites it. The notice is the next one due: the initial
// notification, or a follow-up (Art 33(4)) once one has been made.
//
// The notice carries no personal data of the persons affected: it gives
// categories and numbers, never identities. The caseworker's texts
// (b.Text) are included as written; Datatilsynet DK asks that they name no
// one either.
func AuthorityNotice(b Breach, a Assessment, c Contact) compliance.Document {
	n := newNotice(a.Jurisdiction)
	n.doc.Title = compliance.Msg(codeNoticeTitle)
	n.field(codeLabelController, text(c.Controller))
	// The kommune's own case number; never the register's internal ID,
	// which means nothing to Datatilsynet.
	n.field(codeLabelReference, text(b.Reference))
	if first, ok := b.FirstNotification(); ok {
		n.field(codeLabelNotification, compliance.Msg(codeValueFollowUpOf,
			compliance.TimeArg(first.At.In(n.loc)), compliance.Text(orNotStated(first.Reference))), refArt33_4)
	} else {
		n.field(codeLabelNotification, name(Initial), refArt33_1)
	}
	if a.Jurisdiction == compliance.NO {
		n.norwegian(b, a, c)
	} else {
		n.danish(b, a, c)
	}
	return n.doc
}

func orNotStated(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (n *notice) contact(c Contact) {
	n.field(codeLabelContactName, text(c.Name))
	role := compliance.Msg(codeValueContactPoint)
	if c.DPO {
		role = compliance.Msg(codeValueDPO)
	}
	n.field(codeLabelContactRole, role)
	n.field(codeLabelEmail, text(c.Email))
	if c.Phone != "" {
		n.field(codeLabelPhone, text(c.Phone))
	}
}

func (n *notice) period(b Breach) compliance.Message {
	if !b.OccurredUntil.IsZero() && !b.Occurred.IsZero() {
		return compliance.Msg(codeValuePeriod, compliance.TimeArg(b.Occurred.In(n.loc)), compliance.TimeArg(b.OccurredUntil.In(n.loc)))
	}
	return n.when(b.Occurred)
}

// whereabouts writes who received the data and how they were protected,
// and whether lost data could be restored.
func (n *notice) whereabouts(b Breach) {
	if b.Nature.Has(Confidentiality) {
		n.field(codeLabelRecipients, name(b.Recipients))
		n.field(codeLabelEncryption, name(b.Encryption))
	}
	if b.Nature.Has(Availability) || b.Nature.Has(Integrity) {
		n.field(codeLabelBackup, name(b.Backup))
		n.field(codeLabelRestored, n.when(b.Restored))
	}
}

// likely writes the likely consequences: the caseworker's text, the risk
// and ENISA's severity.
func (n *notice) likely(b Breach, a Assessment) {
	n.field(codeLabelConsequences, text(b.Text.Consequences))
	n.field(codeLabelRisk, name(a.Risk), refArt33_1, refArt34_1)
	if !a.Severity.IsZero() {
		n.field(codeLabelSeverity, compliance.Msg(codeValueSeverity,
			compliance.DecimalArg(a.Severity.Score), compliance.Name(a.Severity.Band)), refENISA)
	}
}

// told writes whether and how the data subjects were told (Art 34).
func (n *notice) told(b Breach) {
	if len(b.Communications) == 0 {
		n.field(codeLabelCommunicated, compliance.Msg(codeValueNotYet))
		return
	}
	for _, c := range b.Communications {
		n.field(codeLabelCommunicated, compliance.Msg(codeValueCommunication,
			compliance.Name(c.Channel), compliance.TimeArg(c.At.In(n.loc))))
	}
}

// whyNot writes why the data subjects have not been told: an exemption of
// Art 34(3), no likely high risk, or that they will be.
func (n *notice) whyNot(b Breach, a Assessment) {
	switch {
	case len(b.Communications) > 0:
		n.field(codeLabelWhyNot, compliance.Msg(codeValueTold))
	case a.Exemption == Disproportionate:
		n.field(codeLabelWhyNot, compliance.Msg(codeValueWillPublish), refArt34_3c)
	case a.Exemption != 0:
		n.field(codeLabelWhyNot, name(a.Exemption), a.Exemption.Ref())
	case a.Communicate == NoCommunication:
		n.field(codeLabelWhyNot, compliance.Msg(codeValueNoHighRisk))
	default:
		n.field(codeLabelWhyNot, compliance.Msg(codeValueWillTell))
	}
}

// timing writes when the rest of the information follows (Art 33(4)), the
// deadline and, for a late notification, the reasons for the delay (Art
// 33(1)).
func (n *notice) timing(b Breach, a Assessment) {
	last := AuthorityNotification{}
	if len(b.Authority) > 0 {
		last = b.Authority[len(b.Authority)-1]
	}
	switch {
	case last.IsComplete():
		n.field(codeLabelFollowUp, compliance.Msg(codeValueComplete))
	case !last.NextBy.IsZero():
		n.field(codeLabelFollowUp, compliance.Msg(codeValueNextBy, compliance.TimeArg(last.NextBy.In(n.loc))))
	default:
		n.field(codeLabelFollowUp, compliance.Msg(codeValueNextUnknown))
	}
	if !a.Deadline.IsZero() {
		// The instant the 72 hours run from, and why: the kommune's own
		// awareness, or its processor's earlier notice.
		var from compliance.Code = codeValueClockAware
		refs := []compliance.Ref{refArt33_1}
		if a.ClockFromProcessor {
			from = codeValueClockProcessor
			refs = append(refs, refArt33_2, refWP250Proc)
		}
		n.field(codeLabelClockStart, compliance.Msg(from, compliance.TimeArg(a.Deadline.Start.In(n.loc))), refs...)
		n.field(codeLabelDeadline, compliance.Msg(compliance.CodeText, compliance.TimeArg(a.Deadline.End.In(n.loc))), refArt33_1)
	}
	if a.Status == Late || a.Status == Overdue || b.Text.DelayReasons != "" {
		n.field(codeLabelDelayReasons, text(b.Text.DelayReasons), refArt33_1)
	}
}

func (n *notice) danish(b Breach, a Assessment, c Contact) {
	n.heading(codeDK1, refArt33_3b)
	n.contact(c)
	n.heading(codeDK2, refArt33_3a)
	n.field(codeLabelDescription, text(b.Text.Description))
	n.field(codeLabelNature, names(b.Nature.All()))
	n.field(codeLabelCause, name(b.Cause))
	n.field(codeLabelMalicious, yesNo(b.Malicious))
	n.field(codeLabelPeriod, n.period(b))
	n.field(codeLabelDiscovered, n.when(b.Discovered))
	n.field(codeLabelAware, n.when(b.Aware), refArt33_1)
	n.field(codeLabelContained, n.when(b.Contained))
	n.whereabouts(b)
	n.heading(codeDK3, refArt33_3a)
	n.field(codeLabelSubjects, names(b.Subjects.All()))
	n.field(codeLabelSubjectCount, count(b.SubjectCount))
	n.heading(codeDK4, refArt33_3a)
	n.field(codeLabelData, names(b.Data.All()))
	n.field(codeLabelRecordCount, count(b.RecordCount))
	n.heading(codeDK5, refArt33_5)
	n.field(codeLabelEffects, text(b.Text.Effects))
	n.heading(codeDK6, refArt33_3c)
	n.likely(b, a)
	n.heading(codeDK7, refArt33_3d)
	n.field(codeLabelMeasuresTaken, text(b.Text.MeasuresTaken))
	n.field(codeLabelMeasuresProposed, text(b.Text.MeasuresProposed))
	n.heading(codeDK8, refArt32_1)
	n.field(codeLabelMeasuresBefore, text(b.Text.MeasuresBefore))
	n.heading(codeDK9, refArt33_3d)
	n.field(codeLabelMitigation, text(b.Text.Mitigation))
	n.heading(codeDK10, refArt34_1)
	n.told(b)
	n.heading(codeDK11, refArt34_1)
	n.whyNot(b, a)
	n.heading(codeDK12, refArt33_4)
	n.timing(b, a)
}

func (n *notice) norwegian(b Breach, a Assessment, c Contact) {
	n.heading(codeNODescription, refArt33_3a)
	n.field(codeLabelCause, name(b.Cause))
	n.field(codeLabelPeriod, n.period(b))
	n.field(codeLabelDiscovered, n.when(b.Discovered))
	n.field(codeLabelAware, n.when(b.Aware), refArt33_1)
	n.field(codeLabelContained, n.when(b.Contained))
	n.field(codeLabelSubjectCount, count(b.SubjectCount))
	n.field(codeLabelRecordCount, count(b.RecordCount))
	n.field(codeLabelDescription, text(b.Text.Description))
	n.field(codeLabelNature, names(b.Nature.All()))
	n.field(codeLabelMalicious, yesNo(b.Malicious))
	n.field(codeLabelData, names(b.Data.All()))
	n.field(codeLabelSubjects, names(b.Subjects.All()))
	n.whereabouts(b)
	n.heading(codeNOConsequences, refArt33_3c)
	n.field(codeLabelEffects, text(b.Text.Effects), refArt33_5)
	n.likely(b, a)
	n.heading(codeNOMeasures, refArt33_3d)
	n.field(codeLabelMeasuresTaken, text(b.Text.MeasuresTaken))
	n.field(codeLabelMeasuresProposed, text(b.Text.MeasuresProposed))
	n.field(codeLabelMitigation, text(b.Text.Mitigation))
	n.field(codeLabelMeasuresBefore, text(b.Text.MeasuresBefore), refArt32_1)
	n.heading(codeNOInformation, refArt34_1)
	n.told(b)
	n.whyNot(b, a)
	n.heading(codeNOContact, refArt33_3b)
	n.contact(c)
	n.heading(codeNOTiming, refArt33_4)
	n.timing(b, a)
}

// Message codes added for issue 13: the clock's start in the notice and the
// letter's plain-language list of data.
const (
	codeLabelClockStart     = "breach.label.clock-start"
	codeValueClockAware     = "breach.value.clock-aware"
	codeValueClockProcessor = "breach.value.clock-processor"
	codeLetterDataPlain     = "breach.letter.data-plain"
)

// documentxCodes lists the message codes of the documents added for issue
// 13: the notice's clock, the letter's plain list, the committee's report
// and the register export.
var documentxCodes = []compliance.Code{
	codeLabelClockStart, codeValueClockAware, codeValueClockProcessor, codeLetterDataPlain,
	codeReportTitle, codeReportIntro, codeReportIntroOne, codeReportFigures, codeReportCauses,
	codeReportDepartments, codeReportActivities, codeReportEarlier, codeReportCompare, codeReportN,
	codeReportYearLine, codeReportNone, codeReportNoCause, codeReportNoDepartment,
	codeReportNoActivity, codeReportMetric, codeReportRegistered, codeReportBreaches,
	codeReportNotBreaches, codeReportUnclassified, codeReportNotified, codeReportLate,
	codeReportCommunicated, codeReportChartTitle, codeReportChartDesc,
	codeExportTitle, codeExportIntro, codeExportEntry, codeExportRegistered, codeExportDepartment,
	codeExportActivity, codeExportStatus, codeExportNotifiedAt, codeExportTold, codeExportRisk,
	codeExportDecision, codeExportNoDecision, codeExportReference, codeExportDecisionValue,
}

// SubjectsLetter returns the communication of breach b to the data subjects
// (Art 34 GDPR), with assessment a, in clear and plain language: what
// happened (the nature of the breach), what it may mean for them (the likely
// consequences, Art 33(3)(c)), what the kommune has done (the measures, Art
// 33(3)(d)), what they can do themselves (Recital 86), and whom to contact
// (the contact point, Art 33(3)(b)) — the content Art 34(2) requires. When
// a.Communicate is PublicCommunication (Art 34(3)(c)) the letter is
// addressed to everyone concerned instead of to one person.
//
// The letter is the same for every person: it names the kinds of data as a
// citizen would say them ("your name, your CPR number, information about
// your health"), not the data themselves, and carries no legal references,
// which the authority's notice has.
func SubjectsLetter(b Breach, a Assessment, c Contact) compliance.Document {
	n := newNotice(a.Jurisdiction)
	public := a.Communicate == PublicCommunication
	day := b.Occurred
	if day.IsZero() {
		day = b.Discovered
	}
	date := compliance.DateArg(compliance.DateOf(day.In(n.loc)))
	if public {
		n.doc.Title = compliance.Msg(codeLetterTitlePublic, compliance.Text(c.Controller))
		n.doc.Paragraph(codeLetterIntroPublic, compliance.Text(c.Controller), date)
	} else {
		n.doc.Title = compliance.Msg(codeLetterTitle)
		n.doc.Paragraph(codeLetterIntro, compliance.Text(c.Controller), date)
	}
	n.doc.Heading(codeLetterWhat)
	if s := strings.TrimSpace(b.Text.Summary); s != "" {
		n.doc.Paragraph(compliance.CodeText, compliance.Text(s))
	}
	for d := range b.Nature.All() {
		n.doc.Paragraph([...]compliance.Code{Confidentiality: codeLetterC, Integrity: codeLetterI, Availability: codeLetterA}[d])
	}
	if b.Data != 0 {
		n.doc.Paragraph(codeLetterDataPlain, compliance.PlainData(b.Data, a.Jurisdiction))
	}
	n.doc.Heading(codeLetterConsequences)
	if s := strings.TrimSpace(b.Text.Consequences); s != "" {
		n.doc.Paragraph(compliance.CodeText, compliance.Text(s))
	} else {
		n.doc.Paragraph(codeLetterConsUnknown)
	}
	n.doc.Heading(codeLetterMeasures)
	wrote := false
	for _, s := range []string{b.Text.MeasuresTaken, b.Text.Mitigation} {
		if s = strings.TrimSpace(s); s != "" {
			n.doc.Paragraph(compliance.CodeText, compliance.Text(s))
			wrote = true
		}
	}
	if !wrote {
		n.doc.Paragraph(codeLetterMeasuresNone)
	}
	if s := strings.TrimSpace(b.Text.Advice); s != "" {
		n.doc.Heading(codeLetterAdvice)
		n.doc.Paragraph(compliance.CodeText, compliance.Text(s))
	}
	n.doc.Heading(codeLetterContact)
	who := codeLetterContactPoint
	if c.DPO {
		who = codeLetterContactDPO
	}
	n.doc.Paragraph(compliance.Code(who), compliance.Text(c.Name))
	var details []string
	for _, s := range []string{c.Email, c.Phone} {
		if s != "" {
			details = append(details, s)
		}
	}
	if len(details) > 0 {
		n.doc.Paragraph(codeLetterContactDetails, compliance.Text(strings.Join(details, " · ")))
	}
	return n.doc
}
