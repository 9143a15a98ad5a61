package training_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/training"
)

func TestDecode(t *testing.T) {
	c, err := training.DecodeCourse([]byte(`{"title":"Intro","topic":"basics","audience":"all-staff","renewal":"P2Y"}`))
	require.NoError(t, err)
	assert.Equal(t, compliance.Years(2), c.Renewal)

	tests := []struct {
		name, doc, field string
	}{
		{"unknown member", `{"title":"Intro","topic":"basics","audience":"all-staff","Renewal":"P2Y"}`, ""},
		{"repeated member", `{"title":"Intro","title":"Intro","topic":"basics","audience":"all-staff"}`, "title"},
		{"unknown topic", `{"title":"Intro","topic":"fun","audience":"all-staff"}`, "topic"},
		{"oversized", `{"title":"` + strings.Repeat("x", training.MaxDecode) + `"}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := training.DecodeCourse([]byte(tt.doc))
			var ve *compliance.ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			if tt.field != "" {
				assert.True(t, ve.Has(tt.field), "%v", err)
			}
			assert.Less(t, len(err.Error()), 2000)
		})
	}
	_, err = training.DecodeEmployee([]byte(`{"id":"070761-4285","unit":"social"}`))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "4285")
}
