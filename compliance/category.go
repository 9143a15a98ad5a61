package compliance

import (
	"iter"
	"math/bits"

	"github.com/tillid/tillid/internal/enum"
)

// Class is the protection class of a [DataCategory]: how strictly the law
// guards it.
type Class uint8

// Classes, in increasing order of protection.

// Ordinary personal data (Art 6 GDPR).
const Ordinary Class = 1

// Confidential ("fortrolige oplysninger"): data about purely private
// matters that Danish practice protects above ordinary data although
// Art 9 does not list them — national identity numbers, finances, social
// problems, family relations (forvaltningsloven § 27, straffeloven § 152;
// Datatilsynet DK's guidance on security measures treats them as needing
// encryption in transit). Norwegian practice has the same notion through
// taushetsplikt (forvaltningsloven § 13).
const Confidential Class = 2

// Special categories of personal data (Art 9(1) GDPR).
const Special Class = 3

// Personal data relating to criminal convictions and offences (Art 10
// GDPR).
const Criminal Class = 4

var classes = enum.New[Class]("class", "compliance.class", UnknownCode,
	"ordinary", "confidential", "special", "criminal")

// ParseClass returns the Class with the given code.
func ParseClass(s string) (Class, error) { return classes.Parse(s) }

// AllClasses yields every Class in increasing order of protection.
func AllClasses() iter.Seq[Class] { return classes.All() }

// String returns the stable code.
func (c Class) String() string { return classes.String(c) }

// Key returns the i18n message key.
func (c Class) Key() string { return classes.Key(c) }

// Valid reports whether c is a known Class.
func (c Class) Valid() bool { return classes.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Class) MarshalText() ([]byte, error) { return classes.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Class) UnmarshalText(b []byte) error { return classes.UnmarshalText(c, b) }

// Ref returns the provision that defines the class.
func (c Class) Ref() Ref {
	switch c {
	case Special:
		return GDPR(9, 1, "")
	case Criminal:
		return GDPR(10, 0, "")
	}
	return GDPR(6, 1, "")
}

// DataCategory is a category of personal data as a kommune's records of
// processing name them (Art 30(1)(c) GDPR). The set is closed so that rules
// can reason about it; every category has a [Class]. The zero value is
// invalid.
type DataCategory uint8

// Data categories. The numeric values are internal (they index
// [DataCategories]); the text codes are the stable form.

// Ordinary.
const Identity DataCategory = 1 // name, date of birth, sex

const Contact DataCategory = 2           // address, phone, e-mail
const OnlineIdentifiers DataCategory = 3 // user names, IP addresses, device IDs (Recital 30)
const Location DataCategory = 4          // location data
const Images DataCategory = 5            // photographs, video and sound (not processed as biometric data)
const Employment DataCategory = 6        // position, pay grade, working hours, absence dates
const Education DataCategory = 7         // school, class, grades, learning and well-being assessments
const Housing DataCategory = 8           // housing and property
const CaseData DataCategory = 9          // the content of a case not otherwise classified
const Communication DataCategory = 10    // content of letters, e-mails and messages
const UsageData DataCategory = 11        // behaviour and use of services (logs, preferences)

// Confidential.
const NationalID DataCategory = 12 // CPR number or fødselsnummer (DK databeskyttelsesloven § 11; NO personopplysningsloven § 12)

const Financial DataCategory = 13    // income, debts, benefits, bank details, tax
const SocialIssues DataCategory = 14 // social problems and social services (children and adults)
const Family DataCategory = 15       // family relations and other purely private matters

// Special categories, Art 9(1).
const EthnicOrigin DataCategory = 16 // racial or ethnic origin

const PoliticalOpinion DataCategory = 17 // political opinions
const Religion DataCategory = 18         // religious or philosophical beliefs
const TradeUnion DataCategory = 19       // trade union membership
const Genetic DataCategory = 20          // genetic data
const Biometric DataCategory = 21        // biometric data for the purpose of uniquely identifying a person
const Health DataCategory = 22           // data concerning health
const SexLife DataCategory = 23          // sex life or sexual orientation

// Art 10.
const CriminalOffences DataCategory = 24 // criminal convictions and offences or related security measures

var dataCategories = enum.New[DataCategory]("data-category", "compliance.data-category", UnknownCode,
	"identity", "contact", "online-identifiers", "location", "images", "employment",
	"education", "housing", "case-data", "communication", "usage-data",
	"national-id", "financial", "social-issues", "family",
	"ethnic-origin", "political-opinion", "religion", "trade-union", "genetic",
	"biometric", "health", "sex-life",
	"criminal-offences")

// ParseDataCategory returns the DataCategory with the given code.
func ParseDataCategory(s string) (DataCategory, error) { return dataCategories.Parse(s) }

