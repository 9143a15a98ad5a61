package rights_test

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/compliance/rights/rightstest"
	"github.com/tillid/tillid/i18n"
)

// An access request received on Monday 17 March 2025 by a Danish kommune:
// one month ends on Maundy Thursday, so the answer is due by the end of
// the first working day after Easter (Art 12(3); Reg 1182/71 Art 3(4)).
// Extended by two further months, counted from receipt, it is due on 17
// June.
func ExampleRequest_Deadlines() {
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}
	r := rights.Request{
		Kind:     rights.Access,
		Received: time.Date(2025, 3, 17, 10, 0, 0, 0, cal.Location()),
		Channel:  rights.ChannelDigitalPost,
		Status:   rights.Received,
	}
	d, err := r.Deadlines(cal, rights.FromReceipt)
	if err != nil {
		panic(err)
	}
	fmt.Println("answer by the end of", d.Answer.LastDay, "rolled:", d.Answer.Rolled)

	r.Extension = rights.Extension{Notified: r.Received.Add(7 * 24 * time.Hour), Reason: rights.ExtensionComplexity, Months: 2}
	d, err = r.Deadlines(cal, rights.FromReceipt)
	if err != nil {
		panic(err)
	}
	fmt.Println("extended: answer by the end of", d.Answer.LastDay)
	// Output:
	// answer by the end of 2025-04-22 rolled: true
	// extended: answer by the end of 2025-06-17
}

// A Register over the in-memory store: it stamps IDs and times, marks an
// erasure request for the retention rules, and lists what is due.
func ExampleRegister() {
	ctx := context.Background()
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		panic(err)
	}
	now := time.Date(2025, 4, 25, 9, 0, 0, 0, cal.Location())
	reg, err := rights.NewRegister(rightstest.NewMemStore(), &rights.Options{
		Options:  compliance.Options{Now: func() time.Time { return now }, NewID: compliance.Sequence()},
		Calendar: cal,
	})
	if err != nil {
		panic(err)
	}
	kommune := compliance.ControllerID{UUID: [16]byte{6: 0x70, 8: 0x80, 15: 1}}
	for _, day := range []int{17, 28} {
		_, err := reg.ReceiveRequest(ctx, kommune, rights.Request{
			Kind: rights.Erasure, Channel: rights.ChannelEmail,
			Received: time.Date(2025, 3, day, 14, 0, 0, 0, cal.Location()),
		})
		if err != nil {
			panic(err)
		}
	}
	due, err := reg.Due(ctx, kommune, time.Time{})
	if err != nil {
		panic(err)
	}
	p := i18n.NewPrinter(language.MustParse("nb"))
	for _, d := range due {
		fmt.Println(d.Request, p.Message(d.Message()))
	}
	// Output:
	// 00000000-0000-7000-8000-000000000001 Anmodning (sletting): fristen for svar gikk ut 22. april 2025, og svaret er forsinket.
	// 00000000-0000-7000-8000-000000000002 Anmodning (sletting): skal besvares senest 28. april 2025.
}
