package breach_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// EDPB Guidelines 01/2021 on examples regarding personal data breach
// notification, version 2.0, adopted 14 December 2021:
// https://www.edpb.europa.eu/system/files/2022-01/edpb_guidelines_012021_pdbnotification_adopted_en.pdf
//
// Every case below is a test named after its number. Each comment gives the
// section of the guidelines and its pages (checked against the adopted
// text's table of contents), the facts as the test encodes them, and the
// EDPB's conclusion on the three duties of para 7: internal documentation
// (always, Art 33(5); para 15), notification to the supervisory authority
// (SA) and communication to the data subjects (DS).
//
// Verification (each case's comment says what holds for it). The primary
// text could be read only up to and including Case 01 (paras 1–25, from a
// truncated public copy of the adopted PDF); of the other copies found
// (pdfslide.us and scribd.com for version 1.0, armingaud-avocat.fr for
// version 2.0) only the opening pages could be read. A paragraph or page
// number after 25 is therefore cited only where a supervisory authority's
// decision quotes or cites it, and the comment names the decision; unless
// said otherwise those decisions were read in GDPRhub's English machine
// translations as stored in the repository
// https://github.com/mnov88/eurlextract (file
// fast_scrape/machine_translations_md_final/MT_<authority>_-_<decision>.md),
// so a quotation's wording is a translation of the EDPB's, not its own.
// Other conclusions are confirmed where a secondary source states them.
// Except hrlaw.pl (case 11) and the decisions that say they cite version
// 2.0, these sources describe version 1.0 (14 January 2021, public
// consultation), whose case numbers and titles are those of version 2.0,
// but whose wording and paragraph numbers may differ. Sources used for
// several cases (others are cited at their case):
//
//   - [BM] Baker McKenzie, "EDPB publishes guidelines on examples regarding
//     data breach notification", 4 February 2021,
//     https://globallitigationnews.bakermckenzie.com/2021/02/04/edpb-publishes-guidelines-on-examples-regarding-data-breach-notification/
//   - [GT-R] Greenberg Traurig, "Does the European Data Protection Board's
//     data breach guidance mandate reporting of ransomware attacks?",
//     February 2021 (also National Law Review, 12 February 2021),
//     https://www.gtlaw-dataprivacydish.com/2021/02/does-the-european-data-protection-boards-data-breach-guidance-mandate-reporting-of-ransomware-attacks/
//   - [GT-M] Greenberg Traurig, "Do all malware attacks need to be reported
//     under the GDPR?", February 2021,
//     https://www.gtlaw-dataprivacydish.com/2021/02/do-all-malware-attacks-need-to-be-reported-under-the-gdpr/
//   - [IJE] IJE partner blog, "Examples of when to notify data breaches"
//     (a table of the EDPB examples),
//     https://ije.be/nl/news/partnerblog/examples-of-when-to-notify-data-breaches
//   - [UODO] decisions of the Polish supervisory authority: DKN.5131.16.2021
//     and DKN.5131.3.2021 (citing version 1.0: cases 09, 12, 13, 15, 16),
//     DKN.5131.33.2021 (version 1.0: case 08), DKN.5131.1.2024,
//     DKN.5131.28.2023 and DKN.5131.43.2022 (version 2.0: cases 07, 08, 11,
//     14), DKN.5131.34.2021 and DKN.5131.49.2021 (version 2.0: cases 14 and
//     17).
//   - [AEPD] the Spanish supervisory authority's decision EXP202100318
//     (AFIANZA ASESORES), citing version 2.0: paras 88–89 (case 10) and 94,
//     95 and 98 (case 11).
//   - [APD] the Belgian Litigation Chamber's decision 101/2022 of 3 June
//     2022, quoting case 17's conclusion in English ("p. 30").
//   - [Garante] the Italian Garante's decision of 17 July 2024, doc. web
//     10070252, quoting para 78 of version 2.0 (case 09).
//   - [DT-NO] Datatilsynet NO's decision 21/03126 (Argon Medical Devices),
//     written in English: case 18 on p. 32 of version 2.0 (p. 31 of
//     version 1.0), and para 30.
//
// "[unverified]" marks what no source read could confirm: it says which
// part (facts, SA, DS). Unverified facts and conclusions are tillid's
// recollection of the text, not re-read against it; where a figure of the
// case (a count of people) is needed and not known, the number used is a
// placeholder for the case's words, said so in the comment. A reviewer with
// the PDF should check them. The EDPB's controllers are private companies
// unless the case says otherwise, so the tests use a private controller's
// policy there.
var privateCo = &breach.Policy{PrivateController: true}

type edpbCase struct {
	name     string
	b        func() breach.Breach
	p        *breach.Policy
	want     outcome
	findings []compliance.Code
}

func runCases(t *testing.T, cases []edpbCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b()
			require.NoError(t, b.Validate())
			a := assess(t, tt.p, b)
			checkOutcome(t, a, tt.want)
			for _, c := range tt.findings {
				_, ok := finding(a.Findings, c)
				assert.True(t, ok, "finding %s; have %v", c, codesOf(a.Findings))
			}
		})
	}
}

