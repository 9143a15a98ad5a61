package record

import (
	"iter"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/check"
)

// Codes of the findings of [Assess]. Each is also the message key; the
// comment gives the English message and its arguments.
const (
	// CodeNoBasis: "No lawful basis is recorded for the purpose %[1]s."
	// (purpose name). Violation; Art 6(1).
	CodeNoBasis compliance.Code = "compliance.assess.no-basis"
	// CodeNationalBasis: "The purpose %[1]s relies on %[2]s, but the
	// provision of law that lays down the basis is not recorded." (purpose
	// name, legal basis). Warning; Art 6(3).
	CodeNationalBasis compliance.Code = "compliance.assess.national-basis"
	// CodeLegitimateInterestsPublic: legitimate interests relied on by a
	// public authority (purpose name). Violation; Art 6(1) second
	// subparagraph, Recital 47.
	CodeLegitimateInterestsPublic compliance.Code = "compliance.assess.legitimate-interests-public"
	// CodeConsentPublic: consent relied on by a public authority (purpose
	// name). Warning; Recital 43, Art 4(11), 7(4).
	CodeConsentPublic compliance.Code = "compliance.assess.consent-public"
	// CodeChildConsentAge: an information society service accepts a
	// child's own consent below the national age (purpose name, the
	// recorded age, the national age, the day). Violation; Art 8(1), DK
	// databeskyttelsesloven § 6, NO personopplysningsloven § 5.
	CodeChildConsentAge compliance.Code = "compliance.assess.child-consent-age"
	// CodeChildConsentAgeMissing: an information society service relying
	// on children's consent does not record from which age it accepts a
	// child's own consent (purpose name, the national age). Warning;
	// Art 8(1).
	CodeChildConsentAgeMissing compliance.Code = "compliance.assess.child-consent-age-missing"
	// CodeSpecialNoCondition: special categories without an Art 9(2)
	// condition (the special categories). Violation; Art 9(1), 9(2).
	CodeSpecialNoCondition compliance.Code = "compliance.assess.special-no-condition"
	// CodeSpecialNationalRule: the national rule the Art 9(2) condition
	// rests on is not recorded (the conditions). Warning; Art 9(2), DK
	// databeskyttelsesloven § 7.
	CodeSpecialNationalRule compliance.Code = "compliance.assess.special-national-rule"
	// CodeSpecialPermission: a Danish controller that is not a public
	// authority relies on substantial public interest, which needs
	// Datatilsynet's permission. Warning; DK databeskyttelsesloven § 7,
	// stk. 4.
	CodeSpecialPermission compliance.Code = "compliance.assess.special-permission"
	// CodeCriminalNoBasis: criminal-offence data without a recorded Art 10
	// basis. Violation; Art 10, DK databeskyttelsesloven § 8.
	CodeCriminalNoBasis compliance.Code = "compliance.assess.criminal-no-basis"
	// CodeCriminalDisclosure: criminal-offence data are disclosed to a
	// recipient without a ground of DK databeskyttelsesloven § 8, stk. 2 or
	// 4 (recipient name). Violation.
	CodeCriminalDisclosure compliance.Code = "compliance.assess.criminal-disclosure"
	// CodeCPRCondition: CPR numbers without a condition of DK
	// databeskyttelsesloven § 11 for the kind of controller. Violation.
	CodeCPRCondition compliance.Code = "compliance.assess.cpr-condition"
	// CodeCPRPublished: CPR numbers are published without consent.
	// Violation; DK databeskyttelsesloven § 11, stk. 3.
	CodeCPRPublished compliance.Code = "compliance.assess.cpr-published"
	// CodeFNRCondition: fødselsnumre without a recorded need for secure
	// identification. Violation; NO personopplysningsloven § 12.
	CodeFNRCondition compliance.Code = "compliance.assess.fnr-condition"
	// CodeTransferNoSafeguard: a transfer to a third country without a
	// recorded transfer tool (the country). Violation; Art 44, 46(1).
	CodeTransferNoSafeguard compliance.Code = "compliance.assess.transfer-no-safeguard"
	// CodePurposeNoData: a purpose names no data categories (purpose
	// name). Warning; Art 5(1)(b), 30(1)(c).
	CodePurposeNoData compliance.Code = "compliance.assess.purpose-no-data"
	// CodeDataWithoutPurpose: data categories tied to no purpose (the
	// categories). Warning; Art 5(1)(b), 5(1)(c).
	CodeDataWithoutPurpose compliance.Code = "compliance.assess.data-without-purpose"
	// CodeNoTimeLimit: no time limit for erasure or retention rule.
	// Warning; Art 5(1)(e), 30(1)(f).
	CodeNoTimeLimit compliance.Code = "compliance.assess.no-time-limit"
	// CodeNoSecurity: no security measures described. Warning; Art
	// 5(1)(f), 30(1)(g), 32(1).
	CodeNoSecurity compliance.Code = "compliance.assess.no-security"
	// CodeEncryptionInTransit: confidential, special or criminal-offence
	// data without encryption in transit (the categories). Violation in
	// Denmark (Datatilsynet's practice), [Policy.NOEncryption] in Norway;
	// Art 32(1)(a).
	CodeEncryptionInTransit compliance.Code = "compliance.assess.encryption-in-transit"
	// CodeDPIAMissing: the screening found a DPIA required and none is
	// referenced. Violation; Art 35(1).
	CodeDPIAMissing compliance.Code = "compliance.assess.dpia-missing"
	// CodeDPIALargeScale: special or criminal-offence data on a large
	// scale and no DPIA referenced. Violation; Art 35(3)(b).
	CodeDPIALargeScale compliance.Code = "compliance.assess.dpia-large-scale"
	// CodeDPIANotScreened: no DPIA screening is recorded. Info; Art 35(1).
	CodeDPIANotScreened compliance.Code = "compliance.assess.dpia-not-screened"
	// CodeProcessorUnregistered: a processor is not linked to the
	// processor register (its name). Warning; Art 28(1), 30(1)(d).
	CodeProcessorUnregistered compliance.Code = "compliance.assess.processor-unregistered"
	// CodeProcessorUnnamed: a processor is referenced by ID only.
	// Warning; Art 30(1)(d).
	CodeProcessorUnnamed compliance.Code = "compliance.assess.processor-unnamed"
	// CodeReviewOverdue: the review of the record was due (the day it was
	// due). Warning; Art 5(2), 24(1).
	CodeReviewOverdue compliance.Code = "compliance.assess.review-overdue"
	// CodeDraft: the record is a draft, not approved. Info; Art 5(2).
	CodeDraft compliance.Code = "compliance.assess.draft"
	// CodeNoFindings: "Nothing to report." A message for a record whose
	// assessment found nothing, not a finding.
	CodeNoFindings compliance.Code = "compliance.assess.no-findings"
)

