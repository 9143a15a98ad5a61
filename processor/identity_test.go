package processor_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

const kitosUUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"

func TestExternalIDValidate(t *testing.T) {
	tests := []struct {
		name  string
		e     processor.ExternalID
		field string
	}{
		{"a KITOS UUID", processor.ExternalID{Scheme: processor.KITOS, ID: kitosUUID}, ""},
		{"an OS2compliance number", processor.ExternalID{Scheme: processor.OS2compliance, ID: "1234"}, ""},
		{"no scheme", processor.ExternalID{ID: "1234"}, "scheme"},
		{"an empty ID", processor.ExternalID{Scheme: processor.Local, ID: " "}, "id"},
		{"a KITOS ID that is not a UUID", processor.ExternalID{Scheme: processor.KITOS, ID: "1234"}, "id"},
		{"a KITOS UUID in upper case (not canonical)", processor.ExternalID{Scheme: processor.KITOS, ID: "3F2504E0-4F89-41D3-9A0C-0305E82C3301"}, "id"},
		{"a control character", processor.ExternalID{Scheme: processor.Local, ID: "a\nb"}, "id"},
		{"too long", processor.ExternalID{Scheme: processor.Local, ID: string(make([]byte, 101))}, "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.e.Validate()
			if tt.field == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			assert.Equal(t, []string{tt.field}, fieldsOf(err))
		})
	}
}

func TestProcessorExternalIDsUniquePerScheme(t *testing.T) {
	p := clean()
	p.ExternalIDs = []processor.ExternalID{
		{Scheme: processor.KITOS, ID: kitosUUID},
		{Scheme: processor.Local, ID: "L-1"},
		{Scheme: processor.KITOS, ID: "00000000-0000-4000-8000-000000000001"},
	}
	assert.Equal(t, []string{"external-ids[2].scheme"}, fieldsOf(p.Validate()))
}

func TestKeyParseAndString(t *testing.T) {
	for _, s := range []string{"cvr:13748136", "orgnr:988077917", "kitos:" + kitosUUID, "local:L-1", "os2compliance:7",
		"id:00000000-0000-7000-8000-000000000001"} {
		k, err := processor.ParseKey(s)
		require.NoError(t, err, s)
		assert.Equal(t, s, k.String())
	}
	k, err := processor.ParseKey("kitos:{3F2504E0-4F89-41D3-9A0C-0305E82C3301}")
	require.NoError(t, err)
	assert.Equal(t, "kitos:"+kitosUUID, k.String(), "a KITOS UUID is normalised")
	for _, s := range []string{"", "cvr", "cvr:13748137", "nope:1", "kitos:not-a-uuid", "local:" + string(make([]byte, 200))} {
		_, err := processor.ParseKey(s)
		assert.ErrorIs(t, err, compliance.ErrInvalid, s)
		if err != nil && len(s) > 6 {
			assert.NotContains(t, err.Error(), s[4:], "errors never echo input")
		}
	}
}