func TestEDPB0121(t *testing.T) {
	runCases(t, []edpbCase{
		// Section 2.1, pp. 8–9, paras 16–25 [verified: primary text read;
		// doc-only also stated by BM and GT-R]: a small manufacturer;
		// data encrypted at rest with a state-of-the-art algorithm, key not
		// compromised; logs show no outward data flow; a few dozen
		// employees' and clients' data; the backup restored them within a
		// few hours, with no effect on operations. Doc only.
		{"case_01_ransomware_backup_no_exfiltration", func() breach.Breach {
			b := incident(aware, breach.Confidentiality, breach.Integrity, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Employment, compliance.Financial)
			b.Subjects = compliance.SubjectsOf(compliance.Employees, compliance.BusinessContacts)
			b.SubjectCount = breach.About(36) // "a few dozen"
			b.Encryption, b.Recipients = breach.Encrypted, breach.NoRecipient
			b.Occurred = aware.Add(-time.Hour)
			b.Backup, b.Restored, b.Impact = breach.FullBackup, aware.Add(4*time.Hour), breach.NoImpact
			return b
		}, privateCo, outcome{breach.Unlikely, false, breach.NoCommunication},
			[]compliance.Code{breach.CodeEncrypted, breach.CodeRestored, breach.CodeNotificationNotRequired}},

		// Section 2.2, pp. 10–11. Facts [corrected, GT-R]: the logs were
		// altered or unavailable, so whether the data were accessed is
		// uncertain and "a confidentiality breach cannot be eliminated as a
		// possibility"; the data were ultimately restored from other
		// sources. Until this correction the test encoded a breach of
		// availability alone with no exfiltration found. It now records
		// confidentiality too, with no evidence of access (NoEvidence). Para
		// 30 — by its number within section 2.2, case 01 ending at para 25
		// on p. 10 — says, as DT-NO quotes it, that "when uncertain about
		// the specifics of the illegitimate access, the worse scenario
		// should be considered". DS no [verified, conditionally: GT-R — when
		// no sensitive data were exposed and the data were restored with
		// minimal effect on the people, communication "may not be
		// required"]. SA yes [unverified: GT-R states only the DS
		// condition]. Facts otherwise [unverified]: an agricultural
		// company; employees' and clients' ordinary data, a few dozen
		// people (40 is a placeholder); part of the data rebuilt over days
		// (5 days is a placeholder). Doc, SA; no DS.
		{"case_02_ransomware_without_proper_backup", func() breach.Breach {
			b := incident(aware, breach.Confidentiality, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Employment)
			b.Subjects = compliance.SubjectsOf(compliance.Employees, compliance.BusinessContacts)
			b.SubjectCount = breach.About(40) // "a few dozen" (placeholder)
			b.Recipients = breach.NoEvidence
			b.Occurred = aware.Add(-time.Hour)
			b.Backup, b.Restored, b.Impact = breach.PartialBackup, aware.Add(5*24*time.Hour), breach.MinorImpact
			return b
		}, privateCo, outcome{breach.RiskPresent, true, breach.NoCommunication},
			[]compliance.Code{breach.CodeOutage}},

		// Section 2.3, p. 12 [verified: facts and conclusion, BM; SA and DS
		// also GT-R]: a hospital's systems encrypted; certainty of no
		// exfiltration; the backup existed but restoring took a couple of
		// days; treatments delayed. Doc, SA, DS: high risk from
		// unavailability alone.
		{"case_03_ransomware_backup_no_exfiltration_hospital", func() breach.Breach {
			b := incident(aware, breach.Integrity, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Health)
			b.Subjects = compliance.SubjectsOf(compliance.Patients)
			b.Recipients = breach.NoRecipient
			b.Occurred = aware.Add(-time.Hour)
			b.Backup, b.Restored, b.Impact = breach.FullBackup, aware.Add(48*time.Hour), breach.SignificantImpact
			return b
		}, privateCo, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeServiceImpact}},

		// Section 2.4, pp. 13–14. SA and DS [verified: GT-R — data likely
		// exfiltrated from the network call for both]. Facts beyond "no
		// backup, exfiltration" [unverified]: customers' identification and
		// payment data of thousands of people (1,000 is a placeholder). Doc,
		// SA, DS.
		{"case_04_ransomware_without_backup_with_exfiltration", func() breach.Breach {
			b := incident(aware, breach.Confidentiality, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Financial)
			b.Factors.PaymentData = true
			b.SubjectCount = breach.About(1000)
			b.Recipients = breach.UnknownRecipients
			b.Backup = breach.NoBackup
			return b
		}, privateCo, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeIdentityTheftWide, breach.CodeDataLost}},

		// Section 3.1, pp. 15–16. SA and DS [verified: GT-M — a data
		// exfiltration attack exposing a large enough volume of personal
		// data calls for both]. Facts [unverified]: an attacker exploited a
		// job application form and exfiltrated whole applications (identity,
		// contact, education, work history) of a few hundred applicants (213
		// is a placeholder). Doc, SA, DS. The whole application file is more
		// than a name: ENISA's volume factor raises simple data by one.
		{"case_05_exfiltration_job_application_data", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.Hacking, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Education, compliance.Employment)
			b.Subjects = compliance.SubjectsOf(compliance.Applicants)
			b.SubjectCount = breach.About(213)
			b.Recipients = breach.UnknownRecipients
			b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Simple, Factor: breach.Volume, Delta: dec("1")}}
			return b
		}, privateCo, outcome{breach.HighRisk, true, breach.DirectCommunication}, nil},

		// Section 3.2, p. 17. DS no [verified: GT-M — user names and
		// passwords hashed and salted with a state-of-the-art algorithm:
		// communication advisable, not required]. SA no [unverified: no
		// source read states it]. Facts beyond the hashed credentials
		// [unverified]: no other data; the count is a placeholder. Doc only:
		// the hashes are unintelligible (recorded as Encrypted).
		{"case_06_exfiltration_hashed_passwords", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.Hacking, true
			b.Data = compliance.CategoriesOf(compliance.OnlineIdentifiers)
			b.SubjectCount = breach.About(1200) // placeholder
			b.Recipients = breach.UnknownRecipients
			b.Encryption = breach.Encrypted
			return b
		}, privateCo, outcome{breach.Unlikely, false, breach.NoCommunication},
			[]compliance.Code{breach.CodeEncrypted}},

		// Section 3.3, p. 18. High risk, so (Arts 33 and 34) SA and DS
		// [verified: paras 65–66 of version 2.0 as UODO DKN.5131.28.2023,
		// DKN.5131.43.2022 and DKN.5131.1.2024 quote them — the breached
		// data allow the
		// unique identification of the data subjects and contain other
		// information about them (gender, date and place of birth); an
		// attacker may use them to guess customers' passwords or for a
		// spear-phishing campaign against the bank's customers; the breach
		// is "likely to result in a high risk to the rights and freedoms of
		// all data subjects", with material (financial loss) and
		// non-material (identity theft or fraud) damage possible]. Data
		// [verified, as quoted]: identifying data, recorded as Identity.
		// The test encoded the customers' transactions until this check; no
		// source mentions them, so they are gone. Credentials [unverified:
		// inferred from the case's title, "credential stuffing"; the quoted
		// paragraphs speak of guessing passwords, not of passwords
		// exposed]: without that fact the default policy finds a risk, not a
		// high risk, which would disagree with paras 65–66 unless the text
		// shows credentials, a national ID number or payment data among the
		// data. The count is a placeholder. Doc, SA, DS.
		{"case_07_credential_stuffing_banking_website", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.Hacking, true
			b.Data = compliance.CategoriesOf(compliance.Identity)
			b.Factors.Credentials = true
			b.SubjectCount = breach.About(50) // placeholder
			b.Recipients = breach.UnknownRecipients
			return b
		}, privateCo, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeIdentityTheftWide}},

		// Section 4.1, pp. 20–21 [verified: facts and conclusion, Greenberg
		// Traurig, "Does a company need to treat exfiltration of personal
		// data by a former employee as a data breach under the GDPR?", March
		// 2021,
		// https://www.gtlaw-dataprivacydish.com/2021/03/does-a-company-need-to-treat-exfiltration-of-personal-data-by-a-former-employee-as-a-data-breach-under-the-gdpr/
		// — SA yes, since the risk, if only of unwanted solicitation, is not
		// unlikely; DS "likely not required". Facts also UODO
		// DKN.5131.1.2024 (version 2.0) and DKN.5131.33.2021 (version 1.0):
		// during his notice period an employee copied business data, mainly
		// basic contact details, from a database he was entitled to use, and
		// months later used them to draw the customers to his new business;
		// the controller cannot consider the risk low, having no guarantee
		// of his intentions]. The count is a placeholder. Doc, SA; no DS.
		{"case_08_exfiltration_business_data_by_employee", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.Insider, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact)
			b.Subjects = compliance.SubjectsOf(compliance.BusinessContacts)
			b.SubjectCount = breach.About(60) // placeholder
			b.Recipients = breach.KnownRecipients
			return b
		}, privateCo, outcome{breach.RiskPresent, true, breach.NoCommunication},
			[]compliance.Code{breach.CodeInsider}},

		// Section 4.2, p. 22. SA no, DS no [verified: IJE row 1, with the
		// conditions: recipient bound by professional secrecy, deletion or
		// return ensured, no sensitive data; Garante 10070252 quotes para 78
		// of version 2.0 — "the breach does not result from a deliberate
		// action by an employee, but from accidental human error caused by
		// carelessness" — and says the guidelines list neither notification
		// to the SA nor communication to the data subjects among the actions
		// necessary; UODO DKN.5131.16.2021 (version 1.0) gives the data as
		// contact details and the type and amount of insurance and the case
		// as one where notification may be waived]. Facts beyond those
		// [unverified]: an insurance agent under professional secrecy
		// received about two dozen customers' data, reported it at once and
		// confirmed deletion in writing. Doc only.
		{"case_09_accidental_transmission_trusted_third_party", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedEmail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Financial)
			b.SubjectCount = breach.About(24)
			b.Recipients = breach.TrustedRecipient
			return b
		}, privateCo, outcome{breach.Unlikely, false, breach.NoCommunication},
			[]compliance.Code{breach.CodeTrustedRecipient}},

		// Section 5.1, p. 24. SA no, DS no [verified in substance: the
		// controller's submission quoted in AEPD EXP202100318 cites paras
		// 88–89 of version 2.0 — the controller had encrypted the devices,
		// introduced adequate password protection and protected the data
		// stored on the tablets (para 88); the breach would have affected
		// confidentiality, availability and integrity, but through the
		// controller's procedures before and after it none of them was
		// affected (para 89); also National Law Review, "Does a company need
		// to report a lost or stolen laptop under the GDPR?", 2021,
		// https://natlawreview.com/article/does-company-need-to-report-lost-or-stolen-laptop-under-gdpr
		// — strong encryption lets the controller avoid notification, the
		// event being documented]. Facts: stolen tablets, encrypted and
		// password-protected [verified, AEPD]; a day-care centre, children's
		// data, restored at once from a backup [unverified]. Doc only.
		{"case_10_stolen_material_encrypted_data", func() breach.Breach {
			b := incident(aware, breach.Confidentiality, breach.Availability)
			b.Cause, b.Malicious = breach.StolenDevice, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Education)
			b.Subjects = compliance.SubjectsOf(compliance.Children)
			b.Encryption, b.Recipients = breach.Encrypted, breach.UnknownRecipients
			b.Occurred = aware.Add(-2 * time.Hour)
			b.Backup, b.Restored, b.Impact = breach.FullBackup, aware.Add(time.Hour), breach.NoImpact
			return b
		}, nil, outcome{breach.Unlikely, false, breach.NoCommunication},
			[]compliance.Code{breach.CodeEncrypted, breach.CodeRestored}},

		// Section 5.2, p. 25 [verified on version 2.0: facts and
		// conclusion, hrlaw.pl, "What if an employee loses a laptop?", 16
		// January 2024, https://hrlaw.pl/en/articles/what-if-an-employee-loses-a-laptop-
		// quoting the guidelines (p. 25): a service provider's notebook
		// stolen with "the names, surnames, sex, addresses, and date of
		// birth of more than 100,000 customers", its disk protected by no
		// password, the data restorable from daily backups; high risk — SA,
		// DS and documentation. Paragraphs: AEPD EXP202100318 cites para 94
		// (the breach concerns the confidentiality of the data on the stolen
		// device), para 95 (the data were vulnerable, having no password
		// protection or encryption) and para 98 (notification to the SA and
		// communication to the data subjects are necessary); UODO
		// DKN.5131.43.2022 quotes para 96 (identity fraud from the data on
		// the stolen device: the risk is high). Also National Law Review
		// above: large amounts of unencrypted data call for SA and DS]. Doc,
		// SA, DS.
		{"case_11_stolen_material_non_encrypted_data", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.StolenDevice, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact)
			b.SubjectCount = breach.About(100_000)
			b.Recipients = breach.UnknownRecipients
			return b
		}, privateCo, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeMassExposure, breach.CodeManyPeople}},

		// Section 5.3, pp. 25–26. Facts and risk [verified on version 1.0:
		// UODO DKN.5131.16.2021 — a paper logbook ("diary") stolen from a
		// drug rehabilitation centre, holding among other things the health
		// data of the patients admitted; by the categories of data
		// disclosed, a high risk to their rights and freedoms, which under
		// Arts 33 and 34 calls for SA and DS]. Version 2.0's wording and
		// the count of patients [unverified]. Doc, SA, DS.
		{"case_12_stolen_paper_files_sensitive_data", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.LostPaper, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Health)
			b.Subjects = compliance.SubjectsOf(compliance.Patients)
			b.Recipients = breach.UnknownRecipients
			return b
		}, privateCo, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeSpecialCategories}},

		// Section 6.1, p. 27 [verified: facts in outline and conclusion, IJE
		// row 3 "webshop sends orders and packing bills to wrong customer":
		// SA no, DS no; UODO DKN.5131.16.2021 (version 1.0): a retailer sent
		// orders and bills to the wrong customers — name, address, the item
		// bought and its price, no special categories and no data whose
		// misuse may have significant consequences; no high risk, and
		// notification may be waived]. Two shoe orders swapped between two
		// customers and recalled [unverified]. Doc only. One order of shoes
		// reveals next to nothing (ENISA: nature of the data).
		{"case_13_postal_mail_mistake_retail", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedMail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.UsageData)
			b.SubjectCount = breach.Exact(2)
			b.Recipients = breach.KnownRecipients
			b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Behavioural, Factor: breach.NatureOfData, Delta: dec("-1")}}
			return b
		}, privateCo, outcome{breach.Unlikely, false, breach.NoCommunication}, nil},

		// Section 6.2, p. 28. SA and DS [verified: IJE row 4, "sensitive
		// personal data sent by e-mail by mistake": SA yes, DS yes; UODO
		// DKN.5131.1.2024, DKN.5131.43.2022 and DKN.5131.49.2021 (version
		// 2.0): name, e-mail address, postal address and social security
		// number disclosed; "the number of people affected by the breach is
		// significant, and the use of Social Security numbers, as well as
		// other, more basic personal data, further increases the risk, which
		// can be described as high"; notification of the SA and
		// communication to the data subjects required]. Facts beyond those
		// [unverified]: a public employment service e-mailed its registered
		// job seekers a file with every job seeker's data; tens of thousands
		// of people (60,000 is a placeholder for "significant"). Doc, SA,
		// DS. A public authority: the default policy.
		{"case_14_highly_confidential_data_sent_by_mail_by_mistake", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedEmail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.NationalID)
			b.Subjects = compliance.SubjectsOf(compliance.JobSeekers)
			b.SubjectCount = breach.About(60_000)
			b.Recipients = breach.KnownRecipients
			return b
		}, nil, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeIdentityTheftWide, breach.CodePublicAuthority}},

		// Section 6.3, pp. 28–29. Facts [verified on version 1.0: UODO
		// DKN.5131.16.2021 and DKN.5131.3.2021 — a list of 15 people (the
		// translation says hotel guests) with their names, e-mail addresses
		// and, for two of them, food preferences, e-mailed by mistake to 15
		// unauthorised recipients; the controller at once contacted the
		// recipients and asked them to delete it]. DS no [verified on
		// version 1.0, same sources: "the risks arising from the nature,
		// sensitivity, volume and context of the data are low", the breach
		// "did not have a significant impact on the data subjects", and the
		// immediate contact with the recipients is a mitigating factor]. SA
		// yes [unverified, and in doubt: UODO DKN.5131.16.2021 reads the
		// case with examples 09 and 13 as ones where notification may be
		// waived; version 2.0's table could not be read]. IJE row 2 (cc
		// instead of bcc) is not this case. Doc, SA; no DS. A food
		// intolerance reveals little for health data (ENISA: nature of the
		// data lowers sensitive data by two).
		{"case_15_personal_data_sent_by_mail_by_mistake", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedEmail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Health)
			b.SubjectCount = breach.Exact(15)
			b.Recipients = breach.KnownRecipients
			b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Sensitive, Factor: breach.NatureOfData, Delta: dec("-2")}}
			return b
		}, privateCo, outcome{breach.RiskPresent, true, breach.NoCommunication},
			[]compliance.Code{breach.CodeSpecialCategories}},

		// Section 6.4, pp. 29–30 [verified: facts in outline and
		// conclusion, IJE row 5 "postal dispatch error of motor insurance
		// policy": SA yes, DS no when no sensitive data; UODO
		// DKN.5131.16.2021 and DKN.5131.3.2021 (version 1.0): an insurance
		// group offering car insurance sent one person's name, address, date
		// of birth, registration number and insurance rate class for this
		// year and the next to the wrong recipient, who is to be told not to
		// use the data; the breach is to be notified to the SA]. Two
		// policyholders' letters in one envelope, mileage, no Art 9, bank or
		// other financial data [unverified]. Doc, SA; no DS. The whole
		// policy is more than an address (ENISA: volume raises by one).
		{"case_16_postal_mail_mistake_insurance", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedMail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.CaseData)
			b.SubjectCount = breach.Exact(1)
			b.Recipients = breach.KnownRecipients
			b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Simple, Factor: breach.Volume, Delta: dec("1")}}
			return b
		}, privateCo, outcome{breach.RiskPresent, true, breach.NoCommunication}, nil},

		// Section 7.1, p. 31 [verified: APD 101/2022 quotes the conclusion
		// in English ("p. 30" of the version it read) — "The breach, from a
		// risk aspect, presents a high level of risk, as billing data can
		// give information about the data subject's private life (e.g.
		// habits, contacts) and could lead to material damage (e.g.
		// stalking, risk to physical integrity)", and may facilitate account
		// takeover; "As a result, both a notification to the SA and a
		// communication to the data subject are needed"; UODO
		// DKN.5131.34.2021 and DKN.5131.49.2021 give the same for version
		// 2.0 and quote the facts: a caller posing as a customer of a
		// telecommunications company, who knew the customer's fiscal number
		// and postal address, had the e-mail address for the billing
		// information changed, and the bills went to him until the customer
		// asked, the next month, why he no longer received them]. The test
		// encoded the consequences as certain until this check; the EDPB's
		// reason is their gravity, so it now records the possible
		// consequences as very serious (risk to physical integrity). Doc,
		// SA, DS.
		{"case_17_identity_theft", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.SocialEngineering, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Financial, compliance.UsageData)
			b.SubjectCount = breach.Exact(1)
			b.Recipients = breach.KnownRecipients
			b.Factors.Gravity = breach.VerySerious
			return b
		}, privateCo, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeConsequencesVerySerious}},

		// Section 7.2, p. 32 [verified: facts in outline and conclusion,
		// DT-NO (version 2.0, p. 32): the guidelines "describe as
		// reportable—both to the competent supervisory authority and to the
		// affected data subjects—an incident in which an attacker gained
		// access to information on the salary of several employees of a
		// company by exfiltrating emails from that company's mailbox
		// accounts"; the attacker altered the rules of the mailbox and
		// forged an invoice by social engineering to divert a payment;
		// employees' names and salaries were reached. Also Greenberg
		// Traurig, "Do email compromises to intercept wire payments require
		// notification under the GDPR?", March 2021,
		// https://www.gtlaw-dataprivacydish.com/2021/03/do-email-compromises-to-intercept-wire-payments-require-notification-under-the-gdpr/
		// — an auto-forwarding rule sent mail to the attacker; SA and DS].
		// The count of people is a placeholder for "several" [verified
		// word, DT-NO]; until this check it was 100.
		// Doc, SA, DS: high risk from the severity of the data (wages with
		// names, exfiltrated with malice to an unknown recipient).
		{"case_18_email_exfiltration", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause, b.Malicious = breach.Hacking, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Employment, compliance.Financial)
			b.Subjects = compliance.SubjectsOf(compliance.Employees)
			b.SubjectCount = breach.About(10) // placeholder for "several"
			b.Recipients = breach.UnknownRecipients
			return b
		}, privateCo, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeSeverity}},
	})
}

