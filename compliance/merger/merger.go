package merger

import (
	"cmp"
	"iter"
	"slices"
	"strings"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/internal/check"
	"github.com/tillid/tillid/internal/enum"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
)

// Aspect is a part of a record in which two kommuner's versions differ.
type Aspect uint8

// Aspects.
const (
	AspectPurposes      Aspect = iota + 1 // purposes and legal bases
	AspectData                            // categories of data
	AspectSubjects                        // categories of data subjects
	AspectRecipients                      // recipients
	AspectTransfers                       // transfers to third countries
	AspectErasure                         // time limits for erasure
	AspectProcessors                      // processors used
	AspectAgreement                       // the data processing agreement in force
	AspectAudit                           // the latest audit statement
	AspectSubProcessors                   // the sub-processors
	AspectCountry                         // the country of establishment
	AspectPeriod                          // the retention period
	AspectArchive                         // the archive duty (bevaring, kassasjonsvedtak)
	AspectDisposition                     // the disposition or the event the period runs from
)

var aspects = enum.New[Aspect]("aspect", "merger.aspect", compliance.UnknownCode,
	"purposes", "data", "subjects", "recipients", "transfers", "erasure", "processors",
	"agreement", "audit", "sub-processors", "country", "period", "archive", "disposition")

// ParseAspect returns the Aspect with the given code.
func ParseAspect(s string) (Aspect, error) { return aspects.Parse(s) }

// AllAspects yields every Aspect.
func AllAspects() iter.Seq[Aspect] { return aspects.All() }

// String returns the stable code.
func (a Aspect) String() string { return aspects.String(a) }

// Key returns the i18n message key.
func (a Aspect) Key() string { return aspects.Key(a) }