// AssessCodes lists the codes of the findings of [Assess], including
// [CodeMissing], and the message [CodeNoFindings].
func AssessCodes() []compliance.Code {
	return []compliance.Code{
		CodeNoBasis, CodeNationalBasis, CodeLegitimateInterestsPublic, CodeConsentPublic,
		CodeChildConsentAge, CodeChildConsentAgeMissing, CodeSpecialNoCondition,
		CodeSpecialNationalRule, CodeSpecialPermission, CodeCriminalNoBasis,
		CodeCriminalDisclosure, CodeCPRCondition, CodeCPRPublished, CodeFNRCondition,
		CodeTransferNoSafeguard, CodePurposeNoData, CodeDataWithoutPurpose, CodeNoTimeLimit,
		CodeNoSecurity, CodeEncryptionInTransit, CodeDPIAMissing, CodeDPIALargeScale,
		CodeDPIANotScreened, CodeProcessorUnregistered, CodeProcessorUnnamed,
		CodeReviewOverdue, CodeDraft, CodeMissing, CodeNoFindings,
	}
}

// Policy holds the choices [Assess] makes where the law sets no number or
// the sources do not settle it. The zero value (and a nil *Policy) is
// valid: no review interval, no large-scale threshold, and missing
// encryption in transit in Norway as a warning.
type Policy struct {
	// ReviewInterval is how long after its last review (or, if never
	// reviewed, its creation) a record is due for review, unless the record
	// sets NextReview itself. No statute sets an interval: Art 24(1) GDPR
	// says the controller's measures "shall be reviewed and updated where
	// necessary" without saying how often, so the interval is the
	// kommune's own policy (peers offer one, KITOS for example records a
	// review frequency in months). Zero applies no interval; hours and
	// working days are not accepted.
	ReviewInterval compliance.Period
	// LargeScaleSubjects is the number of data subjects from which the
	// kommune treats processing as being on a large scale for Art 35(3)(b).
	// The GDPR sets no number: Recital 91 describes large scale as a
	// considerable amount of data at regional, national or supranational
	// level affecting a large number of data subjects, and WP248 rev.01
	// lists factors, not thresholds. Zero applies no threshold; only an
	// activity's own LargeScale assessment then counts.
	LargeScaleSubjects int
	// NOEncryption is the severity of a Norwegian record that processes
	// confidential, special or criminal-offence data without encryption in
	// transit. The Norwegian Datatilsynet recommends encrypting
	// fødselsnumre sent by unsecured e-mail and leaves the assessment to
	// the controller ("Vi anbefaler kryptering ved sending av
	// fødselsnummer på usikret e-post",
	// https://datatilsynet.no/regelverk-og-verktoy/sporsmal-svar/Fodselsnummer/kan-fodselsnummeret-sendes-per-e-post-eller-post );
	// no source found makes it a requirement as Danish practice does, so
	// the default is [compliance.Warning]. Zero means Warning.
	NOEncryption compliance.Severity
}

