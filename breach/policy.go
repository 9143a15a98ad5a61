package breach

import (
	"time"

	"github.com/tillid/tillid/compliance"
)

// Policy maps the facts of a breach to the risk it is likely to result in —
// the test of Art 33(1) (notify Datatilsynet unless the breach is unlikely
// to result in a risk) and Art 34(1) (tell the data subjects when it is
// likely to result in a high risk) — by the factors WP250 rev.01 (section
// IV.B) and EDPB Guidelines 01/2021 name.
//
// The GDPR does not define the mapping. Every field is therefore a
// configurable choice with a documented default; the zero Policy (and a nil
// *Policy) is the default, which reproduces the conclusions of the eighteen
// cases of EDPB Guidelines 01/2021 (each a test) for a kommune. The rules
// apply in this order:
//
//  1. Facts that remove the risk of a dimension of the breach
//     ("neutralise" it), from the EDPB cases: confidentiality is neutralised
//     by state-of-the-art encryption (or salted hashing) with an
//     uncompromised key (Art 34(3)(a); cases 01, 06, 10), or by a single
//     recipient bound by confidentiality who confirmed deletion, when no
//     data above TrustedMaxClass were sent (case 09); availability and
//     integrity are neutralised by a full backup that restored the data
//     within OutageFrom with nobody affected (case 01).
//  2. ENISA's severity (SE = DPC × EI + CB, exact decimal) is one input: from
//     AuthorityFrom a risk, from SubjectsFrom a high risk. It is reported as
//     a transparent figure, not the verdict.
//  3. Floors raise the risk where a factor of WP250 section IV.B calls for
//     it, each a field below: special categories, confidential data held by
//     a public authority, identifiers that open the door to identity theft
//     or fraud, the number of people, children and vulnerable persons,
//     protected addresses, deliberate exfiltration by an insider, how long
//     data were unavailable and what depended on them, and the
//     caseworker's judgement of the likelihood, gravity and permanence of
//     the consequences. Each floor that applies is a finding.
//  4. The burden is the controller's (Art 33(1) "unless"; Recital 85): a
//     breach judged unlikely to result in a risk whose necessary facts are
//     not recorded is taken to result in one, with a finding naming each
//     missing [Fact].
//
// Every floor is turned off by setting it to Unlikely.
type Policy struct {
	// AuthorityFrom is the lowest ENISA band at which a breach is taken to
	// result in a risk (Art 33(1)). Zero means Medium: ENISA's low band
	// ("no effect, or a few inconveniences overcome without any problem")
	// is read as unlikely to result in a risk. EDPB 01/2021 case 13 (low:
	// no notification) and case 16 (medium: notify) rest on it.
	AuthorityFrom Band
	// SubjectsFrom is the lowest ENISA band at which a breach is taken to
	// result in a high risk (Art 34(1)). Zero means High: ENISA's high band
	// ("significant consequences overcome only with serious difficulty").
	SubjectsFrom Band
	// TrustedMaxClass is the highest class of data that a trusted recipient
	// may have received for the breach of confidentiality to be
	// neutralised (EDPB 01/2021 case 09: "no sensitive data"). Zero means
	// [compliance.Confidential]: special categories and criminal offence
	// data are excluded, while the case's own data — contact details and
	// the type and amount of insurance — include financial data.
	TrustedMaxClass compliance.Class
	// SpecialFloor is the least risk of a breach that exposes special
	// categories of data (Art 9(1)) or criminal offence data (Art 10) to
	// someone not authorised. Zero means RiskPresent: Recital 75 names these
	// data among those whose processing may give rise to damage (EDPB
	// 01/2021 case 15: two participants' food intolerances made a
	// misdirected e-mail notifiable).
	SpecialFloor Risk
	// ConfidentialFloor is the least risk of a breach that exposes
	// confidential data ([compliance.Confidential]: national ID numbers,
	// finances, social issues, family relations) whatever the controller.
	// The sources do not settle it; zero means no floor of its own (the
	// public-authority floor, ControllerFloor, covers a kommune).
	ConfidentialFloor Risk
	// PrivateController says the controller is not a public authority. The
	// zero value — a public authority, as a kommune is — makes
	// ControllerFloor apply: WP250 rev.01 section IV.B names the special
	// characteristics of the controller as a factor (ENISA's contextual
	// factors likewise), and a kommune holds confidential data about
	// citizens who cannot choose another provider or opt out.
	PrivateController bool
	// ControllerFloor is the least risk, for a public authority, of a
	// breach that exposes confidential data. Zero means RiskPresent. This
	// is tillid's reading of WP250 section IV.B, not a rule stated by the
	// sources.
	ControllerFloor Risk
	// IdentityFloor is the least risk of a breach that exposes identifiers
	// that open the door to identity theft or fraud: a national ID number
	// (CPR-nummer, fødselsnummer) with the person's name, credentials
	// ([RiskFactors.Credentials]) or payment data
	// ([RiskFactors.PaymentData]) — WP250 rev.01 section IV.B and Recital
	// 75 ("identity theft or fraud"). Zero means RiskPresent.
	IdentityFloor Risk
	// IdentityWideFloor is the least risk when such identifiers reach
	// unknown recipients, are published, or concern ManyFrom people or
	// more. Zero means HighRisk: EDPB 01/2021 case 14 (about 60,000 job
	// seekers' social security numbers e-mailed to the wrong people: high
	// risk, communicate).
	IdentityWideFloor Risk
	// ManyFrom is the number of affected people from which a breach is
	// taken to result in a risk (VolumeFloor) and identifiers for identity
	// theft a high risk (IdentityWideFloor). Zero means 100. The number is
	// policy, not law: WP250 section IV.B names the number of individuals
	// as a factor without a threshold, and ENISA's methodology reports
	// more than 100 individuals alongside the score.
	ManyFrom int
	// VolumeFloor is the least risk of a breach whose dimensions are not
	// all neutralised and that affects ManyFrom people or more. Zero means
	// RiskPresent.
	VolumeFloor Risk
	// MassFrom is the number of people from which identifying data (names
	// with addresses or dates of birth) lost to unknown recipients — stolen,
	// published, or with recipients not recorded — are taken to result in
	// a high risk (MassFloor). Zero means 10,000. EDPB 01/2021 case 11 (a
	// stolen, unencrypted device with the names, addresses and dates of
	// birth of more than 100,000 customers: communicate) lies above it; the
	// figure itself is policy.
	MassFrom int
	// MassFloor is the least risk of such a loss. Zero means HighRisk.
	MassFloor Risk
	// ChildrenFloor is the least risk of a breach that concerns children
	// (Recital 75: "personal data of vulnerable natural persons, in
	// particular of children"; Recital 38). Zero means RiskPresent.
	ChildrenFloor Risk
	// Vulnerable are the subject categories treated as vulnerable persons
	// for VulnerableFloor. Zero means patients, the elderly, people with
	// disabilities, recipients of social services, job seekers and
	// refugees. Employees and job applicants are left out: the sources do
	// not settle it, and their vulnerability in WP248 rev.01 comes from the
	// power imbalance of employment (a DPIA criterion), not from a greater
	// harm when their data are breached.
	Vulnerable compliance.SubjectCategories
	// VulnerableFloor is the least risk of a breach that concerns
	// vulnerable persons (Recital 75). Zero means RiskPresent.
	VulnerableFloor Risk
	// ProtectedFloor is the least risk of a breach that disclosed a
	// protected name and address ([RiskFactors.ProtectedAddress]). Zero
	// means HighRisk: the address of a person protected from someone who
	// threatens them is a very serious consequence however small its
	// probability, which Datatilsynet DK says calls for telling the data
	// subjects; its decisions on Vejle Kommune (2021) and Hvidovre Kommune
	// (2024) proposed fines for such disclosures. The level is tillid's
	// reading of those sources, which concern Art 32 and not the
	// communication itself.
	ProtectedFloor Risk
	// InsiderFloor is the least risk of deliberate exfiltration by an
	// insider ([Breach.Cause] Insider with [Breach.Malicious]). Zero means
	// RiskPresent: EDPB 01/2021 case 08 (a former employee copied business
	// contact data: notify the authority, no communication).
	InsiderFloor Risk
	// ImpactFloor is the least risk of a breach of availability or
	// integrity that delayed or missed care, treatment, payments or other
	// services the data subjects depend on ([SignificantImpact]). Zero
	// means HighRisk, the conclusion of EDPB 01/2021 case 03 (a hospital
	// whose restore took days: treatments delayed, high risk from
	// unavailability alone).
	ImpactFloor Risk
	// OutageFrom is how long data may be unavailable — from
	// [Breach.Occurred] (or Discovered) to [Breach.Restored], or to the
	// assessment while not restored — before the loss of availability is
	// taken to result in a risk (OutageFloor) and a full backup no longer
	// neutralises it. Zero means 24 hours: EDPB 01/2021 case 01 (restored
	// within hours: no notification) and cases 02 and 03 (no backup, or a
	// restore of days: notify) fall on either side; the figure itself is
	// policy.
	OutageFrom time.Duration
	// OutageFloor is the least risk of a loss of availability lasting
	// OutageFrom or more, or permanent (no backup). Zero means RiskPresent.
	OutageFloor Risk
	// CertainFloor is the least risk when the caseworker judges the
	// consequences certain or almost certain ([Certain]). Zero means
	// HighRisk: Datatilsynet DK tells controllers to inform the data
	// subjects then.
	CertainFloor Risk
	// VerySeriousFloor is the least risk when the possible consequences
	// are judged very serious ([VerySerious]), however unlikely. Zero means
	// HighRisk (Datatilsynet DK, as CertainFloor).
	VerySeriousFloor Risk
	// SeriousFloor is the least risk when the possible consequences are
	// judged serious ([Serious]). Zero means RiskPresent (WP250 section
	// IV.B: severity of consequences).
	SeriousFloor Risk
	// IrreversibleFloor is the least risk when the consequences cannot be
	// undone ([RiskFactors.Irreversible]). Zero means RiskPresent (WP250
	// section IV.B: permanence of consequences).
	IrreversibleFloor Risk
	// NorwegianWithholding applies a withholding ground
	// ([RiskFactors.Withheld]) in Norway. No Norwegian restriction of Art
	// 34 was found in personopplysningsloven, so by default (false) a
	// withholding recorded for a Norwegian kommune is not applied and the
	// data subjects are still to be told; a kommune whose legal advice
	// relies on a Norwegian provision sets it. In Denmark
	// databeskyttelsesloven § 22 applies.
	NorwegianWithholding bool
	// AwarenessAsRecorded makes the 72 hours run from [Breach.Aware] even
	// when a processor's notice ([ProcessorReport.Notified]) came earlier.
	// By default (false) the earlier of the two starts the clock, because
	// WP250 rev.01 (section II.A.4) says that once a processor has informed
	// the controller, the controller is "in principle" aware. That reading
	// of WP250 was not re-read against the text, and the sources do not
	// settle it; the default is the earlier, safer deadline.
	AwarenessAsRecorded bool
}

