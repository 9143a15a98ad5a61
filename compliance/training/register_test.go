package training_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/compliance/training/trainingtest"
)

var (
	kommuneA = compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xa}}
	kommuneB = compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0xb}}
)

func newRegister(t *testing.T) *training.Register {
	t.Helper()
	r, err := training.NewRegister(trainingtest.NewMemStore(), trainingtest.NewMemCompletionStore(), &training.Options{
		Options:      compliance.Options{Now: func() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }, NewID: compliance.Sequence()},
		Jurisdiction: compliance.DK,
	})
	require.NoError(t, err)
	return r
}

func TestRegisterCoverage(t *testing.T) {
	ctx := context.Background()
	r := newRegister(t)
	c, err := r.AddCourse(ctx, kommuneA, basics)
	require.NoError(t, err)
	assert.Equal(t, uint64(1), c.Version)
	_, err = r.Complete(ctx, kommuneA, training.Completion{Course: c.ID, Employee: "e1", Completed: compliance.MakeDate(2025, 9, 1)})
	require.NoError(t, err)

	cov, err := r.Coverage(ctx, kommuneA, []training.Employee{{ID: "e1", Unit: "u"}, {ID: "e2", Unit: "u"}})
	require.NoError(t, err)
	assert.Equal(t, compliance.MakeDate(2026, 3, 1), cov.On)
	assert.Equal(t, 1, cov.Total.Current)
	assert.Equal(t, 2, cov.Total.Staff)

	// Another kommune sees none of it, and cannot complete A's course.
	_, err = r.Course(ctx, kommuneB, c.ID)
	assert.ErrorIs(t, err, compliance.ErrNotFound)
	_, err = r.Complete(ctx, kommuneB, training.Completion{Course: c.ID, Employee: "e1", Completed: compliance.MakeDate(2025, 9, 1)})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	cov, err = r.Coverage(ctx, kommuneB, []training.Employee{{ID: "e1", Unit: "u"}})
	require.NoError(t, err)
	assert.Equal(t, 0, cov.Total.Staff, "kommune B has no courses")
}

func TestRegisterUpdateConflict(t *testing.T) {
	ctx := context.Background()
	r := newRegister(t)
	c, err := r.AddCourse(ctx, kommuneA, basics)
	require.NoError(t, err)
	c.Title = "Ny titel"
	c2, err := r.UpdateCourse(ctx, kommuneA, c)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), c2.Version)
	_, err = r.UpdateCourse(ctx, kommuneA, c) // stale version 1
	assert.ErrorIs(t, err, compliance.ErrConflict)

	// 8 concurrent updates from the same version: exactly one wins.
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := r.UpdateCourse(ctx, kommuneA, c2); err == nil {
				mu.Lock()
				wins++
				mu.Unlock()
			} else if !errors.Is(err, compliance.ErrConflict) {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 1, wins)
}

func TestRegisterZeroAndNil(t *testing.T) {
	ctx := context.Background()
	var zero training.Register
	_, err := zero.AddCourse(ctx, kommuneA, basics)
	assert.ErrorIs(t, err, training.ErrNotConfigured)
	var nilReg *training.Register
	_, err = nilReg.Coverage(ctx, kommuneA, nil)
	assert.ErrorIs(t, err, training.ErrNotConfigured)
	for range zero.Courses(ctx, kommuneA, training.Filter{}) {
	}

	_, err = training.NewRegister(nil, nil, nil)
	var ve *compliance.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.True(t, ve.Has("register.courses") || ve.Has("courses"), "%v", err)

	r := newRegister(t)
	_, err = r.AddCourse(ctx, compliance.ControllerID{}, basics)
	assert.ErrorIs(t, err, compliance.ErrInvalid, "a zero controller is rejected")
}

func TestRegisterCoverageBound(t *testing.T) {
	ctx := context.Background()
	const max = 3
	tests := []struct {
		name        string
		completions int
		wantErr     bool
	}{
		{"none", 0, false},
		{"just at the bound", max, false},
		{"one past the bound", max + 1, true},
		{"far past the bound", 3 * max, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := training.NewRegister(trainingtest.NewMemStore(), trainingtest.NewMemCompletionStore(), &training.Options{
				Options:        compliance.Options{Now: func() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }, NewID: compliance.Sequence()},
				Jurisdiction:   compliance.DK,
				MaxCompletions: max,
			})
			require.NoError(t, err)
			c, err := r.AddCourse(ctx, kommuneA, basics)
			require.NoError(t, err)
			for i := range tt.completions {
				_, err := r.Complete(ctx, kommuneA, training.Completion{Course: c.ID, Employee: "e1", Completed: compliance.MakeDate(2025, 9, 1+i)})
				require.NoError(t, err)
			}

			cov, err := r.Coverage(ctx, kommuneA, []training.Employee{{ID: "e1", Unit: "u"}})
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Equal(t, 1, cov.Total.Staff)
				return
			}
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "completions", fe.Field)
			assert.Equal(t, compliance.ReasonLength, fe.Reason)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
		})
	}
}

func TestNewRegisterMaxCompletions(t *testing.T) {
	tests := []struct {
		name    string
		max     int
		wantErr bool
	}{
		{"zero means the package bound", 0, false},
		{"lower", 10, false},
		{"the package bound", training.MaxCompletions, false},
		{"negative", -1, true},
		{"above the package bound", training.MaxCompletions + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := training.NewRegister(trainingtest.NewMemStore(), trainingtest.NewMemCompletionStore(), &training.Options{
				Jurisdiction:   compliance.DK,
				MaxCompletions: tt.max,
			})
			if !tt.wantErr {
				assert.NoError(t, err)
				return
			}
			var ve *compliance.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has("max-completions"), "%v", err)
		})
	}
}
