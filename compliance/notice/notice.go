package notice

import (
	"iter"
	"math/bits"
	"slices"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/internal/check"
	"github.com/tillid/tillid/internal/enum"
)

type noticeMark struct{}

// ID identifies a [Notice].
type ID = compliance.ID[noticeMark]

// ParseID parses the text form of an ID.
func ParseID(s string) (ID, error) { return compliance.ParseID[noticeMark](s) }

// Area is the area of the kommune's work a notice is for.
type Area uint8

// Areas.
const (
	Employees            Area = iota + 1 // staff and applicants (HR)
	SchoolChildcare                      // school, after-school care, kindergarten
	SocialServices                       // social services, employment, benefits
	HealthCare                           // health and care, elder care, home care
	TechnicalEnvironment                 // building, roads, environment, utilities
	CultureLeisure                       // libraries, culture, sports, leisure
	CitizenServices                      // citizen service, self-service, contact
	General                              // the kommune in general
)

var areas = enum.New[Area]("area", "notice.area", compliance.UnknownCode,
	"employees", "school-childcare", "social-services", "health-care", "technical-environment",
	"culture-leisure", "citizen-services", "general")

// ParseArea returns the Area with the given code.
func ParseArea(s string) (Area, error) { return areas.Parse(s) }

// AllAreas yields every Area.
func AllAreas() iter.Seq[Area] { return areas.All() }

// String returns the stable code.
func (a Area) String() string { return areas.String(a) }

// Key returns the i18n message key.
func (a Area) Key() string { return areas.Key(a) }

// Valid reports whether a is a known Area.
func (a Area) Valid() bool { return areas.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Area) MarshalText() ([]byte, error) { return areas.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Area) UnmarshalText(b []byte) error { return areas.UnmarshalText(a, b) }

// Item is an item of information Art 13 or 14 requires.
type Item uint8

// Items.
const (
	Identity            Item = iota + 1 // the controller's identity and contact details, 13(1)(a), 14(1)(a)
	DPOContact                          // the DPO's contact details, 13(1)(b), 14(1)(b)
	Purposes                            // the purposes and the legal basis, 13(1)(c), 14(1)(c)
	LegitimateInterests                 // the legitimate interests, 13(1)(d), 14(2)(b): only with Art 6(1)(f)
	Categories                          // the categories of data, 14(1)(d): only for data obtained from others
	Recipients                          // the recipients, 13(1)(e), 14(1)(e)
	Transfers                           // transfers to third countries and the safeguards, 13(1)(f), 14(1)(f)
	Retention                           // how long the data are kept, 13(2)(a), 14(2)(a)
	Rights                              // the rights of access, rectification, erasure, restriction, objection, portability, 13(2)(b), 14(2)(c)
	WithdrawConsent                     // the right to withdraw consent, 13(2)(c), 14(2)(d): only with consent
	Complaint                           // the right to complain to Datatilsynet, 13(2)(d), 14(2)(e)
	Requirement                         // whether providing the data is a statutory or contractual requirement and the consequences, 13(2)(e): only for data collected from the person
	Source                              // the source of the data, 14(2)(f): only for data obtained from others
	AutomatedDecisions                  // automated decision-making and its logic, 13(2)(f), 14(2)(g): only where it exists
)

var items = enum.New[Item]("item", "notice.item", compliance.UnknownCode,
	"identity", "dpo-contact", "purposes", "legitimate-interests", "categories", "recipients",
	"transfers", "retention", "rights", "withdraw-consent", "complaint", "requirement", "source",
	"automated-decisions")

// ParseItem returns the Item with the given code.
func ParseItem(s string) (Item, error) { return items.Parse(s) }

// AllItems yields every Item.
func AllItems() iter.Seq[Item] { return items.All() }

// String returns the stable code.
func (i Item) String() string { return items.String(i) }

// Key returns the i18n message key.
func (i Item) Key() string { return items.Key(i) }

// Valid reports whether i is a known Item.
func (i Item) Valid() bool { return items.Valid(i) }

