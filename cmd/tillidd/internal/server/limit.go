package server

import (
	"sync"
	"time"
)

// limiter is a token bucket per API key: rate tokens per second up to
// burst. A request takes one token; with none left it is refused (429)
// with the time until the next token.
type limiter struct {
	rate, burst float64
	mu          sync.Mutex
	m           map[string]*bucket
}

type bucket struct {
	mu     sync.Mutex
	tokens float64
	last   time.Time
}

func (l *limiter) allow(key string, now time.Time) (time.Duration, bool) {
	l.mu.Lock()
	b, ok := l.m[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.m[key] = b
	}
	l.mu.Unlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(l.burst, b.tokens+el*l.rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return 0, true
	}
	return time.Duration((1 - b.tokens) / l.rate * float64(time.Second)), false
}

// retain drops the buckets of the keys for which keep is false, so that
// revoked keys do not keep their state for the life of the process. A
// request authenticated just before the reload may add its bucket back;
// the next reload drops it again.
func (l *limiter) retain(keep func(id string) bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for id := range l.m {
		if !keep(id) {
			delete(l.m, id)
		}
	}
}
