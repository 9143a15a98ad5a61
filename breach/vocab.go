package breach

import (
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/enum"
)

// Reporter says who reported the incident to the kommune. The zero value is
// unset.
type Reporter uint8

// Reporters.

// ReportedByStaff: one of the kommune's own employees.
const ReportedByStaff Reporter = 1

// ReportedByCitizen: a citizen, often the recipient of a misdirected
// letter or the person the data are about.
const ReportedByCitizen Reporter = 2

// ReportedByProcessor: a data processor, under Art 33(2) GDPR; the
// processor is named by [Breach.Processor].
const ReportedByProcessor Reporter = 3

// ReportedByOther: anyone else — another authority, a partner, the
// press, a security researcher.
const ReportedByOther Reporter = 4

var reporters = enum.New[Reporter]("reporter", "breach.reporter", compliance.UnknownCode,
	"staff", "citizen", "processor", "other")

// ParseReporter returns the Reporter with the given code.
func ParseReporter(s string) (Reporter, error) { return reporters.Parse(s) }

// AllReporters yields every Reporter.
func AllReporters() iter.Seq[Reporter] { return reporters.All() }

// String returns the stable code.
func (r Reporter) String() string { return reporters.String(r) }

// Key returns the i18n message key.
func (r Reporter) Key() string { return reporters.Key(r) }

// Valid reports whether r is a known Reporter.
func (r Reporter) Valid() bool { return reporters.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r Reporter) MarshalText() ([]byte, error) { return reporters.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Reporter) UnmarshalText(b []byte) error { return reporters.UnmarshalText(r, b) }

// Cause is what caused the incident, in the categories the EDPB's examples
// and the Danish and Norwegian registers use (EDPB Guidelines 01/2021, table
// of contents: ransomware, data exfiltration, internal human risk source,
// lost or stolen devices and paper documents, mispostal, social engineering).
// The zero value is unset.
type Cause uint8

// Causes. Codes are API: add new ones at the end.

// MisdirectedMail: a letter or parcel sent to the wrong recipient,
// including two letters in one envelope (EDPB 01/2021 cases 13–16).
const MisdirectedMail Cause = 1

// MisdirectedEmail: an e-mail or digital-post message sent to the wrong
// recipient, or with an open distribution list.
const MisdirectedEmail Cause = 2

// LostDevice: a lost laptop, phone, USB stick or other data carrier.
const LostDevice Cause = 3

// StolenDevice: a stolen data carrier.
const StolenDevice Cause = 4

// LostPaper: lost or stolen paper documents.
const LostPaper Cause = 5

// Ransomware: data encrypted (and possibly exfiltrated) by malware that
// demands a ransom (EDPB 01/2021 cases 01–04).
const Ransomware Cause = 6

// Hacking: intrusion and data exfiltration by an outside attacker
// (EDPB 01/2021 cases 05–07).
const Hacking Cause = 7

// Insider: an employee who accessed or disclosed data without a
// business need (EDPB 01/2021 cases 08–09: internal human risk source).
const Insider Cause = 8

// SocialEngineering: phishing, a false identity or another deception
// (EDPB 01/2021 cases 17–18).
const SocialEngineering Cause = 9

// PublicationError: data published by mistake, on a website, a staff
// portal or in a public record.
const PublicationError Cause = 10

// SystemError: a software or configuration error that gave access to or
// altered data.
const SystemError Cause = 11

// ImproperDisposal: data carriers or paper disposed of without secure
// deletion or shredding.
const ImproperDisposal Cause = 12

// OralDisclosure: data disclosed orally, on the telephone or in person.
const OralDisclosure Cause = 13

// OtherCause: anything else.
const OtherCause Cause = 14

var causes = enum.New[Cause]("cause", "breach.cause", compliance.UnknownCode,
	"misdirected-mail", "misdirected-email", "lost-device", "stolen-device", "lost-paper",
	"ransomware", "hacking", "insider", "social-engineering", "publication-error",
	"system-error", "improper-disposal", "oral-disclosure", "other")

// ParseCause returns the Cause with the given code.
func ParseCause(s string) (Cause, error) { return causes.Parse(s) }