// AllDataCategories yields every DataCategory.
func AllDataCategories() iter.Seq[DataCategory] { return dataCategories.All() }

// String returns the stable code.
func (c DataCategory) String() string { return dataCategories.String(c) }

// Key returns the i18n message key.
func (c DataCategory) Key() string { return dataCategories.Key(c) }

// Valid reports whether c is a known DataCategory.
func (c DataCategory) Valid() bool { return dataCategories.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c DataCategory) MarshalText() ([]byte, error) { return dataCategories.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *DataCategory) UnmarshalText(b []byte) error { return dataCategories.UnmarshalText(c, b) }

// Class returns the category's protection class.
func (c DataCategory) Class() Class {
	switch {
	case !c.Valid():
		return 0
	case c >= CriminalOffences:
		return Criminal
	case c >= EthnicOrigin:
		return Special
	case c >= NationalID:
		return Confidential
	}
	return Ordinary
}

// Sensitive reports whether the category is confidential, special or
// criminal: the classes that need more than ordinary protection.
func (c DataCategory) Sensitive() bool { return c.Class() >= Confidential }

// DataCategories is a set of data categories, as a bit set: comparing and
// combining sets never allocates. The zero value is the empty set.
type DataCategories uint64

// CategoriesOf returns the set holding cs; invalid categories are ignored.
func CategoriesOf(cs ...DataCategory) DataCategories {
	var s DataCategories
	for _, c := range cs {
		s = s.With(c)
	}
	return s
}

// With returns s plus c (s itself when c is invalid).
func (s DataCategories) With(c DataCategory) DataCategories {
	if !c.Valid() {
		return s
	}
	return s | 1<<c
}

// Has reports whether c is in s.
func (s DataCategories) Has(c DataCategory) bool { return c.Valid() && s&(1<<c) != 0 }

// Covers reports whether every category of t is in s.
func (s DataCategories) Covers(t DataCategories) bool { return t&^s == 0 }

// Minus returns the categories of s that are not in t.
func (s DataCategories) Minus(t DataCategories) DataCategories { return s &^ t }

// Len returns the number of categories in s.
func (s DataCategories) Len() int { return bits.OnesCount64(uint64(s)) }

// All yields the categories of s in order.
func (s DataCategories) All() iter.Seq[DataCategory] { return enum.Bits[DataCategory](uint64(s)) }

// Max returns the highest class among the categories of s, or 0 for the
// empty set.
func (s DataCategories) Max() Class {
	var m Class
	for c := range s.All() {
		m = max(m, c.Class())
	}
	return m
}

// SubjectCategory is a category of data subjects (Art 30(1)(c) GDPR) as a
// kommune's records name them. Some are vulnerable in the sense of WP248
// rev.01 criterion 7 (children, employees, patients, the elderly, the mentally
// ill, asylum seekers and others where the relationship with the controller
// is imbalanced). The zero value is invalid.
type SubjectCategory uint8

// Subject categories.

const Citizens SubjectCategory = 1          // citizens in general (borgere / innbyggere)
const Children SubjectCategory = 2          // children under 18
const Pupils SubjectCategory = 3            // pupils in primary and lower-secondary school
const Parents SubjectCategory = 4           // parents and holders of parental responsibility
const Relatives SubjectCategory = 5         // next of kin (pårørende)
const Patients SubjectCategory = 6          // patients and users of health services
const Elderly SubjectCategory = 7           // elderly people receiving care
const Disabled SubjectCategory = 8          // people with disabilities
const SocialClients SubjectCategory = 9     // recipients of social services
const JobSeekers SubjectCategory = 10       // unemployed people and recipients of benefits
const Refugees SubjectCategory = 11         // refugees, asylum seekers and newly arrived immigrants
const Employees SubjectCategory = 12        // the kommune's own staff
const Applicants SubjectCategory = 13       // job applicants
const ElectedMembers SubjectCategory = 14   // members of the municipal council and committees
const BusinessContacts SubjectCategory = 15 // contact persons at suppliers and partners

var subjectCategories = enum.New[SubjectCategory]("subject-category", "compliance.subject-category", UnknownCode,
	"citizens", "children", "pupils", "parents", "relatives", "patients", "elderly",
	"disabled", "social-clients", "job-seekers", "refugees", "employees", "applicants",
	"elected-members", "business-contacts")

// ParseSubjectCategory returns the SubjectCategory with the given code.
func ParseSubjectCategory(s string) (SubjectCategory, error) { return subjectCategories.Parse(s) }

// AllSubjectCategories yields every SubjectCategory.
func AllSubjectCategories() iter.Seq[SubjectCategory] { return subjectCategories.All() }

// String returns the stable code.
func (c SubjectCategory) String() string { return subjectCategories.String(c) }

// Key returns the i18n message key.
func (c SubjectCategory) Key() string { return subjectCategories.Key(c) }

