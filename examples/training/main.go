// Command training answers "are our staff trained in data protection?" for
// a Danish kommune: courses for all staff, for social caseworkers and for
// everyone with access to confidential data, the completions recorded from
// the learning system, and the roster from HR. It prints the coverage per
// unit and group, the renewals falling due and a finding where staff with
// access to confidential or special-category data lack current training
// (Art 32(4) and 39(1)(b) GDPR). Employees are named by HR number only, and
// the report never names them.
//
//	go run ./examples/training
//	go run ./examples/training -lang en -on 2026-09-01
//
// Flags:
//
//	-on YYYY-MM-DD     the day of the question (default 2026-03-01)
//	-lang da|nb|nn|en  language (default da)
//	-json              print the coverage as JSON
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/compliance/training/trainingtest"
	"github.com/tillid/tillid/i18n"
	"golang.org/x/text/language"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "training:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("training", flag.ContinueOnError)
	fs.SetOutput(out)
	onFlag := fs.String("on", "2026-03-01", "the day of the question, YYYY-MM-DD")
	lang := fs.String("lang", "da", "language: da, nb, nn or en")
	asJSON := fs.Bool("json", false, "print the coverage as JSON")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	on, err := compliance.ParseDate(*onFlag)
	if err != nil {
		return fmt.Errorf("-on: %w", err)
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		return fmt.Errorf("-lang: %w", err)
	}

	ctx := context.Background()
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 0x01}}
	reg, err := training.NewRegister(trainingtest.NewMemStore(), trainingtest.NewMemCompletionStore(), &training.Options{
		Options:      compliance.Options{Now: func() time.Time { return on.In(time.UTC).Add(10 * time.Hour) }, NewID: compliance.Sequence()},
		Jurisdiction: compliance.DK,
		Policy:       training.Policy{NewStarterGrace: compliance.Days(30)},
	})
	if err != nil {
		return err
	}
	add := func(c training.Course) training.Course {
		if err == nil {
			c, err = reg.AddCourse(ctx, kommune, c)
		}
		return c
	}
	basics := add(training.Course{Title: "Databeskyttelse for alle", Topic: training.Basics, Audience: training.AllStaff, Renewal: compliance.Years(2)})
	social := add(training.Course{Title: "Fortrolige oplysninger i socialsager", Topic: training.RoleSpecific,
		Audience: training.Groups, Groups: []string{"socialraadgivere"}, Renewal: compliance.Years(3)})
	phishing := add(training.Course{Title: "Phishing og sikker e-mail", Topic: training.Security,
		Audience: training.Access, Access: compliance.Confidential, Renewal: compliance.Months(12)})
	if err != nil {
		return err
	}
	done := func(c training.Course, emp string, y int, m time.Month, d int) {
		if err == nil {
			_, err = reg.Complete(ctx, kommune, training.Completion{Course: c.ID, Employee: emp,
				Completed: compliance.MakeDate(y, m, d), Evidence: "LMS"})
		}
	}
	done(basics, "hr-1001", 2025, time.May, 2)
	done(social, "hr-1001", 2024, time.September, 10)
	done(phishing, "hr-1001", 2025, time.March, 20)
	done(basics, "hr-1002", 2023, time.February, 1) // expired
	done(social, "hr-1002", 2024, time.September, 10)
	done(basics, "hr-1003", 2025, time.January, 15)
	done(phishing, "hr-1003", 2025, time.November, 1)
	done(basics, "hr-2001", 2025, time.June, 3)
	done(basics, "hr-2002", 2024, time.August, 19)
	if err != nil {
		return err
	}
	staff := []training.Employee{
		{ID: "hr-1001", Unit: "socialforvaltningen", Groups: []string{"socialraadgivere"}, Access: compliance.Special},
		{ID: "hr-1002", Unit: "socialforvaltningen", Groups: []string{"socialraadgivere"}, Access: compliance.Special},
		{ID: "hr-1003", Unit: "borgerservice", Access: compliance.Confidential},
		{ID: "hr-1004", Unit: "borgerservice", Access: compliance.Confidential, Started: on.AddDays(-10)}, // new starter
		{ID: "hr-2001", Unit: "vej-og-park"},
		{ID: "hr-2002", Unit: "vej-og-park"},
	}
	cov, err := reg.Coverage(ctx, kommune, staff)
	if err != nil {
		return err
	}
	if *asJSON {
		e := json.NewEncoder(out)
		e.SetIndent("", "  ")
		return e.Encode(cov)
	}
	_, err = io.WriteString(out, i18n.NewPrinter(tag).Text(cov.Report()))
	return err
}
