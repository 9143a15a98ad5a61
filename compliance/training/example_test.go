package training_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/training"
)

// A kommune asks on 1 March 2026 whether its staff are trained. The social
// caseworker whose basic course expired lacks current training while having
// access to special-category data (Art 32(4) GDPR); the finding counts per
// unit and never names the employee.
func ExampleMeasure() {
	courses := []training.Course{
		{ID: cid(1), Title: "Databeskyttelse for alle", Topic: training.Basics, Audience: training.AllStaff, Renewal: compliance.Years(2)},
	}
	staff := []training.Employee{
		{ID: "hr-1001", Unit: "social", Access: compliance.Special},
		{ID: "hr-1002", Unit: "roads"},
	}
	done := []training.Completion{
		{Course: cid(1), Employee: "hr-1001", Completed: compliance.MakeDate(2023, time.May, 2)},
		{Course: cid(1), Employee: "hr-1002", Completed: compliance.MakeDate(2025, time.May, 2)},
	}
	cov, err := training.Measure(compliance.MakeDate(2026, time.March, 1), courses, staff, done, training.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range cov.Findings {
		fmt.Println(strings.TrimSpace(fmt.Sprint(f.Severity, " ", f.Code, " ", f.Subject)))
	}
	fmt.Println(cov.Total.Current, "of", cov.Total.Staff, "current:", cov.Total.Percent(), "%")
	// Output:
	// warning training.sensitive-untrained units/social
	// info training.coverage
	// 1 of 2 current: 50 %
}