// Valid reports whether c is a known SubjectCategory.
func (c SubjectCategory) Valid() bool { return subjectCategories.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c SubjectCategory) MarshalText() ([]byte, error) { return subjectCategories.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *SubjectCategory) UnmarshalText(b []byte) error {
	return subjectCategories.UnmarshalText(c, b)
}

// Vulnerable reports whether the category is vulnerable in the sense of
// WP248 rev.01, section III.B, criterion 7: children (and pupils), employees
// and applicants, patients, the elderly, people with disabilities, asylum
// seekers and refugees, and recipients of social services or benefits, whose
// relationship with the kommune is one of dependence. Citizens in general,
// parents, relatives, elected members and business contacts are not.
func (c SubjectCategory) Vulnerable() bool {
	switch c {
	case Children, Pupils, Patients, Elderly, Disabled, SocialClients, JobSeekers,
		Refugees, Employees, Applicants:
		return true
	}
	return false
}

// Child reports whether the category consists of children (Art 8 and
// Recital 38 GDPR).
func (c SubjectCategory) Child() bool { return c == Children || c == Pupils }

// SubjectCategories is a set of subject categories, as a bit set. The zero
// value is the empty set.
type SubjectCategories uint32

// SubjectsOf returns the set holding cs; invalid categories are ignored.
func SubjectsOf(cs ...SubjectCategory) SubjectCategories {
	var s SubjectCategories
	for _, c := range cs {
		s = s.With(c)
	}
	return s
}

// With returns s plus c (s itself when c is invalid).
func (s SubjectCategories) With(c SubjectCategory) SubjectCategories {
	if !c.Valid() {
		return s
	}
	return s | 1<<c
}

// Has reports whether c is in s.
func (s SubjectCategories) Has(c SubjectCategory) bool { return c.Valid() && s&(1<<c) != 0 }

// Covers reports whether every category of t is in s.
func (s SubjectCategories) Covers(t SubjectCategories) bool { return t&^s == 0 }

// Minus returns the categories of s that are not in t.
func (s SubjectCategories) Minus(t SubjectCategories) SubjectCategories { return s &^ t }

// Len returns the number of categories in s.
func (s SubjectCategories) Len() int { return bits.OnesCount32(uint32(s)) }

// All yields the categories of s in order.
func (s SubjectCategories) All() iter.Seq[SubjectCategory] {
	return enum.Bits[SubjectCategory](uint64(s))
}

// Vulnerable reports whether any category of s is vulnerable.
func (s SubjectCategories) Vulnerable() bool {
	for c := range s.All() {
		if c.Vulnerable() {
			return true
		}
	}
	return false
}

// MarshalJSON writes the set as a JSON array of category codes, in order.
func (s DataCategories) MarshalJSON() ([]byte, error) { return enum.MarshalSet(s.All()) }

// UnmarshalJSON reads a JSON array of category codes; an unknown code is an
// error naming the accepted set.
func (s *DataCategories) UnmarshalJSON(b []byte) error {
	var x DataCategories
	err := enum.UnmarshalSet(b, &FieldError{Reason: ReasonFormat}, func(code string) error {
		c, err := ParseDataCategory(code)
		x = x.With(c)
		return err
	})
	if err == nil {
		*s = x
	}
	return err
}

// MarshalJSON writes the set as a JSON array of category codes, in order.
func (s SubjectCategories) MarshalJSON() ([]byte, error) { return enum.MarshalSet(s.All()) }

// UnmarshalJSON reads a JSON array of category codes; an unknown code is an
// error naming the accepted set.
func (s *SubjectCategories) UnmarshalJSON(b []byte) error {
	var x SubjectCategories
	err := enum.UnmarshalSet(b, &FieldError{Reason: ReasonFormat}, func(code string) error {
		c, err := ParseSubjectCategory(code)
		x = x.With(c)
		return err
	})
	if err == nil {
		*s = x
	}
	return err
}

// PlainData returns the categories of s as one [ArgNames] argument whose
// names are said as a citizen would say them ("dit navn, dit CPR-nummer og
// oplysninger om dit helbred") instead of the register's legal labels: a
// letter or a notice to the data subject must be in clear and plain
// language (Art 12(1), Art 34(2)). The national identification number is
// named after jurisdiction j of the data — CPR-nummer in Denmark,
// fødselsnummer in Norway — in every language. The message keys are
// "compliance.plain.<category>" (and ".dk" or ".no" for [NationalID]).
func PlainData(s DataCategories, j Jurisdiction) Arg {
	a := Arg{Kind: ArgNames}
	for c := range s.All() {
		key := "compliance.plain." + c.String()
		if c == NationalID {
			key += "." + j.String()
		}
		a.Keys = append(a.Keys, key)
	}
	return a
}
