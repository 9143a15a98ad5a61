package os2compliance

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/processor"
)

// System is the name of OS2compliance in reports and derived identities.
const System = "os2compliance"

// Issue codes of the OS2compliance import, in addition to interop's.
const (
	CodeNotConcluded    compliance.Code = "interop.os2compliance.agreement-not-concluded"
	CodeNoDate          compliance.Code = "interop.os2compliance.agreement-date-missing"
	CodeCountryUnknown  compliance.Code = "interop.os2compliance.country-unknown"
	CodeSupervision     compliance.Code = "interop.os2compliance.supervision-model"
	CodeSupplierMissing compliance.Code = "interop.os2compliance.supplier-missing"
	CodeThirdCountry    compliance.Code = "interop.os2compliance.third-country"
)

// Codes yields the issue codes of the OS2compliance import, for the i18n
// test.
func Codes() []compliance.Code {
	return []compliance.Code{CodeNotConcluded, CodeNoDate, CodeCountryUnknown, CodeSupervision, CodeSupplierMissing, CodeThirdCountry}
}

// PlanOptions configures [Plan].
type PlanOptions struct {
	// Template is recorded on agreements; OS2compliance does not record the
	// text an agreement is built on. Zero means "custom", which claims no
	// clauses (see kitos.Mapping.Template for the reasoning).
	Template processor.Template
	// Countries maps the suppliers' free-text country names to countries,
	// beyond the ISO codes and CLDR names [interop.CountryByName] knows.
	Countries map[string]compliance.Country
}

// Interval returns the supervision interval of an OS2compliance
// NextInspection value: MONTH one month, QUARTER three, HALF_YEAR six,
// YEAR one year, EVERY_2_YEARS and EVERY_3_YEARS two and three years.
// DATE (a fixed date) and DBS (follow the Data Processor Secretariat's
// schedule) are no interval: ok is false.
func Interval(v string) (compliance.Period, bool) {
	switch v {
	case "MONTH":
		return compliance.Months(1), true
	case "QUARTER":
		return compliance.Months(3), true
	case "HALF_YEAR":
		return compliance.Months(6), true
	case "YEAR":
		return compliance.Years(1), true
	case "EVERY_2_YEARS":
		return compliance.Years(2), true
	case "EVERY_3_YEARS":
		return compliance.Years(3), true
	}
	return compliance.Period{}, false
}

func months(p compliance.Period) int {
	if p.Unit == compliance.UnitYears {
		return 12 * p.N
	}
	return p.N
}

// Lister lists a kommune's processor records (see kitos.StoreLister).
type Lister interface {
	List(ctx context.Context) ([]processor.Processor, error)
}

