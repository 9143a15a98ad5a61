package record

import (
	"strings"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/check"
	"github.com/tillid/tillid/internal/kle"
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
// JSON path in a [*compliance.ValidationError] for the entity "activity":
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
//   - references are well formed ([compliance.Ref.Validate]), periods valid, dates
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
	var v compliance.Validation
	check.Code(&v, "role", a.Role, true)
	check.Text(&v, "name", a.Name, MaxName, true, false)
	check.Text(&v, "description", a.Description, MaxText, false, true)
	checkParty(&v, "controller", a.Controller, true)
	for i, p := range a.JointControllers {
		path := check.Index("jointControllers", i)
		checkParty(&v, path, p, false)
	}
	checkContact(&v, "dpo", a.DPO)
	if a.Role == RoleController && len(a.OnBehalfOf) > 0 {
		v.Add("onBehalfOf", compliance.ReasonInconsistent)
	}
	for i, f := range a.OnBehalfOf {
		path := check.Index("onBehalfOf", i)
		checkParty(&v, path+".controller", f.Controller, false)
		for j, s := range f.Processing {
			check.Text(&v, check.Index(path+".processing", j), s, MaxName, true, false)
		}
	}
	for i, p := range a.Purposes {
		checkPurpose(&v, check.Index("purposes", i), p, a.Data)
	}
	checkCategories(&v, "data", a.Data)
	if a.SubjectCount < 0 {
		v.Add("subjectCount", compliance.ReasonRange)
	}
	if a.NoRecipients && len(a.Recipients) > 0 {
		v.Add("noRecipients", compliance.ReasonInconsistent)
	}
	for i, r := range a.Recipients {
		path := check.Index("recipients", i)
		check.Text(&v, path+".name", r.Name, MaxName, true, false)
		check.Code(&v, path+".kind", r.Kind, false)
		if !r.Country.IsZero() && !r.Country.Valid() {
			v.Add(path+".country", compliance.ReasonUnknown)
		}
		if !a.Data.Covers(r.Data) {
			v.Add(path+".data", compliance.ReasonInconsistent)
		}
		check.Code(&v, path+".disclosure", r.Disclosure, false)
	}
	for i, t := range a.Transfers {
		path := check.Index("transfers", i)
		switch {
		case t.Country.IsZero():
			v.Add(path+".country", compliance.ReasonRequired)
		case !t.Country.Valid():
			v.Add(path+".country", compliance.ReasonUnknown)
		case t.Country.EEA():
			v.Add(path+".country", compliance.ReasonInconsistent)
		}
		check.Text(&v, path+".recipient", t.Recipient, MaxName, true, false)
		check.Code(&v, path+".safeguard", t.Safeguard, false)
		check.Text(&v, path+".documentation", t.Documentation, MaxText, false, true)
	}
	checkErasure(&v, "erasure", a.Erasure)
	check.Codes(&v, "security.measures", a.Security.Measures)
	check.Text(&v, "security.description", a.Security.Description, MaxText, false, true)
	check.Codes(&v, "special.conditions", a.Special.Conditions)
	if len(a.Special.Conditions) > 0 && !a.hasClass(compliance.Special) {
		v.Add("special.conditions", compliance.ReasonInconsistent)
	}
	checkRef(&v, "special.nationalRule", a.Special.NationalRule)
	check.Text(&v, "special.nationalRuleText", a.Special.NationalRuleText, MaxName, false, false)
	checkRef(&v, "criminal.rule", a.Criminal.Rule)
	check.Text(&v, "criminal.ruleText", a.Criminal.RuleText, MaxName, false, false)
	check.Codes(&v, "nationalId.conditions", a.NationalID.Conditions)
	if a.NationalID.PublicationConsent && !a.NationalID.Published {
		v.Add("nationalId.publicationConsent", compliance.ReasonInconsistent)
	}
	for i, p := range a.Processors {
		path := check.Index("processors", i)
		if p.ID.IsZero() && p.Name == "" {
			v.Add(path, compliance.ReasonRequired)
		}
		check.Text(&v, path+".name", p.Name, MaxName, false, false)
	}
	check.Code(&v, "dpia.screening", a.DPIA.Screening, false)
	checkDate(&v, "dpia.screenedOn", a.DPIA.ScreenedOn)
	for i, c := range a.Classification {
		path := check.Index("classification", i)
		check.Code(&v, path+".scheme", c.Scheme, true)
		if c.Scheme == compliance.Custom {
			// Custom keys retention rules; cases are classified by KLE or Noark.
			v.Check(path+".scheme", compliance.UnknownCode("scheme", []string{"kle", "noark"}))
		}
		check.Text(&v, path+".code", c.Code, MaxName, true, false)
		if c.Code != "" && (c.Scheme == compliance.KLE || c.Scheme == compliance.Noark) && !validClassCode(c.Scheme, c.Code) {
			v.Add(path+".code", compliance.ReasonFormat)
		}
	}
	check.Text(&v, "owner.system", a.Owner.System, MaxName, false, false)
	check.Text(&v, "owner.department", a.Owner.Department, MaxName, false, false)
	check.Code(&v, "status", a.Status, true)
	checkDate(&v, "reviewedOn", a.ReviewedOn)
	checkDate(&v, "nextReview", a.NextReview)
	v.Check("created", compliance.CheckInstant(a.Created))
	v.Check("updated", compliance.CheckInstant(a.Updated))
	return v.Err("activity")
}