// Valid reports whether a is a known Aspect.
func (a Aspect) Valid() bool { return aspects.Valid(a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Aspect) MarshalText() ([]byte, error) { return aspects.MarshalText(a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Aspect) UnmarshalText(b []byte) error { return aspects.UnmarshalText(a, b) }

// Origin is one merging kommune's registers, as read from its stores.
type Origin struct {
	// Controller is the old kommune's controller ID.
	Controller compliance.ControllerID `json:"controller"`
	// Name is the old kommune's name ("Rygge kommune").
	Name       string                `json:"name"`
	Activities []record.Activity     `json:"activities,omitempty"`
	Processors []processor.Processor `json:"processors,omitempty"`
	DPIAs      []dpia.Assessment     `json:"dpias,omitempty"`
	Rules      []retention.Rule      `json:"rules,omitempty"`
	// Breaches are the old kommune's breach statistics (one per year or
	// period), carried over as they are.
	Breaches []breach.Statistics `json:"breaches,omitempty"`
}

// Policy records the kommune's positions where the sources are open.
type Policy struct {
	// Succession records that the act merging the kommuner makes the new
	// kommune the successor to the old ones' contracts, so an agreement in
	// force needs its controller updated, not a new agreement. The default
	// (false) asks for renewal.
	Succession bool `json:"succession,omitempty"`
}

// Source is a record of an origin: the origin's index in the merger's
// origins and the record's ID.
type Source struct {
	Origin int    `json:"origin"`
	ID     string `json:"id"`
}

// Group is a set of records of several origins that the merger matched.
type Group struct {
	// Name is the record's name in the first origin that has it.
	Name string   `json:"name"`
	From []Source `json:"from"`
	// Differs lists the aspects in which the origins' records differ.
	Differs []Aspect `json:"differs,omitempty"`
}

// RuleGroup is the retention rules of the origins for one class.
type RuleGroup struct {
	Scheme  retention.Scheme `json:"scheme"`
	Class   string           `json:"class"`
	From    []Source         `json:"from"`
	Differs []Aspect         `json:"differs,omitempty"`
}

// Renewal is an agreement in force at the merger date.
type Renewal struct {
	Processor string                `json:"processor"`
	Agreement processor.AgreementID `json:"agreement"`
	From      Source                `json:"from"`
}

// Carried is the breach statistics of one origin.
type Carried struct {
	Origin int                 `json:"origin"`
	Stats  []breach.Statistics `json:"stats"`
}

// Merger is the result: what was matched and what must be decided.
type Merger struct {
	// On is the merger date.
	On compliance.Date `json:"on"`
	// Origins are the old kommuner's names, by index.
	Origins    []string             `json:"origins"`
	Activities []Group              `json:"activities"`
	Processors []Group              `json:"processors"`
	Renewals   []Renewal            `json:"renewals,omitempty"`
	DPIAs      []Source             `json:"dpias,omitempty"`
	Rules      []RuleGroup          `json:"rules,omitempty"`
	Breaches   []Carried            `json:"breaches,omitempty"`
	Findings   []compliance.Finding `json:"findings"`
}

// MaxOrigins is the most kommuner one merger combines.
const MaxOrigins = 20

// Merge matches the origins' registers at the merger date on and reports
// what the new kommune must decide. It is a pure function of its arguments.
func Merge(on compliance.Date, origins []Origin, pol Policy) (Merger, error) {
	var v compliance.Validation
	v.Require("on", !on.IsZero())
	v.Check("on", compliance.CheckDate(on))
	switch {
	case len(origins) < 2:
		v.Add("origins", compliance.ReasonLength)
	case len(origins) > MaxOrigins:
		v.Add("origins", compliance.ReasonLength)
	}
	seen := map[compliance.ControllerID]bool{}
	for i, o := range origins {
		p := check.Index("origins", i)
		v.Require(p+".controller", !o.Controller.IsZero())
		if seen[o.Controller] {
			v.Add(p+".controller", compliance.ReasonDuplicate)
		}
		seen[o.Controller] = true
		check.Text(&v, p+".name", o.Name, 200, true, false)
	}
	if err := v.Err("merger"); err != nil {
		return Merger{}, err
	}
	m := Merger{On: on}
	for _, o := range origins {
		m.Origins = append(m.Origins, o.Name)
	}
	m.Activities = matchActivities(origins)
	m.Processors, m.Renewals = matchProcessors(origins, on)
	for i, o := range origins {
		for _, a := range o.DPIAs {
			m.DPIAs = append(m.DPIAs, Source{Origin: i, ID: a.ID.String()})
		}
		if len(o.Breaches) > 0 {
			m.Breaches = append(m.Breaches, Carried{Origin: i, Stats: slices.Clone(o.Breaches)})
		}
	}
	m.Rules = matchRules(origins)
	m.Findings = findings(m, origins, pol)
	return m, nil
}

// normal folds a name for matching: case, surrounding and repeated spaces.
func normal(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func matchActivities(origins []Origin) []Group {
	type member struct {
		origin int
		a      *record.Activity
	}
	groups := map[string][]member{}
	var order []string
	for i := range origins {
		for j := range origins[i].Activities {
			a := &origins[i].Activities[j]
			if a.Role != record.RoleController {
				continue
			}
			k := normal(a.Name)
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], member{i, a})
		}
	}
	var out []Group
	for _, k := range order {
		ms := groups[k]
		g := Group{Name: ms[0].a.Name}
		for _, m := range ms {
			g.From = append(g.From, Source{Origin: m.origin, ID: m.a.ID.String()})
		}
		if len(ms) > 1 {
			first := ms[0].a
			for _, m := range ms[1:] {
				g.Differs = appendUnique(g.Differs, activityDiff(first, m.a)...)
			}
			slices.Sort(g.Differs)
		}
		out = append(out, g)
	}
	return out
}

func activityDiff(a, b *record.Activity) []Aspect {
	var d []Aspect
	purposes := func(x *record.Activity) []string {
		var s []string
		for _, p := range x.Purposes {
			s = append(s, normal(p.Name)+"|"+p.Basis.String()+"|"+p.NationalBasis.String())
		}
		slices.Sort(s)
		return s
	}
	if !slices.Equal(purposes(a), purposes(b)) {
		d = append(d, AspectPurposes)
	}
	if a.Data != b.Data {
		d = append(d, AspectData)
	}
	if a.Subjects != b.Subjects {
		d = append(d, AspectSubjects)
	}
	names := func(n int, f func(int) string) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = normal(f(i))
		}
		slices.Sort(s)
		return s
	}
	if !slices.Equal(names(len(a.Recipients), func(i int) string { return a.Recipients[i].Name }),
		names(len(b.Recipients), func(i int) string { return b.Recipients[i].Name })) || a.NoRecipients != b.NoRecipients {
		d = append(d, AspectRecipients)
	}
	if !slices.Equal(names(len(a.Transfers), func(i int) string { return a.Transfers[i].Country.String() + a.Transfers[i].Safeguard.String() }),
		names(len(b.Transfers), func(i int) string { return b.Transfers[i].Country.String() + b.Transfers[i].Safeguard.String() })) {
		d = append(d, AspectTransfers)
	}
	if a.Erasure.Period != b.Erasure.Period || a.Erasure.From != b.Erasure.From || normal(a.Erasure.Text) != normal(b.Erasure.Text) {
		d = append(d, AspectErasure)
	}
	if !slices.Equal(names(len(a.Processors), func(i int) string { return a.Processors[i].Name }),
		names(len(b.Processors), func(i int) string { return b.Processors[i].Name })) {
		d = append(d, AspectProcessors)
	}
	return d
}

func appendUnique(s []Aspect, add ...Aspect) []Aspect {
	for _, a := range add {
		if !slices.Contains(s, a) {
			s = append(s, a)
		}
	}
	return s
}