// Plan maps src into the processor records of kommune c and returns the
// batch that would write them, with its report; nothing is written.
//
// Per supplier: a processor with the supplier's OS2compliance ID as its
// processor.ExternalID (re-imports find it by it; a record the kommune
// made by hand with the same CVR number and no OS2compliance identity is
// adopted), its name, its CVR number when it is a valid Danish one, its
// country (the supplier's country by name, or Denmark for a valid CVR
// number; otherwise the supplier is not imported) and its contact person.
// Per asset of the supplier: an agreement (its ID made from the asset's ID)
// when dataProcessingAgreementStatus is YES and
// dataProcessingAgreementDate is set, signed and in force from that date,
// referenced by the asset's name; the asset's next-inspection interval
// ([Interval]; the shortest over the supplier's assets) as the
// supervision interval; its sub-suppliers as sub-processors (ID made
// from the sub-supplier's ID, with the service of the asset page when the
// file has it). The supervision model is the kommune's plan for how it
// supervises, not evidence of a supervision, and is reported, not
// recorded as an audit; a sub-supplier's third-country transfer is
// reported with its acceptance basis, since OS2compliance names neither
// the country nor the access.
func Plan(ctx context.Context, l Lister, c compliance.ControllerID, src Source, o *PlanOptions) (*interop.Batch, error) {
	if c.IsZero() {
		return nil, &compliance.FieldError{Field: "controller", Reason: compliance.ReasonRequired}
	}
	var opt PlanOptions
	if o != nil {
		opt = *o
	}
	if opt.Template == 0 {
		opt.Template = processor.TemplateCustom
	}
	if !opt.Template.Valid() {
		return nil, &compliance.FieldError{Field: "template", Reason: compliance.ReasonUnknown}
	}
	existing, err := l.List(ctx)
	if err != nil {
		return nil, err
	}
	b := interop.NewBatch(System)
	byExt := map[string]*processor.Processor{}
	byCVR := map[string][]*processor.Processor{}
	for i := range existing {
		p := &existing[i]
		for _, e := range p.ExternalIDs {
			if e.Scheme == processor.OS2compliance {
				byExt[e.ID] = p
			}
		}
		if !p.CVR.IsZero() {
			byCVR[p.CVR.String()] = append(byCVR[p.CVR.String()], p)
		}
	}
	assets := map[int64][]Asset{}
	known := map[int64]bool{}
	for _, s := range src.Suppliers {
		known[s.ID] = true
	}
	for _, a := range src.Assets {
		if a.Supplier == nil {
			continue
		}
		if !known[a.Supplier.ID] {
			b.Report().Add(CodeSupplierMissing, interop.Source{System: System, Entity: "asset", ID: strconv.FormatInt(a.ID, 10), Field: "supplier.id"}, "", false)
			continue
		}
		assets[a.Supplier.ID] = append(assets[a.Supplier.ID], a)
	}
	suppliers := slices.Clone(src.Suppliers)
	slices.SortFunc(suppliers, func(x, y Supplier) int { return compare(x.ID, y.ID) })
	for _, s := range suppliers {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		id := strconv.FormatInt(s.ID, 10)
		key := processor.ExternalID{Scheme: processor.OS2compliance, ID: id}.String()
		old := byExt[id]
		if old == nil {
			if n, err := ident.ParseCVR(strings.TrimSpace(s.CVR)); err == nil {
				var cands []*processor.Processor
				for _, p := range byCVR[n.String()] {
					if !slices.ContainsFunc(p.ExternalIDs, func(e processor.ExternalID) bool { return e.Scheme == processor.OS2compliance }) {
						cands = append(cands, p)
					}
				}
				if len(cands) == 1 {
					old = cands[0]
				}
			}
		}
		var want processor.Processor
		if old != nil {
			want = old.Clone()
		} else {
			want.ID = compliance.ProcessorID{UUID: interop.Derive(c, System, "supplier", id)}
		}
		ext := processor.ExternalID{Scheme: processor.OS2compliance, ID: id}
		if i := slices.IndexFunc(want.ExternalIDs, func(e processor.ExternalID) bool { return e.Scheme == processor.OS2compliance }); i >= 0 {
			want.ExternalIDs[i] = ext
		} else {
			want.ExternalIDs = append(want.ExternalIDs, ext)
		}
		want.Name = strings.Join(strings.Fields(s.Name), " ")
		src := func(f string) interop.Source {
			return interop.Source{System: System, Entity: "supplier", ID: id, Field: f}
		}
		if n, err := ident.ParseCVR(strings.TrimSpace(s.CVR)); err == nil {
			want.CVR = n
		} else if strings.TrimSpace(s.CVR) != "" {
			b.Report().Add(interop.CodeUnmapped, src("cvr"), s.CVR, false)
		}
		country := compliance.Country{}
		if s.Country != "" {
			if cc, ok := lookupCountry(opt.Countries, s.Country); ok {
				country = cc
			} else {
				b.Report().Add(interop.CodeUnmapped, src("country"), s.Country, false)
			}
		}
		if country.IsZero() && !want.CVR.IsZero() {
			country = compliance.MustCountry("DK")
		}
		if !country.IsZero() {
			want.Country = country
		}
		if want.Country != compliance.MustCountry("DK") {
			want.CVR = ident.CVR{}
		}
		if want.Country.IsZero() {
			b.Report().Add(CodeCountryUnknown, src("country"), "", true)
			b.Skip(key, want.Name)
			continue
		}
		if c := strings.TrimSpace(s.Contact); c != "" || s.Email != "" {
			ct := processor.Contact{Name: c, Email: strings.TrimSpace(s.Email), Phone: strings.TrimSpace(s.Phone)}
			if !slices.Contains(want.Contacts, ct) {
				want.Contacts = append(want.Contacts, ct)
			}
		}
		planAssets(b, c, &want, assets[s.ID], opt)
		b.Plan(key, old, want)
	}
	return b, nil
}

