package compliance

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tillid/tillid/internal/enum"
)

// Text limits of records and requests. They bound what a host can store
// and render; no register needs more.
const (
	// MaxName is the longest name, contact detail or code, in bytes.
	MaxName = 300
	// MaxText is the longest description, in bytes.
	MaxText = 4000
)

// Validate reports whether a is well formed, naming every bad field by its
// JSON path in a [*ValidationError] for the entity "activity":
//
//   - role and status are required; controller.jurisdiction is required,
//     because it selects the national rules;
//   - every code is one of its vocabulary; lists of codes hold no
//     duplicates;
//   - texts are valid UTF-8 without control characters, within [MaxName]
//     (names, contact details, codes) or [MaxText] (descriptions, which may
//     hold line breaks);
//   - a named list element (a joint controller, a purpose, a recipient, a
//     transfer) has its name; a processor has an ID or a name;
//   - references are well formed ([Ref.Validate]), periods valid, dates
//     real dates;
//   - facts agree: the data of each purpose and each recipient are among
//     the activity's data; a CVR number belongs to a Danish party and an
//     organisasjonsnummer to a Norwegian one; a transfer goes to a country
//     outside the EEA; onBehalfOf is only for a processor's record;
//     noRecipients excludes recipients; a period for erasure has the event
//     it runs from; Art 9(2) conditions need special categories among the
//     data.
//
// Validate checks form, not the law: a record without purposes or with a
// purpose without a lawful basis is valid, and [Activity.Missing] and
// [Assess] report what it lacks.
func (a Activity) Validate() error {
	var v Validation
	checkCode(&v, "role", roles, a.Role, true)
	checkString(&v, "name", a.Name, MaxName, true, false)
	checkString(&v, "description", a.Description, MaxText, false, true)
	checkParty(&v, "controller", a.Controller, true)
	for i, p := range a.JointControllers {
		path := index("jointControllers", i)
		checkParty(&v, path, p, false)
	}
	checkContact(&v, "dpo", a.DPO)
	if a.Role == RoleController && len(a.OnBehalfOf) > 0 {
		v.Add("onBehalfOf", ReasonInconsistent)
	}
	for i, f := range a.OnBehalfOf {
		path := index("onBehalfOf", i)
		checkParty(&v, path+".controller", f.Controller, false)
		for j, s := range f.Processing {
			checkString(&v, index(path+".processing", j), s, MaxName, true, false)
		}
	}
	for i, p := range a.Purposes {
		checkPurpose(&v, index("purposes", i), p, a.Data)
	}
	checkCategories(&v, "data", a.Data)
	if a.SubjectCount < 0 {
		v.Add("subjectCount", ReasonRange)
	}
	if a.NoRecipients && len(a.Recipients) > 0 {
		v.Add("noRecipients", ReasonInconsistent)
	}
	for i, r := range a.Recipients {
		path := index("recipients", i)
		checkString(&v, path+".name", r.Name, MaxName, true, false)
		checkCode(&v, path+".kind", recipientKinds, r.Kind, false)
		if !r.Country.IsZero() && !r.Country.Valid() {
			v.Add(path+".country", ReasonUnknown)
		}
		if !a.Data.Covers(r.Data) {
			v.Add(path+".data", ReasonInconsistent)
		}
		checkCode(&v, path+".disclosure", disclosureGrounds, r.Disclosure, false)
	}
	for i, t := range a.Transfers {
		path := index("transfers", i)
		switch {
		case t.Country.IsZero():
			v.Add(path+".country", ReasonRequired)
		case !t.Country.Valid():
			v.Add(path+".country", ReasonUnknown)
		case t.Country.EEA():
			v.Add(path+".country", ReasonInconsistent)
		}
		checkString(&v, path+".recipient", t.Recipient, MaxName, true, false)
		checkCode(&v, path+".safeguard", safeguards, t.Safeguard, false)
		checkString(&v, path+".documentation", t.Documentation, MaxText, false, true)
	}
	checkErasure(&v, "erasure", a.Erasure)
	checkCodes(&v, "security.measures", measures, a.Security.Measures)
	checkString(&v, "security.description", a.Security.Description, MaxText, false, true)
	checkCodes(&v, "special.conditions", specialConditions, a.Special.Conditions)
	if len(a.Special.Conditions) > 0 && !a.hasClass(Special) {
		v.Add("special.conditions", ReasonInconsistent)
	}
	checkRef(&v, "special.nationalRule", a.Special.NationalRule)
	checkString(&v, "special.nationalRuleText", a.Special.NationalRuleText, MaxName, false, false)
	checkRef(&v, "criminal.rule", a.Criminal.Rule)
	checkString(&v, "criminal.ruleText", a.Criminal.RuleText, MaxName, false, false)
	checkCodes(&v, "nationalId.conditions", idConditions, a.NationalID.Conditions)
	if a.NationalID.PublicationConsent && !a.NationalID.Published {
		v.Add("nationalId.publicationConsent", ReasonInconsistent)
	}
	for i, p := range a.Processors {
		path := index("processors", i)
		if p.ID.IsZero() && p.Name == "" {
			v.Add(path, ReasonRequired)
		}
		checkString(&v, path+".name", p.Name, MaxName, false, false)
	}
	checkCode(&v, "dpia.screening", screenings, a.DPIA.Screening, false)
	checkDate(&v, "dpia.screenedOn", a.DPIA.ScreenedOn)
	for i, c := range a.Classification {
		path := index("classification", i)
		checkCode(&v, path+".scheme", schemes, c.Scheme, true)
		checkString(&v, path+".code", c.Code, MaxName, true, false)
		if c.Code != "" && c.Scheme.Valid() && !validClassCode(c.Scheme, c.Code) {
			v.Add(path+".code", ReasonFormat)
		}
	}
	checkString(&v, "owner.system", a.Owner.System, MaxName, false, false)
	checkString(&v, "owner.department", a.Owner.Department, MaxName, false, false)
	checkCode(&v, "status", activityStatuses, a.Status, true)
	checkDate(&v, "reviewedOn", a.ReviewedOn)
	checkDate(&v, "nextReview", a.NextReview)
	return v.Err("activity")
}

