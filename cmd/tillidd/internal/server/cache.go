package server

import (
	"encoding/json"
	"sync"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// findingsCache keeps the rendered JSON of the findings of decisions.
// A decision's findings share memory with the snapshot that made it
// (processor.Decision: read-only, the same backing array for the same
// standing findings), so the address of the first finding and their number
// name the same findings for as long as the cache holds that address —
// holding it keeps the array alive, so the address is never reused. A
// request-specific finding is a fresh allocation and simply misses. The
// cache is emptied when it reaches maxCached entries, which bounds it.
type findingsCache struct {
	mu sync.RWMutex
	m  map[cacheKey]json.RawMessage
}

type cacheKey struct {
	first *compliance.Finding
	n     int
	p     *i18n.Printer
}

const maxCached = 4096

var emptyFindings = json.RawMessage("[]")

func (c *findingsCache) render(p *i18n.Printer, fs []compliance.Finding) json.RawMessage {
	if len(fs) == 0 {
		return emptyFindings
	}
	k := cacheKey{&fs[0], len(fs), p}
	c.mu.RLock()
	b, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return b
	}
	b, err := json.Marshal(renderFindings(p, fs))
	if err != nil {
		return emptyFindings
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCached {
		c.m = make(map[cacheKey]json.RawMessage, 64)
	}
	c.m[k] = b
	c.mu.Unlock()
	return b
}
