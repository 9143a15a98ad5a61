package notice_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
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

// TestRegisterConcurrentUpdate: racing updates of one version — exactly one
// is acknowledged, the rest get ErrConflict, and every later read sees the
// acknowledged title at Version 2 (bounded: 8 goroutines).
func TestRegisterConcurrentUpdate(t *testing.T) {
	ctx := context.Background()
	kA := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xa}}
	r, err := notice.NewRegister(noticetest.NewMemStore(), &notice.Options{Options: compliance.Options{
		NewID: compliance.Sequence(), Now: func() time.Time { return at }}})
	require.NoError(t, err)
	n, err := r.Create(ctx, kA, skole)
	require.NoError(t, err)
	var wg sync.WaitGroup
	won := make(chan notice.Notice, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := n.Clone()
			m.Title = fmt.Sprintf("Titel %d", i)
			got, err := r.Update(ctx, kA, m)
			switch {
			case err == nil:
				won <- got
			case !errors.Is(err, compliance.ErrConflict):
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	close(won)
	require.Len(t, won, 1)
	w := <-won
	stored, err := r.Get(ctx, kA, n.ID)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), stored.Version)
	assert.Equal(t, w.Title, stored.Title)
}

// TestRegisterCheckBound: Check reads at most MaxNotices notices and names
// the field past it.
func TestRegisterCheckBound(t *testing.T) {
	ctx := context.Background()
	kA := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xa}}
	tests := []struct {
		name    string
		notices int
		wantErr bool
	}{
		{"none", 0, false},
		{"just at the bound", notice.MaxNotices, false},
		{"one past the bound", notice.MaxNotices + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := noticetest.NewMemStore()
			for i := range tt.notices {
				n := skole.Clone()
				n.ID = notice.ID{UUID: [16]byte{6: 0x70, 8: 0x80, 12: byte(i >> 24), 13: byte(i >> 16), 14: byte(i >> 8), 15: byte(i)}}
				require.NoError(t, s.Put(ctx, kA, n))
			}
			r, err := notice.NewRegister(s, &notice.Options{Options: compliance.Options{Now: func() time.Time { return at }}})
			require.NoError(t, err)

			fs, err := r.Check(ctx, kA, []record.Activity{elever})
			if !tt.wantErr {
				require.NoError(t, err)
				assert.NotEmpty(t, fs)
				return
			}
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "notices", fe.Field)
			assert.Equal(t, compliance.ReasonLength, fe.Reason)
		})
	}
}