// TestIssueExamples are the two misjudgements that issue 13 reported, tried
// as a DPO would.
func TestIssueExamples(t *testing.T) {
	runCases(t, []edpbCase{
		// A kommune e-mails a spreadsheet with 24,000 citizens' names and
		// CPR numbers to the wrong distribution list: identifiers for
		// identity theft to tens of thousands (EDPB 01/2021 case 14).
		{"national_ids_emailed_to_wrong_people_high_risk_and_letter", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.MisdirectedEmail
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID)
			b.SubjectCount = breach.About(24_000)
			b.Recipients = breach.KnownRecipients
			return b
		}, nil, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeIdentityTheftWide, breach.CodeCommunicateSubjects}},
		// Ransomware takes the citizen service down for three days; no
		// exfiltration; restored from backup; nobody missed a payment.
		// Notifiable: the outage lasted beyond the policy's 24 hours (EDPB
		// 01/2021 cases 02 and 03).
		{"multi_day_ransomware_outage_without_exfiltration_notifiable", func() breach.Breach {
			b := incident(aware, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Recipients = breach.NoRecipient
			b.Occurred = aware.Add(-2 * time.Hour)
			b.Backup, b.Restored, b.Impact = breach.FullBackup, aware.Add(70*time.Hour), breach.NoImpact
			return b
		}, nil, outcome{breach.RiskPresent, true, breach.NoCommunication},
			[]compliance.Code{breach.CodeOutage, breach.CodeNotifyAuthority}},
	})
}

