// Package demo seeds a demo kommune: the processors of examples/esdh (a
// compliant ESDH supplier, a supplier without an agreement, a US-owned
// cloud, one with an unapproved sub-processor in India, one with overdue
// supervision). The CVR numbers are check-digit-valid examples.
package demo

import (
	"context"
	_ "embed"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

//go:embed sample.json
var sample []byte

// ControllerID is the demo kommune.
func ControllerID() compliance.ControllerID {
	return compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-7000-8000-00000000d3e0")}
}

// Name is the demo kommune's name.
const Name = "Eksempel Kommune"

type data struct {
	Kommune    string                `json:"kommune"`
	Policy     processor.Policy      `json:"policy"`
	Processors []processor.Processor `json:"processors"`
	Requests   []processor.Request   `json:"requests"`
}

// Processors returns the demo processors.
func Processors() ([]processor.Processor, error) {
	d, err := processor.Decode[data](sample, "data")
	if err != nil {
		return nil, err
	}
	return d.Processors, nil
}

// Requests returns the demo share requests.
func Requests() ([]processor.Request, error) {
	d, err := processor.Decode[data](sample, "data")
	if err != nil {
		return nil, err
	}
	return d.Requests, nil
}

// Seed stores the demo processors for the demo kommune in s, leaving any
// that exist alone (so seeding a database twice is harmless).
func Seed(ctx context.Context, s processor.Store, opts compliance.Options) error {
	ps, err := Processors()
	if err != nil {
		return err
	}
	reg, err := processor.NewRegistry(s, ControllerID(), &processor.Options{Options: opts, Policy: processor.Policy{Jurisdiction: compliance.DK}})
	if err != nil {
		return err
	}
	for i, p := range ps {
		if _, err := s.Get(ctx, ControllerID(), p.ID); err == nil {
			continue
		} else if !errors.Is(err, compliance.ErrNotFound) {
			return err
		}
		if _, err := reg.Put(ctx, p); err != nil {
			return fmt.Errorf("demo processors[%d]: %w", i, err)
		}
	}
	return nil
}
