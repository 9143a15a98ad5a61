package processor

import (
	"encoding/binary"
	"hash/maphash"
	"slices"

	"github.com/tillid/tillid/compliance"
)

// shardBits sets the number of shards of a snapshot's index. A write copies
// the shard of the processor it changes (and of any look-up key it adds or
// drops) and the snapshot's header of 2×2^shardBits pointers, so its cost
// grows with n/2^shardBits, not with n: at 100,000 processors a shard holds
// about 200.
const shardBits = 9

const nShards = 1 << shardBits

// table is the index of a snapshot: processors by ID and processor IDs by
// look-up key, each split into shards of immutable maps. A published table
// is never changed; a write makes a new one that shares every untouched
// shard.
type table struct {
	procs [nShards]map[compliance.ProcessorID]*compiled
	keys  [nShards]map[Key][]compliance.ProcessorID
	n     int
}

var keySeed = maphash.MakeSeed()

// shardOf returns the shard of id. IDs are uuid v7 (random low bits) or
// anything a host chose, so both halves are mixed.
func shardOf(id compliance.ProcessorID) int {
	h := binary.LittleEndian.Uint64(id.UUID[8:]) ^ binary.LittleEndian.Uint64(id.UUID[:8])*0x9e3779b97f4a7c15
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return int(h >> (64 - shardBits))
}

func keyShard(k Key) int {
	if k.kind == keyID {
		return shardOf(k.id)
	}
	return int(maphash.String(keySeed, k.s)^uint64(k.kind)) & (nShards - 1)
}

func (t *table) get(id compliance.ProcessorID) *compiled {
	return t.procs[shardOf(id)][id]
}

// lookup returns the processor that holds k, when exactly one does.
func (t *table) lookup(k Key) (compliance.ProcessorID, bool) {
	switch k.kind {
	case keyNone:
		return compliance.ProcessorID{}, false
	case keyID:
		if c := t.get(k.id); c != nil {
			return c.id, true
		}
		return compliance.ProcessorID{}, false
	}
	ids := t.keys[keyShard(k)][k]
	if len(ids) != 1 {
		return compliance.ProcessorID{}, false
	}
	return ids[0], true
}

// set installs c in place (t must not be published yet), replacing the
// entry with its ID; fresh reports whether shards still owned by a
// published table must be copied first (false while building a new table
// from nothing).
func (t *table) set(c *compiled, copyOnWrite bool) {
	i := shardOf(c.id)
	old := t.procs[i][c.id]
	m := t.procs[i]
	if copyOnWrite || m == nil {
		n := make(map[compliance.ProcessorID]*compiled, len(m)+1)
		for k, v := range m {
			n[k] = v
		}
		m = n
		t.procs[i] = m
	}
	m[c.id] = c
	if old == nil {
		t.n++
	}
	var was []Key
	if old != nil {
		was = old.keys
	}
	for _, k := range was {
		if !slices.Contains(c.keys, k) {
			t.editKey(k, c.id, false, copyOnWrite)
		}
	}
	for _, k := range c.keys {
		if !slices.Contains(was, k) {
			t.editKey(k, c.id, true, copyOnWrite)
		}
	}
}

// editKey adds id to (or removes it from) the holders of k. While a table
// is built from nothing (copyOnWrite false) holders are appended as they
// come: compileAll has rejected duplicate IDs and a processor's keys are
// distinct. A published slice is never changed: it is copied first.
func (t *table) editKey(k Key, id compliance.ProcessorID, add, copyOnWrite bool) {
	i := keyShard(k)
	m := t.keys[i]
	if m == nil {
		m = make(map[Key][]compliance.ProcessorID)
		t.keys[i] = m
	} else if copyOnWrite {
		n := make(map[Key][]compliance.ProcessorID, len(m)+1)
		for kk, v := range m {
			n[kk] = v
		}
		m = n
		t.keys[i] = m
	}
	if add && !copyOnWrite {
		m[k] = append(m[k], id)
		return
	}
	ids := slices.Clone(m[k])
	if add {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	} else {
		ids = slices.DeleteFunc(ids, func(x compliance.ProcessorID) bool { return x == id })
	}
	if len(ids) == 0 {
		delete(m, k)
		return
	}
	m[k] = ids
}

// all returns every processor, in ID order.
func (t *table) all() []*compiled {
	out := make([]*compiled, 0, t.n)
	for _, m := range t.procs {
		for _, c := range m {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b *compiled) int { return a.id.Compare(b.id) })
	return out
}
