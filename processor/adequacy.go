package processor

import (
	"slices"
	"strconv"
	"time"

	"github.com/tillid/tillid/compliance"
)

// Adequacy is a Commission decision that a third country, a territory or an
// international organisation ensures an adequate level of protection (Art
// 45(3) GDPR; decisions under Directive 95/46 stay in force under Art
// 45(9)). A transfer covered by one needs no further authorisation (Art
// 45(1)).
//
// The decisions are data, not code: [Adequacies] is the table tillid ships,
// [Policy.Extra] adds decisions adopted after a release, and [Policy.Off]
// switches a decision off from a date, as the Court did to Privacy Shield on
// 16 July 2020 (C-311/18) — a host can react to a judgment on the EU-US Data
// Privacy Framework (appeal C-703/25 P is pending) without waiting for a
// release.
type Adequacy struct {
	// Country is the third country or territory; zero for an international
	// organisation.
	Country compliance.Country `json:"country,omitzero"`
	// Organisation is the international organisation; zero for a country.
	Organisation InternationalOrganisation `json:"organisation,omitzero"`
	// Decision is the decision's number ("2023/1795"), or "" where the
	// sources tillid relies on do not give it.
	Decision string `json:"decision,omitempty"`
	// Ref cites the decision.
	Ref compliance.Ref `json:"ref"`
	// Adopted is the date the decision was adopted. tillid treats it as in
	// force from that day.
	Adopted compliance.Date `json:"adopted"`
	// Until is the last day the decision applies; zero when it has no end.
	Until compliance.Date `json:"until,omitzero"`
	// Scope is the decision's reach.
	Scope Scope `json:"scope"`
	// EEAPending records that the decision has not been incorporated into
	// the EEA Agreement, so that it does not yet count for a Norwegian
	// controller ([Policy.Incorporated] records the incorporation).
	EEAPending bool `json:"eeaPending,omitempty"`
}

// adequacyTableDate is the date of the material the table was checked
// against; it is part of [RuleSet].
const adequacyTableDate = "2026-05-06"

func eu(doc string) compliance.Ref { return compliance.Ref{Instrument: compliance.EUAct, Doc: doc} }

func day(y int, m time.Month, d int) compliance.Date {
	return compliance.Date{Year: y, Month: m, Day: d}
}