// DefaultPolicy returns the default policy with every default filled in.
func DefaultPolicy() Policy { return (*Policy)(nil).resolved() }

// defaultVulnerable is the default Policy.Vulnerable.
var defaultVulnerable = compliance.SubjectsOf(compliance.Patients, compliance.Elderly,
	compliance.Disabled, compliance.SocialClients, compliance.JobSeekers, compliance.Refugees)

// Default thresholds of the policy.
const (
	defaultManyFrom   = 100
	defaultMassFrom   = 10_000
	defaultOutageFrom = 24 * time.Hour
	maxManyFrom       = maxCount
	maxOutageFrom     = 366 * 24 * time.Hour
)

// resolved returns p with its zero fields replaced by the defaults.
func (p *Policy) resolved() Policy {
	var r Policy
	if p != nil {
		r = *p
	}
	def := func(x *Risk, d Risk) {
		if *x == 0 {
			*x = d
		}
	}
	if r.AuthorityFrom == 0 {
		r.AuthorityFrom = Medium
	}
	if r.SubjectsFrom == 0 {
		r.SubjectsFrom = High
	}
	if r.TrustedMaxClass == 0 {
		r.TrustedMaxClass = compliance.Confidential
	}
	if r.Vulnerable == 0 {
		r.Vulnerable = defaultVulnerable
	}
	if r.ManyFrom == 0 {
		r.ManyFrom = defaultManyFrom
	}
	if r.MassFrom == 0 {
		r.MassFrom = defaultMassFrom
	}
	if r.OutageFrom == 0 {
		r.OutageFrom = defaultOutageFrom
	}
	def(&r.SpecialFloor, RiskPresent)
	def(&r.ControllerFloor, RiskPresent)
	def(&r.IdentityFloor, RiskPresent)
	def(&r.IdentityWideFloor, HighRisk)
	def(&r.VolumeFloor, RiskPresent)
	def(&r.MassFloor, HighRisk)
	def(&r.ChildrenFloor, RiskPresent)
	def(&r.VulnerableFloor, RiskPresent)
	def(&r.ProtectedFloor, HighRisk)
	def(&r.InsiderFloor, RiskPresent)
	def(&r.ImpactFloor, HighRisk)
	def(&r.OutageFloor, RiskPresent)
	def(&r.CertainFloor, HighRisk)
	def(&r.VerySeriousFloor, HighRisk)
	def(&r.SeriousFloor, RiskPresent)
	def(&r.IrreversibleFloor, RiskPresent)
	return r
}

