package leaktest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/i18n"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
	"golang.org/x/text/language"
)

// The planted values: synthetic national identity numbers, a name, an
// e-mail address and free text about a citizen. Each is distinctive
// enough that finding it in output means it leaked.
var plants = []string{
	"0707614285",                         // a CPR number, without hyphen
	"070761-4285",                        // and with
	"01015012345",                        // an eleven-digit fødselsnummer
	"Ingeborg Qvistgaard",                // a name
	"ingeborg.qvistgaard@example.dk",     // contact details
	"Borgeren Qvistgaard har misbrug",    // free text about a citizen
	"Qvistgaard bor på Vestergade 12 st", // an address
}

// needles are what the scan looks for: each plant and its most telling
// fragments.
var needles = []string{"0707614285", "070761-4285", "070761", "01015012345", "010150", "Qvistgaard", "qvistgaard"}

// label is planted in the fields whose text findings may quote (the names
// of an activity's purposes, recipients and processors, see
// compliance.Finding); it is looked for everywhere but in findings.
const label = "Etiket Zyxwvut"

// labelFields are the fields compliance.Finding documents as quotable.
var labelFields = map[string]bool{
	"record.Purpose.Name":      true,
	"record.Recipient.Name":    true,
	"record.ProcessorUse.Name": true,
}

// idFields are host-chosen references that the library logs and quotes by
// design and whose documentation says they must not be personal data (a
// case number, not a CPR number).
var idFields = map[string]bool{
	"retention.Record.ID": true,
}

var (
	refType = reflect.TypeFor[compliance.Ref]()
	nidType = reflect.TypeFor[ident.National]()
)

// plant fills every string field of v (a pointer to a struct), every
// string of its string slices and every nested struct, slice of structs
// (given one element) and pointer to a struct, with the plants in turn,
// and sets every national identifier. Legal references are left alone:
// they are the library's, not personal data.
func plant(v reflect.Value, n *int) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			if v.Type().Elem().Kind() != reflect.Struct || !v.CanSet() {
				return
			}
			v.Set(reflect.New(v.Type().Elem()))
		}
		plant(v.Elem(), n)
	case reflect.Struct:
		if v.Type() == refType {
			return
		}
		if v.Type() == nidType {
			id, _ := ident.ParseNational(compliance.DK, plants[1])
			v.Set(reflect.ValueOf(id))
			return
		}
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fv := v.Field(i)
			if f.Type.Kind() == reflect.String && labelFields[t.String()+"."+f.Name] {
				fv.SetString(label)
				continue
			}
			if f.Type.Kind() == reflect.String && idFields[t.String()+"."+f.Name] {
				fv.SetString("R-2025-17")
				continue
			}
			plant(fv, n)
		}
	case reflect.String:
		if v.CanSet() && v.Type() == reflect.TypeFor[string]() {
			v.SetString(plants[*n%len(plants)])
			*n++
		}
	case reflect.Slice:
		if !v.CanSet() {
			return
		}
		et := v.Type().Elem()
		switch {
		case et == reflect.TypeFor[string]():
			v.Set(reflect.ValueOf(append([]string(nil), plants...)).Convert(v.Type()))
		case et.Kind() == reflect.Struct && et != refType:
			s := reflect.MakeSlice(v.Type(), 1, 1)
			plant(s.Index(0), n)
			v.Set(s)
		}
	}
}

// leaks returns the needles (and the label, unless inFindings) found in s.
func leaks(s string, inFindings bool) []string {
	var out []string
	for _, nd := range needles {
		if strings.Contains(s, nd) {
			out = append(out, nd)
		}
	}
	if !inFindings && strings.Contains(s, label) {
		out = append(out, label)
	}
	return out
}

var verbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x"}

// entity is one kind of entity to scan: a planted value, how to validate
// and decode it, and the findings its rules give.
type entity struct {
	name     string
	value    any // a pointer to the planted entity
	validate func() error
	decode   func([]byte) error
	findings func() []compliance.Finding
}

