package postgres_test

import (
	"context"
	"log"
	"os"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/postgres"
	"github.com/tillid/tillid/processor"
)

// Open the database as an ordinary role that owns the tillid schema, apply
// the migrations, and build a kommune's processor registry on it. (Not run:
// it needs a server.)
func ExampleOpen() {
	ctx := context.Background()
	db, err := postgres.Open(ctx, os.Getenv("DATABASE_URL"), &postgres.Options{
		Migrate:          true,
		Schema:           "tillid",
		StatementTimeout: 5e9, // 5 s
	})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	var kommune compliance.ControllerID // the kommune's ID in your system
	reg, err := processor.NewRegistry(db.Processors(), kommune, &processor.Options{Policy: processor.Policy{Jurisdiction: compliance.DK}})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := reg.Load(ctx); err != nil {
		log.Fatal(err)
	}
}
