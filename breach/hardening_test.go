package breach_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/breach/breachtest"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// Issue 14 (hardening): each test names the item it covers.

// planted is personal data planted in every free-text field: a CPR number,
// a fødselsnummer, a name and an address.
const planted = "Jens Hansen 010203-1234 fnr 01020312345 Vestergade 7"

func withPlanted() breach.Breach {
	b := notifiable(aware)
	b.Text = breach.Account{Summary: planted, Description: planted, Effects: planted, Consequences: planted,
		MeasuresBefore: planted, MeasuresTaken: planted, MeasuresProposed: planted, Mitigation: planted,
		Advice: planted, DelayReasons: planted}
	b.ENISA.Adjustments = []breach.Adjustment{{Type: breach.Simple, Factor: breach.Volume, Delta: dec("1"), Note: planted}}
	return b
}

func wire(t *testing.T, b breach.Breach) map[string]any {
	t.Helper()
	data, err := json.Marshal(b)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

func encode(t *testing.T, m map[string]any) []byte {
	t.Helper()
	data, err := json.Marshal(m)
	require.NoError(t, err)
	return data
}

func fieldErr(t *testing.T, err error, path string, r compliance.Reason) {
	t.Helper()
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve, "%v", err)
	assert.True(t, ve.Has(path), "error names %s: %v", path, err)
	found := false
	for _, f := range ve.Fields {
		if f.Field == path && f.Reason == r {
			found = true
		}
	}
	assert.True(t, found, "%s is %s: %v", path, r, err)
}

// Item 2: a 1 MB document whose delta is a million digits long is rejected
// without parsing the number (decimal parsing is quadratic: 2 s and 2 GB
// before), and a larger document is rejected unread.
func TestDecodeBounds(t *testing.T) {
	m := wire(t, notifiable(aware))
	long := strings.Repeat("7", 1<<20-4096)
	m["enisa"] = map[string]any{"identifiability": "maximum",
		"adjustments": []any{map[string]any{"type": "simple", "factor": "volume", "delta": json.Number(long)}}}
	doc := encode(t, m)
	require.LessOrEqual(t, len(doc), breach.MaxDocument)
	require.Greater(t, len(doc), 1_000_000)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := breach.Decode(doc)
	runtime.ReadMemStats(&after)
	fieldErr(t, err, "enisa.adjustments[0].delta", compliance.ReasonTooLong)
	assert.NotContains(t, err.Error(), "777")
	// Linear work: a few copies of the input, not the gigabytes of before.
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated")

	_, err = breach.Decode(append(doc, bytes.Repeat([]byte(" "), breach.MaxDocument)...))
	fieldErr(t, err, "", compliance.ReasonTooLong)
}

// Item 2: list lengths are capped before their elements are decoded.
func TestDecodeListLimits(t *testing.T) {
	m := wire(t, notifiable(aware))
	var ns []any
	for range 101 {
		ns = append(ns, map[string]any{"phase": "follow-up", "at": aware.Format(time.RFC3339)})
	}
	m["authority"] = ns
	_, err := breach.Decode(encode(t, m))
	fieldErr(t, err, "authority", compliance.ReasonLength)

	b := notifiable(aware)
	for range 33 {
		b.ENISA.Adjustments = append(b.ENISA.Adjustments, breach.Adjustment{Type: breach.Simple, Factor: breach.Volume, Delta: dec("1")})
	}
	fieldErr(t, b.Validate(), "enisa.adjustments", compliance.ReasonLength)
}