// TestDanishDecisions reproduces Datatilsynet DK's decisions on kommuner
// whose dental services sent a child's protected address (navne- og
// adressebeskyttelse) to the other parent:
//
//   - Vejle Kommune, press release 16 June 2021, fine of DKK 200,000
//     proposed (GDPRhub "Datatilsynet (Denmark) - Vejle Kommune indstilles
//     til bøde"; https://www.dknyt.dk/artikel/vejle-indstilles-til-boede-for-sjusk-med-adresse-data);
//   - Hvidovre Kommune, 22 January 2024, fine of at least DKK 200,000
//     proposed (https://www.datatilsynet.dk/afgoerelser/afgoerelser/2024/jan/hvidovre-kommune-indstilles-til-boede).
//
// Vejle [verified: Datatilsynet's press release of 16 June 2021, read in
// GDPRhub's machine translation as stored in
// https://github.com/mnov88/eurlextract (file
// fast_scrape/machine_translations_md_final/MT_Datatilsynet_Denmark_-_Datatilsynet_-_Vejle_Kommune_indstilles_til_bøde.md):
// the kommune's dental care had a fixed practice of sending welcome
// letters with both parents' addresses automatically to both custodians,
// without assessing each case, so that "in several cases" a parent
// received the other parent's (and the child's) address whether or not he
// or she had name and address protection; Datatilsynet learnt of it from
// the kommune's own breach notification; a fine of DKK 200,000 proposed].
// The count of cases is a placeholder for "several". Hvidovre [verified:
// Datatilsynet's page above, read in a stored copy in December 2026: the
// kommune notified the breach itself on 25 June 2021; its dental care's
// self-service solution, first open to the parent the child lives with,
// was extended to the other parent with joint custody, and letters with
// the child's address were sent automatically to both custodians without
// assessing in each case whether they could be disclosed, although the
// child, and possibly a parent and siblings at the same address, had name
// and address protection; Datatilsynet found the security not appropriate
// (Art 32), reported the kommune to the police and proposed a fine of at
// least DKK 200,000; the page gives no count of children]. The decisions
// concern Art 32 and say nothing about Art 34, so the communication is
// tillid's default (ProtectedFloor HighRisk), and the tests check that
// default.
func TestDanishDecisions(t *testing.T) {
	dental := func() breach.Breach {
		b := incident(aware, breach.Confidentiality)
		b.Cause = breach.SystemError // an automatic process sent the letters
		b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact)
		b.Subjects = compliance.SubjectsOf(compliance.Children, compliance.Parents)
		b.SubjectCount = breach.About(10) // "several cases" (placeholder)
		b.Recipients = breach.KnownRecipients
		b.Factors.ProtectedAddress = true
		return b
	}
	runCases(t, []edpbCase{
		{"vejle_2021_dental_welcome_letters_disclosed_protected_address", dental, nil,
			outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeProtectedAddress, breach.CodeChildren}},
		{"hvidovre_2024_dental_self_service_disclosed_protected_address", func() breach.Breach {
			b := dental()
			b.Cause = breach.SystemError // access extended to the other parent
			b.Nature = breach.NatureOf(breach.Confidentiality)
			return b
		}, nil, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeProtectedAddress}},
		{"the same letter without a protected address: children's ordinary data, notify only", func() breach.Breach {
			b := dental()
			b.Factors.ProtectedAddress = false
			return b
		}, nil, outcome{breach.RiskPresent, true, breach.NoCommunication}, nil},
	})
}