// floors lists the floors of p by their field names, for validation.
func (p *Policy) floors() []struct {
	name string
	r    Risk
} {
	return []struct {
		name string
		r    Risk
	}{{"specialFloor", p.SpecialFloor}, {"confidentialFloor", p.ConfidentialFloor},
		{"controllerFloor", p.ControllerFloor}, {"identityFloor", p.IdentityFloor},
		{"identityWideFloor", p.IdentityWideFloor}, {"volumeFloor", p.VolumeFloor}, {"massFloor", p.MassFloor},
		{"childrenFloor", p.ChildrenFloor}, {"vulnerableFloor", p.VulnerableFloor},
		{"protectedFloor", p.ProtectedFloor}, {"insiderFloor", p.InsiderFloor},
		{"impactFloor", p.ImpactFloor}, {"outageFloor", p.OutageFloor},
		{"certainFloor", p.CertainFloor}, {"verySeriousFloor", p.VerySeriousFloor},
		{"seriousFloor", p.SeriousFloor}, {"irreversibleFloor", p.IrreversibleFloor}}
}

// Validate reports whether every field of p is a known value (or zero),
// the thresholds are within range and AuthorityFrom is not above
// SubjectsFrom.
func (p *Policy) Validate() error {
	if p == nil {
		return nil
	}
	var v compliance.Validation
	checkCode(&v, "authorityFrom", p.AuthorityFrom != 0 && !p.AuthorityFrom.Valid())
	checkCode(&v, "subjectsFrom", p.SubjectsFrom != 0 && !p.SubjectsFrom.Valid())
	checkCode(&v, "trustedMaxClass", p.TrustedMaxClass != 0 && !p.TrustedMaxClass.Valid())
	for _, f := range p.floors() {
		checkCode(&v, f.name, f.r != 0 && !f.r.Valid())
	}
	checkCode(&v, "vulnerable", p.Vulnerable.Minus(allSubjects) != 0)
	if p.ManyFrom < 0 || p.ManyFrom > maxManyFrom {
		v.Add("manyFrom", compliance.ReasonRange)
	}
	if p.MassFrom < 0 || p.MassFrom > maxManyFrom {
		v.Add("massFrom", compliance.ReasonRange)
	}
	if p.OutageFrom < 0 || p.OutageFrom > maxOutageFrom {
		v.Add("outageFrom", compliance.ReasonRange)
	}
	if v.OK() {
		r := p.resolved()
		if r.AuthorityFrom > r.SubjectsFrom {
			v.Add("subjectsFrom", compliance.ReasonInconsistent)
		}
	}
	return v.Err("policy")
}