// Validate reports whether p is well formed, for the entity "policy".
func (p *Policy) Validate() error {
	var v compliance.Validation
	if p == nil {
		return nil
	}
	if !p.ReviewInterval.IsZero() {
		check.Leaf(&v, "reviewInterval", p.ReviewInterval.Validate())
		if u := p.ReviewInterval.Unit; u == compliance.UnitHours || u == compliance.UnitWorkingDays {
			v.Add("reviewInterval", compliance.ReasonUnknown)
		}
	}
	if p.LargeScaleSubjects < 0 {
		v.Add("largeScaleSubjects", compliance.ReasonRange)
	}
	check.Code(&v, "noEncryption", p.NOEncryption, false)
	return v.Err("policy")
}

// The provisions the rules cite. They are shared by every finding that
// cites them; findings treat Refs as read-only.
var (
	refsNoBasis            = compliance.RefsOf(compliance.GDPR(6, 1, ""))
	refsNationalBasis      = compliance.RefsOf(compliance.GDPR(6, 3, ""))
	refsLegitimatePublic   = compliance.RefsOf(compliance.Ref{Instrument: compliance.GDPRRegulation, Article: "6", Paragraph: 1, Subparagraph: 2}, compliance.Recital(47))
	refsConsentPublic      = compliance.RefsOf(compliance.Recital(43), compliance.GDPR(4, 0, "11"), compliance.GDPR(7, 4, ""))
	refsSpecialNoCondition = compliance.RefsOf(compliance.GDPR(9, 1, ""), compliance.GDPR(9, 2, ""))
	refsSpecialPermission  = compliance.RefsOf(compliance.GDPR(9, 2, "g"), compliance.Section(compliance.DKDataProtectionAct, "", "7", 4, ""))
	refsCriminalDK         = compliance.RefsOf(compliance.GDPR(10, 0, ""), compliance.Section(compliance.DKDataProtectionAct, "", "8", 1, ""))
	refsCriminalDKPrivate  = compliance.RefsOf(compliance.GDPR(10, 0, ""), compliance.Section(compliance.DKDataProtectionAct, "", "8", 3, ""))
	refsCriminalNO         = compliance.RefsOf(compliance.GDPR(10, 0, ""), compliance.Ref{Instrument: compliance.NOPersonalDataAct})
	refsDisclosureDK       = compliance.RefsOf(compliance.Section(compliance.DKDataProtectionAct, "", "8", 2, ""))
	refsDisclosureDKPriv   = compliance.RefsOf(compliance.Section(compliance.DKDataProtectionAct, "", "8", 4, ""))
	refsCPRPublic          = compliance.RefsOf(compliance.Section(compliance.DKDataProtectionAct, "", "11", 1, ""))
	refsCPRPrivate         = compliance.RefsOf(compliance.Section(compliance.DKDataProtectionAct, "", "11", 2, ""))
	refsCPRPublished       = compliance.RefsOf(compliance.Section(compliance.DKDataProtectionAct, "", "11", 3, ""), compliance.GDPR(7, 0, ""))
	refsFNR                = compliance.RefsOf(compliance.Section(compliance.NOPersonalDataAct, "", "12", 0, ""))
	refsTransfer           = compliance.RefsOf(compliance.GDPR(44, 0, ""), compliance.GDPR(46, 1, ""))
	refsPurposeNoData      = compliance.RefsOf(compliance.GDPR(5, 1, "b"), compliance.GDPR(30, 1, "c"))
	refsDataWithoutPurpose = compliance.RefsOf(compliance.GDPR(5, 1, "b"), compliance.GDPR(5, 1, "c"))
	refsNoTimeLimit        = compliance.RefsOf(compliance.GDPR(5, 1, "e"), compliance.GDPR(30, 1, "f"))
	refsNoSecurity         = compliance.RefsOf(compliance.GDPR(5, 1, "f"), compliance.GDPR(30, 1, "g"), compliance.GDPR(32, 1, ""))
	refsNoSecurity2        = compliance.RefsOf(compliance.GDPR(5, 1, "f"), compliance.GDPR(30, 2, "d"), compliance.GDPR(32, 1, ""))
	// Datatilsynet (DK) has required public authorities since 2000, and
	// every controller since 1 January 2019, to encrypt confidential and
	// sensitive personal data sent by e-mail over the internet; whether
	// data are confidential is judged by straffeloven § 152 with
	// forvaltningsloven § 27 (Datatilsynet's statement of 23 July 2018,
	// "Skærpet praksis ift. krypteret e-mail", as quoted by
	// https://www.ret-raad.dk/frederiksberg/fra-den-1-januar-2019-skal-i-kryptere-fortrolige-og-foelsomme-personoplysninger-der-sendes-med-e-mail-via-internettet/ ;
	// for public authorities
	// https://pav.modst.dk/forvaltningsret-persondataloven-mv/persondataloven/sikkerhed/transmission-over-internettet/ ,
	// section 9.9.11.3).
	refsEncryptionDK = compliance.RefsOf(compliance.GDPR(32, 1, "a"), compliance.Guidance(compliance.DKDatatilsynet, "Skærpet praksis ift. krypteret e-mail", ""))
	refsEncryptionNO = compliance.RefsOf(compliance.GDPR(32, 1, "a"), compliance.Guidance(compliance.NODatatilsynet, "Kan fødselsnummeret sendes per e-post eller post?", ""))
	refsDPIAMissing  = compliance.RefsOf(compliance.GDPR(35, 1, ""))
	refsDPIALarge    = compliance.RefsOf(compliance.GDPR(35, 3, "b"), compliance.Recital(91))
	refsNotScreened  = compliance.RefsOf(compliance.GDPR(35, 1, ""))
	refsProcessorReg = compliance.RefsOf(compliance.GDPR(28, 1, ""), compliance.GDPR(30, 1, "d"))
	refsProcessorNam = compliance.RefsOf(compliance.GDPR(30, 1, "d"))
	refsReview       = compliance.RefsOf(compliance.GDPR(5, 2, ""), compliance.GDPR(24, 1, ""))
	refsDraft        = compliance.RefsOf(compliance.GDPR(5, 2, ""), compliance.GDPR(30, 1, ""))
)