// TestDatatilsynetDKCommunication reproduces the rule of Datatilsynet DK's
// guidance "Underretning af den registrerede ved brud på
// persondatasikkerheden"
// (https://www.datatilsynet.dk/hvad-siger-reglerne/vejledning/sikkerhed/haandtering-af-brud-paa-persondatasikkerheden/underretning-af-den-registrerede-ved-brud-paa-persondatasikkerheden):
// "Er det således helt sikkert eller næsten helt sikkert, at bruddet vil få
// konsekvenser for den registrerede, skal man som dataansvarlig underrette
// denne. Underretningen skal ligeledes ske, hvis de mulige konsekvenser er
// meget alvorlige, uanset hvor lille sandsynligheden for konsekvensernes
// indtræden er." (Quotation re-read on the page, December 2026.)
func TestDatatilsynetDKCommunication(t *testing.T) {
	base := func() breach.Breach {
		b := incident(aware, breach.Confidentiality)
		b.Cause = breach.MisdirectedMail
		b.SubjectCount = breach.Exact(1)
		return b
	}
	with := func(l breach.Likelihood, g breach.Gravity) func() breach.Breach {
		return func() breach.Breach {
			b := base()
			b.Factors.Likelihood, b.Factors.Gravity = l, g
			return b
		}
	}
	runCases(t, []edpbCase{
		{"consequences_certain_communicate", with(breach.Certain, 0), nil,
			outcome{breach.HighRisk, true, breach.DirectCommunication}, []compliance.Code{breach.CodeConsequencesCertain}},
		{"consequences_probable_not_certain_edge", with(breach.Probable, 0), nil,
			outcome{breach.Unlikely, false, breach.NoCommunication}, nil},
		{"very_serious_however_remote_communicate", with(breach.Remote, breach.VerySerious), nil,
			outcome{breach.HighRisk, true, breach.DirectCommunication}, []compliance.Code{breach.CodeConsequencesVerySerious}},
		{"serious_not_very_serious_edge_notify_only", with(breach.Remote, breach.Serious), nil,
			outcome{breach.RiskPresent, true, breach.NoCommunication}, []compliance.Code{breach.CodeConsequencesSerious}},
		{"substantial_gravity_no_floor", with(breach.Possible, breach.Substantial), nil,
			outcome{breach.Unlikely, false, breach.NoCommunication}, nil},
		{"certain_floor_turned_off", with(breach.Certain, 0), &breach.Policy{CertainFloor: breach.Unlikely},
			outcome{breach.Unlikely, false, breach.NoCommunication}, nil},
	})
}