// Circumstances returns the ENISA circumstances of the breach — the levels
// of loss of confidentiality, integrity and availability — taking the
// assessor's levels in b.ENISA where set and otherwise deriving them from
// the facts (ENISA 2013, circumstances of breach):
//
//   - confidentiality: none when the breach is not of confidentiality, the
//     data were encrypted with an uncompromised key, nobody received them
//     or there is no evidence anyone did; partial for a trusted or a known,
//     limited set of recipients; full for unknown recipients, publication,
//     or recipients not recorded;
//   - integrity: none when not breached; partial when a full backup makes
//     the data recoverable; full otherwise;
//   - availability: none when not breached, or when a full backup restored
//     the data and nobody was affected ("recoverable without difficulty");
//     partial when a backup exists (temporary unavailability); full
//     otherwise.
//
// An incident whose nature is not recorded is treated as a breach of all
// three.
func (b Breach) Circumstances() (confidentiality, integrity, availability Loss) {
	n := b.nature()
	confidentiality, integrity, availability = NoLoss, NoLoss, NoLoss
	if n.Has(Confidentiality) {
		switch {
		case b.Encryption == Encrypted:
		case b.Recipients == NoRecipient, b.Recipients == NoEvidence:
		case b.Recipients == TrustedRecipient, b.Recipients == KnownRecipients:
			confidentiality = PartialLoss
		default:
			confidentiality = FullLoss
		}
	}
	if n.Has(Integrity) {
		integrity = FullLoss
		if b.Backup == FullBackup {
			integrity = PartialLoss
		}
	}
	if n.Has(Availability) {
		switch {
		case b.Backup == FullBackup && b.Impact == NoImpact:
		case b.Backup == FullBackup, b.Backup == PartialBackup:
			availability = PartialLoss
		default:
			availability = FullLoss
		}
	}
	f := b.ENISA
	if f.Confidentiality.Valid() {
		confidentiality = f.Confidentiality
	}
	if f.Integrity.Valid() {
		integrity = f.Integrity
	}
	if f.Availability.Valid() {
		availability = f.Availability
	}
	return confidentiality, integrity, availability
}