// checkPurpose validates one purpose; data are the activity's categories.
func checkPurpose(v *compliance.Validation, path string, p Purpose, data compliance.DataCategories) {
	check.Text(v, path+".name", p.Name, MaxName, true, false)
	check.Code(v, path+".basis", p.Basis, false)
	checkRef(v, path+".nationalBasis", p.NationalBasis)
	check.Text(v, path+".nationalBasisText", p.NationalBasisText, MaxName, false, false)
	checkCategories(v, path+".data", p.Data)
	if !data.Covers(p.Data) {
		v.Add(path+".data", compliance.ReasonInconsistent)
	}
	switch {
	case p.ConsentAge < 0 || p.ConsentAge > 18:
		v.Add(path+".consentAge", compliance.ReasonRange)
	case p.ConsentAge != 0 && !p.InformationService:
		v.Add(path+".consentAge", compliance.ReasonInconsistent)
	}
}

// checkErasure validates a time limit for erasure.
func checkErasure(v *compliance.Validation, path string, e Erasure) {
	if !e.Period.IsZero() {
		check.Leaf(v, path+".period", e.Period.Validate())
	}
	check.Code(v, path+".from", e.From, !e.Period.IsZero())
	if e.From != 0 && e.Period.IsZero() {
		v.Add(path+".from", compliance.ReasonInconsistent)
	}
	check.Text(v, path+".text", e.Text, MaxText, false, true)
}

// checkParty validates a party; the controller of a record must have a
// jurisdiction, every other party a name.
func checkParty(v *compliance.Validation, path string, p Party, controller bool) {
	check.Text(v, path+".name", p.Name, MaxName, !controller, false)
	check.Code(v, path+".jurisdiction", p.Jurisdiction, controller)
	switch {
	case !p.CVR.IsZero() && p.Jurisdiction == compliance.NO:
		v.Add(path+".cvr", compliance.ReasonInconsistent)
	case !p.OrgNr.IsZero() && p.Jurisdiction == compliance.DK:
		v.Add(path+".orgnr", compliance.ReasonInconsistent)
	case !p.CVR.IsZero() && !p.OrgNr.IsZero():
		v.Add(path+".orgnr", compliance.ReasonInconsistent)
	}
	checkContact(v, path+".contact", p.Contact)
}

// checkContact validates contact details.
func checkContact(v *compliance.Validation, path string, c ContactDetails) {
	check.Text(v, path+".name", c.Name, MaxName, false, false)
	check.Text(v, path+".email", c.Email, MaxName, false, false)
	if c.Email != "" && (strings.Count(c.Email, "@") != 1 || strings.ContainsAny(c.Email, " ,;<>") ||
		strings.HasPrefix(c.Email, "@") || strings.HasSuffix(c.Email, "@")) {
		v.Add(path+".email", compliance.ReasonFormat)
	}
	check.Text(v, path+".phone", c.Phone, MaxName, false, false)
	check.Text(v, path+".address", c.Address, MaxText, false, true)
}

// checkRef validates a reference unless it is zero.
func checkRef(v *compliance.Validation, path string, r compliance.Ref) {
	if !r.IsZero() {
		v.Check(path, r.Validate())
	}
}

// checkDate validates a date unless it is zero: a real date in the years
// the calendar counts ([compliance.CheckDate]).
func checkDate(v *compliance.Validation, path string, d compliance.Date) {
	v.Check(path, compliance.CheckDate(d))
}

// checkCategories rejects bits outside the vocabulary, which only a
// conversion from an integer can set.
func checkCategories(v *compliance.Validation, path string, s compliance.DataCategories) {
	if s&^allDataCategories != 0 {
		v.Add(path, compliance.ReasonUnknown)
	}
}

// allDataCategories is the set of every valid category.
var allDataCategories = func() compliance.DataCategories {
	var s compliance.DataCategories
	for c := range compliance.AllDataCategories() {
		s = s.With(c)
	}
	return s
}()

// validClassCode checks a classification code lightly. KLE: a number, a
// handlingsfacet, or both separated by a space ("00.01.00 G01"), as the
// KLE-XML schema 2.0 defines them (package internal/kle, the parser
// package retention uses too). Noark: classes are set by each body's
// arkivplan, so any code without leading, trailing or double spaces is
// accepted.
func validClassCode(s compliance.Scheme, code string) bool {
	if s == compliance.Noark {
		return strings.TrimSpace(code) == code && !strings.Contains(code, "  ")
	}
	return kle.Code(code)
}