// Item 7: unknown and repeated members are errors naming the member,
// without echoing values.
func TestDecodeStrictMembers(t *testing.T) {
	m := wire(t, notifiable(aware))
	delete(m, "aware")
	m["Aware"] = planted
	_, err := breach.Decode(encode(t, m))
	fieldErr(t, err, "Aware", compliance.ReasonUnknown)
	assert.NotContains(t, err.Error(), "Jens")

	for _, key := range []string{planted, "Jensen", "awaree"} {
		m = wire(t, notifiable(aware))
		m[key] = 1 // a member name that may itself be personal data
		_, err = breach.Decode(encode(t, m))
		fieldErr(t, err, "?", compliance.ReasonUnknown)
		assert.NotContains(t, err.Error(), "Jens")
	}

	doc := encode(t, wire(t, notifiable(aware)))
	dup := bytes.Replace(doc, []byte(`"aware":`), []byte(`"aware":"2024-03-01T09:00:00+01:00","aware":`), 1)
	_, err = breach.Decode(dup)
	fieldErr(t, err, "aware", compliance.ReasonDuplicate)

	m = wire(t, notifiable(aware))
	m["text"] = map[string]any{"summary": "x", "Summary": planted}
	_, err = breach.Decode(encode(t, m))
	fieldErr(t, err, "text.Summary", compliance.ReasonUnknown)
	assert.NotContains(t, err.Error(), "Jens")
}

