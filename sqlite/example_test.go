package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/google/uuid"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
	"github.com/tillid/tillid/sqlite"
)

// Open a kommune's database file, migrating it, and keep processor records
// in it through a Registry.
func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "tillid")
	defer os.RemoveAll(dir)
	ctx := context.Background()

	db, err := sqlite.Open(ctx, filepath.Join(dir, "tillid.db"), &sqlite.Options{Migrate: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	v, _ := db.SchemaVersion(ctx)
	fmt.Println("schema current:", v == sqlite.LatestVersion(), "ready:", db.Ready(ctx) == nil)

	kommune := compliance.ControllerID{UUID: uuid.MustParse("0191f0a4-0000-7000-8000-000000000001")}
	for i := range 3 {
		if err := db.Processors().Put(ctx, kommune, processortest.Record(i)); err != nil {
			fmt.Println(err)
			return
		}
	}
	reg, err := processor.NewRegistry(db.Processors(), kommune, &processor.Options{Policy: processor.Policy{Jurisdiction: compliance.DK}})
	if err != nil {
		fmt.Println(err)
		return
	}
	snap, err := reg.Load(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("processors loaded:", snap.Len())
	// Output:
	// schema current: true ready: true
	// processors loaded: 3
}
