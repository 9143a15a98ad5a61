package breach_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// TestCommitteeStatistics builds a synthetic register with the figures a
// kommune reported to its committee (issue 4): 72 incidents registered in
// 2020 and 59 in 2021; 29 and 16 notified to Datatilsynet; not-a-breach up
// from 3 to 14. Of the notifications, 2 (2020) and 1 (2021) came after the
// 72 hours; 4 and 2 were communicated to the data subjects.
func TestCommitteeStatistics(t *testing.T) {
	ctx := context.Background()
	c := &clock{}
	r, _ := newRegister(t, compliance.DK, c, nil)
	type year struct {
		y                                          int
		registered, notified, notBreach, late, com int
	}
	causes := []breach.Cause{breach.MisdirectedEmail, breach.MisdirectedMail, breach.LostDevice, breach.PublicationError}
	for _, yr := range []year{{2020, 72, 29, 3, 2, 4}, {2021, 59, 16, 14, 1, 2}} {
		for i := range yr.registered {
			// Spread over the year, from 1 January 00:30 local time (which
			// is 31 December in UTC: the year is the kommune's).
			at := cph(yr.y, time.January, 1, 0, 30).Add(time.Duration(i) * 5 * 24 * time.Hour)
			c.now = at
			b := notifiable(at)
			b.ID, b.Registered = breach.ID{}, time.Time{}
			b.Cause = causes[i%len(causes)]
			switch {
			case i < yr.notBreach:
				b.Classification = breach.NotABreach
			case i < yr.notBreach+yr.notified:
				n := i - yr.notBreach
				when := at.Add(24 * time.Hour)
				if n < yr.late {
					when = at.Add(80 * time.Hour)
				}
				b.Authority = []breach.AuthorityNotification{{Phase: breach.Initial, At: when, Complete: true}}
				if n < yr.com {
					b.Communications = []breach.SubjectCommunication{{At: when, Channel: breach.Letter}}
				}
			}
			_, err := r.Create(ctx, kommune, b)
			require.NoError(t, err)
		}
	}
	// One more on 31 December 2021 at 23:59 local time, still 2021 in
	// Denmark, and one on 1 January 2022.
	for _, at := range []time.Time{cph(2021, time.December, 31, 23, 59), cph(2022, time.January, 1, 0, 0)} {
		c.now = at
		b := incident(at, breach.Confidentiality)
		b.ID, b.Cause, b.Classification = breach.ID{}, 0, 0
		_, err := r.Create(ctx, kommune, b)
		require.NoError(t, err)
	}

	s20, err := r.Year(ctx, kommune, 2020)
	require.NoError(t, err)
	assert.Equal(t, 72, s20.Registered)
	assert.Equal(t, 29, s20.Notified)
	assert.Equal(t, 3, s20.NotBreaches)
	assert.Equal(t, 69, s20.Breaches)
	assert.Equal(t, 0, s20.Unclassified)
	assert.Equal(t, 2, s20.Late)
	assert.Equal(t, 4, s20.Communicated)
	total := 0
	for _, cc := range s20.ByCause {
		total += cc.Count
	}
	assert.Equal(t, 69, total, "by cause counts the personal data breaches")
	assert.Equal(t, breach.MisdirectedMail, s20.ByCause[0].Cause, "in the order of AllCauses")

	s21, err := r.Year(ctx, kommune, 2021)
	require.NoError(t, err)
	assert.Equal(t, 60, s21.Registered, "59 and the one at 23:59 on 31 December")
	assert.Equal(t, 16, s21.Notified)
	assert.Equal(t, 14, s21.NotBreaches)
	assert.Equal(t, 1, s21.Unclassified)
	assert.Equal(t, 1, s21.Late)
	assert.Equal(t, 2, s21.Communicated)
	last := s21.ByCause[len(s21.ByCause)-1]
	assert.Equal(t, breach.CauseCount{Cause: 0, Count: 1}, last, "no cause recorded: counted last")

	both, err := r.Statistics(ctx, kommune, compliance.Date{Year: 2020, Month: 1, Day: 1}, compliance.Date{Year: 2022, Month: 1, Day: 2})
	require.NoError(t, err)
	assert.Equal(t, 72+60+1, both.Registered)

	_, err = r.Statistics(ctx, kommune, compliance.Date{Year: 2021, Month: 1, Day: 1}, compliance.Date{Year: 2020, Month: 1, Day: 1})
	assert.ErrorIs(t, err, compliance.ErrInvalid)
	_, err = breach.Summarize(nil, compliance.Date{}, compliance.Date{}, nil)
	assert.ErrorIs(t, err, compliance.ErrInvalid)
}
