package breach

import (
	"github.com/tillid/tillid/compliance"
)

// Policy maps the facts of a breach and its ENISA severity to the risk it is
// likely to result in — the test of Art 33(1) (notify Datatilsynet unless
// the breach is unlikely to result in a risk) and Art 34(1) (tell the data
// subjects when it is likely to result in a high risk).
//
// The GDPR does not define the mapping, and no published guidance maps
// ENISA scores to the legal thresholds. Every field is therefore a
// configurable choice; the defaults (the zero Policy) reproduce the
// conclusions of EDPB Guidelines 01/2021 for the cases in tillid's reference
// (cases 01, 03, 09, 13 and 16, each a test) and are explained field by
// field. [Policy.Assess] applies the policy in this order:
//
//  1. Facts that remove the risk of a dimension of the breach
//     ("neutralise" it), from the EDPB cases: confidentiality is neutralised
//     by state-of-the-art encryption with an uncompromised key (Art
//     34(3)(a); case 01), or by a single recipient bound by confidentiality
//     who confirmed deletion, when no data above TrustedMaxClass were sent
//     (case 09); availability and integrity are neutralised by a full backup
//     when nobody was affected (case 01). A breach whose every dimension is
//     neutralised is unlikely to result in a risk.
//  2. Otherwise ENISA's severity band gives the risk: from AuthorityFrom a
//     risk, from SubjectsFrom a high risk, below it unlikely. Neutralised
//     dimensions count as no loss in the score.
//  3. Floors raise that risk where the facts call for it: special categories
//     or criminal offence data exposed, confidential data exposed, children
//     or other vulnerable persons concerned, services the data subjects
//     depend on delayed or missed.
//
// A breach whose data categories are not recorded cannot be scored; it is
// taken to result in a risk, because Recital 85 puts the burden of showing
// that a breach is unlikely to result in a risk on the controller.
//
// The zero Policy is the default; a nil *Policy means the same.
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
	// data among those whose processing may give rise to damage. Unlikely
	// turns the floor off.
	SpecialFloor Risk
	// ConfidentialFloor is the least risk of a breach that exposes
	// confidential data ([compliance.Confidential]: national ID numbers,
	// finances, social issues, family relations) to someone not authorised.
	// The sources do not settle whether such data alone make a breach
	// notifiable; zero means no floor (ENISA's score decides), and a kommune
	// that follows a stricter local practice sets RiskPresent.
	ConfidentialFloor Risk
	// ChildrenFloor is the least risk of a breach that concerns children
	// (Recital 75: "personal data of vulnerable natural persons, in
	// particular of children"; Recital 38). Zero means RiskPresent.
	// Unlikely turns the floor off.
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
	// vulnerable persons (Recital 75). Zero means RiskPresent. Unlikely
	// turns the floor off.
	VulnerableFloor Risk
	// ImpactFloor is the least risk of a breach of availability or
	// integrity that delayed or missed care, treatment, payments or other
	// services the data subjects depend on ([SignificantImpact]). Zero
	// means HighRisk, the conclusion of EDPB 01/2021 case 03 (a hospital
	// whose restore took days: treatments delayed, high risk from
	// unavailability alone).
	ImpactFloor Risk
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

// resolved returns p with its zero fields replaced by the defaults.
func (p *Policy) resolved() Policy {
	var r Policy
	if p != nil {
		r = *p
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
	if r.SpecialFloor == 0 {
		r.SpecialFloor = RiskPresent
	}
	if r.ChildrenFloor == 0 {
		r.ChildrenFloor = RiskPresent
	}
	if r.Vulnerable == 0 {
		r.Vulnerable = defaultVulnerable
	}
	if r.VulnerableFloor == 0 {
		r.VulnerableFloor = RiskPresent
	}
	if r.ImpactFloor == 0 {
		r.ImpactFloor = HighRisk
	}
	return r
}

// Validate reports whether every field of p is a known value (or zero) and
// AuthorityFrom is not above SubjectsFrom.
func (p *Policy) Validate() error {
	if p == nil {
		return nil
	}
	var v compliance.Validation
	checkCode(&v, "authorityFrom", p.AuthorityFrom != 0 && !p.AuthorityFrom.Valid())
	checkCode(&v, "subjectsFrom", p.SubjectsFrom != 0 && !p.SubjectsFrom.Valid())
	checkCode(&v, "trustedMaxClass", p.TrustedMaxClass != 0 && !p.TrustedMaxClass.Valid())
	for _, f := range []struct {
		name string
		r    Risk
	}{{"specialFloor", p.SpecialFloor}, {"confidentialFloor", p.ConfidentialFloor},
		{"childrenFloor", p.ChildrenFloor}, {"vulnerableFloor", p.VulnerableFloor}, {"impactFloor", p.ImpactFloor}} {
		checkCode(&v, f.name, f.r != 0 && !f.r.Valid())
	}
	checkCode(&v, "vulnerable", p.Vulnerable.Minus(allSubjects) != 0)
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

// judge applies the policy's risk rules to b. When fs is not nil, the
// findings that explain the judgement are appended to it.
func (p *Policy) judge(b *Breach, fs *findings) judgement {
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
	restored := b.Backup == FullBackup && b.Impact == NoImpact
	if restored && (nature.Has(Availability) || nature.Has(Integrity)) {
		exposed = exposed.Without(Availability).Without(Integrity)
		fs.add(CodeRestored, compliance.Info, refsRestored)
	}
	j.neutralised = nature &^ exposed
	if exposed.IsEmpty() {
		j.risk = Unlikely
		return j
	}

	// 2. ENISA severity, with neutralised dimensions at no loss.
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
	if s, err := in.Severity(); err == nil {
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
	} else {
		j.risk = RiskPresent
		fs.add(CodeDataUnknown, compliance.Warning, refsDataUnknown)
	}

	// 3. Floors.
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
		if special != 0 && p.SpecialFloor > Unlikely {
			j.risk = max(j.risk, p.SpecialFloor)
			fs.add(CodeSpecialCategories, compliance.Info, refsFloor, dataArg(special))
		}
		if confidential != 0 && p.ConfidentialFloor > Unlikely {
			j.risk = max(j.risk, p.ConfidentialFloor)
			fs.add(CodeConfidentialData, compliance.Info, refsFloor, dataArg(confidential))
		}
	}
	children := b.Subjects.Has(compliance.Children) || b.Subjects.Has(compliance.Pupils)
	if children && p.ChildrenFloor > Unlikely {
		j.risk = max(j.risk, p.ChildrenFloor)
		fs.add(CodeChildren, compliance.Info, refsFloor)
	}
	if v := b.Subjects & p.Vulnerable; v != 0 && p.VulnerableFloor > Unlikely {
		j.risk = max(j.risk, p.VulnerableFloor)
		fs.add(CodeVulnerable, compliance.Info, refsFloor, subjectsArg(v))
	}
	if b.Impact == SignificantImpact && (exposed.Has(Availability) || exposed.Has(Integrity)) && p.ImpactFloor > Unlikely {
		j.risk = max(j.risk, p.ImpactFloor)
		fs.add(CodeServiceImpact, compliance.Info, refsImpact)
	}
	return j
}