func entities(t *testing.T) []entity {
	at := time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC)
	cal := func(j compliance.Jurisdiction) *compliance.Calendar {
		c, err := compliance.NewCalendar(j, compliance.CalendarOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	n := 0
	var act record.Activity
	plant(reflect.ValueOf(&act), &n)
	act.Controller.Jurisdiction = compliance.DK
	var req rights.Request
	plant(reflect.ValueOf(&req), &n)
	req.Kind, req.Status, req.Received = rights.Access, rights.Received, at.AddDate(0, -2, 0)
	var asmt dpia.Assessment
	plant(reflect.ValueOf(&asmt), &n)
	asmt.Jurisdiction = compliance.DK
	var in dpia.Input
	plant(reflect.ValueOf(&in), &n)
	in.Jurisdiction, in.Custom = compliance.DK, nil
	var rule retention.Rule
	plant(reflect.ValueOf(&rule), &n)
	rule.Jurisdiction, rule.Scheme, rule.Kassasjonsvedtak, rule.Bevaringstid = compliance.NO, retention.Noark, retention.Kasseres, 5
	var rec retention.Record
	plant(reflect.ValueOf(&rec), &n)
	rec.Jurisdiction, rec.Closed, rec.Facet = compliance.NO, compliance.Date{Year: 2015, Month: 1, Day: 1}, ""
	var br breach.Breach
	plant(reflect.ValueOf(&br), &n)
	var pr processor.Processor
	plant(reflect.ValueOf(&pr), &n)

	return []entity{
		{name: "record.Activity", value: &act, validate: act.Validate,
			decode:   func(b []byte) error { _, err := record.DecodeActivity(b); return err },
			findings: func() []compliance.Finding { return append(record.Assess(act, at, nil), act.Missing()...) }},
		{name: "rights.Request", value: &req, validate: req.Validate,
			decode: func(b []byte) error { _, err := rights.DecodeRequest(b); return err },
			findings: func() []compliance.Finding {
				fs, _ := rights.Assess(req, cal(compliance.DK), at, 0)
				return fs
			}},
		{name: "dpia.Assessment", value: &asmt, validate: asmt.Validate,
			decode: func(b []byte) error { _, err := dpia.DecodeAssessment(b); return err },
			findings: func() []compliance.Finding {
				// Keep the planted text, drop what the planting made
				// inconsistent, so that the check runs.
				a := asmt
				a.Screening, a.Risks, a.Measures = 0, nil, nil
				a.Description.LegitimateInterest, a.Description.Processors, a.Description.SubProcessors = "", nil, nil
				a.Necessity.Topics = nil
				a.DPOAdvice.Date, a.DPOAdvice.Conclusion = compliance.Date{Year: 2025, Month: 2, Day: 1}, dpia.ProceedWithChanges
				a.Views.Status, a.Views.Date = dpia.Sought, compliance.Date{Year: 2025, Month: 2, Day: 1}
				a.SignOff, a.Editions, a.Consultation = dpia.SignOff{}, nil, dpia.Consultation{}
				r, err := dpia.Check(a, at, cal(compliance.DK), nil)
				if err != nil {
					t.Logf("dpia.Check: %v", err)
					return nil
				}
				return r.Findings
			}},
		{name: "dpia.Input", value: &in, validate: in.Validate,
			decode: func(b []byte) error { _, err := dpia.DecodeInput(b); return err },
			findings: func() []compliance.Finding {
				s, _ := dpia.Screen(in, nil)
				return s.Findings
			}},
		{name: "retention.Rule", value: &rule, validate: rule.Validate,
			decode: func(b []byte) error { _, err := retention.DecodeRule(b); return err }},
		{name: "retention.Record", value: &rec, validate: rec.Validate,
			decode: func(b []byte) error { _, err := retention.DecodeRecord(b); return err },
			findings: func() []compliance.Finding {
				r := rule
				r.Class, r.Facet = "233", ""
				r.ID = compliance.RetentionRuleID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 9}}
				s, err := retention.Compile([]retention.Rule{r}, retention.Policy{})
				if err != nil {
					t.Logf("Compile: %v", err)
					return nil
				}
				rc := rec
				rc.Class = "233" // a planted class is not a Noark class code: no decision
				d, err := s.Decide(rc, at)
				if err != nil {
					t.Logf("Decide: %v", err)
				}
				x, _ := s.Erasure(rc, at)
				return append(d.Findings(), x.Findings()...)
			}},
		{name: "breach.Breach", value: &br, validate: br.Validate,
			decode: func(b []byte) error { _, err := breach.Decode(b); return err }},
		{name: "processor.Processor", value: &pr, validate: pr.Validate,
			decode: func(b []byte) error { _, err := processor.ParseProcessor(b); return err }},
	}
}