// TestNorwegianDecisions reproduces Datatilsynet NO's decisions on kommuner.
// Each case says which facts were checked against Datatilsynet's own
// announcement, the press, or the decision itself as GDPRhub stores it
// (its English summary or machine translation, read in
// https://github.com/mnov88/eurlextract, fast_scrape/), and marks the rest
// [unverified]. The decisions concern Art 32 and
// fines; the Art 33/34 outcome each test checks is tillid's default, which
// the decisions' gravity supports. Datatilsynet NO's own guidance on
// avvikshåndtering
// (https://www.datatilsynet.no/rettigheter-og-plikter/virksomhetenes-plikter/avvikshandtering/)
// refers to the examples of WP250 (TestWP250AnnexB) rather than giving
// its own.
func TestNorwegianDecisions(t *testing.T) {
	no := calendar(t, compliance.NO, compliance.CalendarOptions{})
	for _, tt := range []struct {
		name  string
		b     func() breach.Breach
		want  outcome
		codes []compliance.Code
	}{
		// Bergen kommune, NOK 3,000,000 [verified: notice of intent
		// announced 20 May 2020, final decision reported 13 October 2020 —
		// https://www.dataguidance.com/news/norway-datatilsynet-notifies-intention-fine-bergen-municipality-nok-3m-inadequate-data-security ,
		// https://www.efdpo.eu/norwegian-data-protection-authority-decision-to-fine-bergen-municipality/ ,
		// https://www.datatilsynet.no/en/news/2020/guidance-to-vigilo-regarding-applicable-obligations/ :
		// the Vigilo school–home tool; no routines for children and parents
		// with a fortrolig or strengt fortrolig address; "in the extreme,
		// life and health could have been in danger"]. Case number 19/02985
		// and the counts [verified: GDPRhub's summary "Datatilsynet (Norway)
		// - 19/02985", organized_mt/authorities/Norway/MT_Datatilsynet_Norway_-_19_02985.md
		// — the app e-mailed 477 parents without parental responsibility
		// which school their child attended, and disclosed to 113 parents
		// that their child lived at a secret address]. The 477 are the
		// parents who received the e-mails: the count of pupils concerned
		// is not stated, so SubjectCount uses it as the nearest figure.
		{"bergen_2020_vigilo_protected_address", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.SystemError
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Education)
			b.Subjects = compliance.SubjectsOf(compliance.Pupils, compliance.Parents)
			b.SubjectCount = breach.About(477)
			b.Recipients = breach.KnownRecipients
			b.Factors.ProtectedAddress = true
			return b
		}, outcome{breach.HighRisk, true, breach.DirectCommunication}, []compliance.Code{breach.CodeProtectedAddress}},
		// Asker kommune, NOK 1,000,000 [verified: Datatilsynet, "Gebyr til
		// Asker kommune", 2021,
		// https://www.datatilsynet.no/aktuelt/aktuelle-nyheter-2021/gebyr-til-asker-kommune/ :
		// a private person told the kommune on 19 May 2020 that document
		// titles in its postlister on its website held 127 names and
		// fødselsnumre in 170 journal entries; several cases concerned
		// children; some titles disclosed confidential matters (PPT,
		// special education, housing grants); no log of who saw them]. Case
		// number 20/01516 and date 15.03.2021 [verified: the decision,
		// machine_translations_md_final/MT_Datatilsynet_Norway_-_20_01516.md,
		// which adds 43 document titles about 33 employees from 2018–2019;
		// the test counts the 127].
		{"asker_2021_fodselsnumre_in_public_journal", func() breach.Breach {
			b := incident(aware, breach.Confidentiality)
			b.Cause = breach.PublicationError
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID, compliance.CaseData)
			b.Subjects = compliance.SubjectsOf(compliance.Children)
			b.SubjectCount = breach.About(127)
			b.Recipients = breach.Public
			return b
		}, outcome{breach.HighRisk, true, breach.DirectCommunication}, []compliance.Code{breach.CodeIdentityTheftWide}},
		// Østre Toten kommune, NOK 4,000,000 [verified: notice of the fine
		// October 2021 (NTB via https://www.tv2.no/a/14301066/ ; the
		// kommune's https://www.ototen.no/aktuelt/varsel-om-vedtak-om-overtredelsesgebyr-og-palegg.13381.aspx):
		// the January 2021 attack deleted every backup and encrypted all
		// data; about 30,000 documents; fødselsnumre, health data and child
		// welfare information possibly astray; data published on the dark
		// web (https://www.digi.no/artikler/data-fra-ostre-toten-kommune-deles-pa-det-morke-nettet/508680);
		// the kommune's complaint was rejected and sent to Personvernnemnda
		// (https://www.totenidag.no/de-klaget-pa-gigantbota-avvist/s/5-35-1572358)].
		// Case number 21/00480 and the date 18.10.2021 of the notice of the
		// decision [verified: machine_translations_md_final/MT_Datatilsynet_Norway_-_21_00480.md,
		// which adds that about 2,000 documents were published on the dark
		// web by the kommune's estimate and that it informed its
		// inhabitants]; the decision was made on 7 January 2022 and
		// Personvernnemnda upheld the fee of NOK 4,000,000 unanimously on 24
		// January 2023 (PVN-2022-13) [verified:
		// machine_translations_md_final/MT_Personvernnemnda_Norway_-_2022-13_21_00481.md].
		// The count of people is a placeholder (the 30,000 are documents).
		{"ostre_toten_2021_ransomware_backups_deleted", func() breach.Breach {
			b := incident(aware, breach.Confidentiality, breach.Availability)
			b.Cause, b.Malicious = breach.Ransomware, true
			b.Data = compliance.CategoriesOf(compliance.Identity, compliance.NationalID, compliance.Health, compliance.SocialIssues)
			b.SubjectCount = breach.About(30_000) // placeholder: documents, not people
			b.Recipients = breach.UnknownRecipients
			b.Backup = breach.NoBackup
			return b
		}, outcome{breach.HighRisk, true, breach.DirectCommunication},
			[]compliance.Code{breach.CodeDataLost, breach.CodeSpecialCategories, breach.CodeIdentityTheftWide}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b()
			require.NoError(t, b.Validate())
			a, err := breach.Assess(b, no, b.Aware.Add(time.Hour))
			require.NoError(t, err)
			checkOutcome(t, a, tt.want)
			for _, c := range tt.codes {
				_, ok := finding(a.Findings, c)
				assert.True(t, ok, "finding %s; have %v", c, codesOf(a.Findings))
			}
		})
	}
}
