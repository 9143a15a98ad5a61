package compliance

import (
	"log/slog"
	"time"

	"github.com/google/uuid"
)

// Options carries what every operations type of tillid (breach.Register,
// processor.Registry, …) takes from its host: a clock, an ID source and a
// logger. Domain packages embed it in their own Options. A nil *Options and
// zero fields mean the defaults, as with [slog.HandlerOptions].
//
// The clock and the ID source are read once per operation, so every
// timestamp and ID written by one operation agrees. Rules never read them:
// they take the instant as an argument.
type Options struct {
	// Now returns the current time. Nil means [time.Now].
	Now func() time.Time
	// NewID returns a fresh UUID. Nil means [uuid.NewV7] (time-ordered,
	// which gives host databases good index locality). Tests and examples
	// pass [Sequence].
	NewID func() (uuid.UUID, error)
	// Logger receives debug records of operations (IDs and codes only, never
	// personal data). Nil discards them: the library never logs by default.
	Logger *slog.Logger
}

// Clock returns the current time from o.Now, or [time.Now]. It is the only
// place in tillid that reads the clock.
func (o *Options) Clock() time.Time {
	if o == nil || o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

// UUID returns a fresh UUID from o.NewID, or [uuid.NewV7].
func (o *Options) UUID() (uuid.UUID, error) {
	if o == nil || o.NewID == nil {
		return uuid.NewV7()
	}
	return o.NewID()
}

// Log returns o.Logger, or a logger that discards everything.
func (o *Options) Log() *slog.Logger {
	if o == nil || o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}

// NewID returns a fresh typed ID from o's ID source.
func NewID[T any](o *Options) (ID[T], error) {
	u, err := o.UUID()
	if err != nil {
		return ID[T]{}, err
	}
	return ID[T]{u}, nil
}
