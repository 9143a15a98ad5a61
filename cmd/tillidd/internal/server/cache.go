package server

import (
	"encoding/json"
	"sync"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// findingsCache keeps the rendered JSON of the findings of decisions, by
// language and by the findings' own JSON form (code, severity, references,
// arguments, subject), which determines the rendered text. Most checks of
// a kommune repeat a few sets of findings, and marshalling them is much
// cheaper than rendering their texts and citations. The cache is emptied
// when it reaches maxCached entries, which bounds it.
type findingsCache struct {
	mu sync.RWMutex
	m  map[cacheKey]json.RawMessage
}

type cacheKey struct {
	p   *i18n.Printer
	raw string
}

const maxCached = 4096

var emptyFindings = json.RawMessage("[]")

func (c *findingsCache) render(p *i18n.Printer, fs []compliance.Finding) json.RawMessage {
	if len(fs) == 0 {
		return emptyFindings
	}
	raw, err := json.Marshal(fs)
	if err != nil {
		return c.renderNow(p, fs)
	}
	k := cacheKey{p, string(raw)}
	c.mu.RLock()
	b, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return b
	}
	b = c.renderNow(p, fs)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCached {
		c.m = make(map[cacheKey]json.RawMessage, 64)
	}
	c.m[k] = b
	c.mu.Unlock()
	return b
}

func (c *findingsCache) renderNow(p *i18n.Printer, fs []compliance.Finding) json.RawMessage {
	b, err := json.Marshal(renderFindings(p, fs))
	if err != nil {
		return emptyFindings
	}
	return b
}
