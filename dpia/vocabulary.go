package dpia

import (
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// Criterion is one of the nine criteria of WP248 rev.01, section III.B.a, for
// processing "likely to result in a high risk" (Art 35(1) GDPR). The more
// criteria a processing meets, the more likely it needs a DPIA; in most
// cases two are enough, and sometimes one. The zero value is invalid.
type Criterion uint8

// Criterion values, in the order of WP248.

// Evaluation: evaluation or scoring, including profiling and predicting
// (Recitals 71 and 91).
const Evaluation Criterion = 1

// AutomatedDecision: automated decision-making with legal or similar
// significant effect (Art 35(3)(a)).
const AutomatedDecision Criterion = 2

// SystematicMonitoring: systematic monitoring, including of a publicly
// accessible area (Art 35(3)(c)).
const SystematicMonitoring Criterion = 3

// SensitiveData: sensitive data or data of a highly personal nature (Art 9
// and 10; also communications, location and financial data).
const SensitiveData Criterion = 4

// LargeScale: data processed on a large scale (Recital 91).
const LargeScale Criterion = 5

// Matching: matching or combining datasets beyond the data subjects'
// reasonable expectations.
const Matching Criterion = 6

// VulnerableSubjects: data concerning vulnerable data subjects (Recital 75).
const VulnerableSubjects Criterion = 7

// InnovativeUse: innovative use or new technological or organisational
// solutions (Art 35(1), Recitals 89 and 91).
const InnovativeUse Criterion = 8

// PreventsRights: processing that prevents data subjects from exercising a
// right or using a service or a contract (Art 22, Recital 91).
const PreventsRights Criterion = 9

var criteria = enum.New[Criterion]("criterion", "dpia.criterion", compliance.UnknownCode,
	"evaluation", "automated-decision", "systematic-monitoring", "sensitive-data", "large-scale", "matching", "vulnerable-subjects", "innovative-use", "prevents-rights")

// ParseCriterion returns the Criterion with the given code.
func ParseCriterion(s string) (Criterion, error) { return criteria.Parse(s) }

// AllCriteria yields every Criterion, in the order of WP248.
func AllCriteria() iter.Seq[Criterion] { return criteria.All() }

// String returns the stable code.
func (c Criterion) String() string { return criteria.String(c) }

// Key returns the i18n message key.
func (c Criterion) Key() string { return criteria.Key(c) }

// Valid reports whether c is a known Criterion.
func (c Criterion) Valid() bool { return criteria.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Criterion) MarshalText() ([]byte, error) { return criteria.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Criterion) UnmarshalText(b []byte) error { return criteria.UnmarshalText(c, b) }

// Situation is one of the three situations of Art 35(3) GDPR in which a DPIA
// is "in particular" required. The zero value is invalid.
type Situation uint8

// Situation values, in the order of Art 35(3).

// Profiling: Art 35(3)(a): systematic and extensive evaluation of personal
// aspects based on automated processing, including profiling, with decisions
// that produce legal or similarly significant effects.
const Profiling Situation = 1

// SpecialLargeScale: Art 35(3)(b): processing on a large scale of special
// categories (Art 9(1)) or of data on criminal convictions and offences (Art
// 10).
const SpecialLargeScale Situation = 2

// PublicMonitoring: Art 35(3)(c): systematic monitoring of a publicly
// accessible area on a large scale.
const PublicMonitoring Situation = 3

var situations = enum.New[Situation]("situation", "dpia.situation", compliance.UnknownCode,
	"profiling", "special-large-scale", "public-monitoring")

// ParseSituation returns the Situation with the given code.
func ParseSituation(s string) (Situation, error) { return situations.Parse(s) }

// AllSituations yields every Situation, in the order of Art 35(3).
func AllSituations() iter.Seq[Situation] { return situations.All() }

// String returns the stable code.
func (s Situation) String() string { return situations.String(s) }

// Key returns the i18n message key.
func (s Situation) Key() string { return situations.Key(s) }

// Valid reports whether s is a known Situation.
func (s Situation) Valid() bool { return situations.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Situation) MarshalText() ([]byte, error) { return situations.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Situation) UnmarshalText(b []byte) error { return situations.UnmarshalText(s, b) }

// Outcome is the result of a screening: whether the processing needs a DPIA.
// The zero value is invalid.
type Outcome uint8

// Outcome values, from the strongest to the weakest result, then undetermined.

// Required: a DPIA is required: an Art 35(3) situation or an item of
// Datatilsynet's Art 35(4) list applies.
const Required Outcome = 1

// LikelyRequired: two or more WP248 criteria are met, so a DPIA is presumed
// to be required (WP248 III.B.a).
const LikelyRequired Outcome = 2

// NotRequired: no DPIA is required; where criteria are met the reasons must
// be recorded.
const NotRequired Outcome = 3

// Undetermined: the result depends on a fact not yet established, such as
// whether the processing is on a large scale.
const Undetermined Outcome = 4

var outcomes = enum.New[Outcome]("outcome", "dpia.outcome", compliance.UnknownCode,
	"required", "likely-required", "not-required", "undetermined")

// ParseOutcome returns the Outcome with the given code.
func ParseOutcome(s string) (Outcome, error) { return outcomes.Parse(s) }

// AllOutcomes yields every Outcome, from the strongest to the weakest result, then undetermined.
func AllOutcomes() iter.Seq[Outcome] { return outcomes.All() }

// String returns the stable code.
func (o Outcome) String() string { return outcomes.String(o) }

// Key returns the i18n message key.
func (o Outcome) Key() string { return outcomes.Key(o) }

// Valid reports whether o is a known Outcome.
func (o Outcome) Valid() bool { return outcomes.Valid(o) }

// MarshalText implements [encoding.TextMarshaler].
func (o Outcome) MarshalText() ([]byte, error) { return outcomes.MarshalText(o) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *Outcome) UnmarshalText(b []byte) error { return outcomes.UnmarshalText(o, b) }

// Exemption is a ground on which no DPIA is required although the processing
// may be likely to result in a high risk (WP248 rev.01, III.B.b). The zero
// value is invalid.
type Exemption uint8

// Exemption values, in the order of WP248 III.B.b.

// SimilarAssessment: a DPIA of very similar processing exists and covers it
// (Art 35(1), last sentence); name it in Input.Covering.
const SimilarAssessment Exemption = 1

// LegislativeAssessment: Art 6(1)(c) or (e) processing whose legal basis was
// impact-assessed when the law was made (Art 35(10)), unless national law
// requires a DPIA.
const LegislativeAssessment Exemption = 2

// PriorChecked: processing checked by the supervisory authority or the data
// protection official before May 2018 under Directive 95/46/EC and unchanged
// since (Recital 171).
const PriorChecked Exemption = 3

// ExemptList: processing on the supervisory authority's Art 35(5) list of
// operations that need no DPIA.
const ExemptList Exemption = 4

var exemptions = enum.New[Exemption]("exemption", "dpia.exemption", compliance.UnknownCode,
	"similar-assessment", "legislative-assessment", "prior-checked", "exempt-list")

// ParseExemption returns the Exemption with the given code.
func ParseExemption(s string) (Exemption, error) { return exemptions.Parse(s) }

// AllExemptions yields every Exemption, in the order of WP248 III.B.b.
func AllExemptions() iter.Seq[Exemption] { return exemptions.All() }

// String returns the stable code.
func (e Exemption) String() string { return exemptions.String(e) }

// Key returns the i18n message key.
func (e Exemption) Key() string { return exemptions.Key(e) }

// Valid reports whether e is a known Exemption.
func (e Exemption) Valid() bool { return exemptions.Valid(e) }

// MarshalText implements [encoding.TextMarshaler].
func (e Exemption) MarshalText() ([]byte, error) { return exemptions.MarshalText(e) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *Exemption) UnmarshalText(b []byte) error { return exemptions.UnmarshalText(e, b) }

// Answer is a yes or no to a question the screening asks, such as whether the
// processing is on a large scale. The zero value means the question has not
// been answered.
type Answer uint8

// Answer values, yes, then no.

// Yes: yes.
const Yes Answer = 1

// No: no.
const No Answer = 2

var answers = enum.New[Answer]("answer", "dpia.answer", compliance.UnknownCode,
	"yes", "no")

// ParseAnswer returns the Answer with the given code.
func ParseAnswer(s string) (Answer, error) { return answers.Parse(s) }

// AllAnswers yields every Answer, yes, then no.
func AllAnswers() iter.Seq[Answer] { return answers.All() }

// String returns the stable code.
func (a Answer) String() string { return answers.String(a) }

// Key returns the i18n message key.
func (a Answer) Key() string { return answers.Key(a) }

// Valid reports whether a is a known Answer.
func (a Answer) Valid() bool { return answers.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Answer) MarshalText() ([]byte, error) { return answers.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Answer) UnmarshalText(b []byte) error { return answers.UnmarshalText(a, b) }

// Geography is the geographical extent of a processing, one of WP248's
// factors for large scale (WP248 rev.01, III.B.a, criterion 5(d); Recital 91
// speaks of processing at "regional, national or supranational level"). The
// zero value means not stated.
type Geography uint8

// Geography values, in increasing extent.

// Local: within one kommune.
const Local Geography = 1

// Regional: several kommuner, a region (DK) or a fylke (NO).
const Regional Geography = 2

// National: the whole country.
const National Geography = 3

// CrossBorder: more than one country.
const CrossBorder Geography = 4

var geographies = enum.New[Geography]("geography", "dpia.geography", compliance.UnknownCode,
	"local", "regional", "national", "cross-border")

// ParseGeography returns the Geography with the given code.
func ParseGeography(s string) (Geography, error) { return geographies.Parse(s) }

// AllGeographies yields every Geography, in increasing extent.
func AllGeographies() iter.Seq[Geography] { return geographies.All() }

// String returns the stable code.
func (g Geography) String() string { return geographies.String(g) }

// Key returns the i18n message key.
func (g Geography) Key() string { return geographies.Key(g) }

// Valid reports whether g is a known Geography.
func (g Geography) Valid() bool { return geographies.Valid(g) }

// MarshalText implements [encoding.TextMarshaler].
func (g Geography) MarshalText() ([]byte, error) { return geographies.MarshalText(g) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *Geography) UnmarshalText(b []byte) error { return geographies.UnmarshalText(g, b) }

// ScaleFactor is a factor of WP248 rev.01, III.B.a, criterion 5, for which a
// host can set a threshold in [Thresholds]. The zero value is invalid.
type ScaleFactor uint8

// ScaleFactor values, in the order of WP248.

// FactorSubjects: the number of data subjects concerned.
const FactorSubjects ScaleFactor = 1

// FactorShare: the data subjects as a proportion of the relevant population.
const FactorShare ScaleFactor = 2

// FactorDataItems: the range of different data items processed.
const FactorDataItems ScaleFactor = 3

// FactorGeography: the geographical extent.
const FactorGeography ScaleFactor = 4

var scaleFactors = enum.New[ScaleFactor]("scale-factor", "dpia.scale-factor", compliance.UnknownCode,
	"subjects", "share", "data-items", "geography")

// ParseScaleFactor returns the ScaleFactor with the given code.
func ParseScaleFactor(s string) (ScaleFactor, error) { return scaleFactors.Parse(s) }

// AllScaleFactors yields every ScaleFactor, in the order of WP248.
func AllScaleFactors() iter.Seq[ScaleFactor] { return scaleFactors.All() }

// String returns the stable code.
func (s ScaleFactor) String() string { return scaleFactors.String(s) }

// Key returns the i18n message key.
func (s ScaleFactor) Key() string { return scaleFactors.Key(s) }

// Valid reports whether s is a known ScaleFactor.
func (s ScaleFactor) Valid() bool { return scaleFactors.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s ScaleFactor) MarshalText() ([]byte, error) { return scaleFactors.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *ScaleFactor) UnmarshalText(b []byte) error { return scaleFactors.UnmarshalText(s, b) }

// RiskKind is one of the three risks every DPIA assesses from the data
// subjects' point of view: illegitimate access to, unwanted modification of,
// and disappearance of personal data (WP248 rev.01, Annex 2; the feared
// events of the CNIL PIA methodology, February 2018 edition). The zero value
// is invalid.
type RiskKind uint8

// RiskKind values, in the order of WP248 Annex 2.

// IllegitimateAccess: the data become known to persons not authorised (loss
// of confidentiality).
const IllegitimateAccess RiskKind = 1

// UnwantedModification: the data are altered or changed (loss of integrity).
const UnwantedModification RiskKind = 2

// Disappearance: the data are not or no longer available (loss of
// availability).
const Disappearance RiskKind = 3

var riskKinds = enum.New[RiskKind]("risk", "dpia.risk", compliance.UnknownCode,
	"illegitimate-access", "unwanted-modification", "disappearance")

// ParseRiskKind returns the RiskKind with the given code.
func ParseRiskKind(s string) (RiskKind, error) { return riskKinds.Parse(s) }

// AllRiskKinds yields every RiskKind, in the order of WP248 Annex 2.
func AllRiskKinds() iter.Seq[RiskKind] { return riskKinds.All() }

// String returns the stable code.
func (r RiskKind) String() string { return riskKinds.String(r) }

// Key returns the i18n message key.
func (r RiskKind) Key() string { return riskKinds.Key(r) }

// Valid reports whether r is a known RiskKind.
func (r RiskKind) Valid() bool { return riskKinds.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r RiskKind) MarshalText() ([]byte, error) { return riskKinds.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *RiskKind) UnmarshalText(b []byte) error { return riskKinds.UnmarshalText(r, b) }

// Level is a step on the four-step scales of likelihood and severity of the
// CNIL PIA methodology (February 2018 edition; WP248 rev.01 lists the 2015
// edition among the existing frameworks of its Annex 1): negligible,
// limited, significant, maximum.
// Severity describes the consequences for the data subjects, likelihood
// how possible the feared event is. The descriptions of the values
// paraphrase the CNIL's "Knowledge bases" guide, which was not read in the
// original for this package: the severity steps are corroborated by a
// secondary source quoting the CNIL's table
// (https://dastra.eu/fr/guide/rgpd-evaluer-la-gravite-dun-risque-pour-les-personnes-concernees/51878 ),
// and WP248 III.E uses the maximum step's words ("significant, or even
// irreversible, consequences, which they may not overcome"); the four
// likelihood steps are confirmed
// (https://apm-documentation.actecil.fr/en/dpo-perform-an-impact-assessment-pia/ ),
// their descriptions are not. The zero value means not rated.
type Level uint8

// Level values, in increasing order.

// Negligible: severity: no effect or a few inconveniences, overcome without
// problem; likelihood: it does not seem possible for the risk sources to
// materialise the threat.
const Negligible Level = 1

// Limited: severity: significant inconveniences, overcome despite a few
// difficulties; likelihood: it seems difficult.
const Limited Level = 2

// Significant: severity: significant consequences, overcome only with
// serious difficulty; likelihood: it seems possible.
const Significant Level = 3

// Maximum: severity: significant or even irreversible consequences that may
// not be overcome; likelihood: it seems extremely easy.
const Maximum Level = 4

var levels = enum.New[Level]("level", "dpia.level", compliance.UnknownCode,
	"negligible", "limited", "significant", "maximum")

// ParseLevel returns the Level with the given code.
func ParseLevel(s string) (Level, error) { return levels.Parse(s) }

// AllLevels yields every Level, in increasing order.
func AllLevels() iter.Seq[Level] { return levels.All() }

// String returns the stable code.
func (l Level) String() string { return levels.String(l) }

// Key returns the i18n message key.
func (l Level) Key() string { return levels.Key(l) }

// Valid reports whether l is a known Level.
func (l Level) Valid() bool { return levels.Valid(l) }

// MarshalText implements [encoding.TextMarshaler].
func (l Level) MarshalText() ([]byte, error) { return levels.MarshalText(l) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (l *Level) UnmarshalText(b []byte) error { return levels.UnmarshalText(l, b) }

// RiskLevel is the level of a risk, read from its likelihood and severity with
// a [Matrix]. The zero value is invalid.
type RiskLevel uint8

// RiskLevel values, in increasing order.

// Low: the risk may be accepted.
const Low RiskLevel = 1

// Medium: the risk must be reduced or avoided.
const Medium RiskLevel = 2

// High: the risk is high; if it remains so after the measures, Datatilsynet
// must be consulted (Art 36(1)).
const High RiskLevel = 3

var riskLevels = enum.New[RiskLevel]("risk-level", "dpia.risk-level", compliance.UnknownCode,
	"low", "medium", "high")

// ParseRiskLevel returns the RiskLevel with the given code.
func ParseRiskLevel(s string) (RiskLevel, error) { return riskLevels.Parse(s) }

// AllRiskLevels yields every RiskLevel, in increasing order.
func AllRiskLevels() iter.Seq[RiskLevel] { return riskLevels.All() }

// String returns the stable code.
func (r RiskLevel) String() string { return riskLevels.String(r) }

// Key returns the i18n message key.
func (r RiskLevel) Key() string { return riskLevels.Key(r) }

// Valid reports whether r is a known RiskLevel.
func (r RiskLevel) Valid() bool { return riskLevels.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r RiskLevel) MarshalText() ([]byte, error) { return riskLevels.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *RiskLevel) UnmarshalText(b []byte) error { return riskLevels.UnmarshalText(r, b) }

// MeasureKind says whether a measure is technical or organisational (Art 32(1)
// and Art 35(7)(d)). The zero value is invalid.
type MeasureKind uint8

// MeasureKind values, technical, then organisational.

// Technical: a technical measure: encryption, access control, logging,
// backup.
const Technical MeasureKind = 1

// Organisational: an organisational measure: a policy, training, an
// agreement, a procedure.
const Organisational MeasureKind = 2

var measureKinds = enum.New[MeasureKind]("measure-kind", "dpia.measure-kind", compliance.UnknownCode,
	"technical", "organisational")

// ParseMeasureKind returns the MeasureKind with the given code.
func ParseMeasureKind(s string) (MeasureKind, error) { return measureKinds.Parse(s) }

// AllMeasureKinds yields every MeasureKind, technical, then organisational.
func AllMeasureKinds() iter.Seq[MeasureKind] { return measureKinds.All() }

// String returns the stable code.
func (m MeasureKind) String() string { return measureKinds.String(m) }

// Key returns the i18n message key.
func (m MeasureKind) Key() string { return measureKinds.Key(m) }

// Valid reports whether m is a known MeasureKind.
func (m MeasureKind) Valid() bool { return measureKinds.Valid(m) }

// MarshalText implements [encoding.TextMarshaler].
func (m MeasureKind) MarshalText() ([]byte, error) { return measureKinds.MarshalText(m) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *MeasureKind) UnmarshalText(b []byte) error { return measureKinds.UnmarshalText(m, b) }

// MeasureStatus is how far a measure has been put in place. The zero value is
// invalid.
type MeasureStatus uint8

// MeasureStatus values, in order of progress.

// Planned: decided but not started.
const Planned MeasureStatus = 1

// InProgress: being put in place.
const InProgress MeasureStatus = 2

// Implemented: in place.
const Implemented MeasureStatus = 3

var measureStatuses = enum.New[MeasureStatus]("measure-status", "dpia.measure-status", compliance.UnknownCode,
	"planned", "in-progress", "implemented")

// ParseMeasureStatus returns the MeasureStatus with the given code.
func ParseMeasureStatus(s string) (MeasureStatus, error) { return measureStatuses.Parse(s) }

// AllMeasureStatuses yields every MeasureStatus, in order of progress.
func AllMeasureStatuses() iter.Seq[MeasureStatus] { return measureStatuses.All() }

// String returns the stable code.
func (m MeasureStatus) String() string { return measureStatuses.String(m) }

// Key returns the i18n message key.
func (m MeasureStatus) Key() string { return measureStatuses.Key(m) }

// Valid reports whether m is a known MeasureStatus.
func (m MeasureStatus) Valid() bool { return measureStatuses.Valid(m) }

// MarshalText implements [encoding.TextMarshaler].
func (m MeasureStatus) MarshalText() ([]byte, error) { return measureStatuses.MarshalText(m) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *MeasureStatus) UnmarshalText(b []byte) error { return measureStatuses.UnmarshalText(m, b) }

// Conclusion is the data protection officer's advice on a DPIA (Art 35(2)). The
// zero value is invalid.
type Conclusion uint8

// Conclusion values, from the most to the least favourable.

// Proceed: the processing may go ahead as assessed.
const Proceed Conclusion = 1

// ProceedWithChanges: the processing may go ahead once the changes advised
// are made.
const ProceedWithChanges Conclusion = 2

// DoNotProceed: the processing should not go ahead.
const DoNotProceed Conclusion = 3

var conclusions = enum.New[Conclusion]("conclusion", "dpia.conclusion", compliance.UnknownCode,
	"proceed", "proceed-with-changes", "do-not-proceed")

// ParseConclusion returns the Conclusion with the given code.
func ParseConclusion(s string) (Conclusion, error) { return conclusions.Parse(s) }

// AllConclusions yields every Conclusion, from the most to the least favourable.
func AllConclusions() iter.Seq[Conclusion] { return conclusions.All() }

// String returns the stable code.
func (c Conclusion) String() string { return conclusions.String(c) }

// Key returns the i18n message key.
func (c Conclusion) Key() string { return conclusions.Key(c) }

// Valid reports whether c is a known Conclusion.
func (c Conclusion) Valid() bool { return conclusions.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Conclusion) MarshalText() ([]byte, error) { return conclusions.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Conclusion) UnmarshalText(b []byte) error { return conclusions.UnmarshalText(c, b) }

// ViewsStatus records whether the views of data subjects or their
// representatives were sought (Art 35(9)). The zero value means the question
// has not been addressed.
type ViewsStatus uint8

// ViewsStatus values, sought, then not sought.

// Sought: the views were sought.
const Sought ViewsStatus = 1

// NotSought: the views were not sought; the reasons must be documented
// (WP248 III.D.b).
const NotSought ViewsStatus = 2

var viewsStatuses = enum.New[ViewsStatus]("views", "dpia.views", compliance.UnknownCode,
	"sought", "not-sought")

// ParseViewsStatus returns the ViewsStatus with the given code.
func ParseViewsStatus(s string) (ViewsStatus, error) { return viewsStatuses.Parse(s) }

// AllViewsStatuses yields every ViewsStatus, sought, then not sought.
func AllViewsStatuses() iter.Seq[ViewsStatus] { return viewsStatuses.All() }

// String returns the stable code.
func (v ViewsStatus) String() string { return viewsStatuses.String(v) }

// Key returns the i18n message key.
func (v ViewsStatus) Key() string { return viewsStatuses.Key(v) }

// Valid reports whether v is a known ViewsStatus.
func (v ViewsStatus) Valid() bool { return viewsStatuses.Valid(v) }

// MarshalText implements [encoding.TextMarshaler].
func (v ViewsStatus) MarshalText() ([]byte, error) { return viewsStatuses.MarshalText(v) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (v *ViewsStatus) UnmarshalText(b []byte) error { return viewsStatuses.UnmarshalText(v, b) }

// Decision is the controller's decision when it signs off a DPIA: the
// validation step of the CNIL PIA methodology, which WP248 rev.01, III.D.b,
// asks the controller to document. The zero value is invalid.
type Decision uint8

// Decision values, from approval to rejection.

// Approved: the DPIA is approved and the processing may go ahead.
const Approved Decision = 1

// Conditional: approval is conditional on the improvements named.
const Conditional Decision = 2

// Rejected: the DPIA, and with it the processing, is rejected.
const Rejected Decision = 3

var decisions = enum.New[Decision]("decision", "dpia.decision", compliance.UnknownCode,
	"approved", "conditional", "rejected")

// ParseDecision returns the Decision with the given code.
func ParseDecision(s string) (Decision, error) { return decisions.Parse(s) }

// AllDecisions yields every Decision, from approval to rejection.
func AllDecisions() iter.Seq[Decision] { return decisions.All() }

// String returns the stable code.
func (d Decision) String() string { return decisions.String(d) }

// Key returns the i18n message key.
func (d Decision) Key() string { return decisions.Key(d) }

// Valid reports whether d is a known Decision.
func (d Decision) Valid() bool { return decisions.Valid(d) }

// MarshalText implements [encoding.TextMarshaler].
func (d Decision) MarshalText() ([]byte, error) { return decisions.MarshalText(d) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Decision) UnmarshalText(b []byte) error { return decisions.UnmarshalText(d, b) }

// Trigger is a reason to review a DPIA (Art 35(11): "at least when there is a
// change of the risk represented by processing operations"; WP248 rev.01,
// III.C, names new technology, a new purpose, new data and new vulnerable
// data subjects, and footnote 22 recipients and transfers). The zero value
// is invalid.
type Trigger uint8

// Trigger values, in a fixed order.

// NewDataCategories: categories of personal data not covered by the DPIA are
// processed.
const NewDataCategories Trigger = 1

// NewSubjectCategories: categories of data subjects not covered by the DPIA
// are concerned.
const NewSubjectCategories Trigger = 2

// NewProcessor: a data processor not covered by the DPIA is used.
const NewProcessor Trigger = 3

// NewSubProcessor: a sub-processor not covered by the DPIA is used.
const NewSubProcessor Trigger = 4

// NewTechnology: a technology not covered by the DPIA has come into use.
const NewTechnology Trigger = 5

// ChangedPurpose: the data are used for a purpose not covered by the DPIA.
const ChangedPurpose Trigger = 6

// NewTransfer: data are transferred to a country not covered by the DPIA.
const NewTransfer Trigger = 7

// Periodic: the kommune's own review interval has passed; no interval is
// laid down by law.
const Periodic Trigger = 8

// OtherChange: another change of the risk, such as a new context or a
// decision of Datatilsynet.
const OtherChange Trigger = 9

var triggers = enum.New[Trigger]("trigger", "dpia.trigger", compliance.UnknownCode,
	"new-data-categories", "new-subject-categories", "new-processor", "new-sub-processor", "new-technology", "changed-purpose", "new-transfer", "periodic", "other-change")

// ParseTrigger returns the Trigger with the given code.
func ParseTrigger(s string) (Trigger, error) { return triggers.Parse(s) }

// AllTriggers yields every Trigger, in a fixed order.
func AllTriggers() iter.Seq[Trigger] { return triggers.All() }

// String returns the stable code.
func (t Trigger) String() string { return triggers.String(t) }

// Key returns the i18n message key.
func (t Trigger) Key() string { return triggers.Key(t) }

// Valid reports whether t is a known Trigger.
func (t Trigger) Valid() bool { return triggers.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Trigger) MarshalText() ([]byte, error) { return triggers.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Trigger) UnmarshalText(b []byte) error { return triggers.UnmarshalText(t, b) }

// Topic is one of the points on which a DPIA assesses necessity and
// proportionality and the data subjects' rights (Art 35(7)(b) and (d), as
// WP248 rev.01, Annex 2, lists them). The zero value is invalid.
type Topic uint8

// Topic values, in the order of WP248 Annex 2.

// TopicPurpose: specified, explicit and legitimate purposes (Art 5(1)(b)).
const TopicPurpose Topic = 1

// TopicLawfulness: lawfulness of processing (Art 6).
const TopicLawfulness Topic = 2

// TopicMinimisation: adequate, relevant and limited data (Art 5(1)(c)).
const TopicMinimisation Topic = 3

// TopicRetention: limited storage duration (Art 5(1)(e)).
const TopicRetention Topic = 4

// TopicInformation: information to the data subjects (Art 12, 13 and 14).
const TopicInformation Topic = 5

// TopicAccess: right of access and to data portability (Art 15 and 20).
const TopicAccess Topic = 6

// TopicRectification: right to rectification and erasure (Art 16, 17 and
// 19).
const TopicRectification Topic = 7

// TopicObjection: right to object and to restriction (Art 18, 19 and 21).
const TopicObjection Topic = 8

// TopicProcessors: relationships with processors (Art 28).
const TopicProcessors Topic = 9

// TopicTransfers: safeguards for international transfers (Chapter V).
const TopicTransfers Topic = 10

var topics = enum.New[Topic]("topic", "dpia.topic", compliance.UnknownCode,
	"purpose", "lawfulness", "minimisation", "retention", "information", "access", "rectification", "objection", "processors", "transfers")

// ParseTopic returns the Topic with the given code.
func ParseTopic(s string) (Topic, error) { return topics.Parse(s) }

// AllTopics yields every Topic, in the order of WP248 Annex 2.
func AllTopics() iter.Seq[Topic] { return topics.All() }

// String returns the stable code.
func (t Topic) String() string { return topics.String(t) }

// Key returns the i18n message key.
func (t Topic) Key() string { return topics.Key(t) }

// Valid reports whether t is a known Topic.
func (t Topic) Valid() bool { return topics.Valid(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Topic) MarshalText() ([]byte, error) { return topics.MarshalText(t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Topic) UnmarshalText(b []byte) error { return topics.UnmarshalText(t, b) }

// Element is a part of a DPIA that its completeness check looks for (Art
// 35(2), 35(7) and 35(9); WP248 rev.01, Annex 2). The zero value is
// invalid.
type Element uint8

// Element values, in the order of the DPIA.

// ElemPurposes: the purposes of the processing (Art 35(7)(a)).
const ElemPurposes Element = 1

// ElemCategories: the categories of personal data (Art 35(7)(a)).
const ElemCategories Element = 2

// ElemSubjects: the categories of data subjects (Art 35(7)(a)).
const ElemSubjects Element = 3

// ElemRecipients: the recipients (WP248 Annex 2).
const ElemRecipients Element = 4

// ElemRetention: the storage period (WP248 Annex 2).
const ElemRetention Element = 5

// ElemFunctional: a functional description of the processing (WP248 Annex
// 2).
const ElemFunctional Element = 6

// ElemAssets: the assets the data rely on (WP248 Annex 2).
const ElemAssets Element = 7

// ElemLegitimateInterest: the legitimate interest pursued, where the basis
// is Art 6(1)(f) (Art 35(7)(a)).
const ElemLegitimateInterest Element = 8

// ElemNecessity: the assessment of necessity and proportionality (Art
// 35(7)(b)).
const ElemNecessity Element = 9

// ElemMeasures: the measures envisaged to address the risks (Art 35(7)(d)).
const ElemMeasures Element = 10

// ElemDPOAdvice: the advice of the data protection officer (Art 35(2)).
const ElemDPOAdvice Element = 11

// ElemViews: whether the views of data subjects were sought (Art 35(9)).
const ElemViews Element = 12

var elements = enum.New[Element]("element", "dpia.element", compliance.UnknownCode,
	"purposes", "categories", "subjects", "recipients", "retention", "functional-description", "assets", "legitimate-interest", "necessity", "measures", "dpo-advice", "views")

// ParseElement returns the Element with the given code.
func ParseElement(s string) (Element, error) { return elements.Parse(s) }

// AllElements yields every Element, in the order of the DPIA.
func AllElements() iter.Seq[Element] { return elements.All() }

// String returns the stable code.
func (e Element) String() string { return elements.String(e) }

// Key returns the i18n message key.
func (e Element) Key() string { return elements.Key(e) }

// Valid reports whether e is a known Element.
func (e Element) Valid() bool { return elements.Valid(e) }

// MarshalText implements [encoding.TextMarshaler].
func (e Element) MarshalText() ([]byte, error) { return elements.MarshalText(e) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *Element) UnmarshalText(b []byte) error { return elements.UnmarshalText(e, b) }
