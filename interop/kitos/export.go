package kitos

import (
	"slices"
	"time"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/processor"
)

// Export gives the processor records of kommune c back in KITOS's shapes:
// one data processing registration per agreement (its UUID the
// agreement's ID, so agreements imported from KITOS keep their KITOS
// UUID), naming the processor (by its KITOS identity, or its tillid ID
// when it has none) and its sub-processors, with the agreement's date,
// transfer instruction and countries; the supervision interval and the
// audits of the types m maps as oversight; and one system usage per
// purpose carrying the agreement's data categories (by their Danish names,
// or KITOS's GDPRPersonalDataChoice for CPR numbers, social problems and
// other purely private matters). Importing the result with the same
// mapping gives the same records: [Plan] finds every one unchanged.
//
// What KITOS cannot hold is left out: agreements' clauses, scopes of
// subjects, audits' opinions, locations, DPF certifications, contacts.
// KITOS's write API (POST/PUT api/v2/data-processing-registrations) is not
// called: the host sends the shapes with its own credentials and review.
func Export(c compliance.ControllerID, ps []processor.Processor, m Mapping) Source {
	da := i18n.NewPrinter(language.Danish)
	optionOf := map[processor.AuditType]string{}
	for name, t := range m.AuditTypes {
		if cur, ok := optionOf[t]; !ok || name < cur {
			optionOf[t] = name
		}
	}
	var src Source
	for _, p := range ps {
		org := Organization{UUID: p.ID.String(), Name: p.Name}
		for _, e := range p.ExternalIDs {
			if e.Scheme == processor.KITOS {
				org.UUID = e.ID
			}
		}
		switch {
		case !p.CVR.IsZero():
			org.CVR = p.CVR.String()
		case !p.OrgNr.IsZero():
			org.CVR = p.OrgNr.String()
		}
		var subs []SubDataProcessor
		for _, s := range p.SubProcessors {
			sd := SubDataProcessor{DataProcessorOrganization: Organization{UUID: s.ID.String(), Name: s.Name}}
			for _, l := range s.Locations {
				if !l.Country.IsZero() && !l.Country.EEA() {
					sd.TransferToInsecureThirdCountry = "Yes"
					sd.InsecureThirdCountrySubjectToDataProcessing = &Identity{Name: da.Country(l.Country)}
					break
				}
			}
			subs = append(subs, sd)
		}
		var ov Oversight
		switch months(p.Supervision.Interval) {
		case 6:
			ov.OversightInterval = "BiYearly"
		case 12:
			ov.OversightInterval = "Yearly"
		case 24:
			ov.OversightInterval = "EveryOtherYear"
		}
		var types []processor.AuditType
		for _, a := range p.Audits {
			if name, ok := optionOf[a.Type]; ok && !a.Type.HasOpinion() && !a.Type.OverPeriod() {
				ov.OversightDates = append(ov.OversightDates, OversightDate{UUID: a.ID.String(), CompletedAt: dateTime(a.Issued)})
				if !slices.Contains(types, a.Type) {
					types = append(types, a.Type)
					ov.OversightOptions = append(ov.OversightOptions, Identity{Name: name})
				}
			}
		}
		if !p.Supervision.Interval.IsZero() && ov.OversightInterval == "" {
			ov.OversightInterval = "Other"
		}
		for _, a := range p.Agreements {
			r := Registration{UUID: a.ID.String(), Name: a.Reference, Oversight: ov,
				General: General{DataProcessors: []Organization{org}, SubDataProcessors: subs}}
			if r.Name == "" {
				r.Name = p.Name
			}
			if len(subs) > 0 {
				r.General.HasSubDataProcessors = "Yes"
			}
			if a.Signed.IsZero() {
				r.General.IsAgreementConcluded = "No"
			} else {
				r.General.IsAgreementConcluded = "Yes"
				r.General.AgreementConcludedAt = dateTime(a.Signed)
			}
			switch a.Transfers {
			case processor.TransfersNone:
				r.General.TransferToInsecureThirdCountries = "No"
			case processor.TransfersListed:
				r.General.TransferToInsecureThirdCountries = "Yes"
				for _, cc := range a.TransferCountries {
					r.General.InsecureCountriesSubjectToDataTransfer = append(r.General.InsecureCountriesSubjectToDataTransfer, Identity{Name: da.Country(cc)})
				}
			}
			purposes := a.Purposes
			if len(purposes) == 0 && a.Data != 0 {
				purposes = []string{""}
			}
			for i, purpose := range purposes {
				u := SystemUsage{UUID: interop.Derive(c, System, "usage", a.ID.String(), purpose).String(),
					SystemContext: Identity{Name: r.Name}, GDPR: GDPR{Purpose: purpose}}
				if i == 0 {
					for d := range a.Data.All() {
						switch d {
						case compliance.NationalID:
							u.GDPR.SpecificPersonalData = append(u.GDPR.SpecificPersonalData, "CprNumber")
						case compliance.SocialIssues:
							u.GDPR.SpecificPersonalData = append(u.GDPR.SpecificPersonalData, "SocialProblems")
						case compliance.Family:
							u.GDPR.SpecificPersonalData = append(u.GDPR.SpecificPersonalData, "OtherPrivateMatters")
						default:
							u.GDPR.RegisteredDataCategories = append(u.GDPR.RegisteredDataCategories, Identity{Name: da.Name(d)})
						}
					}
				}
				src.SystemUsages = append(src.SystemUsages, u)
				r.SystemUsages = append(r.SystemUsages, Identity{UUID: u.UUID, Name: u.SystemContext.Name})
			}
			src.Registrations = append(src.Registrations, r)
		}
	}
	return src
}

func dateTime(d compliance.Date) Time {
	return Time{t: d.In(time.UTC), date: d}
}