// AllCauses yields every Cause.
func AllCauses() iter.Seq[Cause] { return causes.All() }

// String returns the stable code.
func (c Cause) String() string { return causes.String(c) }

// Key returns the i18n message key.
func (c Cause) Key() string { return causes.Key(c) }

// Valid reports whether c is a known Cause.
func (c Cause) Valid() bool { return causes.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Cause) MarshalText() ([]byte, error) { return causes.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Cause) UnmarshalText(b []byte) error { return causes.UnmarshalText(c, b) }

// Encryption is the state of the protection of the data affected (Art
// 34(3)(a) GDPR). The zero value is unknown.
type Encryption uint8

// Encryption states.

// NotEncrypted: the data were readable.
const NotEncrypted Encryption = 1

// Encrypted: encrypted with a state-of-the-art algorithm, and the key
// was not compromised in the breach (WP250 rev.01, section III.B; EDPB
// 01/2021 case 01). The data are unintelligible to the recipient.
const Encrypted Encryption = 2

// KeyCompromised: encrypted, but the key was compromised too (or the
// algorithm is not state of the art), so the encryption does not
// protect the data.
const KeyCompromised Encryption = 3

var encryptions = enum.New[Encryption]("encryption", "breach.encryption", compliance.UnknownCode,
	"none", "state-of-the-art", "key-compromised")

// ParseEncryption returns the Encryption with the given code.
func ParseEncryption(s string) (Encryption, error) { return encryptions.Parse(s) }

// AllEncryptions yields every Encryption.
func AllEncryptions() iter.Seq[Encryption] { return encryptions.All() }

// String returns the stable code.
func (e Encryption) String() string { return encryptions.String(e) }

// Key returns the i18n message key.
func (e Encryption) Key() string { return encryptions.Key(e) }

// Valid reports whether e is a known Encryption.
func (e Encryption) Valid() bool { return encryptions.Valid(e) }

// MarshalText implements [encoding.TextMarshaler].
func (e Encryption) MarshalText() ([]byte, error) { return encryptions.MarshalText(e) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *Encryption) UnmarshalText(b []byte) error { return encryptions.UnmarshalText(e, b) }

// Backup says whether the data lost or altered can be restored. The zero
// value is unknown.
type Backup uint8

// Backup states.

// NoBackup: there is no usable backup; the data cannot be restored by
// the kommune.
const NoBackup Backup = 1

// PartialBackup: some of the data can be restored.
const PartialBackup Backup = 2

// FullBackup: a backup of all the data affected exists (EDPB 01/2021
// case 01: "backup readily available").
const FullBackup Backup = 3

var backups = enum.New[Backup]("backup", "breach.backup", compliance.UnknownCode,
	"none", "partial", "full")

// ParseBackup returns the Backup with the given code.
func ParseBackup(s string) (Backup, error) { return backups.Parse(s) }

// AllBackups yields every Backup.
func AllBackups() iter.Seq[Backup] { return backups.All() }

// String returns the stable code.
func (b Backup) String() string { return backups.String(b) }

// Key returns the i18n message key.
func (b Backup) Key() string { return backups.Key(b) }

// Valid reports whether b is a known Backup.
func (b Backup) Valid() bool { return backups.Valid(b) }