func compare(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func lookupCountry(m map[string]compliance.Country, name string) (compliance.Country, bool) {
	for k, v := range m {
		if interop.Norm(k) == interop.Norm(name) {
			return v, true
		}
	}
	return interop.CountryByName(name)
}

func planAssets(b *interop.Batch, c compliance.ControllerID, want *processor.Processor, as []Asset, opt PlanOptions) {
	var interval compliance.Period
	for _, a := range as {
		id := strconv.FormatInt(a.ID, 10)
		src := func(f string) interop.Source {
			return interop.Source{System: System, Entity: "asset", ID: id, Field: f}
		}
		aid := compliance.IDFrom[processor.Agreement](numbered(c, "asset", a.ID))
		want.Agreements = slices.DeleteFunc(want.Agreements, func(x processor.Agreement) bool { return x.ID == aid })
		switch {
		case a.DataProcessingAgreementStatus != "YES":
			b.Report().Add(CodeNotConcluded, src("dataProcessingAgreementStatus"), a.DataProcessingAgreementStatus, false)
		case a.DataProcessingAgreementDate == "":
			b.Report().Add(CodeNoDate, src("dataProcessingAgreementDate"), "", false)
		default:
			d, err := compliance.ParseDate(a.DataProcessingAgreementDate)
			if err != nil {
				b.Report().Add(interop.CodeInvalidField, src("dataProcessingAgreementDate"), "", true)
				break
			}
			ref := strings.Join(strings.Fields(a.Name), " ")
			if len(ref) > 200 {
				ref = ""
			}
			want.Agreements = append(want.Agreements, processor.Agreement{ID: aid, Reference: ref, Template: opt.Template, Signed: d, From: d})
		}
		if a.SupervisoryModel != "" {
			b.Report().Add(CodeSupervision, src("supervisoryModel"), a.SupervisoryModel, false)
		}
		if iv, ok := Interval(a.NextInspection); ok {
			if interval.IsZero() || months(iv) < months(interval) {
				interval = iv
			}
		} else if a.NextInspection != "" {
			b.Report().Add(interop.CodeUnmapped, src("nextInspection"), a.NextInspection, false)
		}
		details := map[int64]SubSupplier{}
		for _, d := range a.SubSupplierDetails {
			details[d.Supplier.ID] = d
		}
		subs := slices.Clone(a.SubSuppliers)
		for _, d := range a.SubSupplierDetails {
			if !slices.ContainsFunc(subs, func(r SupplierRef) bool { return r.ID == d.Supplier.ID }) {
				subs = append(subs, d.Supplier)
			}
		}
		for i, r := range subs {
			sid := compliance.IDFrom[processor.SubProcessor](numbered(c, "sub-supplier", r.ID))
			j := slices.IndexFunc(want.SubProcessors, func(x processor.SubProcessor) bool { return x.ID == sid })
			if j < 0 {
				want.SubProcessors = append(want.SubProcessors, processor.SubProcessor{ID: sid})
				j = len(want.SubProcessors) - 1
			}
			sp := &want.SubProcessors[j]
			sp.Name = strings.Join(strings.Fields(r.Name), " ")
			d, ok := details[r.ID]
			if !ok {
				continue
			}
			if s := strings.Join(strings.Fields(d.Service), " "); s != "" && len(s) <= 200 {
				sp.Service = s
			}
			if d.ThirdCountryTransfer == "YES" {
				b.Report().Add(CodeThirdCountry, src("subSupplierDetails["+strconv.Itoa(i)+"].acceptanceBasis"), d.AcceptanceBasis, false)
			}
		}
	}
	if !interval.IsZero() {
		want.Supervision.Interval = interval
	}
	slices.SortStableFunc(want.Agreements, func(x, y processor.Agreement) int { return x.ID.Compare(y.ID) })
	slices.SortStableFunc(want.SubProcessors, func(x, y processor.SubProcessor) int { return x.ID.Compare(y.ID) })
}