// dkEncryptionForAll is the day from which Datatilsynet (DK) enforces
// encryption of confidential and sensitive personal data in transit for
// controllers that are not public authorities.
var dkEncryptionForAll = compliance.Date{Year: 2019, Month: time.January, Day: 1}

// sensitiveData are the categories of the classes confidential, special
// and criminal.
var sensitiveData = confidentialData | specialData | compliance.CategoriesOf(compliance.CriminalOffences)

// Assess applies the rules of Art 5, 6, 8, 9, 10, 28, 30, 32 and 35 GDPR
// and of the national acts to the record a at instant at, and returns the
// findings grouped by principle, in the order of Art 5: lawfulness,
// purpose limitation, data minimisation, storage limitation, integrity and
// confidentiality, accountability. Each finding cites its provisions. Days
// are taken in at's Location: pass at in the kommune's time zone.
//
// Lawfulness (Art 5(1)(a)), for a controller's record:
//
//   - every purpose has a lawful basis (Art 6(1)); a legal obligation or
//     public task has its basis laid down by law recorded (Art 6(3));
//   - a public authority does not rely on legitimate interests (Art 6(1)
//     second subparagraph; Recital 47), and consent relied on by a public
//     authority is flagged (Recital 43);
//   - an information society service offered directly to children and
//     relying on consent accepts a child's own consent only from the
//     national age in force on that day ([ChildConsentAge]);
//   - special categories have an Art 9(2) condition and the national rule
//     is recorded (DK databeskyttelsesloven § 7; Art 9(2)(b), (g)–(j) need
//     a basis in law); a Danish controller that is not a public authority
//     relying on Art 9(2)(g) needs Datatilsynet's permission (§ 7, stk. 4);
//   - criminal-offence data have an Art 10 basis (DK § 8, stk. 1 for
//     public authorities, stk. 3 for others), and in Denmark each recipient
//     of such data has a ground of § 8, stk. 2 (public authorities) or
//     stk. 4 (others);
//   - CPR numbers have a condition of DK § 11: for a public authority
//     identification or file number (stk. 1), for others one of stk. 2;
//     publication needs consent (stk. 3); fødselsnumre have a need for
//     secure identification (NO § 12);
//   - every transfer to a third country has a transfer tool (Art 44, 46).
//
// Purpose limitation and data minimisation (Art 5(1)(b), (c)): every
// purpose names its data and every data category is tied to a purpose.
// Storage limitation (Art 5(1)(e)): a time limit or a retention rule is
// recorded. Integrity and confidentiality (Art 5(1)(f)): security measures
// are described, and confidential, special and criminal-offence data are
// encrypted in transit — in Denmark a violation (Datatilsynet's practice,
// for every controller from 1 January 2019 and for public authorities
// before), in Norway [Policy.NOEncryption]. Accountability (Art 5(2)): the
// record is complete ([Activity.Missing], except the items storage
// limitation and integrity report), a DPIA is referenced where the recorded
// screening requires one or the activity's own facts meet Art 35(3)(b)
// (special or criminal-offence data on a large scale, by LargeScale or
// [Policy.LargeScaleSubjects]), the screening is recorded, every processor
// is linked to the register and named, the review is not overdue, and the
// record is approved.
//
// A processor's record (Art 30(2)) is assessed for transfers, security,
// completeness, processors and review only: the lawfulness of the
// processing is its controllers' to record.
//
// Assess does not allocate when there is nothing to report. A nil p means
// the zero Policy.
func Assess(a Activity, at time.Time, p *Policy) []compliance.Finding {
	return AppendAssessment(nil, &a, at, p)
}

