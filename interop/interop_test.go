package interop_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

var ctrl = compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-4000-8000-0000000000c4")}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"  Helbredsoplysninger. ": "helbredsoplysninger",
		"Navn  og\tadresse":       "navn og adresse",
		"USA":                     "usa",
		"":                        "",
	} {
		assert.Equal(t, want, interop.Norm(in), in)
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("æ", 100) // 200 bytes
	got := interop.Clip(long)
	assert.LessOrEqual(t, len(got), interop.MaxValue)
	assert.Equal(t, strings.Repeat("æ", 60), got, "cut on a rune boundary")
	assert.Equal(t, "a b", interop.Clip("a\nb"), "no control characters in a report")
}

func TestNamesOfTheVocabulary(t *testing.T) {
	// CLDR's Danish, Norwegian and English names, and ISO codes.
	for name, want := range map[string]string{"USA": "US", "Storbritannien": "GB", "Storbritannia": "GB", "United Kingdom": "GB", "lu": "LU", "Danmark": "DK"} {
		c, ok := interop.CountryByName(name)
		require.True(t, ok, name)
		assert.Equal(t, want, c.String(), name)
	}
	_, ok := interop.CountryByName("Månen")
	assert.False(t, ok)
	// tillid's own names in the four languages (i18n/GLOSSARY.md).
	for name, want := range map[string]compliance.DataCategory{"helbredsoplysninger": compliance.Health, "helseopplysninger": compliance.Health, "data concerning health": compliance.Health, "health": compliance.Health} {
		c, ok := interop.DataCategoryByName(name)
		require.True(t, ok, name)
		assert.Equal(t, want, c, name)
	}
	s, ok := interop.SubjectCategoryByName("Elever")
	require.True(t, ok)
	assert.Equal(t, compliance.Pupils, s)
}

func TestDeriveIsStablePerKommune(t *testing.T) {
	other := compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-4000-8000-0000000000c5")}
	a := interop.Derive(ctrl, "kitos", "organization", "x")
	assert.Equal(t, a, interop.Derive(ctrl, "kitos", "organization", "x"))
	assert.NotEqual(t, a, interop.Derive(other, "kitos", "organization", "x"), "two kommuner, two records")
	assert.NotEqual(t, a, interop.Derive(ctrl, "kitos", "organizationx"), "parts are separated")
	assert.Equal(t, uuid.Version(5), a.Version())
}

func registry(t *testing.T) *processor.Registry {
	r, err := processor.NewRegistry(processortest.NewMemStore(), ctrl, &processor.Options{Policy: processor.Policy{Jurisdiction: compliance.DK},
		Options: compliance.Options{Now: func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }}})
	require.NoError(t, err)
	return r
}

func proc(name string) processor.Processor {
	cvr, _ := ident.ParseCVR("41234563")
	return processor.Processor{ID: compliance.ProcessorID{UUID: interop.Derive(ctrl, "test", name)}, Name: name, CVR: cvr, Country: compliance.MustCountry("DK")}
}

func TestBatchPlansAndApplies(t *testing.T) {
	reg := registry(t)
	ctx := context.Background()
	b := interop.NewBatch("test")
	assert.Equal(t, interop.Create, b.Plan("test:a", nil, proc("A")))
	invalid := proc("B")
	invalid.Country = compliance.Country{}
	assert.Equal(t, interop.Skip, b.Plan("test:b", nil, invalid))
	r := b.Report()
	assert.True(t, r.Blocked())
	assert.Equal(t, "country", r.Issues[0].Source.Field, "the invalid field is named")
	_, err := b.Apply(ctx, reg)
	require.ErrorIs(t, err, interop.ErrBlocked)
	_, err = reg.Get(ctx, proc("A").ID)
	require.ErrorIs(t, err, compliance.ErrNotFound, "nothing written")

	b = interop.NewBatch("test")
	b.Plan("test:a", nil, proc("A"))
	rep, err := b.Apply(ctx, reg)
	require.NoError(t, err)
	assert.Equal(t, []string{"test:a"}, rep.Written)
	stored, err := reg.Get(ctx, proc("A").ID)
	require.NoError(t, err)

	// Unchanged ignores the version; a changed service is an update of
	// that field.
	b = interop.NewBatch("test")
	same := stored.Clone()
	assert.Equal(t, interop.Unchanged, b.Plan("test:a", &stored, same))
	changed := stored.Clone()
	changed.Service = "ESDH"
	assert.Equal(t, interop.Update, b.Plan("test:a", &stored, changed))
	assert.Equal(t, []string{"service"}, b.Report().Changes[1].Fields)
}

// conflicting is a registry whose writes conflict, as when another
// process changed the record since it was planned.
type conflicting struct{ interop.Registry }

func (conflicting) Put(context.Context, processor.Processor) (processor.Processor, error) {
	return processor.Processor{}, compliance.ErrConflict
}

func TestApplyStopsAtAConflict(t *testing.T) {
	b := interop.NewBatch("test")
	b.Plan("test:a", nil, proc("A"))
	b.Plan("test:b", nil, proc("B"))
	r, err := b.Apply(context.Background(), conflicting{registry(t)})
	require.True(t, errors.Is(err, compliance.ErrConflict))
	assert.Empty(t, r.Written)
	assert.Equal(t, "test:a", r.Failed)
	doc := r.Document()
	assert.Equal(t, interop.CodePartial, doc.Blocks[0].Text.Key)
}

func TestReportListsAnIssueOnce(t *testing.T) {
	var r interop.Report
	src := interop.Source{System: "kitos", Entity: "data-processing-registration", ID: "r1", Field: "general.basisForTransfer"}
	r.Add(interop.CodeUnmapped, src, "Andet", false)
	r.Add(interop.CodeUnmapped, src, "Andet", false)
	assert.Len(t, r.Issues, 1)
	assert.Equal(t, "kitos data-processing-registration r1 general.basisForTransfer", src.String())
}
