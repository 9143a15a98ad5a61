package dpia

import (
	"log/slog"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Assessment is a data protection impact assessment (Art 35 GDPR): the
// description of the processing, the assessment of necessity and
// proportionality, the risk register and the measures (Art 35(7)(a) to
// (d)), the data protection officer's advice (Art 35(2)), the data
// subjects' views (Art 35(9)), the controller's sign-off, and its history.
//
// A DPIA is a continuing process, not a one-time exercise (WP248 III.D.a):
// each sign-off makes an [Edition], so a DPIA made in 2019 and updated in
// January 2021 has two. Between sign-offs the assessment is a draft;
// [Register.Revise] reopens a signed-off assessment and records why
// ([Trigger]).
//
// The text fields are the kommune's own description and may be long; keep
// personal data out of them. [Assessment.LogValue] logs IDs and codes
// only.
type Assessment struct {
	// ID identifies the assessment; other packages refer to it by it.
	ID compliance.DPIAID `json:"id"`
	// Version is the store's optimistic-concurrency counter (see [Store]),
	// not the DPIA's edition.
	Version uint64 `json:"version"`
	// Jurisdiction is the controller's jurisdiction.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Title names the processing assessed.
	Title string `json:"title"`
	// Screening is the outcome of the screening that led to the DPIA, if
	// one was made.
	Screening Outcome `json:"screening,omitzero"`
	// Description is the systematic description (Art 35(7)(a)).
	Description Description `json:"description"`
	// Necessity is the assessment of necessity and proportionality (Art
	// 35(7)(b)).
	Necessity Necessity `json:"necessity,omitzero"`
	// Risks is the risk register (Art 35(7)(c)).
	Risks []Risk `json:"risks,omitempty"`
	// Measures are the measures envisaged to address the risks (Art
	// 35(7)(d)).
	Measures []Measure `json:"measures,omitempty"`
	// DPOAdvice is the data protection officer's advice (Art 35(2)).
	DPOAdvice Advice `json:"dpoAdvice,omitzero"`
	// Views records the data subjects' views (Art 35(9)).
	Views Views `json:"views,omitzero"`
	// SignOff is the controller's decision on the current edition; zero
	// while the assessment is a draft.
	SignOff SignOff `json:"signOff,omitzero"`
	// Editions are the signed-off editions, oldest first. The library
	// appends to it on [Register.SignOff]; it is never edited.
	Editions []Edition `json:"editions,omitempty"`
	// Pending are the reasons for the revision in progress, recorded by
	// [Register.Revise] and moved to the next edition on sign-off.
	Pending []Trigger `json:"pending,omitempty"`
	// Consultation is the prior consultation of Datatilsynet (Art 36).
	Consultation Consultation `json:"consultation,omitzero"`
	// Created is when the [Register] created the assessment.
	Created time.Time `json:"created"`
	// Updated is when the Register last changed it.
	Updated time.Time `json:"updated"`
}

// Description is the systematic description of the processing and its
// purposes (Art 35(7)(a)), with the items WP248 Annex 2 asks to record:
// the personal data, recipients and storage period, a functional
// description, and the assets the data rely on. It is also the form in
// which a host describes the processing as it is now, for
// [Description.Changes].
type Description struct {
	// Purposes are the purposes of the processing.
	Purposes []string `json:"purposes,omitempty"`
	// Basis is the lawful basis (Art 6(1)).
	Basis compliance.LegalBasis `json:"basis,omitzero"`
	// LegitimateInterest is the legitimate interest pursued, where Basis is
	// Art 6(1)(f).
	LegitimateInterest string `json:"legitimateInterest,omitempty"`
	// Categories are the categories of personal data.
	Categories compliance.DataCategories `json:"categories,omitzero"`
	// Subjects are the categories of data subjects.
	Subjects compliance.SubjectCategories `json:"subjects,omitzero"`
	// Recipients are the recipients or categories of recipients.
	Recipients []string `json:"recipients,omitempty"`
	// Retention is the storage period.
	Retention compliance.Period `json:"retention,omitzero"`
	// Processors are the data processors used (package processor's IDs).
	Processors []compliance.ProcessorID `json:"processors,omitempty"`
	// SubProcessors are the sub-processors the processors use.
	SubProcessors []compliance.ProcessorID `json:"subProcessors,omitempty"`
	// Technologies name the technologies the processing relies on, in the
	// host's own terms ("chromebook", "fall sensor", "speech recognition").
	Technologies []string `json:"technologies,omitempty"`
	// Transfers are the countries outside the EEA the data are transferred
	// to or accessible from.
	Transfers []compliance.Country `json:"transfers,omitempty"`
	// Assets are the assets the data rely on: hardware, software, networks,
	// people, paper.
	Assets []string `json:"assets,omitempty"`
	// Functional is a functional description of the processing.
	Functional string `json:"functional,omitempty"`
}

// Necessity is the assessment of the necessity and proportionality of the
// processing in relation to its purposes (Art 35(7)(b)), with a note per
// topic of WP248 Annex 2.
type Necessity struct {
	// Summary is the overall assessment.
	Summary string `json:"summary,omitempty"`
	// Topics are the notes on each topic.
	Topics []Note `json:"topics,omitempty"`
}

// Note is the assessment of one [Topic].
type Note struct {
	// Topic is the topic assessed.
	Topic Topic `json:"topic"`
	// Text is the assessment.
	Text string `json:"text"`
}

// Risk is one entry of the risk register: a feared event, its impacts on
// the data subjects, the threats and risk sources that could cause it, and
// its likelihood and severity before the measures (inherent) and after
// them (residual) (Art 35(7)(c); Recital 90; WP248 Annex 2). A register has
// at least one entry for each [RiskKind]; it may have several.
type Risk struct {
	// Kind is the feared event.
	Kind RiskKind `json:"kind"`
	// Impacts are the potential impacts on the data subjects.
	Impacts string `json:"impacts,omitempty"`
	// Threats are the threats that could lead to the event.
	Threats string `json:"threats,omitempty"`
	// Sources are the risk sources.
	Sources string `json:"sources,omitempty"`
	// Inherent is the rating before the measures.
	Inherent Rating `json:"inherent,omitzero"`
	// Residual is the rating with the measures in place.
	Residual Rating `json:"residual,omitzero"`
	// Measures are the keys of the measures that address the risk.
	Measures []string `json:"measures,omitempty"`
}

// Measure is a measure envisaged to address the risks (Art 35(7)(d)).
type Measure struct {
	// Key identifies the measure within the assessment ("M1").
	Key string `json:"key"`
	// Title describes the measure.
	Title string `json:"title"`
	// Kind is technical or organisational.
	Kind MeasureKind `json:"kind"`
	// Status is how far it is in place.
	Status MeasureStatus `json:"status"`
	// Due is when it is to be in place, if planned.
	Due compliance.Date `json:"due,omitzero"`
}

// Advice is the data protection officer's advice on the DPIA (Art 35(2)),
// which WP248 III.D.b asks to document in the DPIA together with the
// controller's decisions.
type Advice struct {
	// Date is when the advice was given.
	Date compliance.Date `json:"date"`
	// Conclusion is the advice's conclusion.
	Conclusion Conclusion `json:"conclusion"`
	// Summary is the advice in brief.
	Summary string `json:"summary,omitempty"`
}

// IsZero reports whether no advice is recorded.
func (a Advice) IsZero() bool { return a == Advice{} }

// Views records whether and how the views of data subjects or their
// representatives were sought (Art 35(9): "where appropriate"). WP248
// III.D.b asks the controller to document why it did not seek them, and
// why it goes ahead when its decision differs from them.
type Views struct {
	// Status says whether the views were sought; zero means not addressed.
	Status ViewsStatus `json:"status,omitzero"`
	// Date is when they were sought.
	Date compliance.Date `json:"date,omitzero"`
	// Means is how they were sought (a survey, the pupils' council, the
	// staff representatives).
	Means string `json:"means,omitempty"`
	// Summary summarises the views.
	Summary string `json:"summary,omitempty"`
	// Reason is why they were not sought.
	Reason string `json:"reason,omitempty"`
	// Differs records that the controller's decision differs from the
	// views.
	Differs bool `json:"differs,omitzero"`
	// Response is the controller's reasons for its decision where it
	// differs from the views.
	Response string `json:"response,omitempty"`
}

// IsZero reports whether nothing is recorded.
func (v Views) IsZero() bool { return v == Views{} }

// SignOff is the controller's decision on the DPIA.
type SignOff struct {
	// Date is the day of the decision.
	Date compliance.Date `json:"date"`
	// Role is the role of the person who signed on the controller's
	// behalf ("kommunaldirektør"), not a name.
	Role string `json:"role"`
	// Decision is the decision.
	Decision Decision `json:"decision"`
	// Reasons are the reasons for the decision; needed where it departs
	// from the DPO's advice.
	Reasons string `json:"reasons,omitempty"`
}

// IsZero reports whether the assessment is not signed off.
func (s SignOff) IsZero() bool { return s == SignOff{} }

// Edition is a signed-off edition of the DPIA.
type Edition struct {
	// Number counts the editions from 1.
	Number int `json:"number"`
	// Date is the day of the sign-off.
	Date compliance.Date `json:"date"`
	// Decision is the decision taken.
	Decision Decision `json:"decision"`
	// Triggers are the reasons for the revision that led to the edition;
	// empty for the first.
	Triggers []Trigger `json:"triggers,omitempty"`
	// DPOConclusion is the DPO's advice at the time.
	DPOConclusion Conclusion `json:"dpoConclusion,omitzero"`
	// Residual is the highest residual risk level at the time.
	Residual RiskLevel `json:"residual,omitzero"`
}

// Consultation is the prior consultation of Datatilsynet under Art 36:
// required when the DPIA shows that the processing would result in a high
// risk in the absence of measures to mitigate it, that is, when the
// residual risk stays high (Art 36(1); WP248 III.E).
type Consultation struct {
	// Received is the day Datatilsynet received the request; Art 36(2)
	// counts its period from receipt.
	Received compliance.Date `json:"received,omitzero"`
	// Extended records that Datatilsynet extended its period by six weeks
	// (Art 36(2), second sentence).
	Extended bool `json:"extended,omitzero"`
	// ExtensionNotice is the day Datatilsynet informed the kommune of the
	// extension.
	ExtensionNotice compliance.Date `json:"extensionNotice,omitzero"`
	// Suspensions are the periods during which Datatilsynet awaited
	// information it had requested (Art 36(2), last sentence).
	Suspensions []Suspension `json:"suspensions,omitempty"`
	// Answered is the day Datatilsynet's written advice or answer arrived.
	Answered compliance.Date `json:"answered,omitzero"`
}

// Suspension is a period during which the Art 36(2) period is suspended:
// from the day Datatilsynet requested information to the day it received
// it.
type Suspension struct {
	// From is the day Datatilsynet requested the information.
	From compliance.Date `json:"from"`
	// To is the day it received it.
	To compliance.Date `json:"to"`
}

// Validate reports every malformed or contradictory field of a at once, as
// a [*compliance.ValidationError] naming JSON paths. Missing content is not
// an error: a draft may be incomplete, and [Check] reports what is
// missing.
func (a Assessment) Validate() error {
	var v compliance.Validation
	v.Require("jurisdiction", a.Jurisdiction.Valid())
	v.Require("title", a.Title != "")
	checkText(&v, "title", a.Title, maxTitle, false)
	checkEnum(&v, "screening", a.Screening)
	a.Description.validate(&v, "description")

	checkText(&v, "necessity.summary", a.Necessity.Summary, maxText, true)
	if len(a.Necessity.Topics) > topics.Len() {
		v.Add("necessity.topics", compliance.ReasonLength)
	} else {
		for i, n := range a.Necessity.Topics {
			f := index("necessity.topics", i)
			switch {
			case !n.Topic.Valid():
				v.Add(f+".topic", compliance.ReasonUnknown)
			case slices.ContainsFunc(a.Necessity.Topics[:i], func(m Note) bool { return m.Topic == n.Topic }):
				v.Add(f+".topic", compliance.ReasonDuplicate)
			}
			v.Require(f+".text", n.Text != "")
			checkText(&v, f+".text", n.Text, maxText, true)
		}
	}

	// A list longer than maxList is reported alone: checking each item of
	// a hostile list would be work and a report without bound.
	measures := a.Measures
	if len(measures) > maxList {
		v.Add("measures", compliance.ReasonLength)
		measures = nil
	}
	keys := make(map[string]struct{}, len(measures)) // the measures' keys, when measures were checked
	for i, m := range measures {
		f := index("measures", i)
		_, dup := keys[m.Key]
		switch {
		case !validKey(m.Key):
			v.Add(f+".key", compliance.ReasonFormat)
		case dup:
			v.Add(f+".key", compliance.ReasonDuplicate)
		}
		keys[m.Key] = struct{}{}
		v.Require(f+".title", m.Title != "")
		checkText(&v, f+".title", m.Title, maxTitle, false)
		v.Require(f+".kind", m.Kind.Valid())
		v.Require(f+".status", m.Status.Valid())
		checkDate(&v, f+".due", m.Due)
	}

	risks := a.Risks
	if len(risks) > maxList {
		v.Add("risks", compliance.ReasonLength)
		risks = nil
	}
	for i, r := range risks {
		f := index("risks", i)
		v.Require(f+".kind", r.Kind.Valid())
		checkText(&v, f+".impacts", r.Impacts, maxText, true)
		checkText(&v, f+".threats", r.Threats, maxText, true)
		checkText(&v, f+".sources", r.Sources, maxText, true)
		checkEnum(&v, f+".inherent.likelihood", r.Inherent.Likelihood)
		checkEnum(&v, f+".inherent.severity", r.Inherent.Severity)
		checkEnum(&v, f+".residual.likelihood", r.Residual.Likelihood)
		checkEnum(&v, f+".residual.severity", r.Residual.Severity)
		if len(r.Measures) > maxList {
			v.Add(f+".measures", compliance.ReasonLength)
			continue
		}
		for j, k := range r.Measures {
			g := index(f+".measures", j)
			switch {
			case measures != nil && !has(keys, k):
				v.Add(g, compliance.ReasonInconsistent)
			case indexOf(r.Measures[:j], k) >= 0:
				v.Add(g, compliance.ReasonDuplicate)
			}
		}
	}

	if !a.DPOAdvice.IsZero() {
		v.Require("dpoAdvice.date", !a.DPOAdvice.Date.IsZero())
		checkDate(&v, "dpoAdvice.date", a.DPOAdvice.Date)
		v.Require("dpoAdvice.conclusion", a.DPOAdvice.Conclusion.Valid())
		checkText(&v, "dpoAdvice.summary", a.DPOAdvice.Summary, maxText, true)
	}

	w := a.Views
	checkEnum(&v, "views.status", w.Status)
	if w.Status == 0 && !w.IsZero() {
		v.Add("views.status", compliance.ReasonRequired)
	}
	checkDate(&v, "views.date", w.Date)
	checkText(&v, "views.means", w.Means, maxText, true)
	checkText(&v, "views.summary", w.Summary, maxText, true)
	checkText(&v, "views.reason", w.Reason, maxText, true)
	checkText(&v, "views.response", w.Response, maxText, true)
	if w.Status == NotSought && (w.Differs || w.Summary != "") {
		v.Add("views.status", compliance.ReasonInconsistent)
	}

	if !a.SignOff.IsZero() {
		s := a.SignOff
		v.Require("signOff.date", !s.Date.IsZero())
		checkDate(&v, "signOff.date", s.Date)
		v.Require("signOff.role", s.Role != "")
		checkText(&v, "signOff.role", s.Role, maxTitle, false)
		v.Require("signOff.decision", s.Decision.Valid())
		checkText(&v, "signOff.reasons", s.Reasons, maxText, true)
	}

	editions := a.Editions
	if len(editions) > maxList {
		v.Add("editions", compliance.ReasonLength)
		editions = nil
	}
	for i, e := range editions {
		f := index("editions", i)
		if e.Number != i+1 {
			v.Add(f+".number", compliance.ReasonInconsistent)
		}
		v.Require(f+".date", !e.Date.IsZero())
		checkDate(&v, f+".date", e.Date)
		if i > 0 && e.Date.Valid() && e.Date.Before(a.Editions[i-1].Date) {
			v.Add(f+".date", compliance.ReasonInconsistent)
		}
		v.Require(f+".decision", e.Decision.Valid())
		checkEnums(&v, f+".triggers", e.Triggers, triggers.Len())
		checkEnum(&v, f+".dpoConclusion", e.DPOConclusion)
		checkEnum(&v, f+".residual", e.Residual)
	}
	checkEnums(&v, "pending", a.Pending, triggers.Len())

	c := a.Consultation
	checkDate(&v, "consultation.received", c.Received)
	checkDate(&v, "consultation.extensionNotice", c.ExtensionNotice)
	checkDate(&v, "consultation.answered", c.Answered)
	if c.Received.IsZero() && (c.Extended || !c.ExtensionNotice.IsZero() || len(c.Suspensions) > 0 || !c.Answered.IsZero()) {
		v.Add("consultation.received", compliance.ReasonRequired)
	}
	if !c.ExtensionNotice.IsZero() && !c.Extended {
		v.Add("consultation.extensionNotice", compliance.ReasonInconsistent)
	}
	if c.Received.Valid() && c.Answered.Valid() && c.Answered.Before(c.Received) {
		v.Add("consultation.answered", compliance.ReasonInconsistent)
	}
	if len(c.Suspensions) > maxList {
		v.Add("consultation.suspensions", compliance.ReasonLength)
	} else {
		for i, s := range c.Suspensions {
			f := index("consultation.suspensions", i)
			v.Require(f+".from", !s.From.IsZero())
			v.Require(f+".to", !s.To.IsZero())
			checkDate(&v, f+".from", s.From)
			checkDate(&v, f+".to", s.To)
			switch {
			case !s.From.Valid() || !s.To.Valid():
			case s.To.Before(s.From):
				v.Add(f+".to", compliance.ReasonInconsistent)
			case c.Received.Valid() && s.From.Before(c.Received):
				v.Add(f+".from", compliance.ReasonInconsistent)
			case i > 0 && c.Suspensions[i-1].To.Valid() && s.From.Before(c.Suspensions[i-1].To):
				v.Add(f+".from", compliance.ReasonInconsistent)
			}
		}
	}
	v.Check("created", compliance.CheckInstant(a.Created))
	v.Check("updated", compliance.CheckInstant(a.Updated))
	if !a.Created.IsZero() && !a.Updated.IsZero() && a.Updated.Before(a.Created) {
		v.Add("updated", compliance.ReasonInconsistent)
	}
	return v.Err("assessment")
}

func (d *Description) validate(v *compliance.Validation, p string) {
	checkTexts(v, p+".purposes", d.Purposes)
	checkEnum(v, p+".basis", d.Basis)
	checkText(v, p+".legitimateInterest", d.LegitimateInterest, maxText, true)
	if d.LegitimateInterest != "" && d.Basis != compliance.LegitimateInterests {
		v.Add(p+".legitimateInterest", compliance.ReasonInconsistent)
	}
	checkTexts(v, p+".recipients", d.Recipients)
	if !d.Retention.IsZero() {
		v.Check(p+".retention", d.Retention.Validate())
	}
	checkIDs(v, p+".processors", d.Processors)
	checkIDs(v, p+".subProcessors", d.SubProcessors)
	checkTexts(v, p+".technologies", d.Technologies)
	if len(d.Transfers) > maxList {
		v.Add(p+".transfers", compliance.ReasonLength)
	} else {
		for i, c := range d.Transfers {
			switch {
			case !c.Valid():
				v.Add(index(p+".transfers", i), compliance.ReasonUnknown)
			case indexOf(d.Transfers[:i], c) >= 0:
				v.Add(index(p+".transfers", i), compliance.ReasonDuplicate)
			}
		}
	}
	checkTexts(v, p+".assets", d.Assets)
	checkText(v, p+".functional", d.Functional, maxText, true)
}

func checkIDs(v *compliance.Validation, field string, ids []compliance.ProcessorID) {
	if len(ids) > maxList {
		v.Add(field, compliance.ReasonLength)
		return
	}
	for i, id := range ids {
		switch {
		case id.IsZero():
			v.Add(index(field, i), compliance.ReasonRequired)
		case indexOf(ids[:i], id) >= 0:
			v.Add(index(field, i), compliance.ReasonDuplicate)
		}
	}
}

// Changes compares the processing as it is now (current) with the
// processing as the DPIA describes it (d), and returns the review triggers
// the differences give, in [Trigger] order: categories of data or of data
// subjects, processors, sub-processors, technologies, purposes or transfer
// countries that the DPIA does not cover (Art 35(11); WP248 III.C). Texts
// (purposes, technologies) are compared exactly.
func (d Description) Changes(current Description) []Trigger {
	var out []Trigger
	if current.Categories.Minus(d.Categories) != 0 {
		out = append(out, NewDataCategories)
	}
	if current.Subjects.Minus(d.Subjects) != 0 {
		out = append(out, NewSubjectCategories)
	}
	if !subset(current.Processors, d.Processors) {
		out = append(out, NewProcessor)
	}
	if !subset(current.SubProcessors, d.SubProcessors) {
		out = append(out, NewSubProcessor)
	}
	if !subset(current.Technologies, d.Technologies) {
		out = append(out, NewTechnology)
	}
	if !subset(current.Purposes, d.Purposes) {
		out = append(out, ChangedPurpose)
	}
	if !subset(current.Transfers, d.Transfers) {
		out = append(out, NewTransfer)
	}
	return out
}

func subset[T comparable](xs, of []T) bool {
	for _, x := range xs {
		if indexOf(of, x) < 0 {
			return false
		}
	}
	return true
}

// Clone returns a deep copy of a: no slice is shared with a.
func (a Assessment) Clone() Assessment {
	d := &a.Description
	d.Purposes = slices.Clone(d.Purposes)
	d.Recipients = slices.Clone(d.Recipients)
	d.Processors = slices.Clone(d.Processors)
	d.SubProcessors = slices.Clone(d.SubProcessors)
	d.Technologies = slices.Clone(d.Technologies)
	d.Transfers = slices.Clone(d.Transfers)
	d.Assets = slices.Clone(d.Assets)
	a.Necessity.Topics = slices.Clone(a.Necessity.Topics)
	a.Risks = slices.Clone(a.Risks)
	for i := range a.Risks {
		a.Risks[i].Measures = slices.Clone(a.Risks[i].Measures)
	}
	a.Measures = slices.Clone(a.Measures)
	a.Editions = slices.Clone(a.Editions)
	for i := range a.Editions {
		a.Editions[i].Triggers = slices.Clone(a.Editions[i].Triggers)
	}
	a.Pending = slices.Clone(a.Pending)
	a.Consultation.Suspensions = slices.Clone(a.Consultation.Suspensions)
	return a
}

// LogValue implements [slog.LogValuer]: the ID, version, jurisdiction,
// edition count and decision, never the text.
func (a Assessment) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", a.ID.String()),
		slog.Uint64("version", a.Version),
		slog.String("jurisdiction", a.Jurisdiction.String()),
		slog.Int("editions", len(a.Editions)),
		slog.String("decision", a.SignOff.Decision.String()),
	)
}

// Residual returns the highest residual risk level in the register under
// matrix m, or 0 when no risk has a residual rating.
func (a Assessment) Residual(m Matrix) RiskLevel {
	var worst RiskLevel
	for _, r := range a.Risks {
		worst = max(worst, r.Residual.Level(m))
	}
	return worst
}
