package merger

import (
	"slices"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// Finding codes.
const (
	// CodeActivityDiffers: "The activity %[1]s is recorded by %[2]d of the
	// kommuner, differently in: %[3]s" (name, count, aspects). Warning.
	CodeActivityDiffers compliance.Code = "merger.activity-differs"
	// CodeActivityMatched: "The activity %[1]s is recorded alike by %[2]d
	// of the kommuner" (name, count). Info.
	CodeActivityMatched compliance.Code = "merger.activity-matched"
	// CodeProcessorConflict: "The kommuner's records of the processor %[1]s
	// differ in: %[2]s" (name, aspects). Warning.
	CodeProcessorConflict compliance.Code = "merger.processor-conflict"
	// CodeProcessorShared: "The processor %[1]s is used by %[2]d of the
	// kommuner and becomes one record" (name, count). Info.
	CodeProcessorShared compliance.Code = "merger.processor-shared"
	// CodeRenew: "The agreement with %[1]s names %[2]s as controller: conclude
	// it anew with the new kommune by %[3]s" (processor, origin, date).
	// Warning.
	CodeRenew compliance.Code = "merger.agreement-renew"
	// CodeUpdate: "The agreement with %[1]s passes to the new kommune;
	// update the controller it names from %[2]s by %[3]s". Info.
	CodeUpdate compliance.Code = "merger.agreement-update"
	// CodeRevisit: "Review the DPIA %[1]s of %[2]s: a new controller and
	// merged systems change the processing" (title, origin). Warning.
	CodeRevisit compliance.Code = "merger.dpia-revisit"
	// CodeRuleConflict: "The kommuner's retention rules for %[1]s %[2]s
	// differ in: %[3]s" (scheme, class, aspects). Warning.
	CodeRuleConflict compliance.Code = "merger.retention-conflict"
	// CodeBreaches: "%[1]s's breach statistics are carried over: %[2]d
	// incidents registered, %[3]d breaches, %[4]d notified" (origin, counts).
	// Info.
	CodeBreaches compliance.Code = "merger.breaches-carried"
)

// Codes lists every finding code of the package.
func Codes() []compliance.Code {
	return []compliance.Code{CodeActivityDiffers, CodeActivityMatched, CodeProcessorConflict, CodeProcessorShared,
		CodeRenew, CodeUpdate, CodeRevisit, CodeRuleConflict, CodeBreaches}
}

func findings(m Merger, origins []Origin, pol Policy) []compliance.Finding {
	var fs []compliance.Finding
	art30 := func() compliance.Refs {
		return compliance.RefsOf(compliance.GDPR(30, 1, ""), compliance.GDPR(5, 2, ""))
	}
	for _, g := range m.Activities {
		n := g.Origins()
		if n < 2 {
			continue
		}
		if len(g.Differs) > 0 {
			fs = append(fs, compliance.Finding{Code: CodeActivityDiffers, Severity: compliance.Warning,
				Principle: compliance.Accountability, Refs: art30(),
				Args: []compliance.Arg{compliance.Text(g.Name), compliance.Int(n), compliance.Names(slices.Values(g.Differs))}})
		} else {
			fs = append(fs, compliance.Finding{Code: CodeActivityMatched, Severity: compliance.Info,
				Principle: compliance.Accountability, Refs: art30(),
				Args: []compliance.Arg{compliance.Text(g.Name), compliance.Int(n)}})
		}
	}
	for _, g := range m.Processors {
		switch {
		case len(g.Differs) > 0:
			fs = append(fs, compliance.Finding{Code: CodeProcessorConflict, Severity: compliance.Warning,
				Principle: compliance.Accountability, Refs: compliance.RefsOf(compliance.GDPR(28, 1, ""), compliance.GDPR(28, 3, "")),
				Args: []compliance.Arg{compliance.Text(g.Name), compliance.Names(slices.Values(g.Differs))}})
		case g.Origins() > 1:
			fs = append(fs, compliance.Finding{Code: CodeProcessorShared, Severity: compliance.Info,
				Principle: compliance.Accountability, Refs: compliance.RefsOf(compliance.GDPR(28, 1, "")),
				Args: []compliance.Arg{compliance.Text(g.Name), compliance.Int(g.Origins())}})
		}
	}
	for _, r := range m.Renewals {
		code, sev := CodeRenew, compliance.Warning
		if pol.Succession {
			code, sev = CodeUpdate, compliance.Info
		}
		fs = append(fs, compliance.Finding{Code: code, Severity: sev, Principle: compliance.Accountability,
			Refs:    compliance.RefsOf(compliance.GDPR(28, 3, ""), compliance.GDPR(28, 9, "")),
			Args:    []compliance.Arg{compliance.Text(r.Processor), compliance.Text(m.Origins[r.From.Origin]), compliance.DateArg(m.On)},
			Subject: "processors/" + r.From.ID + "/agreements/" + agreementID(r.Agreement)})
	}
	for i, o := range origins {
		for _, a := range o.DPIAs {
			fs = append(fs, compliance.Finding{Code: CodeRevisit, Severity: compliance.Warning, Principle: compliance.Accountability,
				Refs: compliance.RefsOf(compliance.GDPR(35, 11, "")),
				Args: []compliance.Arg{compliance.Text(a.Title), compliance.Text(m.Origins[i])}, Subject: "dpias/" + a.ID.String()})
		}
	}
	for _, g := range m.Rules {
		if len(g.Differs) == 0 {
			continue
		}
		fs = append(fs, compliance.Finding{Code: CodeRuleConflict, Severity: compliance.Warning, Principle: compliance.StorageLimitation,
			Refs: compliance.RefsOf(compliance.GDPR(5, 1, "e")),
			Args: []compliance.Arg{compliance.Name(g.Scheme), compliance.Text(g.Class), compliance.Names(slices.Values(g.Differs))}})
	}
	for _, c := range m.Breaches {
		var reg, br, notified int
		for _, s := range c.Stats {
			reg += s.Registered
			br += s.Breaches
			notified += s.Notified
		}
		fs = append(fs, compliance.Finding{Code: CodeBreaches, Severity: compliance.Info, Principle: compliance.Accountability,
			Refs: compliance.RefsOf(compliance.GDPR(33, 5, "")),
			Args: []compliance.Arg{compliance.Text(m.Origins[c.Origin]), compliance.Int(reg), compliance.Int(br), compliance.Int(notified)}})
	}
	return fs
}

func agreementID(id processor.AgreementID) string { return id.String() }