// checkPurpose validates one purpose; data are the activity's categories.
func checkPurpose(v *Validation, path string, p Purpose, data DataCategories) {
	checkString(v, path+".name", p.Name, MaxName, true, false)
	checkCode(v, path+".basis", legalBases, p.Basis, false)
	checkRef(v, path+".nationalBasis", p.NationalBasis)
	checkString(v, path+".nationalBasisText", p.NationalBasisText, MaxName, false, false)
	checkCategories(v, path+".data", p.Data)
	if !data.Covers(p.Data) {
		v.Add(path+".data", ReasonInconsistent)
	}
	switch {
	case p.ConsentAge < 0 || p.ConsentAge > 18:
		v.Add(path+".consentAge", ReasonRange)
	case p.ConsentAge != 0 && !p.InformationService:
		v.Add(path+".consentAge", ReasonInconsistent)
	}
}

// checkErasure validates a time limit for erasure.
func checkErasure(v *Validation, path string, e Erasure) {
	if !e.Period.IsZero() {
		checkLeaf(v, path+".period", e.Period.Validate())
	}
	checkCode(v, path+".from", erasureStarts, e.From, !e.Period.IsZero())
	if e.From != 0 && e.Period.IsZero() {
		v.Add(path+".from", ReasonInconsistent)
	}
	checkString(v, path+".text", e.Text, MaxText, false, true)
}

// checkParty validates a party; the controller of a record must have a
// jurisdiction, every other party a name.
func checkParty(v *Validation, path string, p Party, controller bool) {
	checkString(v, path+".name", p.Name, MaxName, !controller, false)
	checkCode(v, path+".jurisdiction", jurisdictions, p.Jurisdiction, controller)
	switch {
	case !p.CVR.IsZero() && p.Jurisdiction == NO:
		v.Add(path+".cvr", ReasonInconsistent)
	case !p.OrgNr.IsZero() && p.Jurisdiction == DK:
		v.Add(path+".orgnr", ReasonInconsistent)
	case !p.CVR.IsZero() && !p.OrgNr.IsZero():
		v.Add(path+".orgnr", ReasonInconsistent)
	}
	checkContact(v, path+".contact", p.Contact)
}

// checkContact validates contact details.
func checkContact(v *Validation, path string, c ContactDetails) {
	checkString(v, path+".name", c.Name, MaxName, false, false)
	checkString(v, path+".email", c.Email, MaxName, false, false)
	if c.Email != "" && (strings.Count(c.Email, "@") != 1 || strings.ContainsAny(c.Email, " ,;<>") ||
		strings.HasPrefix(c.Email, "@") || strings.HasSuffix(c.Email, "@")) {
		v.Add(path+".email", ReasonFormat)
	}
	checkString(v, path+".phone", c.Phone, MaxName, false, false)
	checkString(v, path+".address", c.Address, MaxText, false, true)
}