// Item 3: a year the calendar cannot count (1583–9999) is rejected at the
// door.
func TestYearAtTheDoor(t *testing.T) {
	b := notifiable(aware)
	b.Aware = time.Date(202, time.March, 1, 9, 0, 0, 0, time.UTC)
	b.Discovered, b.Registered = b.Aware, b.Aware
	err := b.Validate()
	fieldErr(t, err, "aware", compliance.ReasonRange)
	fieldErr(t, err, "registered", compliance.ReasonRange)

	b = notifiable(aware)
	b.Authority = []breach.AuthorityNotification{{Phase: breach.Initial, At: aware, NextBy: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}
	fieldErr(t, b.Validate(), "authority[0].nextBy", compliance.ReasonRange)

	b = notifiable(aware)
	b.Aware = time.Date(1583, time.January, 1, 0, 0, 0, 0, time.UTC)
	b.Discovered, b.Registered = b.Aware, b.Aware
	assert.NoError(t, b.Validate(), "1583 is the first year counted")
}

// Item 3: Due reports a bad stored record by ID and goes on with the rest.
func TestDueSkipsBadRecord(t *testing.T) {
	ctx := context.Background()
	c := &clock{aware.Add(100 * time.Hour)}
	r, s := newRegister(t, compliance.DK, c, nil)
	good, err := r.Create(ctx, kommune, notifiable(aware))
	require.NoError(t, err)

	bad := withPlanted()
	bad.ID, bad.Version = id(0x42), 0
	bad.Aware = time.Date(202, time.March, 1, 9, 0, 0, 0, time.UTC)
	bad.Discovered, bad.Registered = bad.Aware, bad.Aware
	require.NoError(t, s.Put(ctx, kommune, bad), "a host's store may hold what the register never wrote")

	due, err := r.Due(ctx, kommune, time.Time{})
	require.Error(t, err)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	var bre *breach.BadRecordsError
	require.ErrorAs(t, err, &bre)
	assert.Equal(t, []breach.ID{bad.ID}, bre.IDs)
	assert.Contains(t, err.Error(), bad.ID.String())
	assert.NotContains(t, err.Error(), "Jens")
	require.NotEmpty(t, due, "the good record's duties are still listed")
	assert.Equal(t, good.ID, due[0].Breach)
	assert.Equal(t, breach.DutyNotify, due[0].Duty)
}

// laxStore ignores versions, as a careless host's store might: the register
// must compare them itself (item 4).
type laxStore struct{ *breachtest.MemStore }

func (l laxStore) Put(ctx context.Context, c compliance.ControllerID, b breach.Breach) error {
	if b.Version != 0 {
		cur, err := l.MemStore.Get(ctx, c, b.ID)
		if err != nil {
			return err
		}
		b.Version = cur.Version
	}
	return l.MemStore.Put(ctx, c, b)
}

func TestUpdateChecksVersion(t *testing.T) {
	ctx := context.Background()
	c := &clock{aware}
	r, err := breach.NewRegister(laxStore{breachtest.NewMemStore()},
		&breach.Options{Jurisdiction: compliance.DK, Options: compliance.Options{Now: c.Now, NewID: compliance.Sequence()}})
	require.NoError(t, err)
	b, err := r.Create(ctx, kommune, notifiable(aware))
	require.NoError(t, err)
	fresh := b
	fresh.Reference = "1"
	_, err = r.Update(ctx, kommune, fresh)
	require.NoError(t, err)
	stale := b
	stale.Reference = "2"
	_, err = r.Update(ctx, kommune, stale)
	assert.ErrorIs(t, err, compliance.ErrConflict)
	got, err := r.Get(ctx, kommune, b.ID)
	require.NoError(t, err)
	assert.Equal(t, "1", got.Reference, "the stale write did not land")
}

// Item 4: concurrent RecordCommunication with a zero instant, from two
// registers whose clocks differ, yields a conflict or success — never
// invalid input — and never puts communications out of order.
func TestRecordCommunicationRace(t *testing.T) {
	ctx := context.Background()
	mem := breachtest.NewMemStore()
	early, late := &clock{aware.Add(time.Hour)}, &clock{aware.Add(2 * time.Hour)}
	mk := func(c *clock) *breach.Register {
		r, err := breach.NewRegister(mem, &breach.Options{Jurisdiction: compliance.DK,
			Options: compliance.Options{Now: c.Now, NewID: compliance.Sequence()}})
		require.NoError(t, err)
		return r
	}
	r1, r2 := mk(early), mk(late)
	b, err := r1.Create(ctx, kommune, notifiable(aware))
	require.NoError(t, err)

	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := r1
			if g%2 == 1 {
				r = r2
			}
			for range 10 {
				_, err := r.RecordCommunication(ctx, kommune, b.ID, breach.SubjectCommunication{Channel: breach.Letter})
				if err != nil {
					assert.ErrorIs(t, err, compliance.ErrConflict)
					assert.NotErrorIs(t, err, compliance.ErrInvalid)
					continue
				}
				mu.Lock()
				ok++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	got, err := r1.Get(ctx, kommune, b.ID)
	require.NoError(t, err)
	assert.Len(t, got.Communications, ok)
	assert.NoError(t, got.Validate())
}

// Item 5: no fmt verb prints caseworker text.
func TestFormatNeverPrintsText(t *testing.T) {
	b := withPlanted()
	for _, verb := range []string{"%v", "%+v", "%#v", "%d", "%s", "%q", "%x", "%X", "%10.3v"} {
		for _, v := range []any{b, &b, b.Text, b.ENISA, b.ENISA.Adjustments[0], []breach.Breach{b}} {
			got := fmt.Sprintf(verb, v)
			assert.NotContains(t, got, "Jens", "%s of %T", verb, v)
			assert.NotContains(t, got, "010203", "%s of %T", verb, v)
			assert.NotContains(t, strings.ToLower(got), "4a656e73", "%s of %T (hex)", verb, v)
		}
	}
}

// Item 5: slog's text and JSON handlers never write an adjustment's note or
// the account.
func TestSlogNeverWritesText(t *testing.T) {
	b := withPlanted()
	for _, h := range []func(*bytes.Buffer) slog.Handler{
		func(w *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(w, nil) },
		func(w *bytes.Buffer) slog.Handler { return slog.NewTextHandler(w, nil) },
	} {
		var buf bytes.Buffer
		log := slog.New(h(&buf))
		log.Info("x", "breach", b, "enisa", b.ENISA, "adjustments", b.ENISA.Adjustments,
			"adjustment", b.ENISA.Adjustments[0], "text", b.Text, "factors", b.Factors)
		assert.NotContains(t, buf.String(), "Jens")
		assert.Contains(t, buf.String(), "volume", "the adjustment is logged, without its note")
	}
}

// Item 7: the zero controller is rejected; a zero-value Register returns
// errors instead of panicking.
func TestZeroValues(t *testing.T) {
	ctx := context.Background()
	r, _ := newRegister(t, compliance.DK, &clock{aware}, nil)
	_, err := r.Create(ctx, compliance.ControllerID{}, notifiable(aware))
	fieldErr(t, err, "controller", compliance.ReasonRequired)
	_, err = r.Due(ctx, compliance.ControllerID{}, aware)
	assert.ErrorIs(t, err, compliance.ErrInvalid)

	for _, z := range []*breach.Register{nil, new(breach.Register)} {
		assert.NotPanics(t, func() {
			_, err := z.Create(ctx, kommune, notifiable(aware))
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.Get(ctx, kommune, id(1))
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.Update(ctx, kommune, notifiable(aware))
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.Modify(ctx, kommune, id(1), func(*breach.Breach) error { return nil })
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.Classify(ctx, kommune, id(1), breach.PersonalDataBreach)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.RecordNotification(ctx, kommune, id(1), breach.AuthorityNotification{})
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.RecordCommunication(ctx, kommune, id(1), breach.SubjectCommunication{})
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, _, err = z.Assess(ctx, kommune, id(1))
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.AssessBreach(notifiable(aware), aware)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.Due(ctx, kommune, aware)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, _, err = z.Notices(ctx, kommune, id(1), breach.Contact{})
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			_, err = z.Year(ctx, kommune, 2024)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			assert.Zero(t, z.Jurisdiction())
			assert.Nil(t, z.Calendar())
		})
	}
}

// Issue 14, done means: a race stress test — 8 goroutines creating,
// changing, recording and listing on one register, bounded in count.
func TestRegisterRaceStress(t *testing.T) {
	ctx := context.Background()
	r, _ := newRegister(t, compliance.DK, &clock{aware}, nil)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				b, err := r.Create(ctx, kommune, notifiable(aware))
				if !assert.NoError(t, err) {
					return
				}
				_, err = r.RecordNotification(ctx, kommune, b.ID, breach.AuthorityNotification{})
				assert.NoError(t, err)
				_, err = r.Modify(ctx, kommune, b.ID, func(x *breach.Breach) error {
					x.Department = fmt.Sprintf("dept-%d", g)
					return nil
				})
				assert.NoError(t, err)
				if i%5 == 0 {
					_, err := r.Due(ctx, kommune, aware.Add(time.Hour))
					assert.NoError(t, err)
					_, err = r.Year(ctx, kommune, 2024)
					assert.NoError(t, err)
				}
			}
		}()
	}
	wg.Wait()
	st, err := r.Year(ctx, kommune, 2024)
	require.NoError(t, err)
	assert.Equal(t, 160, st.Registered)
	assert.Equal(t, 160, st.Notified)
	var errs []error
	for b, err := range r.List(ctx, kommune, breach.Filter{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		assert.Equal(t, uint64(3), b.Version, "created, notified, modified")
	}
	assert.Empty(t, errors.Join(errs...))
}