// nature returns the breach's nature, or all three dimensions when it is
// not recorded.
func (b Breach) nature() Nature {
	if n := b.Nature & allNature; n != 0 {
		return n
	}
	return allNature
}

// judgement is the outcome of the risk rules.
type judgement struct {
	risk        Risk
	severity    Severity
	neutralised Nature
}

// outage returns how long b's data have been or were unavailable at at, and
// whether that is known: from Occurred (or Discovered) to Restored, or to at
// while not restored. A breach without a backup never ends.
func (b *Breach) outage(at time.Time) (time.Duration, bool) {
	start := b.Occurred
	if start.IsZero() {
		start = b.Discovered
	}
	switch {
	case start.IsZero():
		return 0, false
	case b.Backup == NoBackup:
		return maxOutageFrom, true
	case !b.Restored.IsZero():
		return b.Restored.Sub(start), true
	case !at.IsZero() && at.After(start):
		return at.Sub(start), false
	}
	return 0, false
}

// raise lifts j's risk to floor when the floor is on, adding the finding
// that explains it.
func (j *judgement) raise(fs *findings, floor Risk, code compliance.Code, refs compliance.Refs, args ...parg) {
	if floor <= Unlikely {
		return
	}
	j.risk = max(j.risk, floor)
	fs.add(code, compliance.Info, refs, args...)
}

