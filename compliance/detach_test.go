package compliance_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
)

// TestDetach (issue 14 item 6): after Detach no two findings share an
// argument, a key or an argument's Ref, and the arguments the findings were
// built from are untouched by changes to them. The findings' Refs are
// shared, and immutable: the copy Slice gives can be changed without
// changing the table or any finding.
func TestDetach(t *testing.T) {
	table := compliance.RefsOf(compliance.GDPR(5, 1, "e"), compliance.GDPR(30, 1, ""))
	args := []compliance.Arg{compliance.Name(compliance.Accountability), compliance.RefArg(compliance.GDPR(6, 1, "c"))}
	fs := []compliance.Finding{
		{Code: "compliance.test", Refs: table, Args: args},
		{Code: "compliance.test", Refs: table, Args: args},
		{Code: "compliance.test"},
	}
	compliance.Detach(fs)
	refs := fs[0].Refs.Slice()
	refs[0].Article = "99"
	_ = append(refs, compliance.GDPR(1, 0, ""))
	fs[0].Args[0].Keys[0] = "x.y"
	fs[0].Args[1].Ref.Article = "99"
	assert.True(t, fs[0].Refs.Equal(table), "the finding's refs")
	assert.Equal(t, "5", table.At(0).Article, "the table")
	assert.Equal(t, "5", fs[1].Refs.At(0).Article, "another finding's refs")
	assert.Equal(t, compliance.Accountability.Key(), fs[1].Args[0].Keys[0], "another finding's keys")
	assert.Equal(t, compliance.Accountability.Key(), args[0].Keys[0], "the arguments built from")
	assert.Equal(t, "6", fs[1].Args[1].Ref.Article, "another finding's argument ref")
	assert.Equal(t, "6", args[1].Ref.Article, "the argument ref built from")
	assert.True(t, fs[2].Refs.IsZero())
	assert.Nil(t, fs[2].Args)
}

// TestUnknownCodeErrorIsFresh (issue 14 item 6): every unknown code used to
// return the same *FieldError, so a caller that filled in its Field (as
// Validation does for a copy) changed the error every later caller saw — a
// data race under -race with concurrent callers.
func TestUnknownCodeErrorIsFresh(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				_, err := compliance.ParsePrinciple("no-such-principle")
				var fe *compliance.FieldError
				if !errors.As(err, &fe) {
					t.Errorf("error %T", err)
					return
				}
				if fe.Field != "" || len(fe.Accepted) == 0 || fe.Accepted[0] != "lawfulness" {
					t.Errorf("error seen as %+v: another caller's change leaked in", fe)
					return
				}
				fe.Field = "purposes[0].principle"
				fe.Accepted[0] = "scribbled"
			}
		}()
	}
	wg.Wait()
	_, err := compliance.ParsePrinciple("no-such-principle")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "scribbled")
	assert.NotContains(t, err.Error(), "purposes")
}