// adequacies is the table. Sources: the Commission's list of adequacy
// decisions
// (https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en ),
// its report of 15 January 2024 on the first review of the 11 pre-GDPR
// decisions, which kept them (COM(2024) 7 final, on EUR-Lex), and each
// decision's text on EUR-Lex under the number in Decision.
var adequacies = []Adequacy{
	{Country: compliance.MustCountry("AD"), Decision: "2010/625/EU", Ref: eu("2010/625/EU"), Adopted: day(2010, time.October, 19), Scope: FullScope},
	{Country: compliance.MustCountry("AR"), Decision: "2003/490/EC", Ref: eu("2003/490/EC"), Adopted: day(2003, time.June, 30), Scope: FullScope},
	// Canada: only recipients subject to PIPEDA (commercial organisations);
	// public bodies are not covered (CNPD Luxembourg).
	{Country: compliance.MustCountry("CA"), Decision: "2002/2/EC", Ref: eu("2002/2/EC"), Adopted: day(2001, time.December, 20), Scope: LimitedScope},
	// The Faroe Islands: everything except transfers to Danish state
	// authorities there (rigsmyndigheder), which need Art 46 or 49
	// (Datatilsynet DK, Rigsfællesskabet).
	{Country: compliance.MustCountry("FO"), Decision: "2010/146/EU", Ref: eu("2010/146/EU"), Adopted: day(2010, time.March, 5), Scope: LimitedScope},
	{Country: compliance.MustCountry("GG"), Decision: "2003/821/EC", Ref: eu("2003/821/EC"), Adopted: day(2003, time.November, 21), Scope: FullScope},
	// Israel: the decision's scope limit is not settled by the sources tillid
	// relies on (reference §3.4 and §6 item 7, unverified), so the record
	// must confirm the recipient is within it.
	{Country: compliance.MustCountry("IL"), Decision: "2011/61/EU", Ref: eu("2011/61/EU"), Adopted: day(2011, time.January, 31), Scope: LimitedScope},
	{Country: compliance.MustCountry("IM"), Decision: "2004/411/EC", Ref: eu("2004/411/EC"), Adopted: day(2004, time.April, 28), Scope: FullScope},
	// Japan: only business operators under the APPI, with the Supplementary
	// Rules (private sector only).
	{Country: compliance.MustCountry("JP"), Decision: "2019/419", Ref: eu("2019/419"), Adopted: day(2019, time.January, 23), Scope: LimitedScope},
	{Country: compliance.MustCountry("JE"), Decision: "2008/393/EC", Ref: eu("2008/393/EC"), Adopted: day(2008, time.May, 8), Scope: FullScope},
	// New Zealand: 19 December 2012, not 2013 as some code says.
	{Country: compliance.MustCountry("NZ"), Decision: "2013/65/EU", Ref: eu("2013/65/EU"), Adopted: day(2012, time.December, 19), Scope: FullScope},
	// Korea: recipients subject to PIPA, with carve-outs the sources do not
	// list (unverified). The number is 2022/254 (ELI
	// dec_impl/2022/254), not 2021/2216 or 2021/2484.
	{Country: compliance.MustCountry("KR"), Decision: "2022/254", Ref: eu("2022/254"), Adopted: day(2021, time.December, 17), Scope: LimitedScope},
	{Country: compliance.MustCountry("CH"), Decision: "2000/518/EC", Ref: eu("2000/518/EC"), Adopted: day(2000, time.July, 26), Scope: FullScope},
	// The United Kingdom, 2021: first set to expire on 27 June 2025,
	// extended to 27 December 2025 by a decision of 24 June 2025 whose
	// number the sources do not give. Its exclusion of data for UK
	// immigration control does not concern a kommune's processors.
	{Country: compliance.MustCountry("GB"), Decision: "2021/1772", Ref: eu("2021/1772"), Adopted: day(2021, time.June, 28), Until: day(2025, time.December, 27), Scope: FullScope},
	// The United Kingdom, renewed on 19 December 2025 until 27 December 2031
	// (secondary sources; the decision's number is not verified, so it is
	// cited by its legal basis).
	{Country: compliance.MustCountry("GB"), Ref: refArt45_3, Adopted: day(2025, time.December, 19), Until: day(2031, time.December, 27), Scope: FullScope},
	{Country: compliance.MustCountry("UY"), Decision: "2012/484/EU", Ref: eu("2012/484/EU"), Adopted: day(2012, time.August, 21), Scope: FullScope},
	// The United States: only organisations on the DPF List (OJ L 231,
	// 20.9.2023, p. 118); upheld by the General Court on 3 September 2025
	// (T-553/23), appeal C-703/25 P pending.
	{Country: compliance.MustCountry("US"), Decision: "2023/1795", Ref: eu("2023/1795"), Adopted: day(2023, time.July, 10), Scope: DPFScope},
	// The European Patent Organisation, the first decision for an
	// international organisation.
	{Organisation: EPO, Decision: "2025/1382", Ref: eu("2025/1382"), Adopted: day(2025, time.July, 15), Scope: FullScope},
	// Brazil: recipients within the LGPD's material and territorial scope
	// (which excludes public safety, defence, state security and criminal
	// investigation). Not yet incorporated into the EEA Agreement: the
	// EEA/EFTA draft decision went to the Commission on 6 May 2026.
	{Country: compliance.MustCountry("BR"), Decision: "2026/179", Ref: eu("2026/179"), Adopted: day(2026, time.January, 26), Scope: LimitedScope, EEAPending: true},
}

// Adequacies returns a copy of the adequacy decisions tillid ships, in the
// order of the Commission's list. Countries without a decision — Greenland,
// Monaco, San Marino, the Vatican, Kenya (a dialogue only, since 7 May
// 2024) — are absent.
func Adequacies() []Adequacy { return slices.Clone(adequacies) }

// Validate reports every problem with a decision: exactly one of country
// and organisation, a valid reference, an adoption date, an end not before
// it, and a known scope.
func (a Adequacy) Validate() error {
	var v compliance.Validation
	switch {
	case a.Country.IsZero() && a.Organisation == 0:
		v.Add("country", compliance.ReasonRequired)
	case !a.Country.IsZero() && a.Organisation != 0:
		v.Add("organisation", compliance.ReasonInconsistent)
	}
	checkCountry(&v, "country", a.Country, false)
	if a.Organisation != 0 && !a.Organisation.Valid() {
		v.Add("organisation", compliance.ReasonUnknown)
	}
	if a.Country.EEA() {
		v.Add("country", compliance.ReasonInconsistent)
	}
	checkName(&v, "decision", a.Decision, false)
	v.Check("ref", a.Ref.Validate())
	checkDate(&v, "adopted", a.Adopted)
	v.Require("adopted", !a.Adopted.IsZero())
	checkDate(&v, "until", a.Until)
	if !a.Until.IsZero() && a.Until.Before(a.Adopted) {
		v.Add("until", compliance.ReasonRange)
	}
	v.Require("scope", a.Scope.Valid())
	return v.Err("adequacy")
}

// matches reports whether the decision is about the destination of l.
func (a Adequacy) matches(c compliance.Country, o InternationalOrganisation) bool {
	if o != 0 {
		return a.Organisation == o
	}
	return a.Organisation == 0 && a.Country == c
}

// Switch names a destination — a country or an international organisation
// — and a date, for [Policy.Off] and [Policy.Incorporated].
type Switch struct {
	// Country is the country; zero for an organisation.
	Country compliance.Country `json:"country,omitzero"`
	// Organisation is the international organisation; zero for a country.
	Organisation InternationalOrganisation `json:"organisation,omitzero"`
	// From is the first day the switch applies.
	From compliance.Date `json:"from"`
}