func TestLookup(t *testing.T) {
	ctx := context.Background()
	r, _ := newRegistry(t, at(t))
	_, err := r.Load(ctx)
	require.NoError(t, err)
	a := clean()
	a.ExternalIDs = []processor.ExternalID{{Scheme: processor.KITOS, ID: kitosUUID}, {Scheme: processor.Local, ID: "L-1"}}
	a, err = r.Put(ctx, a)
	require.NoError(t, err)
	orgnr, err := ident.ParseOrgNr("988077917")
	require.NoError(t, err)
	b := clean()
	b.ID, b.CVR, b.OrgNr, b.Country = pid(2), ident.CVR{}, orgnr, no
	b.Agreements[0].ID, b.SubProcessors[0].ID, b.Audits[0].ID = processor.AgreementID{UUID: uid(2, 2)}, processor.SubProcessorID{UUID: uid(3, 2)}, processor.AuditID{UUID: uid(4, 2)}
	b, err = r.Put(ctx, b)
	require.NoError(t, err)

	tests := []struct {
		name string
		k    processor.Key
		want compliance.ProcessorID
		ok   bool
	}{
		{"by ID", processor.KeyID(a.ID), a.ID, true},
		{"by CVR", processor.KeyCVR(testCVR), a.ID, true},
		{"by orgnr", processor.KeyOrgNr(orgnr), b.ID, true},
		{"by KITOS UUID", processor.KeyExternal(processor.ExternalID{Scheme: processor.KITOS, ID: kitosUUID}), a.ID, true},
		{"by KITOS UUID in upper case", processor.KeyExternal(processor.ExternalID{Scheme: processor.KITOS, ID: "3F2504E0-4F89-41D3-9A0C-0305E82C3301"}), a.ID, true},
		{"by local ID", processor.KeyExternal(processor.ExternalID{Scheme: processor.Local, ID: "L-1"}), a.ID, true},
		{"the same ID in another scheme", processor.KeyExternal(processor.ExternalID{Scheme: processor.OS2compliance, ID: "L-1"}), compliance.ProcessorID{}, false},
		{"an unknown ID", processor.KeyID(pid(9)), compliance.ProcessorID{}, false},
		{"the zero key", processor.Key{}, compliance.ProcessorID{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := r.Lookup(tt.k)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}

	t.Run("a changed identity is found under the new key only", func(t *testing.T) {
		a.ExternalIDs = a.ExternalIDs[:1]
		a, err = r.Put(ctx, a)
		require.NoError(t, err)
		_, ok := r.Lookup(processor.KeyExternal(processor.ExternalID{Scheme: processor.Local, ID: "L-1"}))
		assert.False(t, ok)
		got, ok := r.Lookup(processor.KeyExternal(processor.ExternalID{Scheme: processor.KITOS, ID: kitosUUID}))
		assert.True(t, ok)
		assert.Equal(t, a.ID, got)
	})
	t.Run("a key two records share names neither", func(t *testing.T) {
		c := clean()
		c.ID = pid(3)
		c.Agreements[0].ID, c.SubProcessors[0].ID, c.Audits[0].ID = processor.AgreementID{UUID: uid(2, 3)}, processor.SubProcessorID{UUID: uid(3, 3)}, processor.AuditID{UUID: uid(4, 3)}
		_, err := r.Put(ctx, c)
		require.NoError(t, err)
		_, ok := r.Lookup(processor.KeyCVR(testCVR))
		assert.False(t, ok)
		assert.Equal(t, []compliance.ProcessorID{a.ID, c.ID}, r.Snapshot().LookupAll(processor.KeyCVR(testCVR)))
	})
	t.Run("the snapshot from Load finds the same", func(t *testing.T) {
		s, err := r.Load(ctx)
		require.NoError(t, err)
		got, ok := s.Lookup(processor.KeyOrgNr(orgnr))
		assert.True(t, ok)
		assert.Equal(t, b.ID, got)
	})
}

func TestRecordDecision(t *testing.T) {
	ctx := context.Background()
	decisions := processortest.NewMemDecisionStore()
	r, err := processor.NewRegistry(processortest.NewMemStore(), kommune, &processor.Options{Policy: policyDK(),
		Decisions: decisions, Options: compliance.Options{NewID: compliance.Sequence()}})
	require.NoError(t, err)
	_, err = r.Load(ctx)
	require.NoError(t, err)
	p, err := r.Put(ctx, clean())
	require.NoError(t, err)
	req := request()
	req.Processor = p.ID
	d := r.Check(req, at(t))
	assert.True(t, d.ID.IsZero(), "Check assigns no ID")
	kept, err := r.Record(ctx, d)
	require.NoError(t, err)
	assert.False(t, kept.ID.IsZero())
	got, err := decisions.Get(ctx, kommune, kept.ID)
	require.NoError(t, err)
	assert.Equal(t, d.Outcome, got.Outcome)
	assert.Equal(t, p.Version, got.ProcessorVersion)
	_, err = r.Record(ctx, kept)
	assert.ErrorIs(t, err, compliance.ErrConflict, "evidence is never overwritten")

	noStore, _ := newRegistry(t, at(t))
	_, err = noStore.Record(ctx, d)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	var zero processor.Registry
	_, err = zero.Record(ctx, d)
	assert.ErrorIs(t, err, processor.ErrNotConfigured)
}

// fieldsOf returns the field paths of a validation error.
func fieldsOf(err error) []string {
	var ve *compliance.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Field)
	}
	return out
}