// TestLeakScan (issue 14, "Done means"): personal data planted in every
// field of every entity never appears in an error (Validate, the strict
// decoders, a decoder given the entity with one member broken), in any fmt
// verb of the entity or a pointer to it, in slog's text or JSON handler
// output of it, or in a finding its rules give or the finding's rendering
// in da, nb, nn and en.
func TestLeakScan(t *testing.T) {
	printers := []*i18n.Printer{}
	for _, tag := range []language.Tag{language.Danish, language.Norwegian, language.MustParse("nn"), language.English} {
		printers = append(printers, i18n.NewPrinter(tag))
	}
	for _, e := range entities(t) {
		t.Run(e.name, func(t *testing.T) {
			check := func(what, out string, inFindings bool) {
				t.Helper()
				if l := leaks(out, inFindings); len(l) > 0 {
					if knownLeak[e.name+"/"+what] {
						t.Logf("known open (reported to the package's helper): %s shows %v", what, l)
						return
					}
					t.Errorf("%s shows %v", what, l)
					return
				}
				if knownLeak[e.name+"/"+what] {
					t.Errorf("%s no longer leaks: remove it from knownLeak", what)
				}
			}
			v := reflect.ValueOf(e.value).Elem().Interface()
			for _, verb := range verbs {
				check("fmt "+verb, fmt.Sprintf(verb, v), false)
				check("fmt "+verb+" of a pointer", fmt.Sprintf(verb, e.value), false)
			}
			var buf bytes.Buffer
			slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "e", v)
			check("slog text", buf.String(), false)
			buf.Reset()
			slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "e", v)
			check("slog JSON", buf.String(), false)
			if err := e.validate(); err != nil {
				check("Validate error", err.Error(), false)
				check("Validate error %+v", fmt.Sprintf("%+v", err), false)
				for _, p := range printers {
					check("printed Validate error", p.Error(err), false)
				}
			}
			if doc, err := storageJSON(e.value); err == nil {
				if err := e.decode(doc); err != nil {
					check("decode error", err.Error(), false)
				}
				for _, broken := range breakJSON(doc) {
					if err := e.decode(broken); err != nil {
						check("decode error of a broken document", err.Error(), false)
					}
				}
			}
			if e.findings == nil {
				return
			}
			fs := e.findings()
			if len(fs) == 0 {
				t.Errorf("the rules gave no findings: the scan of findings would check nothing")
			}
			for _, f := range fs {
				js, _ := json.Marshal(f)
				check("finding "+string(f.Code), string(js)+f.Subject, true)
				for _, p := range printers {
					check("printed finding "+string(f.Code), p.Finding(f), true)
				}
			}
		})
	}
}

// storageJSON is the entity's stored JSON form (which holds the data by
// design).
func storageJSON(v any) ([]byte, error) { return json.Marshal(v) }

// breakJSON returns variants of doc with one member's value replaced by a
// value of the wrong type, and with an unknown member named by a plant.
func breakJSON(doc []byte) [][]byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(doc, &m) != nil {
		return nil
	}
	var out [][]byte
	for k := range m {
		c := make(map[string]json.RawMessage, len(m))
		for k2, v := range m {
			c[k2] = v
		}
		c[k] = json.RawMessage(`{"x":"` + plants[0] + `"}`)
		b, _ := json.Marshal(c)
		out = append(out, b)
	}
	m[plants[3]] = json.RawMessage(`"` + plants[2] + `"`)
	b, _ := json.Marshal(m)
	return append(out, b)
}

// knownLeak lists checks known to leak and not yet fixed, as
// "pkg.Type/check". It is empty: every entity passes every check. A listed
// check that leaks is logged, not failed; one that stops leaking fails
// until it is taken off the list, so the list cannot go stale.
var knownLeak = map[string]bool{}