// AppendAssessment appends the findings of [Assess] for *a to dst and
// returns the extended slice, so that a caller assessing a register can
// reuse one buffer.
func AppendAssessment(dst []compliance.Finding, a *Activity, at time.Time, p *Policy) []compliance.Finding {
	if p == nil {
		p = &Policy{}
	}
	today := compliance.DateOf(at)
	n := len(dst)
	dst = a.lawfulness(dst, today)
	dst = a.purposes(dst)
	dst = a.storage(dst)
	dst = a.integrity(dst, today, p)
	dst = a.accountability(dst, today, p)
	compliance.Detach(dst[n:])
	return dst
}

// finding returns a finding with one text argument.
func finding(code compliance.Code, sev compliance.Severity, pr compliance.Principle, refs compliance.Refs, subject string, args ...compliance.Arg) compliance.Finding {
	return compliance.Finding{Code: code, Severity: sev, Principle: pr, Refs: refs, Args: args, Subject: subject}
}

func (a *Activity) lawfulness(fs []compliance.Finding, today compliance.Date) []compliance.Finding {
	if a.Role != RoleProcessor {
		fs = a.bases(fs, today)
		fs = a.special(fs)
		fs = a.criminal(fs)
		fs = a.nationalIDs(fs)
	}
	for i := range a.Transfers {
		if t := &a.Transfers[i]; t.Safeguard == 0 {
			fs = append(fs, finding(CodeTransferNoSafeguard, compliance.Violation, compliance.Lawfulness, refsTransfer,
				check.Index("transfers", i), compliance.CountryArg(t.Country)))
		}
	}
	return fs
}

// bases checks the lawful basis of each purpose.
func (a *Activity) bases(fs []compliance.Finding, today compliance.Date) []compliance.Finding {
	public := a.publicAuthority()
	for i := range a.Purposes {
		p := &a.Purposes[i]
		subject := check.Index("purposes", i)
		switch p.Basis {
		case 0:
			fs = append(fs, finding(CodeNoBasis, compliance.Violation, compliance.Lawfulness, refsNoBasis, subject+".basis", compliance.Text(p.Name)))
		case compliance.LegitimateInterests:
			if public {
				fs = append(fs, finding(CodeLegitimateInterestsPublic, compliance.Violation, compliance.Lawfulness, refsLegitimatePublic,
					subject+".basis", compliance.Text(p.Name)))
			}
		case compliance.Consent:
			if public {
				fs = append(fs, finding(CodeConsentPublic, compliance.Warning, compliance.Lawfulness, refsConsentPublic,
					subject+".basis", compliance.Text(p.Name)))
			}
		}
		if p.Basis.NeedsNationalBasis() && p.NationalBasis.IsZero() && p.NationalBasisText == "" {
			fs = append(fs, finding(CodeNationalBasis, compliance.Warning, compliance.Lawfulness, refsNationalBasis,
				subject+".nationalBasis", compliance.Text(p.Name), compliance.Name(p.Basis)))
		}
		if p.Basis == compliance.Consent && p.InformationService && (a.Subjects.Has(compliance.Children) || a.Subjects.Has(compliance.Pupils)) {
			age, refs := ChildConsentAge(a.Controller.Jurisdiction, today)
			switch {
			case age == 0:
			case p.ConsentAge == 0:
				fs = append(fs, finding(CodeChildConsentAgeMissing, compliance.Warning, compliance.Lawfulness, refs,
					subject+".consentAge", compliance.Text(p.Name), compliance.Int(age)))
			case p.ConsentAge < age:
				fs = append(fs, finding(CodeChildConsentAge, compliance.Violation, compliance.Lawfulness, refs,
					subject+".consentAge", compliance.Text(p.Name), compliance.Int(p.ConsentAge), compliance.Int(age), compliance.DateArg(today)))
			}
		}
	}
	return fs
}

