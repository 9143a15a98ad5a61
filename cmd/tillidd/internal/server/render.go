package server

import (
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// Finding is a finding as the API returns it: the library's code,
// severity and references, with the text rendered in the request's
// language.
type Finding struct {
	Code      compliance.Code `json:"code"`
	Severity  string          `json:"severity"`
	Principle string          `json:"principle,omitempty"`
	Subject   string          `json:"subject,omitempty"`
	Refs      []Ref           `json:"refs"`
	Text      string          `json:"text"`
}

// Ref is a legal reference: its canonical form and its citation in the
// request's language.
type Ref struct {
	Ref  string `json:"ref"`
	Text string `json:"text"`
}

func renderFindings(p *i18n.Printer, fs []compliance.Finding) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		o := Finding{Code: f.Code, Severity: f.Severity.String(), Subject: f.Subject, Text: p.Finding(f),
			Refs: make([]Ref, f.Refs.Len())}
		if f.Principle.Valid() {
			o.Principle = f.Principle.String()
		}
		for j, r := range f.Refs.All() {
			o.Refs[j] = Ref{Ref: r.String(), Text: p.Ref(r)}
		}
		out[i] = o
	}
	return out
}
