package dpia

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/tillid/tillid/internal/redact"
	"log/slog"

	"github.com/shopspring/decimal"
	"github.com/tillid/tillid/compliance"
)

// Input describes a processing for screening: does it need a DPIA?
//
// It holds facts and the kommune's own judgements, as a caseworker or DPO
// records them: which WP248 criteria apply, the factors of large scale, the
// Art 35(3) situations that cannot be derived from the rest, and which items
// of Datatilsynet's list describe the processing. Some criteria are also
// derived: sensitive data from the data categories, vulnerable data subjects
// from the subject categories, systematic monitoring from PublicArea.
//
// Title, Justification and DPOViews are free text: keep personal data out of
// them. Input's [Input.LogValue] logs codes only.
type Input struct {
	// Jurisdiction selects the supervisory authority's list.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Title names the processing ("Læringsplattform for 1.–10. trinn").
	Title string `json:"title"`
	// Categories are the categories of personal data processed.
	Categories compliance.DataCategories `json:"categories,omitzero"`
	// Subjects are the categories of data subjects.
	Subjects compliance.SubjectCategories `json:"subjects,omitzero"`
	// Criteria are the WP248 criteria the kommune has found to apply.
	// Stating [LargeScale] here is the same as answering yes in Scale.
	Criteria []Criterion `json:"criteria,omitempty"`
	// Scale records WP248's factors for large scale and the kommune's
	// answer, if it has one.
	Scale Scale `json:"scale,omitzero"`
	// Profiling records the situation of Art 35(3)(a): a systematic and
	// extensive evaluation of personal aspects based on automated
	// processing, including profiling, on which decisions are based that
	// produce legal effects or similarly significantly affect people.
	Profiling bool `json:"profiling,omitzero"`
	// PublicArea records that the processing systematically monitors a
	// publicly accessible area (WP248 III.B.a, criterion 3 and footnote
	// 15: any place open to any member of the public, such as a street, a
	// market place, a station or a public library). On a large scale it is
	// the situation of Art 35(3)(c).
	PublicArea bool `json:"publicArea,omitzero"`
	// Items are the items of Datatilsynet's Art 35(4) list that describe
	// the processing; they must belong to Jurisdiction.
	Items []ListItem `json:"items,omitempty"`
	// Custom are the codes of the [CustomItem]s of the [Policy] that
	// describe the processing.
	Custom []string `json:"custom,omitempty"`
	// IndividualProfessional records that the processing concerns personal
	// data of patients or clients of an individual physician, other health
	// care professional or lawyer, which Recital 91 says is not on a large
	// scale and needs no mandatory DPIA.
	IndividualProfessional bool `json:"individualProfessional,omitzero"`
	// Exemption is a ground on which no DPIA is required, if one applies.
	Exemption Exemption `json:"exemption,omitzero"`
	// Covering is the DPIA of very similar processing that covers this
	// one; required with [SimilarAssessment].
	Covering compliance.DPIAID `json:"covering,omitzero"`
	// NotHighRisk records the kommune's conclusion, against the
	// presumption of two or more criteria, that the processing is not
	// likely to result in a high risk (WP248 III.B.a: the controller must
	// then justify and document its reasons). It needs Justification. It
	// cannot set aside an Art 35(3) situation or a list item.
	NotHighRisk bool `json:"notHighRisk,omitzero"`
	// Justification records why no DPIA is made although criteria are
	// met.
	Justification string `json:"justification,omitempty"`
	// DPOViews records the data protection officer's views on not making a
	// DPIA (WP248 III.B.a).
	DPOViews string `json:"dpoViews,omitempty"`
}

// Scale holds the factors WP248 rev.01 (III.B.a, criterion 5) recommends
// considering when deciding whether processing is on a large scale, and the
// kommune's answer. WP248 gives the factors, not thresholds; the GDPR gives
// none either (Recital 91 speaks of "a considerable amount of personal data
// at regional, national or supranational level" affecting "a large number of
// data subjects"). When LargeScale is not answered, [Thresholds] the kommune
// has set in its [Policy] decide; without them the question stays open.
type Scale struct {
	// LargeScale is the kommune's answer; zero means not answered.
	LargeScale Answer `json:"largeScale,omitzero"`
	// Subjects is the number of data subjects concerned.
	Subjects int `json:"subjects,omitzero"`
	// Population is the size of the relevant population (the kommune's
	// inhabitants, its pupils), for the proportion Subjects/Population.
	Population int `json:"population,omitzero"`
	// DataItems is the number of different data items processed about each
	// data subject (the range of data).
	DataItems int `json:"dataItems,omitzero"`
	// Duration is how long the processing lasts, when it is limited.
	Duration compliance.Period `json:"duration,omitzero"`
	// Permanent records that the processing is permanent.
	Permanent bool `json:"permanent,omitzero"`
	// Geography is the geographical extent.
	Geography Geography `json:"geography,omitzero"`
}

