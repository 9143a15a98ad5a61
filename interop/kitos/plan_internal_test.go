package kitos

import (
	"context"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// TestStoreListerBound: List reads at most the bound (processor's
// MaxProcessors, lowered here) and names the field past it.
func TestStoreListerBound(t *testing.T) {
	ctx := context.Background()
	ctrl := compliance.ControllerID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: 0xc}}
	const max = 3
	tests := []struct {
		name       string
		processors int
		wantErr    bool
	}{
		{"none", 0, false},
		{"just at the bound", max, false},
		{"one past the bound", max + 1, true},
		{"far past the bound", 3 * max, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := processortest.NewMemStore()
			for i := range tt.processors {
				p := processor.Processor{ID: compliance.ProcessorID{UUID: uuid.UUID{6: 0x70, 8: 0x80, 15: byte(i + 1)}}, Name: "Leverandør A/S"}
				require.NoError(t, store.Put(ctx, ctrl, p))
			}
			l := StoreLister(store, ctrl).(storeLister)
			assert.Equal(t, processor.MaxProcessors, l.maxRead, "the lister has the registry's bound")
			l.maxRead = max

			ps, err := l.List(ctx)
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Len(t, ps, tt.processors)
				return
			}
			assert.Nil(t, ps)
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "processors", fe.Field)
			assert.Equal(t, compliance.ReasonLength, fe.Reason)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
		})
	}
}