// Issue 13 item 7: when a processor's earlier notice starts the 72 hours,
// the notice prints the instant the clock runs from and why; with no
// kommune reference it prints no internal ID.
func TestNoticeClockAndReference(t *testing.T) {
	cal := calendar(t, compliance.DK, compliance.CalendarOptions{})
	b := danishRansomware()
	b.Reference = ""
	a, err := breach.Assess(b, cal, cph(2024, time.March, 10, 10, 0))
	require.NoError(t, err)
	require.True(t, a.ClockFromProcessor)
	require.True(t, a.Deadline.Start.Equal(b.Processor.Notified))

	for _, tag := range i18n.Supported() {
		p := i18n.NewPrinter(tag)
		doc := p.Markdown(breach.AuthorityNotice(b, a, danishContact))
		assert.NotContains(t, doc, b.ID.String(), "no internal ID (%s)", tag)
		assert.Contains(t, doc, p.Time(b.Processor.Notified.In(copenhagen)), "the clock's start (%s)", tag)
	}
	da := i18n.NewPrinter(i18n.Supported()[0]).Markdown(breach.AuthorityNotice(b, a, danishContact))
	assert.Contains(t, da, "De 72 timer regnes fra")
	assert.Contains(t, da, "da databehandleren underrettede kommunen")

	b.Processor.Notified = time.Time{}
	b.Processor.Aware = time.Time{}
	a, err = breach.Assess(b, cal, cph(2024, time.March, 10, 10, 0))
	require.NoError(t, err)
	assert.False(t, a.ClockFromProcessor)
	da = i18n.NewPrinter(i18n.Supported()[0]).Markdown(breach.AuthorityNotice(b, a, danishContact))
	assert.Contains(t, da, "da kommunen blev bekendt med bruddet")
}

