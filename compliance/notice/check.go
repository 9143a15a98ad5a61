package notice

import (
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// Finding codes of [Check].
const (
	// CodeUncovered: "No privacy notice covers the activity %[1]s"
	// (activity name). Violation: Art 13 and 14 apply to every processing.
	CodeUncovered compliance.Code = "notice.uncovered"
	// CodeMissingItem: "The notice %[1]s does not say %[2]s" (title,
	// item). Violation.
	CodeMissingItem compliance.Code = "notice.missing-item"
	// CodeOutdated: "The notice %[1]s was last revised on %[2]s, before
	// the activity %[3]s changed" (title, date, activity name). Warning.
	CodeOutdated compliance.Code = "notice.outdated"
	// CodeUnknownActivity: "The notice %[1]s refers to an activity that
	// is not in the register" (title). Warning.
	CodeUnknownActivity compliance.Code = "notice.unknown-activity"
)

// Codes lists every finding code of [Check].
func Codes() []compliance.Code {
	return []compliance.Code{CodeUncovered, CodeMissingItem, CodeOutdated, CodeUnknownActivity}
}

// Required returns the items notice n must contain given the activities it
// covers (those of covered that it names): the items Art 13 and 14 always
// require, and those that follow from the processing — the legitimate
// interests where a purpose rests on Art 6(1)(f); the right to withdraw
// consent where one rests on Art 6(1)(a) or 9(2)(a); the transfers where an
// activity records one; the categories and the source for data obtained
// from others; whether providing the data is required for data collected
// from the person; automated decisions where n says they exist.
func Required(n Notice, covered []record.Activity) Items {
	req := ItemsOf(Identity, DPOContact, Purposes, Recipients, Retention, Rights, Complaint)
	if n.Direct {
		req = req.With(Requirement)
	}
	if n.Indirect {
		req = req.With(Categories).With(Source)
	}
	if n.Automated {
		req = req.With(AutomatedDecisions)
	}
	for _, a := range covered {
		for _, p := range a.Purposes {
			switch p.Basis {
			case compliance.LegitimateInterests:
				req = req.With(LegitimateInterests)
			case compliance.Consent:
				req = req.With(WithdrawConsent)
			}
		}
		for _, c := range a.Special.Conditions {
			if c == compliance.ExplicitConsent {
				req = req.With(WithdrawConsent)
			}
		}
		if len(a.Transfers) > 0 {
			req = req.With(Transfers)
		}
	}
	return req
}

// Check checks the notices against the register of activities at instant
// at: every activity of the controller (Art 30(1)) must be covered by a
// notice; every notice must contain what [Required] says; a notice revised
// before an activity it covers last changed (the dates compared in at's
// location) is outdated (WP260 rev.01, "Changes to Article 13 and Article
// 14 information": a notice must be kept up to date with the processing it
// describes; the guidelines' paragraph numbers are not cited because they
// could not be verified; any change to the activity's record counts, so a
// DPO may find an edit that does not touch the notice's content).
// Activities of a processor's record (Art 30(2)) need
// no notice of the kommune's. Findings name notices by title and activities
// by name, never a person.
func Check(notices []Notice, activities []record.Activity, at time.Time) []compliance.Finding {
	byID := make(map[record.ActivityID]*record.Activity, len(activities))
	for i := range activities {
		byID[activities[i].ID] = &activities[i]
	}
	covered := make(map[record.ActivityID]bool)
	var fs []compliance.Finding
	for _, n := range notices {
		var acts []record.Activity
		unknown := false
		for _, id := range n.Activities {
			a, ok := byID[id]
			if !ok {
				unknown = true
				continue
			}
			covered[id] = true
			acts = append(acts, *a)
		}
		subject := "notices/" + n.ID.String()
		if unknown {
			fs = append(fs, compliance.Finding{Code: CodeUnknownActivity, Severity: compliance.Warning,
				Principle: compliance.Lawfulness, Refs: compliance.RefsOf(compliance.GDPR(12, 1, "")),
				Args: []compliance.Arg{compliance.Text(n.Title)}, Subject: subject})
		}
		req := Required(n, acts)
		for i := range req.All() {
			if n.Contains.Has(i) {
				continue
			}
			fs = append(fs, compliance.Finding{Code: CodeMissingItem, Severity: compliance.Violation,
				Principle: compliance.Lawfulness, Refs: i.Refs(n.Direct, n.Indirect),
				Args: []compliance.Arg{compliance.Text(n.Title), compliance.Name(i)}, Subject: subject})
		}
		for _, a := range acts {
			if a.Updated.IsZero() {
				continue
			}
			if compliance.DateOf(a.Updated.In(at.Location())).After(n.Revised) {
				fs = append(fs, compliance.Finding{Code: CodeOutdated, Severity: compliance.Warning,
					Principle: compliance.Lawfulness, Refs: compliance.RefsOf(compliance.GDPR(12, 1, ""), compliance.Guidance(compliance.WP29, "WP260 rev.01", "")),
					Args:    []compliance.Arg{compliance.Text(n.Title), compliance.DateArg(n.Revised), compliance.Text(a.Name)},
					Subject: subject})
			}
		}
	}
	for _, a := range activities {
		if a.Role != record.RoleController || covered[a.ID] {
			continue
		}
		fs = append(fs, compliance.Finding{Code: CodeUncovered, Severity: compliance.Violation,
			Principle: compliance.Lawfulness,
			Refs:      compliance.RefsOf(compliance.GDPR(12, 1, ""), compliance.GDPR(13, 1, ""), compliance.GDPR(14, 1, "")),
			Args:      []compliance.Arg{compliance.Text(a.Name)}, Subject: "activities/" + a.ID.String()})
	}
	return fs
}
