package trainingtest

import (
	"slices"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/training"
	"github.com/tillid/tillid/internal/storetest"
)

// Run runs the conformance suite for [training.Store] against stores made
// by newStore, one per subtest. Run it with the race detector.
//
//	func TestCourseStore(t *testing.T) {
//		trainingtest.Run(t, func(t *testing.T) training.Store { return newTestDB(t).Courses() })
//	}
func Run(t *testing.T, newStore func(t *testing.T) training.Store) {
	t.Helper()
	storetest.Run(t, func(t *testing.T) storetest.Store[training.CourseID, training.Course, training.Filter] {
		return newStore(t)
	}, storetest.Fixture[training.CourseID, training.Course, training.Filter]{
		Entity:  "course",
		New:     FixtureCourse,
		ID:      func(c training.Course) training.CourseID { return c.ID },
		Version: func(c *training.Course) *uint64 { return &c.Version },
		Mutate: func(c *training.Course) {
			c.Title += "x"
			if len(c.Groups) > 0 {
				c.Groups[0] += "x"
			} else {
				c.Groups = append(c.Groups, "extra")
			}
		},
		Equal: func(a, b training.Course) bool {
			return a.ID == b.ID && a.Version == b.Version && a.Title == b.Title && a.Topic == b.Topic &&
				a.Audience == b.Audience && slices.Equal(a.Groups, b.Groups) && a.Access == b.Access &&
				a.Renewal == b.Renewal && a.Retired == b.Retired && a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated)
		},
		Filters: []storetest.FilterCase[training.Course, training.Filter]{
			{Name: "Topic", Filter: training.Filter{Topic: training.Security},
				Match: func(c training.Course) bool { return c.Topic == training.Security }},
			{Name: "Audience", Filter: training.Filter{Audience: training.Groups},
				Match: func(c training.Course) bool { return c.Audience == training.Groups }},
			{Name: "TopicAndAudience", Filter: training.Filter{Topic: training.Basics, Audience: training.AllStaff},
				Match: func(c training.Course) bool { return c.Topic == training.Basics && c.Audience == training.AllStaff }},
		},
	})
}

// RunCompletions runs the conformance suite for [training.CompletionStore].
func RunCompletions(t *testing.T, newStore func(t *testing.T) training.CompletionStore) {
	t.Helper()
	storetest.Run(t, func(t *testing.T) storetest.Store[training.CompletionID, training.Completion, training.CompletionFilter] {
		return newStore(t)
	}, storetest.Fixture[training.CompletionID, training.Completion, training.CompletionFilter]{
		Entity:  "completion",
		New:     FixtureCompletion,
		ID:      func(c training.Completion) training.CompletionID { return c.ID },
		Version: func(c *training.Completion) *uint64 { return &c.Version },
		Mutate:  func(c *training.Completion) { c.Evidence += "x" },
		Equal: func(a, b training.Completion) bool {
			return a.ID == b.ID && a.Version == b.Version && a.Course == b.Course && a.Employee == b.Employee &&
				a.Completed == b.Completed && a.Evidence == b.Evidence && a.Created.Equal(b.Created)
		},
		Filters: []storetest.FilterCase[training.Completion, training.CompletionFilter]{
			{Name: "Course", Filter: training.CompletionFilter{Course: FixtureCompletion(1).Course},
				Match: func(c training.Completion) bool { return c.Course == FixtureCompletion(1).Course }},
			{Name: "Employee", Filter: training.CompletionFilter{Employee: FixtureCompletion(2).Employee},
				Match: func(c training.Completion) bool { return c.Employee == FixtureCompletion(2).Employee }},
		},
	})
}

func id(i, kind int) [16]byte {
	return [16]byte{6: 0x70, 8: 0x80, 13: byte(kind), 14: byte((i + 1) >> 8), 15: byte(i + 1)}
}

// FixtureCourse returns the i-th course of the suite's fixture: valid,
// Version 0, with an ID that sorts after those of smaller i.
func FixtureCourse(i int) training.Course {
	created := time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
	c := training.Course{ID: training.CourseID{UUID: id(i, 1)}, Title: "Kursus", Created: created, Updated: created}
	switch i % 3 {
	case 0:
		c.Topic, c.Audience, c.Renewal = training.Basics, training.AllStaff, compliance.Years(1)
	case 1:
		c.Topic, c.Audience, c.Groups = training.RoleSpecific, training.Groups, []string{"teachers", "social-caseworkers"}
	default:
		c.Topic, c.Audience, c.Access = training.Security, training.Access, compliance.Confidential
	}
	return c
}

// FixtureCompletion returns the i-th completion of the suite's fixture.
func FixtureCompletion(i int) training.Completion {
	return training.Completion{
		ID:        training.CompletionID{UUID: id(i, 2)},
		Course:    training.CourseID{UUID: id(i%3, 1)},
		Employee:  "emp-" + string(rune('a'+i%4)),
		Completed: compliance.MakeDate(2025, time.March, 1+i%28),
		Evidence:  "LMS-" + string(rune('0'+i%10)),
		Created:   time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC),
	}
}