// IsZero reports whether s records nothing.
func (s Scale) IsZero() bool { return s == Scale{} }

// Thresholds are a kommune's own thresholds for large scale, applied when
// the screening input does not answer the question. The sources do not
// settle any threshold (WP248 names the factors and leaves the numbers to
// the controller), so none is built in: zero fields are unset. The
// processing is on a large scale when any set threshold is reached; it is
// not when every set threshold has data and none is reached; otherwise the
// question stays open.
type Thresholds struct {
	// Subjects: at least this many data subjects.
	Subjects int `json:"subjects,omitzero"`
	// Share: at least this proportion (0 < Share ≤ 1) of the relevant
	// population.
	Share decimal.Decimal `json:"share,omitzero"`
	// DataItems: at least this many different data items per data subject.
	DataItems int `json:"dataItems,omitzero"`
	// Geography: at least this geographical extent.
	Geography Geography `json:"geography,omitzero"`
}

// UnmarshalJSON reads the thresholds strictly (unknown members are
// rejected) and Share with at most [compliance.MaxDecimalDigits] digits,
// counted before the number is parsed (see [compliance.DecodeDecimal]).
func (t *Thresholds) UnmarshalJSON(b []byte) error {
	type plain Thresholds
	var w struct {
		plain
		Share json.RawMessage `json:"share,omitzero"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		// encoding/json's error may quote the input; the decoders report
		// the document as malformed.
		return &compliance.FieldError{Field: "largeScale", Reason: compliance.ReasonFormat}
	}
	th := Thresholds(w.plain)
	if w.Share != nil {
		d, err := compliance.DecodeDecimal(w.Share, compliance.MaxDecimalDigits)
		if err != nil {
			var fe *compliance.FieldError
			errors.As(err, &fe)
			return fe.In("largeScale.share")
		}
		th.Share = d
	}
	*t = th
	return nil
}

// IsZero reports whether no threshold is set.
func (t Thresholds) IsZero() bool {
	return t.Subjects == 0 && t.Share.IsZero() && t.DataItems == 0 && t.Geography == 0
}

// Validate reports whether the thresholds are well formed.
func (t Thresholds) Validate() error {
	var v compliance.Validation
	if t.Subjects < 0 {
		v.Add("subjects", compliance.ReasonRange)
	}
	if t.Share.IsNegative() || t.Share.GreaterThan(decimal.NewFromInt(1)) {
		v.Add("share", compliance.ReasonRange)
	}
	if t.DataItems < 0 {
		v.Add("dataItems", compliance.ReasonRange)
	}
	checkEnum(&v, "geography", t.Geography)
	return v.Err("thresholds")
}

// decide applies the thresholds to s: Yes with the first factor that
// reaches its threshold, No when every set factor has data and none does,
// and 0 otherwise.
func (t Thresholds) decide(s Scale) (Answer, ScaleFactor) {
	if t.IsZero() {
		return 0, 0
	}
	missing := false
	if t.Subjects > 0 {
		if s.Subjects >= t.Subjects {
			return Yes, FactorSubjects
		}
		missing = missing || s.Subjects == 0
	}
	if !t.Share.IsZero() {
		if s.Subjects > 0 && s.Population > 0 {
			if decimal.NewFromInt(int64(s.Subjects)).GreaterThanOrEqual(t.Share.Mul(decimal.NewFromInt(int64(s.Population)))) {
				return Yes, FactorShare
			}
		} else {
			missing = true
		}
	}
	if t.DataItems > 0 {
		if s.DataItems >= t.DataItems {
			return Yes, FactorDataItems
		}
		missing = missing || s.DataItems == 0
	}
	if t.Geography != 0 {
		if s.Geography >= t.Geography {
			return Yes, FactorGeography
		}
		missing = missing || s.Geography == 0
	}
	if missing {
		return 0, 0
	}
	return No, 0
}

// CustomItem is an item of a supervisory authority's Art 35(4) list that
// the library does not know, which a host adds to its [Policy]: for the
// Danish list, the items the sources used for this package could not
// establish (see [ListItem]).
type CustomItem struct {
	// Code identifies the item in [Input.Custom]: lower-case letters,
	// digits and hyphens, not a [ListItem] code.
	Code string `json:"code"`
	// Jurisdiction is the list the item belongs to.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Title is the item as the authority words it, shown as is in every
	// language.
	Title string `json:"title"`
	// Ref is where the authority lists it.
	Ref compliance.Ref `json:"ref"`
	// Criterion is the WP248 criterion the item itself is, if any; it does
	// not count as the other criterion.
	Criterion Criterion `json:"criterion,omitzero"`
	// NeedsOther: the item requires a DPIA only together with at least one
	// other WP248 criterion.
	NeedsOther bool `json:"needsOther,omitzero"`
	// NeedsLargeScale: the item applies only to processing on a large
	// scale.
	NeedsLargeScale bool `json:"needsLargeScale,omitzero"`
}

// Policy holds a kommune's choices where the law and the sources leave
// them open. The zero value is a valid policy: no large-scale thresholds,
// only the confirmed items of the Danish list, no custom items, the
// [DefaultMatrix] and no periodic review.
type Policy struct {
	// LargeScale are the kommune's thresholds for large scale.
	LargeScale Thresholds `json:"largeScale,omitzero"`
	// DanishDraftItems counts the Danish list items known only from
	// Datatilsynet's 2018 draft (genetic data, large-scale profiling) as
	// items of the list in force. The sources used for this package do not
	// settle whether they are on the final list of 28 January 2019, so
	// this is off by default: such an item then gives a warning to check
	// the published list instead of requiring a DPIA.
	DanishDraftItems bool `json:"danishDraftItems,omitzero"`
	// Custom are list items the host adds.
	Custom []CustomItem `json:"custom,omitempty"`
	// Matrix reads a risk's level from its likelihood and severity; the
	// zero Matrix means [DefaultMatrix].
	Matrix Matrix `json:"matrix,omitzero"`
	// ReviewInterval is the kommune's own interval for reviewing every DPIA
	// from its last sign-off. No statutory interval exists: Art 35(11)
	// requires a review "where necessary" and at least when the risk
	// changes, and WP248 III.C calls regular re-assessment good practice
	// without a period. Zero means no periodic review.
	ReviewInterval compliance.Period `json:"reviewInterval,omitzero"`
}

// Validate reports whether the policy is well formed.
func (p *Policy) Validate() error {
	if p == nil {
		return nil
	}
	var v compliance.Validation
	v.Check("largeScale", p.LargeScale.Validate())
	custom := p.Custom
	if len(custom) > maxList {
		v.Add("custom", compliance.ReasonLength)
		custom = nil // its items are not checked one by one
	}
	for i, c := range custom {
		f := index("custom", i)
		_, builtIn := listItems.Parse(c.Code)
		switch {
		case !validToken(c.Code):
			v.Add(f+".code", compliance.ReasonFormat)
		case builtIn == nil, p.custom(c.Code) != &p.Custom[i]:
			// A built-in item's code, or a code used by an earlier item.
			v.Add(f+".code", compliance.ReasonDuplicate)
		}
		v.Require(f+".jurisdiction", c.Jurisdiction.Valid())
		v.Require(f+".title", c.Title != "")
		checkText(&v, f+".title", c.Title, maxTitle, false)
		v.Check(f+".ref", c.Ref.Validate())
		checkEnum(&v, f+".criterion", c.Criterion)
	}
	if !p.Matrix.IsZero() {
		v.Check("matrix", p.Matrix.Validate())
	}
	if !p.ReviewInterval.IsZero() {
		v.Check("reviewInterval", p.ReviewInterval.Validate())
	}
	return v.Err("policy")
}

func (p *Policy) custom(code string) *CustomItem {
	if p == nil {
		return nil
	}
	for i := range p.Custom {
		if p.Custom[i].Code == code {
			return &p.Custom[i]
		}
	}
	return nil
}

// Validate reports every malformed or contradictory field of in at once,
// as a [*compliance.ValidationError] naming JSON paths. It does not check
// Custom codes against a policy; [Screen] does.
func (in Input) Validate() error {
	var v compliance.Validation
	v.Require("jurisdiction", in.Jurisdiction.Valid())
	v.Require("title", in.Title != "")
	checkText(&v, "title", in.Title, maxTitle, false)
	checkEnums(&v, "criteria", in.Criteria, criteria.Len())
	statedLarge := false
	for i, c := range in.Criteria {
		if c == LargeScale {
			statedLarge = true
			if in.Scale.LargeScale == No {
				v.Add(index("criteria", i), compliance.ReasonInconsistent)
			}
		}
	}
	s := in.Scale
	checkEnum(&v, "scale.largeScale", s.LargeScale)
	if s.Subjects < 0 {
		v.Add("scale.subjects", compliance.ReasonRange)
	}
	if s.Population < 0 {
		v.Add("scale.population", compliance.ReasonRange)
	}
	if s.Subjects > 0 && s.Population > 0 && s.Subjects > s.Population {
		v.Add("scale.subjects", compliance.ReasonInconsistent)
	}
	if s.DataItems < 0 {
		v.Add("scale.dataItems", compliance.ReasonRange)
	}
	if !s.Duration.IsZero() {
		v.Check("scale.duration", s.Duration.Validate())
		if s.Permanent {
			v.Add("scale.permanent", compliance.ReasonInconsistent)
		}
	}
	checkEnum(&v, "scale.geography", s.Geography)
	checkEnums(&v, "items", in.Items, listItems.Len())
	for i, it := range in.Items {
		if it.Valid() && in.Jurisdiction.Valid() && it.Jurisdiction() != in.Jurisdiction {
			v.Add(index("items", i), compliance.ReasonInconsistent)
		}
	}
	if len(in.Custom) > maxList {
		// Reported alone: checking each of a hostile list's items would
		// be work without bound and a report without end.
		v.Add("custom", compliance.ReasonLength)
	} else {
		seen := make(map[string]struct{}, len(in.Custom))
		for i, c := range in.Custom {
			_, dup := seen[c]
			switch {
			case !validToken(c):
				v.Add(index("custom", i), compliance.ReasonFormat)
			case dup:
				v.Add(index("custom", i), compliance.ReasonDuplicate)
			}
			seen[c] = struct{}{}
		}
	}
	if in.IndividualProfessional && (s.LargeScale == Yes || statedLarge) {
		v.Add("individualProfessional", compliance.ReasonInconsistent)
	}
	checkEnum(&v, "exemption", in.Exemption)
	switch {
	case in.Exemption == SimilarAssessment:
		v.Require("covering", !in.Covering.IsZero())
	case !in.Covering.IsZero():
		v.Add("covering", compliance.ReasonInconsistent)
	}
	if in.NotHighRisk {
		v.Require("justification", in.Justification != "")
	}
	checkText(&v, "justification", in.Justification, maxText, true)
	checkText(&v, "dpoViews", in.DPOViews, maxText, true)
	return v.Err("screening input")
}

// LogValue implements [slog.LogValuer]: the jurisdiction and the codes of
// the criteria, items and exemption, never the free text.
func (in Input) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("jurisdiction", in.Jurisdiction.String()),
		slog.Any("criteria", codesOf(in.Criteria)),
		slog.Any("items", codesOf(in.Items)),
		slog.Int("custom", len(in.Custom)),
		slog.String("exemption", in.Exemption.String()),
	)
}

// Format implements [fmt.Formatter]: every verb prints the summary of
// [Input.LogValue], never the names, contact details, free text or
// identifiers the value holds (fmt would print every field).
func (in Input) Format(f fmt.State, verb rune) { redact.Format(f, verb, "dpia.Input", in) }

func codesOf[T interface{ String() string }](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}

// Screening is the result of [Screen]: the outcome and every criterion,
// situation and list item behind it, each as a finding with its reference.
type Screening struct {
	// Jurisdiction is the input's jurisdiction.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Title is the input's title.
	Title string `json:"title"`
	// Outcome says whether a DPIA is needed.
	Outcome Outcome `json:"outcome"`
	// LargeScale is whether the processing is on a large scale, as
	// answered or decided by the policy; zero when it is open.
	LargeScale Answer `json:"largeScale,omitzero"`
	// Criteria are the WP248 criteria met, stated or derived, in WP248's
	// order.
	Criteria []Criterion `json:"criteria,omitempty"`
	// Situations are the Art 35(3) situations that apply.
	Situations []Situation `json:"situations,omitempty"`
	// Items are the list items that require a DPIA.
	Items []ListItem `json:"items,omitempty"`
	// Custom are the codes of the custom items that require a DPIA.
	Custom []string `json:"custom,omitempty"`
	// Findings explain the outcome, each with its references, in the
	// order: criteria and scale, situations, list items, conclusion, and
	// what must be recorded.
	Findings []compliance.Finding `json:"findings"`
}

// LogValue implements [slog.LogValuer]: codes only.
func (s Screening) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("jurisdiction", s.Jurisdiction.String()),
		slog.String("outcome", s.Outcome.String()),
		slog.Any("criteria", codesOf(s.Criteria)),
		slog.Any("situations", codesOf(s.Situations)),
		slog.Any("items", codesOf(s.Items)),
	)
}

// Format implements [fmt.Formatter]: every verb prints the summary of
// [Screening.LogValue], never the names, contact details, free text or
// identifiers the value holds (fmt would print every field).
func (s Screening) Format(f fmt.State, verb rune) { redact.Format(f, verb, "dpia.Screening", s) }

// NeedsDPIA reports whether the outcome calls for a DPIA: required or
// likely required.
func (o Outcome) NeedsDPIA() bool { return o == Required || o == LikelyRequired }

// Screen decides whether the processing described by in needs a DPIA, under
// the kommune's policy p (nil means the zero [Policy]).
//
// The rules, in order:
//
//  1. An exemption (WP248 III.B.b) gives [NotRequired].
//  2. An Art 35(3) situation, or an item of the jurisdiction's Art 35(4)
//     list whose conditions are met, gives [Required]: the GDPR and the
//     authority's decision require a DPIA, whatever the criteria count.
//     Items that need "at least one other criterion" count every WP248
//     criterion met except the one the item itself is
//     ([ListItem.Criterion]).
//  3. Recital 91's individual physician, health professional or lawyer is
//     not on a large scale, and no DPIA is mandatory: [NotRequired]
//     (WP248's example of patient data at a single doctor, which meets
//     criteria 4 and 7 and needs no DPIA).
//  4. Two or more criteria give [LikelyRequired]: WP248's presumption that
//     "in most cases" such processing requires a DPIA. The kommune may
//     conclude otherwise with a recorded justification
//     ([Input.NotHighRisk]), which gives [NotRequired].
//  5. Otherwise [NotRequired]; with one criterion met, a finding reminds
//     that sometimes one criterion is enough.
//
// Whenever criteria are met and the outcome is NotRequired, WP248 requires
// the reasons and the DPO's views to be recorded; a warning says so when
// Justification or DPOViews is empty.
//
// Large scale (criterion 5, and part of Art 35(3)(b) and (c) and of some
// list items) is taken from the input's answer, else from the policy's
// [Thresholds]; when neither settles it, Screen evaluates both answers and
// returns [Undetermined] if they differ, naming what would apply on a large
// scale.
//
// Screen returns a [*compliance.ValidationError] for invalid input or
// policy, and for a custom item code the policy does not define or that
// belongs to another jurisdiction.
func Screen(in Input, p *Policy) (Screening, error) {
	if err := p.Validate(); err != nil {
		return Screening{}, err
	}
	if err := in.Validate(); err != nil {
		return Screening{}, err
	}
	custom := make([]*CustomItem, len(in.Custom))
	var v compliance.Validation
	for i, code := range in.Custom {
		c := p.custom(code)
		switch {
		case c == nil:
			v.Add(index("custom", i), compliance.ReasonUnknown)
		case c.Jurisdiction != in.Jurisdiction:
			v.Add(index("custom", i), compliance.ReasonInconsistent)
		}
		custom[i] = c
	}
	if err := v.Err("screening input"); err != nil {
		return Screening{}, err
	}
	if p == nil {
		p = &Policy{}
	}
	sc := screener{in: &in, p: p, custom: custom}
	return sc.run(), nil
}

// criterionSet is a set of criteria indexed by Criterion.
type criterionSet [PreventsRights + 1]bool

func (s *criterionSet) count() int {
	n := 0
	for _, b := range s {
		if b {
			n++
		}
	}
	return n
}

// otherThan reports whether a criterion other than self is in s.
func (s *criterionSet) otherThan(self Criterion) bool {
	for c, b := range s {
		if b && Criterion(c) != self {
			return true
		}
	}
	return false
}

// basis says why a criterion is met.
type basis uint8

const (
	basisStated basis = iota + 1
	basisCategories
	basisSubjects
	basisPublicArea
	basisPolicy
)

type screener struct {
	in     *Input
	p      *Policy
	custom []*CustomItem

	large  Answer      // as answered or by policy; 0 open
	factor ScaleFactor // the threshold reached, when by policy
	met    criterionSet
	why    [PreventsRights + 1]basis
}

// branch is the evaluation of the rules for one answer to "large scale?".
type branch struct {
	outcome      Outcome
	n            int // criteria met
	situations   []Situation
	items        []ListItem
	itemsNo      []ListItem // need another criterion, none met
	itemsDraft   []ListItem
	custom       []*CustomItem
	customNo     []*CustomItem
	met          criterionSet
	rebutted     bool
	professional bool
}

// sensitiveCategories are the data categories that meet WP248's criterion
// 4: the special categories (Art 9) and criminal data (Art 10), and the
// categories WP248 III.B.a names as "sensitive (as this term is commonly
// understood)": electronic communications, location data and financial
// data.
func sensitiveCategories(cs compliance.DataCategories) compliance.DataCategories {
	var out compliance.DataCategories
	for c := range cs.All() {
		switch {
		case c.Class() >= compliance.Special,
			c == compliance.Communication, c == compliance.Location, c == compliance.Financial:
			out = out.With(c)
		}
	}
	return out
}

func vulnerableSubjects(ss compliance.SubjectCategories) compliance.SubjectCategories {
	var out compliance.SubjectCategories
	for c := range ss.All() {
		if c.Vulnerable() {
			out = out.With(c)
		}
	}
	return out
}

func (sc *screener) run() Screening {
	in := sc.in
	// Large scale: the answer, Recital 91, then the policy.
	switch {
	case in.IndividualProfessional:
		sc.large = No
	case in.Scale.LargeScale != 0:
		sc.large = in.Scale.LargeScale
	case indexOf(in.Criteria, LargeScale) >= 0:
		sc.large = Yes
	default:
		sc.large, sc.factor = sc.p.LargeScale.decide(in.Scale)
	}
	for _, c := range in.Criteria {
		if c != LargeScale {
			sc.met[c], sc.why[c] = true, basisStated
		}
	}
	if sensitiveCategories(in.Categories) != 0 {
		sc.met[SensitiveData], sc.why[SensitiveData] = true, basisCategories
	}
	if vulnerableSubjects(in.Subjects) != 0 {
		sc.met[VulnerableSubjects], sc.why[VulnerableSubjects] = true, basisSubjects
	}
	if in.PublicArea {
		sc.met[SystematicMonitoring], sc.why[SystematicMonitoring] = true, basisPublicArea
	}
	if sc.large == Yes {
		sc.met[LargeScale] = true
		sc.why[LargeScale] = basisStated
		if sc.factor != 0 {
			sc.why[LargeScale] = basisPolicy
		}
	}

	b := sc.eval(sc.large == Yes)
	var pending *branch
	outcome := b.outcome
	if sc.large == 0 {
		alt := sc.eval(true)
		pending = &alt
		switch {
		case alt.outcome == b.outcome:
		case needsDPIA(b.outcome) && needsDPIA(alt.outcome):
			// Every answer to the open question leads to a DPIA: say so
			// with the weaker of the two outcomes (the presumption of
			// WP248 on a small scale, required on a large one), and name
			// the question (CodeLargeScaleMoot, CodeIfLargeScale).
			outcome = LikelyRequired
		default:
			outcome = Undetermined
		}
	}

	s := Screening{
		Jurisdiction: in.Jurisdiction,
		Title:        in.Title,
		Outcome:      outcome,
		LargeScale:   sc.large,
		Situations:   b.situations,
		Items:        b.items,
	}
	for c, ok := range b.met {
		if ok {
			s.Criteria = append(s.Criteria, Criterion(c))
		}
	}
	for _, c := range b.custom {
		s.Custom = append(s.Custom, c.Code)
	}
	s.Findings = sc.findings(&b, pending, outcome)
	compliance.Detach(s.Findings)
	return s
}

// needsDPIA reports whether an outcome means a DPIA is to be carried out:
// required, or presumed required by WP248's two-criteria rule.
func needsDPIA(o Outcome) bool { return o == Required || o == LikelyRequired }

// eval applies the rules with the given answer to "large scale?".
func (sc *screener) eval(large bool) branch {
	in := sc.in
	b := branch{met: sc.met}
	b.met[LargeScale] = large
	b.n = b.met.count()
	if in.Profiling {
		b.situations = append(b.situations, Profiling)
	}
	if large && in.Categories.Max() >= compliance.Special {
		b.situations = append(b.situations, SpecialLargeScale)
	}
	if large && in.PublicArea {
		b.situations = append(b.situations, PublicMonitoring)
	}
	for _, it := range in.Items {
		sp := it.spec()
		switch {
		case sp.draft && !sc.p.DanishDraftItems:
			b.itemsDraft = append(b.itemsDraft, it)
		case sp.needsLarge && !large:
		case sp.needsOther && !b.met.otherThan(sp.self):
			b.itemsNo = append(b.itemsNo, it)
		default:
			b.items = append(b.items, it)
		}
	}
	for _, c := range sc.custom {
		switch {
		case c.NeedsLargeScale && !large:
		case c.NeedsOther && !b.met.otherThan(c.Criterion):
			b.customNo = append(b.customNo, c)
		default:
			b.custom = append(b.custom, c)
		}
	}
	switch {
	case in.Exemption != 0:
		b.outcome = NotRequired
	case len(b.situations) > 0 || len(b.items) > 0 || len(b.custom) > 0:
		b.outcome = Required
	case in.IndividualProfessional:
		b.outcome = NotRequired
		b.professional = true
	case b.n >= 2 && in.NotHighRisk:
		b.outcome = NotRequired
		b.rebutted = true
	case b.n >= 2:
		b.outcome = LikelyRequired
	default:
		b.outcome = NotRequired
	}
	return b
}

func finding(code compliance.Code, sev compliance.Severity, rs compliance.Refs, subject string, args ...compliance.Arg) compliance.Finding {
	return compliance.Finding{Code: code, Severity: sev, Principle: compliance.Accountability, Refs: rs, Args: args, Subject: subject}
}

func (sc *screener) findings(b, alt *branch, outcome Outcome) []compliance.Finding {
	in := sc.in
	fs := make([]compliance.Finding, 0, 8)
	add := func(f compliance.Finding) { fs = append(fs, f) }

	// Criteria and scale.
	for c := Evaluation; c <= PreventsRights; c++ {
		if c == LargeScale {
			switch {
			case in.IndividualProfessional:
				add(finding(CodeProfessional, compliance.Info, refsProfessional, "individualProfessional"))
			case sc.large == Yes && sc.factor != 0:
				add(finding(CodeLargeScalePolicy, compliance.Info, refsLargeScale, "scale", compliance.Name(sc.factor)))
			case sc.large == Yes:
				add(finding(CodeCriterion, compliance.Info, refsCriterion[c], c.String(), compliance.Name(c)))
			case sc.large == No && !sc.p.LargeScale.IsZero() && in.Scale.LargeScale == 0 && indexOf(in.Criteria, LargeScale) < 0:
				add(finding(CodeNotLargeScalePolicy, compliance.Info, refsLargeScale, "scale"))
			case sc.large == 0:
				add(finding(CodeLargeScaleUnknown, compliance.Info, refsLargeScale, "scale"))
			}
			continue
		}
		if !sc.met[c] {
			continue
		}
		switch sc.why[c] {
		case basisCategories:
			add(finding(CodeCriterionCategories, compliance.Info, refsCriterion[c], c.String(),
				compliance.Name(c), compliance.Names(sensitiveCategories(in.Categories).All())))
		case basisSubjects:
			add(finding(CodeCriterionSubjects, compliance.Info, refsCriterion[c], c.String(),
				compliance.Name(c), compliance.Names(vulnerableSubjects(in.Subjects).All())))
		case basisPublicArea:
			add(finding(CodeCriterionPublicArea, compliance.Info, refsCriterion[c], c.String(), compliance.Name(c)))
		default:
			add(finding(CodeCriterion, compliance.Info, refsCriterion[c], c.String(), compliance.Name(c)))
		}
	}

	// Art 35(3) situations.
	for _, s := range b.situations {
		add(finding(CodeSituation, compliance.Warning, refsSituation[s], s.String(), compliance.Name(s)))
	}
	if alt != nil {
		for _, s := range alt.situations {
			if indexOf(b.situations, s) < 0 {
				add(finding(CodeIfLargeScale, compliance.Info, refsSituation[s], s.String(), compliance.Name(s)))
			}
		}
	}

	// List items.
	for _, it := range in.Items {
		switch {
		case indexOf(b.items, it) >= 0:
			add(finding(CodeListItem, compliance.Warning, it.Refs(), it.String(), compliance.Name(it)))
		case indexOf(b.itemsDraft, it) >= 0:
			add(finding(CodeListItemDraft, compliance.Warning, refsDKUnconfirmed, it.String(), compliance.Name(it)))
		case alt != nil && indexOf(alt.items, it) >= 0:
			add(finding(CodeIfLargeScale, compliance.Info, it.Refs(), it.String(), compliance.Name(it)))
		case indexOf(b.itemsNo, it) >= 0:
			add(finding(CodeListItemNoOther, compliance.Info, it.Refs(), it.String(), compliance.Name(it)))
		}
	}
	for _, c := range sc.custom {
		rs := compliance.RefsOf(c.Ref, refArt35_4)
		switch {
		case indexOf(b.custom, c) >= 0:
			add(finding(CodeCustomItem, compliance.Warning, rs, c.Code, compliance.Text(c.Title)))
		case alt != nil && indexOf(alt.custom, c) >= 0:
			add(finding(CodeIfLargeScale, compliance.Info, rs, c.Code, compliance.Text(c.Title)))
		case indexOf(b.customNo, c) >= 0:
			add(finding(CodeCustomItemNoOther, compliance.Info, rs, c.Code, compliance.Text(c.Title)))
		}
	}

	// Conclusion.
	switch {
	case in.Exemption == SimilarAssessment:
		add(finding(CodeExemptSimilar, compliance.Info, refsSimilar, "covering", compliance.Text(in.Covering.String())))
	case in.Exemption != 0:
		add(finding(CodeExempt, compliance.Info, exemptionRefs(in.Exemption), "exemption", compliance.Name(in.Exemption)))
	case b.outcome == Required, b.professional:
	case b.rebutted:
		add(finding(CodeRebutted, compliance.Info, refsPresumption, "", compliance.Int(b.n)))
	case b.n >= 2:
		add(finding(CodeCriteriaMet, compliance.Warning, refsPresumption, "", compliance.Int(b.n)))
	case b.n == 1:
		add(finding(CodeOneCriterion, compliance.Info, refsPresumption, ""))
	default:
		add(finding(CodeNoCriteria, compliance.Info, refsPresumption, ""))
	}
	switch {
	case outcome == Undetermined:
		add(finding(CodeLargeScaleOpen, compliance.Warning, refsLargeScale, "scale.largeScale"))
	case alt != nil && alt.outcome != b.outcome:
		add(finding(CodeLargeScaleMoot, compliance.Info, refsLargeScale, "scale.largeScale"))
	}

	// What must be recorded.
	if outcome == NotRequired && b.n >= 1 && in.Exemption == 0 {
		if in.Justification == "" {
			add(finding(CodeReasonsMissing, compliance.Warning, refsReasons, "justification"))
		}
		if in.DPOViews == "" {
			add(finding(CodeDPOViewsMissing, compliance.Warning, refsReasons, "dpoViews"))
		}
	}
	return fs
}

func exemptionRefs(e Exemption) compliance.Refs {
	switch e {
	case LegislativeAssessment:
		return refsLegislative
	case PriorChecked:
		return refsPriorChecked
	case ExemptList:
		return refsExemptList
	}
	return refsSimilar
}

// Document returns the screening as a document for a caseworker or a DPO:
// the outcome, then every finding with its references.
func (s Screening) Document() compliance.Document {
	doc := compliance.Document{Title: compliance.Msg(CodeDocScreening, compliance.Text(s.Title))}
	doc.Field(compliance.Msg(CodeDocJurisdiction), compliance.Msg(compliance.CodeText, compliance.Name(s.Jurisdiction)))
	doc.Field(compliance.Msg(CodeDocOutcome), compliance.Msg(compliance.CodeText, compliance.Name(s.Outcome)))
	var grounds, record []compliance.Finding
	for _, f := range s.Findings {
		switch f.Code {
		case CodeReasonsMissing, CodeDPOViewsMissing, CodeLargeScaleOpen:
			record = append(record, f)
		default:
			grounds = append(grounds, f)
		}
	}
	for _, part := range []struct {
		heading compliance.Code
		fs      []compliance.Finding
	}{{CodeDocGrounds, grounds}, {CodeDocRecord, record}} {
		if len(part.fs) == 0 {
			continue
		}
		doc.Heading(part.heading)
		for _, f := range part.fs {
			doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockItem, Text: f.Message(), Refs: f.Refs})
		}
	}
	return doc
}
