package dpia_test

import (
	"context"
	"errors"
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
)

// brokenStore fails every call, as a database that is down would.
type brokenStore struct{}

var errDown = errors.New("database down")

func (brokenStore) Get(context.Context, compliance.ControllerID, compliance.DPIAID) (dpia.Assessment, error) {
	return dpia.Assessment{}, errDown
}

func (brokenStore) Put(context.Context, compliance.ControllerID, dpia.Assessment) error {
	return errDown
}

func (brokenStore) List(context.Context, compliance.ControllerID, dpia.Filter) iter.Seq2[dpia.Assessment, error] {
	return func(yield func(dpia.Assessment, error) bool) { yield(dpia.Assessment{}, errDown) }
}

// TestFaultyStore (issue 14, "Done means"): every operation of a Register
// over a failing store returns the store's error, unchanged and
// matchable, and stores nothing.
func TestFaultyStore(t *testing.T) {
	ctx := context.Background()
	r, err := dpia.NewRegister(brokenStore{}, nil)
	require.NoError(t, err)
	id := compliance.DPIAID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	_, err = r.Create(ctx, kommune, welfare())
	assert.ErrorIs(t, err, errDown)
	_, err = r.Get(ctx, kommune, id)
	assert.ErrorIs(t, err, errDown)
	a := welfare()
	a.ID, a.Version = id, 1
	_, err = r.Update(ctx, kommune, a)
	assert.ErrorIs(t, err, errDown)
	_, _, err = r.SignOff(ctx, kommune, id, 1, dpia.SignOff{})
	assert.ErrorIs(t, err, errDown)
	_, err = r.Revise(ctx, kommune, id, 1, dpia.Periodic)
	assert.ErrorIs(t, err, errDown)
	_, err = r.Check(ctx, kommune, id)
	assert.ErrorIs(t, err, errDown)
	_, err = r.Review(ctx, kommune, id, a.Description)
	assert.ErrorIs(t, err, errDown)
	n := 0
	for _, err := range r.List(ctx, kommune, dpia.Filter{}) {
		assert.ErrorIs(t, err, errDown)
		n++
	}
	assert.Equal(t, 1, n)
}