func (s Switch) matches(c compliance.Country, o InternationalOrganisation) bool {
	if o != 0 {
		return s.Organisation == o
	}
	return s.Organisation == 0 && s.Country == c
}

func (s Switch) validate(v *compliance.Validation, path string) {
	if s.Country.IsZero() == (s.Organisation == 0) {
		v.Add(path+".country", compliance.ReasonRequired)
	}
	checkCountry(v, path+".country", s.Country, false)
	if s.Organisation != 0 && !s.Organisation.Valid() {
		v.Add(path+".organisation", compliance.ReasonUnknown)
	}
	checkDate(v, path+".from", s.From)
	v.Require(path+".from", !s.From.IsZero())
}

// Intervals are the supervision intervals per risk level. The sources set no
// frequency (Datatilsynet DK's guidance gives none that tillid could verify;
// reference §2.3 and §6 item 1); real agreements often require a yearly
// statement. A zero interval means the kommune has set none for that level.
type Intervals struct {
	// Low is the interval for processing of low risk to the data subjects.
	Low compliance.Period `json:"low,omitzero"`
	// Medium is the interval for processing of medium risk.
	Medium compliance.Period `json:"medium,omitzero"`
	// High is the interval for processing of high risk.
	High compliance.Period `json:"high,omitzero"`
}

// For returns the interval for risk level r.
func (i Intervals) For(r RiskLevel) compliance.Period {
	switch r {
	case LowRisk:
		return i.Low
	case MediumRisk:
		return i.Medium
	case HighRisk:
		return i.High
	}
	return compliance.Period{}
}

// Policy is the kommune's configuration of the rules: its jurisdiction, and
// every choice the sources leave open, each documented on its field.
type Policy struct {
	// Jurisdiction is the kommune's country: it selects the time zone and
	// holiday calendar, and, for Norway, whether an adequacy decision counts
	// before its incorporation into the EEA Agreement.
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Version is the host's label for this policy; every [Decision] records
	// it next to the [RuleSet].
	Version string `json:"version,omitempty"`
	// Off switches the adequacy decisions for a destination off from a date,
	// as when the Court invalidated Privacy Shield.
	Off []Switch `json:"off,omitempty"`
	// Incorporated records that the decisions for a destination that are
	// pending incorporation into the EEA Agreement ([Adequacy.EEAPending])
	// count for a Norwegian controller from a date. How Norway applies a
	// decision before incorporation is not settled by the sources
	// (reference §3.4 and §6 item 5); by default it does not count.
	Incorporated []Switch `json:"incorporated,omitempty"`
	// Extra adds adequacy decisions to the table of [Adequacies].
	Extra []Adequacy `json:"extra,omitempty"`
	// Intervals are the supervision intervals per risk level, used when a
	// processor's [Supervision] sets no interval of its own.
	Intervals Intervals `json:"intervals,omitzero"`
	// TIAInterval is the period after which a transfer impact assessment must
	// be repeated even if nothing changed. EDPB Recommendations 01/2020 (step
	// 6) ask for re-evaluation "at appropriate intervals" without a number;
	// zero means no interval.
	TIAInterval compliance.Period `json:"tiaInterval,omitzero"`
	// AllowSensitiveWithoutMeasure turns off the rule that confidential,
	// special-category and criminal-offence data may go to a destination
	// that relies on a transfer tool only where an effective technical
	// measure protects them (tillid's design, built on EDPB Recommendations
	// 01/2020: contractual and organisational measures alone generally cannot
	// stop public authorities' access). Off by default.
	AllowSensitiveWithoutMeasure bool `json:"allowSensitiveWithoutMeasure,omitempty"`
	// NotPublicPowers records that the controller does not act in the
	// exercise of public powers, so that Art 49(3) does not bar the
	// derogations of Art 49(1)(a), (b), (c) and the second subparagraph. A
	// kommune doing case work does; leave it false.
	NotPublicPowers bool `json:"notPublicPowers,omitempty"`
}

// Validate reports every problem with the policy.
func (p Policy) Validate() error {
	var v compliance.Validation
	v.Require("jurisdiction", p.Jurisdiction.Valid())
	checkName(&v, "version", p.Version, false)
	for i, s := range p.Off {
		s.validate(&v, "off["+strconv.Itoa(i)+"]")
	}
	for i, s := range p.Incorporated {
		s.validate(&v, "incorporated["+strconv.Itoa(i)+"]")
	}
	for i, a := range p.Extra {
		v.Check("extra["+strconv.Itoa(i)+"]", a.Validate())
	}
	for _, x := range []struct {
		name string
		p    compliance.Period
	}{{"intervals.low", p.Intervals.Low}, {"intervals.medium", p.Intervals.Medium}, {"intervals.high", p.Intervals.High}, {"tiaInterval", p.TIAInterval}} {
		if !x.p.IsZero() {
			v.Check(x.name, x.p.Validate())
		}
	}
	return v.Err("policy")
}
