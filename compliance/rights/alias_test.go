package rights_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/rights"
)

// TestFindingsDoNotAlias (issue 14 item 6): a caller that changes the
// references it gets from a request's findings changes neither them nor a
// later assessment: Refs are immutable, and Slice returns a copy.
func TestFindingsDoNotAlias(t *testing.T) {
	cal := recCalendar(t, compliance.DK, false)
	r := recRequest(t, cal, "2025-03-10")
	at := time.Date(2025, 6, 24, 9, 0, 0, 0, cal.Location())
	fs, err := rights.Assess(r, cal, at, 0)
	require.NoError(t, err)
	require.NotEmpty(t, fs)
	want := fs[0].Refs.At(0)
	for i := range fs {
		refs := fs[i].Refs.Slice()
		for j := range refs {
			refs[j].Article = "99"
		}
	}
	assert.Equal(t, want, fs[0].Refs.At(0))
	again, err := rights.Assess(r, cal, at, 0)
	require.NoError(t, err)
	assert.Equal(t, want, again[0].Refs.At(0))
}

// TestClosedErrorIsFresh (issue 14 item 6): the error for a change to a
// closed request was one package-level pointer, so a caller that filled in
// its Field changed it for every later caller.
func TestClosedErrorIsFresh(t *testing.T) {
	ctx := context.Background()
	reg, _, c := recNewRegister(t)
	r, err := reg.ReceiveRequest(ctx, c, rights.Request{Kind: rights.Access, Channel: rights.ChannelEmail})
	require.NoError(t, err)
	closed, err := reg.CloseRequest(ctx, c, r.ID, r.Version, rights.Answered, 0)
	require.NoError(t, err)
	_, err = reg.CloseRequest(ctx, c, closed.ID, closed.Version, rights.Answered, 0)
	var fe *compliance.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	fe.Field = "scribbled"
	_, err = reg.CloseRequest(ctx, c, closed.ID, closed.Version, rights.Answered, 0)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "scribbled")
}