// MarshalText implements [encoding.TextMarshaler].
func (b Backup) MarshalText() ([]byte, error) { return backups.MarshalText(b) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (b *Backup) UnmarshalText(t []byte) error { return backups.UnmarshalText(b, t) }

// Recipients says who received or could reach the data in a breach of
// confidentiality. The zero value is unknown.
type Recipients uint8

// Recipients.

// NoRecipient: nobody outside those authorised received or accessed the
// data (typical of availability and integrity breaches).
const NoRecipient Recipients = 1

// NoEvidence: the data were exposed — a lost device, an open folder —
// but there is no evidence that anyone accessed them (ENISA 2013: a
// loss of confidentiality "without evidence of illegal processing").
const NoEvidence Recipients = 2

// TrustedRecipient: one known recipient, bound by confidentiality or
// professional secrecy, who has confirmed in writing that the data are
// deleted or returned (EDPB 01/2021 case 09).
const TrustedRecipient Recipients = 3

// KnownRecipients: a known and limited set of recipients, such as the
// wrong citizen who received a letter (EDPB 01/2021 cases 13 and 16).
const KnownRecipients Recipients = 4

// UnknownRecipients: an unknown number of recipients, such as data
// exfiltrated by an attacker.
const UnknownRecipients Recipients = 5

// Public: the data were published, for example on the internet.
const Public Recipients = 6

var recipientsTable = enum.New[Recipients]("recipients", "breach.recipients", compliance.UnknownCode,
	"none", "no-evidence", "trusted", "known", "unknown", "public")

// ParseRecipients returns the Recipients with the given code.
func ParseRecipients(s string) (Recipients, error) { return recipientsTable.Parse(s) }

// AllRecipients yields every Recipients value.
func AllRecipients() iter.Seq[Recipients] { return recipientsTable.All() }

// String returns the stable code.
func (r Recipients) String() string { return recipientsTable.String(r) }

// Key returns the i18n message key.
func (r Recipients) Key() string { return recipientsTable.Key(r) }

// Valid reports whether r is a known Recipients value.
func (r Recipients) Valid() bool { return recipientsTable.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r Recipients) MarshalText() ([]byte, error) { return recipientsTable.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Recipients) UnmarshalText(b []byte) error { return recipientsTable.UnmarshalText(r, b) }

// Impact is the effect that the loss of availability or integrity had on the
// data subjects: whether services they depend on were delayed. It separates
// EDPB 01/2021 case 01 (restored within hours, no effect on anyone: no
// notification) from case 03 (restoring took days and treatments were
// delayed: high risk). The zero value is not assessed.
type Impact uint8

// Impacts.

// NoImpact: nobody was affected by the outage or the alteration.
const NoImpact Impact = 1

// MinorImpact: inconveniences the data subjects overcome without
// difficulty (a short delay in a service).
const MinorImpact Impact = 2

// SignificantImpact: care, treatment, payments, teaching or another
// service the data subjects depend on was delayed or missed.
const SignificantImpact Impact = 3

var impacts = enum.New[Impact]("impact", "breach.impact", compliance.UnknownCode,
	"none", "minor", "significant")

// ParseImpact returns the Impact with the given code.
func ParseImpact(s string) (Impact, error) { return impacts.Parse(s) }

// AllImpacts yields every Impact.
func AllImpacts() iter.Seq[Impact] { return impacts.All() }

// String returns the stable code.
func (i Impact) String() string { return impacts.String(i) }

// Key returns the i18n message key.
func (i Impact) Key() string { return impacts.Key(i) }

// Valid reports whether i is a known Impact.
func (i Impact) Valid() bool { return impacts.Valid(i) }

// MarshalText implements [encoding.TextMarshaler].
func (i Impact) MarshalText() ([]byte, error) { return impacts.MarshalText(i) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (i *Impact) UnmarshalText(b []byte) error { return impacts.UnmarshalText(i, b) }

// Classification says whether an incident in the register is a personal
// data breach (Art 4(12) GDPR). The zero value is not yet classified: the
// rules then treat the incident as a breach, the cautious reading.
type Classification uint8

// Classifications.

// PersonalDataBreach: a breach of security leading to the accidental or
// unlawful destruction, loss, alteration, unauthorised disclosure of, or
// access to, personal data (Art 4(12)).
const PersonalDataBreach Classification = 1

// NotABreach: the incident was registered and assessed, and is not a
// personal data breach (no personal data, or no breach of security). It
// stays in the register as documentation.
const NotABreach Classification = 2

var classifications = enum.New[Classification]("classification", "breach.classification", compliance.UnknownCode,
	"personal-data-breach", "not-a-breach")

// ParseClassification returns the Classification with the given code.
func ParseClassification(s string) (Classification, error) { return classifications.Parse(s) }

// AllClassifications yields every Classification.
func AllClassifications() iter.Seq[Classification] { return classifications.All() }

// String returns the stable code.
func (c Classification) String() string { return classifications.String(c) }

// Key returns the i18n message key.
func (c Classification) Key() string { return classifications.Key(c) }

// Valid reports whether c is a known Classification.
func (c Classification) Valid() bool { return classifications.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Classification) MarshalText() ([]byte, error) { return classifications.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Classification) UnmarshalText(b []byte) error { return classifications.UnmarshalText(c, b) }

// Phase is the place of a notification to Datatilsynet in a phased
// notification (Art 33(4) GDPR). The zero value is unset.
type Phase uint8

// Phases.

// Initial is the first notification.
const Initial Phase = 1

// FollowUp supplies information that was not available at first.
const FollowUp Phase = 2

// Final closes the notification: all the Art 33(3) information is given.
const Final Phase = 3

var phases = enum.New[Phase]("phase", "breach.phase", compliance.UnknownCode,
	"initial", "follow-up", "final")

// ParsePhase returns the Phase with the given code.
func ParsePhase(s string) (Phase, error) { return phases.Parse(s) }

// AllPhases yields every Phase.
func AllPhases() iter.Seq[Phase] { return phases.All() }

// String returns the stable code.
func (p Phase) String() string { return phases.String(p) }

// Key returns the i18n message key.
func (p Phase) Key() string { return phases.Key(p) }

// Valid reports whether p is a known Phase.
func (p Phase) Valid() bool { return phases.Valid(p) }

// MarshalText implements [encoding.TextMarshaler].
func (p Phase) MarshalText() ([]byte, error) { return phases.MarshalText(p) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (p *Phase) UnmarshalText(b []byte) error { return phases.UnmarshalText(p, b) }

// Channel is how the breach was communicated to the data subjects (Art 34
// GDPR). WP250 rev.01 section III.C asks for a dedicated message — e-mail,
// SMS, a direct message, a letter — and accepts a public communication only
// under Art 34(3)(c). The zero value is unset.
type Channel uint8

// Channels.

// Letter: a letter by post.
const Letter Channel = 1

// DigitalPost: the public digital mailbox (Digital Post / e-Boks in
// Denmark, Digipost or eBoks through the public mailbox service in
// Norway).
const DigitalPost Channel = 2

// Email: an e-mail.
const Email Channel = 3

// SMS: a text message.
const SMS Channel = 4

// Phone: a telephone call.
const Phone Channel = 5

// InPerson: in person.
const InPerson Channel = 6

// PublicNotice: a public communication — a notice on the kommune's
// website, in the press — used when contacting each person would
// involve disproportionate effort (Art 34(3)(c)).
const PublicNotice Channel = 7

var channels = enum.New[Channel]("channel", "breach.channel", compliance.UnknownCode,
	"letter", "digital-post", "email", "sms", "phone", "in-person", "public")

// ParseChannel returns the Channel with the given code.
func ParseChannel(s string) (Channel, error) { return channels.Parse(s) }

// AllChannels yields every Channel.
func AllChannels() iter.Seq[Channel] { return channels.All() }

// String returns the stable code.
func (c Channel) String() string { return channels.String(c) }

// Key returns the i18n message key.
func (c Channel) Key() string { return channels.Key(c) }

// Valid reports whether c is a known Channel.
func (c Channel) Valid() bool { return channels.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Channel) MarshalText() ([]byte, error) { return channels.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Channel) UnmarshalText(b []byte) error { return channels.UnmarshalText(c, b) }

// Risk is the likely risk of a breach to the rights and freedoms of natural
// persons, the test of Art 33(1) and 34(1) GDPR. Risks are ordered:
// Unlikely < RiskPresent < HighRisk. The zero value is not assessed.
type Risk uint8

// Risks.

// Unlikely: the breach is unlikely to result in a risk (Art 33(1)):
// document it (Art 33(5)), no notification.
const Unlikely Risk = 1

// RiskPresent: the breach is likely to result in a risk: notify
// Datatilsynet (Art 33(1)).
const RiskPresent Risk = 2

// HighRisk: the breach is likely to result in a high risk: notify
// Datatilsynet and communicate it to the data subjects (Art 34(1)).
const HighRisk Risk = 3

var risks = enum.New[Risk]("risk", "breach.risk", compliance.UnknownCode,
	"unlikely", "risk", "high")

// ParseRisk returns the Risk with the given code.
func ParseRisk(s string) (Risk, error) { return risks.Parse(s) }

// AllRisks yields every Risk in increasing order.
func AllRisks() iter.Seq[Risk] { return risks.All() }

// String returns the stable code.
func (r Risk) String() string { return risks.String(r) }

// Key returns the i18n message key.
func (r Risk) Key() string { return risks.Key(r) }

// Valid reports whether r is a known Risk.
func (r Risk) Valid() bool { return risks.Valid(r) }

// MarshalText implements [encoding.TextMarshaler].
func (r Risk) MarshalText() ([]byte, error) { return risks.MarshalText(r) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Risk) UnmarshalText(b []byte) error { return risks.UnmarshalText(r, b) }

// Exemption is the condition of Art 34(3) GDPR under which the breach need
// not be communicated to each data subject. The zero value is none.
type Exemption uint8

// Exemptions.

// Unintelligible: Art 34(3)(a), the data were rendered unintelligible
// to anyone not authorised, such as by state-of-the-art encryption with
// an uncompromised key.
const Unintelligible Exemption = 1

// Averted: Art 34(3)(b), subsequent measures ensure that the high risk
// is no longer likely to materialise.
const Averted Exemption = 2

// Disproportionate: Art 34(3)(c), contacting each person would involve
// disproportionate effort; a public communication (or an equally
// effective measure) is made instead.
const Disproportionate Exemption = 3

// Withheld: national law restricts Art 34 (Art 23 GDPR) on the ground
// recorded in [RiskFactors.Withheld] — in Denmark
// databeskyttelsesloven § 22.
const Withheld Exemption = 4

var exemptions = enum.New[Exemption]("exemption", "breach.exemption", compliance.UnknownCode,
	"unintelligible", "averted", "disproportionate", "withheld")

// ParseExemption returns the Exemption with the given code.
func ParseExemption(s string) (Exemption, error) { return exemptions.Parse(s) }

// AllExemptions yields every Exemption.
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

// Ref returns the point of Art 34(3) that states the exemption.
func (e Exemption) Ref() compliance.Ref {
	switch e {
	case Unintelligible:
		return refArt34_3a
	case Averted:
		return refArt34_3b
	case Disproportionate:
		return refArt34_3c
	case Withheld:
		return refArt23
	}
	return compliance.Ref{}
}

// Communication is how the data subjects are to be told of the breach. The
// zero value is not decided.
type Communication uint8

// Communications.

// NoCommunication: the data subjects need not be told (no likely high
// risk, or an exemption of Art 34(3)(a) or (b)).
const NoCommunication Communication = 1

// DirectCommunication: each data subject is told directly, in clear and
// plain language (Art 34(1) and (2)).
const DirectCommunication Communication = 2

// PublicCommunication: a public communication instead, because
// contacting each person would involve disproportionate effort (Art
// 34(3)(c)).
const PublicCommunication Communication = 3

var communications = enum.New[Communication]("communication", "breach.communication", compliance.UnknownCode,
	"none", "direct", "public")

// ParseCommunication returns the Communication with the given code.
func ParseCommunication(s string) (Communication, error) { return communications.Parse(s) }

// AllCommunications yields every Communication.
func AllCommunications() iter.Seq[Communication] { return communications.All() }

// String returns the stable code.
func (c Communication) String() string { return communications.String(c) }

// Key returns the i18n message key.
func (c Communication) Key() string { return communications.Key(c) }

// Valid reports whether c is a known Communication.
func (c Communication) Valid() bool { return communications.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Communication) MarshalText() ([]byte, error) { return communications.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Communication) UnmarshalText(b []byte) error { return communications.UnmarshalText(c, b) }

// Status is where the notification to Datatilsynet stands at an instant.
// The zero value is not assessed.
type Status uint8

// Statuses.

// NotRequired: the breach is unlikely to result in a risk, or is not a
// personal data breach, and nothing has been notified.
const NotRequired Status = 1

// Pending: notification is required, has not been made, and the 72
// hours have not run out.
const Pending Status = 2

// Overdue: notification is required, has not been made, and the 72
// hours have run out.
const Overdue Status = 3

// OnTime: notified within 72 hours of awareness.
const OnTime Status = 4

// Late: notified after the 72 hours (Art 33(1), second sentence:
// reasons for the delay are required).
const Late Status = 5

// AwaitingAwareness: the instant of awareness is not recorded, so the
// clock cannot be placed.
const AwaitingAwareness Status = 6

var statuses = enum.New[Status]("status", "breach.status", compliance.UnknownCode,
	"not-required", "pending", "overdue", "on-time", "late", "awaiting-awareness")

// ParseStatus returns the Status with the given code.
func ParseStatus(s string) (Status, error) { return statuses.Parse(s) }

// AllStatuses yields every Status.
func AllStatuses() iter.Seq[Status] { return statuses.All() }

// String returns the stable code.
func (s Status) String() string { return statuses.String(s) }

// Key returns the i18n message key.
func (s Status) Key() string { return statuses.Key(s) }

// Valid reports whether s is a known Status.
func (s Status) Valid() bool { return statuses.Valid(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) { return statuses.MarshalText(s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(b []byte) error { return statuses.UnmarshalText(s, b) }

// Duty is an obligation that a breach places on the kommune, listed by
// [Register.Due]. The zero value is unset.
type Duty uint8

// Duties.

// DutyNotify: notify Datatilsynet (Art 33(1)).
const DutyNotify Duty = 1

// DutyDelayReasons: record the reasons why the notification came after
// 72 hours (Art 33(1), second sentence).
const DutyDelayReasons Duty = 2

// DutyFollowUp: send Datatilsynet the information the first
// notification lacked, without undue further delay (Art 33(4)).
const DutyFollowUp Duty = 3

// DutyCommunicate: tell the data subjects without undue delay (Art
// 34(1)), or make the public communication (Art 34(3)(c)).
const DutyCommunicate Duty = 4

var duties = enum.New[Duty]("duty", "breach.duty", compliance.UnknownCode,
	"notify-authority", "give-delay-reasons", "follow-up", "communicate-subjects")

// ParseDuty returns the Duty with the given code.
func ParseDuty(s string) (Duty, error) { return duties.Parse(s) }

// AllDuties yields every Duty.
func AllDuties() iter.Seq[Duty] { return duties.All() }

// String returns the stable code.
func (d Duty) String() string { return duties.String(d) }

// Key returns the i18n message key.
func (d Duty) Key() string { return duties.Key(d) }

// Valid reports whether d is a known Duty.
func (d Duty) Valid() bool { return duties.Valid(d) }

// MarshalText implements [encoding.TextMarshaler].
func (d Duty) MarshalText() ([]byte, error) { return duties.MarshalText(d) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Duty) UnmarshalText(b []byte) error { return duties.UnmarshalText(d, b) }

// Dimension is one of the three kinds of personal data breach (WP250
// rev.01, section I.B.2): a breach may be of one, two or all three.
type Dimension uint8

// Dimensions.

// Confidentiality: an unauthorised or accidental disclosure of, or
// access to, personal data.
const Confidentiality Dimension = 1

// Integrity: an unauthorised or accidental alteration of personal data.
const Integrity Dimension = 2

// Availability: an accidental or unauthorised loss of access to, or
// destruction of, personal data.
const Availability Dimension = 3

var dimensions = enum.New[Dimension]("dimension", "breach.dimension", compliance.UnknownCode,
	"confidentiality", "integrity", "availability")

// ParseDimension returns the Dimension with the given code.
func ParseDimension(s string) (Dimension, error) { return dimensions.Parse(s) }

// AllDimensions yields every Dimension.
func AllDimensions() iter.Seq[Dimension] { return dimensions.All() }

// String returns the stable code.
func (d Dimension) String() string { return dimensions.String(d) }

// Key returns the i18n message key.
func (d Dimension) Key() string { return dimensions.Key(d) }

// Valid reports whether d is a known Dimension.
func (d Dimension) Valid() bool { return dimensions.Valid(d) }

// MarshalText implements [encoding.TextMarshaler].
func (d Dimension) MarshalText() ([]byte, error) { return dimensions.MarshalText(d) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Dimension) UnmarshalText(b []byte) error { return dimensions.UnmarshalText(d, b) }
