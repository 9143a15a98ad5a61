package processortest_test

import (
	"context"
	"fmt"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

// A MemStore holds processor records per controller, with optimistic
// versions, for tests, examples and prototypes.
func ExampleNewMemStore() {
	ctx := context.Background()
	store := processortest.NewMemStore()
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	p := processortest.Record(0)
	if err := store.Put(ctx, kommune, p); err != nil {
		panic(err)
	}
	got, _ := store.Get(ctx, kommune, p.ID)
	fmt.Println(got.Name, got.Version)
	fmt.Println(store.Put(ctx, kommune, p)) // Version 0 again: the record exists
	for q, err := range store.List(ctx, kommune, processor.Filter{Country: compliance.MustCountry("DK")}) {
		fmt.Println(q.Name, err)
	}
	// Output:
	// Leverandør A 1
	// compliance: version conflict
	// Leverandør A <nil>
}