// checkLeaf records err at path. A [*FieldError] from a value's own
// Validate names the value itself ("period"), so it is placed at path, not
// under it.
func checkLeaf(v *Validation, path string, err error) {
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Field = path
		v.fields = append(v.fields, c)
		return
	}
	v.Check(path, err)
}

// checkRef validates a reference unless it is zero.
func checkRef(v *Validation, path string, r Ref) {
	if !r.IsZero() {
		v.Check(path, r.Validate())
	}
}

// checkDate validates a date unless it is zero.
func checkDate(v *Validation, path string, d Date) {
	if !d.IsZero() && !d.Valid() {
		v.Add(path, ReasonDate)
	}
}

// checkCategories rejects bits outside the vocabulary, which only a
// conversion from an integer can set.
func checkCategories(v *Validation, path string, s DataCategories) {
	if s&^allDataCategories != 0 {
		v.Add(path, ReasonUnknown)
	}
}

// allDataCategories is the set of every valid category.
var allDataCategories = func() DataCategories {
	var s DataCategories
	for c := range AllDataCategories() {
		s = s.With(c)
	}
	return s
}()

// checkCode validates an enum value: zero is ReasonRequired when required,
// and a value outside the vocabulary is ReasonUnknown with the accepted
// codes.
func checkCode[T ~uint8](v *Validation, path string, t *enum.Table[T], x T, required bool) {
	switch {
	case x == 0:
		if required {
			v.Add(path, ReasonRequired)
		}
	case !t.Valid(x):
		v.Check(path, UnknownCode(t.Name(), t.Codes()))
	}
}

// checkCodes validates a list of enum values: each is required and known,
// and none appears twice.
func checkCodes[T ~uint8](v *Validation, path string, t *enum.Table[T], xs []T) {
	for i, x := range xs {
		p := index(path, i)
		checkCode(v, p, t, x, true)
		for _, y := range xs[:i] {
			if y == x && x != 0 {
				v.Add(p, ReasonDuplicate)
				break
			}
		}
	}
}

// checkString validates text: required, at most max bytes, valid UTF-8, and
// free of control characters (multiline text may hold line breaks and
// tabs).
func checkString(v *Validation, path, s string, max int, required, multiline bool) {
	switch {
	case strings.TrimSpace(s) == "":
		if required {
			v.Add(path, ReasonRequired)
		} else if s != "" {
			v.Add(path, ReasonFormat)
		}
	case len(s) > max:
		v.Add(path, ReasonTooLong)
	case !utf8.ValidString(s):
		v.Add(path, ReasonFormat)
	default:
		for _, r := range s {
			if r == 0x7f || r < 0x20 && !(multiline && (r == '\n' || r == '\r' || r == '\t')) ||
				r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' {
				v.Add(path, ReasonFormat)
				return
			}
		}
	}
}

// index returns "path[i]".
func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// validClassCode checks a classification code lightly. KLE: a topic number
// "NN", "NN.NN" or "NN.NN.NN", a handling facet (one of the category
// letters A, P, S, Ø, G, K, I and two digits), or a topic and a facet
// separated by a space ("00.01.00 G01"); reference/deadlines-law-retention.md
// §5.1 (KLE-XML v2.0 schema). Noark: classes are set by each body's
// arkivplan, so any code without leading, trailing or double spaces is
// accepted.
func validClassCode(s Scheme, code string) bool {
	if s == Noark {
		return strings.TrimSpace(code) == code && !strings.Contains(code, "  ")
	}
	topic, facet, both := strings.Cut(code, " ")
	if !both {
		if isKLETopic(code) {
			return true
		}
		return isKLEFacet(code)
	}
	return isKLETopic(topic) && isKLEFacet(facet)
}

func isKLETopic(s string) bool {
	if len(s) != 2 && len(s) != 5 && len(s) != 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i%3 == 2 {
			if s[i] != '.' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isKLEFacet(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("APSØGKI", r) || len(s) != n+2 {
		return false
	}
	return s[n] >= '0' && s[n] <= '9' && s[n+1] >= '0' && s[n+1] <= '9'
}