// MarshalText implements [encoding.TextMarshaler].
func (i Item) MarshalText() ([]byte, error) { return items.MarshalText(i) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (i *Item) UnmarshalText(b []byte) error { return items.UnmarshalText(i, b) }

// Refs returns the provisions that require the item: Art 13 when the notice
// covers data collected from the person (direct), Art 14 when it covers data
// obtained from others (indirect).
func (i Item) Refs(direct, indirect bool) compliance.Refs {
	type loc struct {
		para  int
		point string
	}
	var a13, a14 loc
	switch i {
	case Identity:
		a13, a14 = loc{1, "a"}, loc{1, "a"}
	case DPOContact:
		a13, a14 = loc{1, "b"}, loc{1, "b"}
	case Purposes:
		a13, a14 = loc{1, "c"}, loc{1, "c"}
	case LegitimateInterests:
		a13, a14 = loc{1, "d"}, loc{2, "b"}
	case Categories:
		a14 = loc{1, "d"}
	case Recipients:
		a13, a14 = loc{1, "e"}, loc{1, "e"}
	case Transfers:
		a13, a14 = loc{1, "f"}, loc{1, "f"}
	case Retention:
		a13, a14 = loc{2, "a"}, loc{2, "a"}
	case Rights:
		a13, a14 = loc{2, "b"}, loc{2, "c"}
	case WithdrawConsent:
		a13, a14 = loc{2, "c"}, loc{2, "d"}
	case Complaint:
		a13, a14 = loc{2, "d"}, loc{2, "e"}
	case Requirement:
		a13 = loc{2, "e"}
	case Source:
		a14 = loc{2, "f"}
	case AutomatedDecisions:
		a13, a14 = loc{2, "f"}, loc{2, "g"}
	}
	var out [2]compliance.Ref
	n := 0
	if direct && a13.para != 0 {
		out[n] = compliance.GDPR(13, a13.para, a13.point)
		n++
	}
	if indirect && a14.para != 0 {
		out[n] = compliance.GDPR(14, a14.para, a14.point)
		n++
	}
	return compliance.RefsOf(out[:n]...)
}

// Items is a set of [Item]s.
type Items uint32

// ItemsOf returns the set of the given items.
func ItemsOf(is ...Item) Items {
	var s Items
	for _, i := range is {
		s = s.With(i)
	}
	return s
}

// With returns s with i added.
func (s Items) With(i Item) Items {
	if !i.Valid() {
		return s
	}
	return s | 1<<i
}

// Has reports whether s holds i.
func (s Items) Has(i Item) bool { return i.Valid() && s&(1<<i) != 0 }

// Len returns the number of items in s.
func (s Items) Len() int { return bits.OnesCount32(uint32(s)) }

// All yields the items of s in order.
func (s Items) All() iter.Seq[Item] { return enum.Bits[Item](uint64(s)) }

// MarshalJSON writes s as an array of codes.
func (s Items) MarshalJSON() ([]byte, error) { return enum.MarshalSet(s.All()) }

// UnmarshalJSON reads an array of codes; an unknown code is an error.
func (s *Items) UnmarshalJSON(b []byte) error {
	var out Items
	err := enum.UnmarshalSet(b, &compliance.FieldError{Reason: compliance.ReasonFormat}, func(code string) error {
		i, err := ParseItem(code)
		out = out.With(i)
		return err
	})
	if err == nil {
		*s = out
	}
	return err
}

// Limits.
const (
	MaxTitle      = 300
	MaxActivities = 1000
	MaxText       = 4000
)

// MaxNotices is the most notices [Register.Check] reads for one kommune. A
// kommune writes a notice per service area or per institution; even the
// largest, with a few hundred schools, day-care centres and care homes,
// needs some hundreds to a few thousand. 10,000 leaves room for that, and a
// store past it holds something other than one kommune's notices.
const MaxNotices = 10_000

// Notice is a privacy notice of the kommune.
type Notice struct {
	ID           ID                      `json:"id"`
	Version      uint64                  `json:"version"`
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	Area         Area                    `json:"area"`
	// Title is the notice's heading as published.
	Title string `json:"title"`
	// URL is where the notice is published.
	URL string `json:"url,omitempty"`
	// Direct reports that the notice covers data collected from the
	// citizen (Art 13); Indirect, data obtained from others (Art 14). At
	// least one is true.
	Direct   bool `json:"direct,omitempty"`
	Indirect bool `json:"indirect,omitempty"`
	// Automated reports that the covered processing includes automated
	// decisions under Art 22(1) and (4).
	Automated bool `json:"automated,omitempty"`
	// Contains is the checklist: the items the notice's text holds.
	Contains Items `json:"contains"`
	// Activities are the records of processing the notice describes.
	Activities []record.ActivityID `json:"activities"`
	// Sources names, for Art 14(2)(f), where data are obtained from, in
	// the kommune's words ("CPR-registeret", "Folkeregisteret", "skolen").
	Sources string `json:"sources,omitempty"`
	// Requirement says, for Art 13(2)(e), whether citizens must provide
	// the data and what happens if they do not, in the kommune's words.
	Requirement string `json:"requirement,omitempty"`
	// Revised is the day the notice's text was last revised.
	Revised compliance.Date `json:"revised"`
	Created time.Time       `json:"created,omitzero"`
	Updated time.Time       `json:"updated,omitzero"`
}

// Clone returns a deep copy of n.
func (n Notice) Clone() Notice {
	n.Activities = slices.Clone(n.Activities)
	return n
}

// Validate reports every problem of n by field.
func (n Notice) Validate() error {
	var v compliance.Validation
	v.Require("jurisdiction", n.Jurisdiction.Valid())
	v.Require("area", n.Area.Valid())
	check.Text(&v, "title", n.Title, MaxTitle, true, false)
	check.Text(&v, "url", n.URL, MaxTitle, false, false)
	if !n.Direct && !n.Indirect {
		v.Add("direct", compliance.ReasonRequired)
	}
	if len(n.Activities) > MaxActivities {
		v.Add("activities", compliance.ReasonLength)
	} else {
		seen := make(map[record.ActivityID]bool, len(n.Activities))
		for i, a := range n.Activities {
			switch {
			case a.IsZero():
				v.Add(check.Index("activities", i), compliance.ReasonRequired)
			case seen[a]:
				v.Add(check.Index("activities", i), compliance.ReasonDuplicate)
			}
			seen[a] = true
		}
	}
	check.Text(&v, "sources", n.Sources, MaxText, false, true)
	check.Text(&v, "requirement", n.Requirement, MaxText, false, true)
	v.Require("revised", !n.Revised.IsZero())
	v.Check("revised", compliance.CheckDate(n.Revised))
	return v.Err("notice")
}