// dkSpecialSection is the paragraph (stk.) of databeskyttelsesloven § 7
// that applies each Art 9(2) condition (lov nr. 502 af 23/05/2018 § 7,
// https://www.retsinformation.dk/eli/lta/2018/502 ): stk. 1 lifts the
// ban for points (a), (c), (d), (e) and (f); stk. 2 is point (b), stk. 3
// point (h) and stk. 4 point (g). Points (i) and (j) are not in § 7.
var dkSpecialSection = [...]int{compliance.ExplicitConsent: 1, compliance.EmploymentSocialSecurity: 2, compliance.VitalInterestsIncapable: 1,
	compliance.NonProfitBody: 1, compliance.MadePublic: 1, compliance.LegalClaims: 1, compliance.SubstantialPublicInterest: 4, compliance.HealthSocialCare: 3,
	compliance.PublicHealth: 0, compliance.ArchivingResearch: 0}

// needsLaw reports whether Art 9(2) requires the condition to rest on Union
// or Member State law: points (b), (g), (h), (i) and (j).
func needsLaw(c compliance.SpecialCondition) bool {
	switch c {
	case compliance.EmploymentSocialSecurity, compliance.SubstantialPublicInterest, compliance.HealthSocialCare, compliance.PublicHealth, compliance.ArchivingResearch:
		return true
	}
	return false
}

// special checks the basis for special categories.
func (a *Activity) special(fs []compliance.Finding) []compliance.Finding {
	if !a.hasClass(compliance.Special) {
		return fs
	}
	conds := a.Special.Conditions
	if len(conds) == 0 {
		return append(fs, finding(CodeSpecialNoCondition, compliance.Violation, compliance.Lawfulness, refsSpecialNoCondition,
			"special.conditions", compliance.Names((a.Data&specialData).All())))
	}
	dk := a.Controller.Jurisdiction == compliance.DK
	if a.Special.NationalRule.IsZero() && a.Special.NationalRuleText == "" {
		var refs []compliance.Ref
		for _, c := range conds {
			if !c.Valid() || !dk && !needsLaw(c) {
				continue
			}
			if dk && dkSpecialSection[c] > 0 {
				refs = append(refs, c.Ref(), compliance.Section(compliance.DKDataProtectionAct, "", "7", dkSpecialSection[c], ""))
			} else if needsLaw(c) {
				refs = append(refs, c.Ref())
			}
		}
		if len(refs) > 0 {
			fs = append(fs, finding(CodeSpecialNationalRule, compliance.Warning, compliance.Lawfulness, compliance.RefsOf(refs...),
				"special.nationalRule", compliance.Names(slicesValues(conds))))
		}
	}
	if dk && !a.publicAuthority() {
		for _, c := range conds {
			if c == compliance.SubstantialPublicInterest {
				fs = append(fs, finding(CodeSpecialPermission, compliance.Warning, compliance.Lawfulness, refsSpecialPermission,
					"special.conditions"))
				break
			}
		}
	}
	return fs
}

// slicesValues yields the valid values of a slice of conditions.
func slicesValues(cs []compliance.SpecialCondition) iter.Seq[compliance.SpecialCondition] {
	return func(yield func(compliance.SpecialCondition) bool) {
		for _, c := range cs {
			if c.Valid() && !yield(c) {
				return
			}
		}
	}
}

