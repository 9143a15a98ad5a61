package processor_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// Issue 14, item 2: decoders bound input size, list lengths and number
// digits, and each rejection is fast and names no input.
func TestDecoderLimits(t *testing.T) {
	valid, err := json.Marshal(clean())
	require.NoError(t, err)
	_, err = processor.ParseProcessor(valid)
	require.NoError(t, err)

	t.Run("input over MaxInput is rejected before decoding", func(t *testing.T) {
		big := append(bytes.Repeat([]byte(" "), processor.MaxInput), valid...)
		_, err := processor.ParseProcessor(big)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		var ve *compliance.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, compliance.ReasonTooLong, ve.Fields[0].Reason)
	})
	t.Run("a document over MaxDocument is rejected by Decode", func(t *testing.T) {
		_, err := processor.Decode[[]processor.Processor](bytes.Repeat([]byte(" "), processor.MaxDocument+1), "document")
		assert.ErrorIs(t, err, compliance.ErrInvalid)
	})
	t.Run("a list longer than 1,000 names its field", func(t *testing.T) {
		p := clean()
		for i := range 1001 {
			p.Agreements[0].Purposes = append(p.Agreements[0].Purposes, "p"+strings.Repeat("x", i%5)+string(rune('a'+i%26))+strings.Repeat("y", i/26))
		}
		b, err := json.Marshal(p)
		require.NoError(t, err)
		require.Less(t, len(b), processor.MaxInput)
		_, err = processor.ParseProcessor(b)
		var ve *compliance.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.True(t, ve.Has("agreements[0].purposes"), "%v", ve.Fields)
	})
	t.Run("a number of 100,000 digits is rejected without echo", func(t *testing.T) {
		digits := strings.Repeat("9", 100000)
		b := bytes.Replace(valid, []byte(`"breachNoticeHours":24`), []byte(`"breachNoticeHours":`+digits), 1)
		require.NotEqual(t, valid, b)
		_, err := processor.ParseProcessor(b)
		assert.ErrorIs(t, err, compliance.ErrInvalid)
		assert.NotContains(t, err.Error(), "99999")
	})
}
