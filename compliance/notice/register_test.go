package notice_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/notice"
	"github.com/tillid/tillid/compliance/notice/noticetest"
	"github.com/tillid/tillid/compliance/record"
)

func TestRegister(t *testing.T) {
	ctx := context.Background()
	kA := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xa}}
	kB := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xb}}
	r, err := notice.NewRegister(noticetest.NewMemStore(), &notice.Options{Options: compliance.Options{
		NewID: compliance.Sequence(), Now: func() time.Time { return at }}})
	require.NoError(t, err)
	n, err := r.Create(ctx, kA, skole)
	require.NoError(t, err)
	assert.Equal(t, uint64(1), n.Version)
	n.Title = "Ny titel"
	n2, err := r.Update(ctx, kA, n)
	require.NoError(t, err)
	_, err = r.Update(ctx, kA, n)
	assert.ErrorIs(t, err, compliance.ErrConflict)
	_, err = r.Get(ctx, kB, n2.ID)
	assert.ErrorIs(t, err, compliance.ErrNotFound)

	fs, err := r.Check(ctx, kA, []record.Activity{elever})
	require.NoError(t, err)
	assert.NotEmpty(t, fs)
	fsB, err := r.Check(ctx, kB, []record.Activity{elever})
	require.NoError(t, err)
	assert.Equal(t, []string{"notice.uncovered activities/" + elever.ID.String()}, codes(fsB), "kommune B has no notices")

	var zero notice.Register
	_, err = zero.Create(ctx, kA, skole)
	assert.ErrorIs(t, err, notice.ErrNotConfigured)
	_, err = r.Create(ctx, compliance.ControllerID{}, skole)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = notice.NewRegister(nil, nil)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"jurisdiction":"dk","area":"employees","title":"x","direct":true,"contains":["identity"],"revised":"2026-01-10"}`))
	f.Add([]byte(`{"title":"0707614285","contains":"identity"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := notice.Decode(data); err != nil && strings.Contains(err.Error(), "0707614285") {
			t.Fatalf("error repeats the input: %v", err)
		}
	})
}
