package server

import (
	"encoding/binary"
	"encoding/json"
	"sync"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// findingsCache keeps the rendered JSON of the findings of decisions, by
// language and by the findings themselves (code, severity, principle,
// references, arguments, subject: everything the rendered text depends
// on). Most checks of a kommune repeat a few sets of findings, and
// rendering their texts and citations costs far more than looking them
// up. The key is written by hand (appendKey), with every field, so a
// look-up costs no reflection and no allocation. The cache is emptied
// when it reaches maxCached entries, which bounds it.
type findingsCache struct {
	mu sync.RWMutex
	m  map[*i18n.Printer]map[string]json.RawMessage
	n  int
}

const maxCached = 4096

var emptyFindings = json.RawMessage("[]")

var keyPool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

func (c *findingsCache) render(p *i18n.Printer, fs []compliance.Finding) json.RawMessage {
	if len(fs) == 0 {
		return emptyFindings
	}
	return c.get(p, fs)
}

// evidence returns fs's own JSON, what encoding/json writes for it, which
// the evidence of a decision splices in (appendDecision); nil when fs is
// empty or does not marshal (the caller then leaves the whole decision to
// encoding/json, which reports the error). It is kept in the same cache,
// under the nil printer.
func (c *findingsCache) evidence(fs []compliance.Finding) json.RawMessage {
	if len(fs) == 0 {
		return nil
	}
	return c.get(nil, fs)
}

func (c *findingsCache) get(p *i18n.Printer, fs []compliance.Finding) json.RawMessage {
	kp := keyPool.Get().(*[]byte)
	defer func() {
		if cap(*kp) <= maxPooled {
			keyPool.Put(kp)
		}
	}()
	k := appendKey((*kp)[:0], fs)
	if p == nil {
		k = appendEmptyRefs(k, fs)
	}
	*kp = k
	c.mu.RLock()
	b, ok := c.m[p][string(k)] // no allocation: the compiler looks up without a string
	c.mu.RUnlock()
	if ok {
		return b
	}
	if p == nil {
		var err error
		if b, err = json.Marshal(fs); err != nil {
			return nil // not cached: the caller falls back and reports it
		}
	} else {
		b = c.renderNow(p, fs)
	}
	c.mu.Lock()
	if c.m == nil || c.n >= maxCached {
		c.m, c.n = map[*i18n.Printer]map[string]json.RawMessage{}, 0
	}
	m := c.m[p]
	if m == nil {
		m = make(map[string]json.RawMessage, 64)
		c.m[p] = m
	}
	if _, ok := m[string(k)]; !ok {
		m[string(k)] = b
		c.n++
	}
	c.mu.Unlock()
	return b
}

// appendEmptyRefs appends, for each finding without references, whether
// its Refs writes null or []: rendering cannot tell them apart, so
// appendKey does not, but the findings' own JSON can (a Refs decoded from
// [] writes []).
func appendEmptyRefs(b []byte, fs []compliance.Finding) []byte {
	for i := range fs {
		if fs[i].Refs.Len() == 0 {
			j, _ := fs[i].Refs.MarshalJSON()
			b = append(b, j[0])
		}
	}
	return b
}

func (c *findingsCache) renderNow(p *i18n.Printer, fs []compliance.Finding) json.RawMessage {
	b, err := json.Marshal(renderFindings(p, fs))
	if err != nil {
		return emptyFindings
	}
	return b
}

// appendKey appends the cache key of fs: every field of every finding,
// its arguments and references, strings length-prefixed, so that two
// sets of findings have the same key only when they are equal (as far as
// rendering can tell: a time by its instant, offset and zone name, a
// decimal by its digits). TestKeyCoversEveryField fails when the library
// adds a field this does not know.
func appendKey(b []byte, fs []compliance.Finding) []byte {
	b = binary.AppendUvarint(b, uint64(len(fs)))
	for i := range fs {
		f := &fs[i]
		b = appendStr(b, string(f.Code))
		b = append(b, byte(f.Severity), byte(f.Principle))
		b = appendStr(b, f.Subject)
		b = binary.AppendUvarint(b, uint64(f.Refs.Len()))
		for _, r := range f.Refs.All() {
			b = appendRefKey(b, &r)
		}
		b = binary.AppendUvarint(b, uint64(len(f.Args)))
		for j := range f.Args {
			a := &f.Args[j]
			b = append(b, byte(a.Kind))
			b = binary.AppendVarint(b, a.Int)
			b = appendStr(b, a.Text)
			b = binary.AppendUvarint(b, uint64(len(a.Keys)))
			for _, k := range a.Keys {
				b = appendStr(b, k)
			}
			b = binary.AppendVarint(b, int64(a.Date.Year))
			b = binary.AppendVarint(b, int64(a.Date.Month))
			b = binary.AppendVarint(b, int64(a.Date.Day))
			if a.Time.IsZero() {
				b = append(b, 0)
			} else {
				b = append(b, 1)
				b = a.Time.AppendFormat(b, time.RFC3339Nano)
				b = append(b, 0) // ends the text, which never holds a NUL
				b = appendStr(b, a.Time.Location().String())
			}
			b = binary.AppendVarint(b, int64(a.Duration))
			if a.Decimal.IsZero() {
				b = append(b, 0) // JSON omits a zero decimal, whatever its exponent
			} else {
				b = append(b, 1)
				b = appendStr(b, a.Decimal.String())
				b = binary.AppendVarint(b, int64(a.Decimal.Exponent())) // 1.5 and 1.50 may print apart
			}
			if a.Ref == nil {
				b = append(b, 0)
			} else {
				b = append(b, 1)
				b = appendRefKey(b, a.Ref)
			}
			b = binary.AppendVarint(b, int64(a.Period.N))
			b = append(b, byte(a.Period.Unit), a.Country[0], a.Country[1])
		}
	}
	return b
}

func appendRefKey(b []byte, r *compliance.Ref) []byte {
	b = append(b, byte(r.Instrument))
	b = appendStr(b, r.Doc)
	b = appendStr(b, r.Article)
	b = binary.AppendVarint(b, int64(r.Paragraph))
	b = binary.AppendVarint(b, int64(r.Subparagraph))
	b = appendStr(b, r.Point)
	b = binary.AppendVarint(b, int64(r.Recital))
	b = appendStr(b, r.Para)
	b = appendStr(b, r.Clause)
	return appendStr(b, r.Case)
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}