// Due reads at most Options.MaxBreaches stored breaches, the bad records
// counted with the good, and past it returns the FieldError alone.
func TestDueBound(t *testing.T) {
	ctx := context.Background()
	const max = 3
	tests := []struct {
		name    string
		good    int
		bad     int
		wantErr bool
	}{
		{"none", 0, 0, false},
		{"just at the bound", max, 0, false},
		{"at the bound with a bad record", max - 1, 1, false},
		{"one past the bound", max + 1, 0, true},
		{"one past the bound, counting a bad record", max, 1, true},
		{"far past the bound", 3 * max, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &clock{aware.Add(100 * time.Hour)}
			s := breachtest.NewMemStore()
			r, err := breach.NewRegister(s, &breach.Options{Jurisdiction: compliance.DK, MaxBreaches: max,
				Options: compliance.Options{Now: c.Now, NewID: compliance.Sequence()}})
			require.NoError(t, err)
			for range tt.good {
				_, err := r.Create(ctx, kommune, notifiable(aware))
				require.NoError(t, err)
			}
			for i := range tt.bad {
				bad := notifiable(aware)
				bad.ID, bad.Version = id(byte(0x40+i)), 0
				bad.Aware = time.Date(202, time.March, 1, 9, 0, 0, 0, time.UTC)
				bad.Discovered, bad.Registered = bad.Aware, bad.Aware
				require.NoError(t, s.Put(ctx, kommune, bad))
			}

			due, err := r.Due(ctx, kommune, time.Time{})
			if !tt.wantErr {
				if tt.bad == 0 {
					require.NoError(t, err)
				} else {
					var bre *breach.BadRecordsError
					require.ErrorAs(t, err, &bre)
					assert.Len(t, bre.IDs, tt.bad)
				}
				assert.Len(t, due, tt.good, "one notification due per good breach")
				return
			}
			assert.Nil(t, due)
			var fe *compliance.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "breaches", fe.Field)
			assert.Equal(t, compliance.ReasonLength, fe.Reason)
			assert.ErrorIs(t, err, compliance.ErrInvalid)
			var bre *breach.BadRecordsError
			assert.False(t, errors.As(err, &bre), "the bound is not mixed into the bad records")
		})
	}
}

func TestNewRegisterMaxBreaches(t *testing.T) {
	tests := []struct {
		name    string
		max     int
		wantErr bool
	}{
		{"zero means the package bound", 0, false},
		{"lower", 10, false},
		{"the package bound", breach.MaxBreaches, false},
		{"negative", -1, true},
		{"above the package bound", breach.MaxBreaches + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := breach.NewRegister(breachtest.NewMemStore(), &breach.Options{Jurisdiction: compliance.DK, MaxBreaches: tt.max})
			if !tt.wantErr {
				assert.NoError(t, err)
				return
			}
			fieldErr(t, err, "max-breaches", compliance.ReasonRange)
		})
	}
}
