package record_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// TestDecodeErrorBounded (issue 14 item 5): a 1 MB activity with tens of
// thousands of bad purposes yielded a 10 MB error. The error lists
// compliance.MaxFieldErrors problems and counts the rest.
func TestDecodeErrorBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"name":"x","purposes":[`)
	for i := 0; b.Len() < record.MaxDecode-100; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"basis":"nope"}`)
	}
	b.WriteString(`]}`)
	_, err := record.DecodeActivity([]byte(b.String()))
	require.Error(t, err)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	assert.Less(t, len(err.Error()), 16<<10, "error text of %d bytes", len(err.Error()))
	assert.Contains(t, err.Error(), " more")
}