// criminal checks the Art 10 basis and, in Denmark, the grounds for
// disclosing criminal-offence data (databeskyttelsesloven § 8).
func (a *Activity) criminal(fs []compliance.Finding) []compliance.Finding {
	if !a.hasClass(compliance.Criminal) {
		return fs
	}
	public := a.publicAuthority()
	dk := a.Controller.Jurisdiction == compliance.DK
	if a.Criminal.Rule.IsZero() && a.Criminal.RuleText == "" {
		refs := refsCriminalNO
		switch {
		case dk && public:
			refs = refsCriminalDK
		case dk:
			refs = refsCriminalDKPrivate
		}
		fs = append(fs, finding(CodeCriminalNoBasis, compliance.Violation, compliance.Lawfulness, refs, "criminal.rule"))
	}
	if !dk {
		return fs
	}
	for i := range a.Recipients {
		r := &a.Recipients[i]
		if !r.Data.Has(compliance.CriminalOffences) {
			continue
		}
		ok, refs := r.Disclosure.Valid(), refsDisclosureDK
		if !public {
			ok, refs = r.Disclosure == DisclosureExplicitConsent || r.Disclosure == DisclosureOverridingInterests, refsDisclosureDKPriv
		}
		if !ok {
			fs = append(fs, finding(CodeCriminalDisclosure, compliance.Violation, compliance.Lawfulness, refs,
				check.Index("recipients", i)+".disclosure", compliance.Text(r.Name)))
		}
	}
	return fs
}

// nationalIDs checks the conditions for CPR numbers (DK § 11) and
// fødselsnumre (NO § 12).
func (a *Activity) nationalIDs(fs []compliance.Finding) []compliance.Finding {
	if !a.Data.Has(compliance.NationalID) {
		return fs
	}
	n := &a.NationalID
	switch a.Controller.Jurisdiction {
	case compliance.DK:
		if a.publicAuthority() {
			if !n.Has(IDIdentification) && !n.Has(IDFileNumber) {
				fs = append(fs, finding(CodeCPRCondition, compliance.Violation, compliance.Lawfulness, refsCPRPublic, "nationalId.conditions"))
			}
		} else if !n.Has(IDRequiredByLaw) && !n.Has(IDConsent) && !n.Has(IDResearchStatistics) &&
			!n.Has(IDDisclosureIdentification) && !n.Has(IDSpecialConditions) {
			fs = append(fs, finding(CodeCPRCondition, compliance.Violation, compliance.Lawfulness, refsCPRPrivate, "nationalId.conditions"))
		}
		if n.Published && !n.PublicationConsent {
			fs = append(fs, finding(CodeCPRPublished, compliance.Violation, compliance.Lawfulness, refsCPRPublished, "nationalId.published"))
		}
	case compliance.NO:
		if !n.Has(IDIdentification) {
			fs = append(fs, finding(CodeFNRCondition, compliance.Violation, compliance.Lawfulness, refsFNR, "nationalId.conditions"))
		}
	}
	return fs
}

// purposes checks purpose limitation and data minimisation.
func (a *Activity) purposes(fs []compliance.Finding) []compliance.Finding {
	if a.Role == RoleProcessor || len(a.Purposes) == 0 {
		return fs
	}
	for i := range a.Purposes {
		if p := &a.Purposes[i]; p.Data == 0 {
			fs = append(fs, finding(CodePurposeNoData, compliance.Warning, compliance.PurposeLimitation, refsPurposeNoData,
				check.Index("purposes", i)+".data", compliance.Text(p.Name)))
		}
	}
	if loose := a.Data.Minus(a.purposeData()); loose != 0 {
		fs = append(fs, finding(CodeDataWithoutPurpose, compliance.Warning, compliance.DataMinimisation, refsDataWithoutPurpose,
			"data", compliance.Names(loose.All())))
	}
	return fs
}

// storage checks storage limitation.
func (a *Activity) storage(fs []compliance.Finding) []compliance.Finding {
	if a.Role != RoleProcessor && a.Erasure.Period.IsZero() && a.Erasure.Rule.IsZero() {
		fs = append(fs, finding(CodeNoTimeLimit, compliance.Warning, compliance.StorageLimitation, refsNoTimeLimit, "erasure"))
	}
	return fs
}

// integrity checks integrity and confidentiality.
func (a *Activity) integrity(fs []compliance.Finding, today compliance.Date, p *Policy) []compliance.Finding {
	if len(a.Security.Measures) == 0 && a.Security.Description == "" {
		refs := refsNoSecurity
		if a.Role == RoleProcessor {
			refs = refsNoSecurity2
		}
		fs = append(fs, finding(CodeNoSecurity, compliance.Warning, compliance.IntegrityConfidentiality, refs, "security"))
	}
	sensitive := a.Data & sensitiveData
	if sensitive == 0 || a.Security.Has(EncryptionInTransit) {
		return fs
	}
	switch a.Controller.Jurisdiction {
	case compliance.DK:
		sev := compliance.Violation
		if !a.publicAuthority() && today.Before(dkEncryptionForAll) {
			sev = compliance.Warning // a recommendation only, for private controllers before 2019
		}
		fs = append(fs, finding(CodeEncryptionInTransit, sev, compliance.IntegrityConfidentiality, refsEncryptionDK,
			"security.measures", compliance.Names(sensitive.All())))
	case compliance.NO:
		sev := p.NOEncryption
		if !sev.Valid() {
			sev = compliance.Warning
		}
		fs = append(fs, finding(CodeEncryptionInTransit, sev, compliance.IntegrityConfidentiality, refsEncryptionNO,
			"security.measures", compliance.Names(sensitive.All())))
	}
	return fs
}

