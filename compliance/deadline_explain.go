package compliance

// Message codes of [Deadline.Explain].
const (
	// CodeDeadlineEnds: "The period of %[1]s counted from %[2]s ends at
	// %[3]s." (period, event, end); for periods in hours.
	CodeDeadlineEnds Code = "compliance.deadline.ends"
	// CodeDeadlineEndsDay: "The period of %[1]s counted from %[2]s ends at
	// the end of %[3]s." (period, event, last day); for periods in days,
	// weeks, months, years and working days.
	CodeDeadlineEndsDay Code = "compliance.deadline.ends-day"
	// CodeDeadlineRolled: "%[1]s is not a working day, so the period runs
	// to the end of %[2]s." (unrolled day, last day).
	CodeDeadlineRolled Code = "compliance.deadline.rolled"
	// CodeDeadlineHours: hours run on through weekends and public holidays.
	CodeDeadlineHours Code = "compliance.deadline.hours"
	// CodeDeadlineNextHour: "The hour of the event is not counted; the
	// period starts at %[1]s." (start).
	CodeDeadlineNextHour Code = "compliance.deadline.next-hour"
	// CodeDeadlineTwoWorkingDays: the period was extended to include two
	// working days (Art 3(5)).
	CodeDeadlineTwoWorkingDays Code = "compliance.deadline.two-working-days"
)

// DeadlineCodes lists the message codes of [Deadline.Explain].
func DeadlineCodes() []Code {
	return []Code{CodeDeadlineEnds, CodeDeadlineEndsDay, CodeDeadlineRolled, CodeDeadlineHours, CodeDeadlineNextHour, CodeDeadlineTwoWorkingDays}
}

// Explain returns the messages that explain d to a person, in order: when
// the period ends; for hours, that weekends and holidays do not extend it
// (and, in the strict reading, where it starts); for other periods, that
// the last day was moved to the next working day (Art 3(4) of Reg 1182/71)
// or extended to two working days (Art 3(5)). Package i18n renders them;
// [Deadline.Refs] gives the provisions to cite with them. The zero Deadline
// explains nothing.
func (d Deadline) Explain() []Message {
	if d.IsZero() {
		return nil
	}
	if d.Period.Unit == UnitHours {
		msgs := []Message{Msg(CodeDeadlineEnds, PeriodArg(d.Period), TimeArg(d.Event), TimeArg(d.End))}
		if !d.Start.Equal(d.Event) {
			msgs = append(msgs, Msg(CodeDeadlineNextHour, TimeArg(d.Start)))
		}
		return append(msgs, Msg(CodeDeadlineHours))
	}
	msgs := []Message{Msg(CodeDeadlineEndsDay, PeriodArg(d.Period), TimeArg(d.Event), DateArg(d.LastDay))}
	if d.Rolled {
		msgs = append(msgs, Msg(CodeDeadlineRolled, DateArg(d.Unrolled), DateArg(d.LastDay)))
	}
	if d.Extended {
		msgs = append(msgs, Msg(CodeDeadlineTwoWorkingDays))
	}
	return msgs
}
