package processor_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// Planted personal data and free text (issue 14, item 5).
const (
	plantedName    = "Jens Hansen"
	plantedEmail   = "jens.hansen@example.dk"
	plantedPhone   = "+45 12 34 56 78"
	plantedAddress = "Hjemmevej 7, 3000 Helsingør"
	plantedFree    = "borgeren 070761-4285 klagede"
)

func planted() processor.Processor {
	p := clean()
	p.Contacts = []processor.Contact{{Role: "DPO", Name: plantedName, Email: plantedEmail, Phone: plantedPhone}}
	p.SubProcessors[0].Contact = plantedName
	p.SubProcessors[0].Address = plantedAddress
	p.Audits[0].Deviations = []processor.Deviation{{Control: plantedFree, Description: plantedFree,
		FollowUp: processor.Open, Due: date(2026, time.January, 1)}}
	return p
}

func assertClean(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range []string{plantedName, plantedEmail, plantedPhone, plantedAddress, plantedFree, "070761"} {
		assert.NotContains(t, s, secret, "%s leaks %q", what, secret)
	}
}

// Every fmt verb on a Processor, Contact, SubProcessor, Audit and
// Deviation — by value and by pointer — prints IDs and codes only.
func TestFormatNeverPrintsPersonalData(t *testing.T) {
	p := planted()
	values := map[string]any{
		"processor": p, "*processor": &p, "contact": p.Contacts[0], "contacts": p.Contacts,
		"subProcessor": p.SubProcessors[0], "audit": p.Audits[0], "deviation": p.Audits[0].Deviations[0],
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x", "%X", "%T %v", "%10v", "%-20s"} {
			out := fmt.Sprintf(verb, v)
			assertClean(t, name+" "+verb, out)
		}
		assertClean(t, name+" Sprint", fmt.Sprint(v))
		assertClean(t, name+" Sprintln", fmt.Sprintln(v))
	}
	assert.Contains(t, fmt.Sprint(p), p.ID.String(), "the ID is printed")
}

// slog's text and JSON handlers write the LogValue forms.
func TestSlogNeverWritesPersonalData(t *testing.T) {
	p := planted()
	for _, h := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler {
			return slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug})
		},
		func(b *bytes.Buffer) slog.Handler {
			return slog.NewJSONHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug})
		},
	} {
		var buf bytes.Buffer
		log := slog.New(h(&buf))
		log.Info("stored", "processor", p, "ptr", &p, "contact", p.Contacts[0], "sub", p.SubProcessors[0],
			"deviation", p.Audits[0].Deviations[0])
		assertClean(t, "slog", buf.String())
		assert.Contains(t, buf.String(), p.ID.String())
	}
}

// Findings and their rendering never carry deviation text or contact data;
// the registry's debug log neither.
func TestFindingsNeverEchoFreeText(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r, err := processor.NewRegistry(processortest.NewMemStore(), kommune, &processor.Options{Policy: policyDK(), Options: compliance.Options{Logger: log}})
	require.NoError(t, err)
	_, err = r.Put(context.Background(), planted())
	require.NoError(t, err)
	_, err = r.Load(context.Background())
	require.NoError(t, err)
	require.NotEmpty(t, buf.String(), "the registry logs at debug level")
	assertClean(t, "registry log", buf.String())
	s := compile(t, policyDK(), planted())
	d := s.Check(request(), at(t))
	require.Contains(t, codes(d), processor.CodeDeviationOverdue)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assertClean(t, "decision JSON", string(b))
	assertClean(t, "decision %+v", fmt.Sprintf("%+v", d))
	for _, f := range d.Findings {
		assertClean(t, "subject", f.Subject)
	}
	assert.Equal(t, "#1", finding(t, d, processor.CodeDeviationOverdue).Args[0].Text)
	o := s.Overview(at(t), compliance.Months(3))
	b, err = json.Marshal(o)
	require.NoError(t, err)
	assertClean(t, "overview JSON", string(b))
}