// accountability checks completeness, the DPIA, the processors and the
// review.
func (a *Activity) accountability(fs []compliance.Finding, today compliance.Date, p *Policy) []compliance.Finding {
	fs = a.appendMissingExcept(fs)
	if a.Role != RoleProcessor {
		largeScale := a.LargeScale || p.LargeScaleSubjects > 0 && a.SubjectCount >= p.LargeScaleSubjects
		switch {
		case !a.DPIA.ID.IsZero():
		case a.DPIA.Screening == DPIARequired:
			fs = append(fs, finding(CodeDPIAMissing, compliance.Violation, compliance.Accountability, refsDPIAMissing, "dpia.id"))
		case largeScale && (a.hasClass(compliance.Special) || a.hasClass(compliance.Criminal)):
			fs = append(fs, finding(CodeDPIALargeScale, compliance.Violation, compliance.Accountability, refsDPIALarge, "dpia.id"))
		case a.DPIA.Screening == 0:
			fs = append(fs, finding(CodeDPIANotScreened, compliance.Info, compliance.Accountability, refsNotScreened, "dpia.screening"))
		}
	}
	for i := range a.Processors {
		pr := &a.Processors[i]
		switch {
		case pr.ID.IsZero():
			fs = append(fs, finding(CodeProcessorUnregistered, compliance.Warning, compliance.Accountability, refsProcessorReg,
				check.Index("processors", i)+".id", compliance.Text(pr.Name)))
		case pr.Name == "":
			fs = append(fs, finding(CodeProcessorUnnamed, compliance.Warning, compliance.Accountability, refsProcessorNam,
				check.Index("processors", i)+".name"))
		}
	}
	if due := a.reviewDue(p); !due.IsZero() && due.Before(today) {
		fs = append(fs, finding(CodeReviewOverdue, compliance.Warning, compliance.Accountability, refsReview, "nextReview", compliance.DateArg(due)))
	}
	if a.Status == Draft {
		fs = append(fs, finding(CodeDraft, compliance.Info, compliance.Accountability, refsDraft, "status"))
	}
	return fs
}

// reviewDue returns the day the record's review is due: NextReview when
// set, otherwise the last review (or the day of creation) plus the
// policy's interval; the zero Date when there is none.
func (a *Activity) reviewDue(p *Policy) compliance.Date {
	if !a.NextReview.IsZero() {
		return a.NextReview
	}
	if p.ReviewInterval.IsZero() {
		return compliance.Date{}
	}
	base := a.ReviewedOn
	if base.IsZero() && !a.Created.IsZero() {
		base = compliance.DateOf(a.Created)
	}
	if base.IsZero() {
		return compliance.Date{}
	}
	return addPeriod(base, p.ReviewInterval)
}

// appendMissingExcept appends [Activity.Missing] without the items that
// storage limitation and integrity already report.
func (a *Activity) appendMissingExcept(fs []compliance.Finding) []compliance.Finding {
	n := len(fs)
	fs = a.appendMissing(fs)
	out := fs[:n]
	for _, f := range fs[n:] {
		if f.Subject == "erasure" || f.Subject == "security" {
			continue
		}
		out = append(out, f)
	}
	return out
}

// addPeriod returns d plus p for periods in days, weeks, months and years;
// months and years end on the same date or the last day of a shorter month
// (as Reg 1182/71 Art 3(2)(c) counts them). Other units give d.
func addPeriod(d compliance.Date, p compliance.Period) compliance.Date {
	switch p.Unit {
	case compliance.UnitDays:
		return d.AddDays(p.N)
	case compliance.UnitWeeks:
		return d.AddDays(7 * p.N)
	case compliance.UnitMonths:
		m := int(d.Month) - 1 + p.N
		return clampDay(d.Year+m/12, time.Month(m%12+1), d.Day)
	case compliance.UnitYears:
		return clampDay(d.Year+p.N, d.Month, d.Day)
	}
	return d
}

// clampDay returns the date y-m-day, or the month's last day when day is
// past it.
func clampDay(y int, m time.Month, day int) compliance.Date {
	if n := compliance.DaysIn(y, m); day > n {
		day = n
	}
	return compliance.Date{Year: y, Month: m, Day: day}
}