// judge applies the policy's risk rules to b at instant at. When fs is not
// nil, the findings that explain the judgement are appended to it.
func (p *Policy) judge(b *Breach, at time.Time, fs *findings) judgement {
	var j judgement
	nature := b.nature()
	exposed := nature

	// 1. Facts that neutralise a dimension.
	if nature.Has(Confidentiality) {
		switch {
		case b.Encryption == Encrypted:
			exposed = exposed.Without(Confidentiality)
			fs.add(CodeEncrypted, compliance.Info, refsEncrypted)
		case b.Recipients == TrustedRecipient && b.Data.Max() <= p.TrustedMaxClass:
			exposed = exposed.Without(Confidentiality)
			fs.add(CodeTrustedRecipient, compliance.Info, refsTrusted)
		}
	}
	outage, ended := b.outage(at)
	if nature.Has(Availability) || nature.Has(Integrity) {
		if b.Backup == FullBackup && b.Impact == NoImpact && ended && outage < p.OutageFrom {
			exposed = exposed.Without(Availability).Without(Integrity)
			fs.add(CodeRestored, compliance.Info, refsRestored)
		}
	}
	j.neutralised = nature &^ exposed

	if !exposed.IsEmpty() {
		p.score(b, &j, fs)
		p.floor(b, exposed, outage, &j, fs)
	} else {
		j.risk = Unlikely
	}

	// 4. The burden of showing that the risk is unlikely.
	if j.risk == Unlikely {
		var missing [FactRestored + 1]bool
		missing[FactNature] = b.Nature&allNature == 0
		missing[FactSubjectCount] = b.SubjectCount.IsZero()
		if nature.Has(Confidentiality) && b.Encryption != Encrypted {
			missing[FactRecipients] = b.Recipients == 0
		}
		if nature.Has(Availability) || nature.Has(Integrity) {
			missing[FactBackup] = b.Backup == 0
			missing[FactImpact] = b.Impact == 0
			missing[FactRestored] = nature.Has(Availability) && b.Backup != NoBackup && b.Restored.IsZero()
		}
		for f := FactNature; f <= FactRestored; f++ {
			if missing[f] {
				j.risk = RiskPresent
				fs.add(CodeFactMissing, compliance.Warning, refsFactMissing, nameArg(f))
			}
		}
	}
	return j
}

// score computes ENISA's severity of b, with neutralised dimensions at no
// loss, and the risk its band gives (step 2).
func (p *Policy) score(b *Breach, j *judgement, fs *findings) {
	in := SeverityInput{
		Data:            b.Data,
		Adjustments:     b.ENISA.Adjustments,
		Identifiability: b.ENISA.Identifiability,
		Malicious:       b.Malicious,
	}
	in.Confidentiality, in.Integrity, in.Availability = b.Circumstances()
	if j.neutralised.Has(Confidentiality) {
		in.Confidentiality = NoLoss
	}
	if j.neutralised.Has(Integrity) {
		in.Integrity = NoLoss
	}
	if j.neutralised.Has(Availability) {
		in.Availability = NoLoss
	}
	if !in.Identifiability.Valid() {
		in.Identifiability = Maximum
		fs.add(CodeIdentifiabilityAssumed, compliance.Warning, refsSeverity)
	}
	s, err := in.Severity()
	if err != nil {
		j.risk = RiskPresent
		fs.add(CodeDataUnknown, compliance.Warning, refsDataUnknown)
		return
	}
	j.severity = s
	switch {
	case s.Band >= p.SubjectsFrom:
		j.risk = HighRisk
	case s.Band >= p.AuthorityFrom:
		j.risk = RiskPresent
	default:
		j.risk = Unlikely
	}
	if fs != nil {
		fs.add(CodeSeverity, compliance.Info, refsSeverity, decArg(s.Score), nameArg(s.Band))
	}
}