// processorKey identifies a processor across kommuner: its CVR number or
// organisasjonsnummer, or its name when neither is recorded.
func processorKey(p *processor.Processor) string {
	switch {
	case !p.CVR.IsZero():
		return "cvr:" + p.CVR.String()
	case !p.OrgNr.IsZero():
		return "orgnr:" + p.OrgNr.String()
	}
	return "name:" + normal(p.Name)
}

func matchProcessors(origins []Origin, on compliance.Date) ([]Group, []Renewal) {
	type member struct {
		origin int
		p      *processor.Processor
	}
	groups := map[string][]member{}
	var order []string
	var renewals []Renewal
	for i := range origins {
		for j := range origins[i].Processors {
			p := &origins[i].Processors[j]
			k := processorKey(p)
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], member{i, p})
			if ag, ok := inForce(p, on); ok {
				renewals = append(renewals, Renewal{Processor: p.Name, Agreement: ag.ID, From: Source{Origin: i, ID: p.ID.String()}})
			}
		}
	}
	var out []Group
	for _, k := range order {
		ms := groups[k]
		g := Group{Name: ms[0].p.Name}
		for _, m := range ms {
			g.From = append(g.From, Source{Origin: m.origin, ID: m.p.ID.String()})
		}
		for _, m := range ms[1:] {
			g.Differs = appendUnique(g.Differs, processorDiff(ms[0].p, m.p, on)...)
		}
		slices.Sort(g.Differs)
		out = append(out, g)
	}
	return out, renewals
}

// inForce returns the agreement in force on day on: from on or before it,
// to on or after it (or open-ended), the latest to start.
func inForce(p *processor.Processor, on compliance.Date) (processor.Agreement, bool) {
	var best processor.Agreement
	found := false
	for _, a := range p.Agreements {
		if a.From.IsZero() || a.From.After(on) || (!a.To.IsZero() && a.To.Before(on)) {
			continue
		}
		if !found || a.From.After(best.From) {
			best, found = a, true
		}
	}
	return best, found
}

func processorDiff(a, b *processor.Processor, on compliance.Date) []Aspect {
	// Sub-processors removed by the merger date no longer count.
	var d []Aspect
	if a.Country != b.Country {
		d = append(d, AspectCountry)
	}
	aa, aok := inForce(a, on)
	ba, bok := inForce(b, on)
	if aok != bok || aok && (aa.Template != ba.Template || aa.From != ba.From || aa.To != ba.To || aa.Clauses != ba.Clauses ||
		aa.Data != ba.Data || aa.Subjects != ba.Subjects) {
		d = append(d, AspectAgreement)
	}
	latest := func(p *processor.Processor) compliance.Date {
		var l compliance.Date
		for _, x := range p.Audits {
			if x.Issued.After(l) {
				l = x.Issued
			}
		}
		return l
	}
	if latest(a) != latest(b) {
		d = append(d, AspectAudit)
	}
	subs := func(p *processor.Processor) []string {
		var s []string
		for _, x := range p.SubProcessors {
			if !x.Removed.IsZero() && !x.Removed.After(on) {
				continue
			}
			s = append(s, normal(x.Name)+"|"+x.Country.String())
		}
		slices.Sort(s)
		return s
	}
	if !slices.Equal(subs(a), subs(b)) {
		d = append(d, AspectSubProcessors)
	}
	return d
}

func matchRules(origins []Origin) []RuleGroup {
	type key struct {
		scheme retention.Scheme
		class  string
	}
	type member struct {
		origin int
		r      *retention.Rule
	}
	groups := map[key][]member{}
	var order []key
	for i := range origins {
		for j := range origins[i].Rules {
			r := &origins[i].Rules[j]
			k := key{r.Scheme, strings.TrimSpace(r.Class)}
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], member{i, r})
		}
	}
	slices.SortFunc(order, func(a, b key) int { return cmp.Or(cmp.Compare(a.scheme, b.scheme), cmp.Compare(a.class, b.class)) })
	var out []RuleGroup
	for _, k := range order {
		ms := groups[k]
		g := RuleGroup{Scheme: k.scheme, Class: k.class}
		for _, m := range ms {
			g.From = append(g.From, Source{Origin: m.origin, ID: m.r.ID.String()})
		}
		for _, m := range ms[1:] {
			a, b := ms[0].r, m.r
			if a.Period != b.Period || a.Bevaringstid != b.Bevaringstid {
				g.Differs = appendUnique(g.Differs, AspectPeriod)
			}
			if a.Bevaring != b.Bevaring || a.Kassasjonsvedtak != b.Kassasjonsvedtak {
				g.Differs = appendUnique(g.Differs, AspectArchive)
			}
			if a.Disposition != b.Disposition || a.Trigger != b.Trigger {
				g.Differs = appendUnique(g.Differs, AspectDisposition)
			}
		}
		slices.Sort(g.Differs)
		out = append(out, g)
	}
	return out
}