// floor raises j's risk by the factors of WP250 section IV.B (step 3).
func (p *Policy) floor(b *Breach, exposed Nature, outage time.Duration, j *judgement, fs *findings) {
	f := &b.Factors
	people := b.SubjectCount.Upper()
	if exposed.Has(Confidentiality) {
		var special, confidential compliance.DataCategories
		for c := range b.Data.All() {
			switch c.Class() {
			case compliance.Special, compliance.Criminal:
				special = special.With(c)
			case compliance.Confidential:
				confidential = confidential.With(c)
			}
		}
		if special != 0 {
			j.raise(fs, p.SpecialFloor, CodeSpecialCategories, refsFloor, dataArg(special))
		}
		if confidential != 0 {
			j.raise(fs, p.ConfidentialFloor, CodeConfidentialData, refsFloor, dataArg(confidential))
			if !p.PrivateController {
				j.raise(fs, p.ControllerFloor, CodePublicAuthority, refsController, dataArg(confidential))
			}
		}
		// Identifiers that open the door to identity theft or fraud.
		theft := b.Data.Has(compliance.NationalID) && b.Data.Has(compliance.Identity) ||
			f.Credentials || f.PaymentData
		if theft {
			wide := b.Recipients == UnknownRecipients || b.Recipients == Public || b.Recipients == 0 ||
				people >= p.ManyFrom
			if wide {
				j.raise(fs, p.IdentityWideFloor, CodeIdentityTheftWide, refsIdentity, intArg(people))
			} else {
				j.raise(fs, p.IdentityFloor, CodeIdentityTheft, refsIdentityOne)
			}
		}
		lost := b.Recipients == UnknownRecipients || b.Recipients == Public || b.Recipients == 0
		if lost && people >= p.MassFrom && b.Data.Has(compliance.Identity) {
			j.raise(fs, p.MassFloor, CodeMassExposure, refsMass, intArg(people), intArg(p.MassFrom))
		}
		if f.ProtectedAddress {
			j.raise(fs, p.ProtectedFloor, CodeProtectedAddress, refsProtected)
		}
		if b.Cause == Insider && b.Malicious {
			j.raise(fs, p.InsiderFloor, CodeInsider, refsInsider)
		}
	}
	if people >= p.ManyFrom {
		j.raise(fs, p.VolumeFloor, CodeManyPeople, refsVolume, intArg(people), intArg(p.ManyFrom))
	}
	children := b.Subjects.Has(compliance.Children) || b.Subjects.Has(compliance.Pupils)
	if children {
		j.raise(fs, p.ChildrenFloor, CodeChildren, refsFloor)
	}
	if v := b.Subjects & p.Vulnerable; v != 0 {
		j.raise(fs, p.VulnerableFloor, CodeVulnerable, refsFloor, subjectsArg(v))
	}
	if exposed.Has(Availability) || exposed.Has(Integrity) {
		if b.Impact == SignificantImpact {
			j.raise(fs, p.ImpactFloor, CodeServiceImpact, refsImpact)
		}
	}
	if exposed.Has(Availability) && outage >= p.OutageFrom {
		if b.Backup == NoBackup {
			j.raise(fs, p.OutageFloor, CodeDataLost, refsOutage)
		} else {
			j.raise(fs, p.OutageFloor, CodeOutage, refsOutage, durArg(outage), durArg(p.OutageFrom))
		}
	}
	switch f.Likelihood {
	case Certain:
		j.raise(fs, p.CertainFloor, CodeConsequencesCertain, refsLikelihood)
	}
	switch f.Gravity {
	case VerySerious:
		j.raise(fs, p.VerySeriousFloor, CodeConsequencesVerySerious, refsGravity)
	case Serious:
		j.raise(fs, p.SeriousFloor, CodeConsequencesSerious, refsGravity)
	}
	if f.Irreversible {
		j.raise(fs, p.IrreversibleFloor, CodeIrreversible, refsIrreversible)
	}
}
