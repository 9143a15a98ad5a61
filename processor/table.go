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
	procs [nShards]shard // by value: a look-up reads the slot array directly
	keys  [nShards]map[Key][]compliance.ProcessorID
	n     int
}

// shard is an open-addressing hash table of processors by ID, probed
// linearly from the ID's hash and never more than half full: a look-up
// reads the shard and, mostly, one slot. A published shard is never
// changed.
type shard struct {
	slots []slot // len is a power of two
	n     int
}

type slot struct {
	id compliance.ProcessorID
	c  *compiled // nil: empty
}

// get returns the processor with ID id in the shard, with hash h.
func (s *shard) get(id compliance.ProcessorID, h uint64) *compiled {
	if len(s.slots) == 0 {
		return nil
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.c == nil {
			return nil
		}
		if sl.id == id {
			return sl.c
		}
	}
}

// with returns a copy of s in which c replaces the entry with its ID.
func (s *shard) with(c *compiled, h uint64) shard {
	size := max(len(s.slots), 8)
	if 2*(s.n+1) > size {
		size *= 2
	}
	n := shard{slots: make([]slot, size), n: s.n}
	for _, sl := range s.slots {
		if sl.c != nil {
			n.put(sl.c, hashOf(sl.id))
		}
	}
	if !n.put(c, h) {
		n.n++
	}
	return n
}

// put stores c in n's slots (n not yet published), reporting whether an
// entry with its ID was there.
func (n *shard) put(c *compiled, h uint64) bool {
	mask := uint64(len(n.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &n.slots[i]
		if sl.c == nil {
			sl.id, sl.c = c.id, c
			return false
		}
		if sl.id == c.id {
			sl.c = c
			return true
		}
	}
}

var keySeed = maphash.MakeSeed()

// hashOf returns the hash of id. IDs are uuid v7 (random low bits) or
// anything a host chose, so both halves are mixed. The top shardBits bits
// pick the shard, the low bits the slot.
func hashOf(id compliance.ProcessorID) uint64 {
	h := binary.LittleEndian.Uint64(id.UUID[8:]) ^ binary.LittleEndian.Uint64(id.UUID[:8])*0x9e3779b97f4a7c15
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// shardOf returns the shard of id.
func shardOf(id compliance.ProcessorID) int { return int(hashOf(id) >> (64 - shardBits)) }

func keyShard(k Key) int {
	if k.kind == keyID {
		return shardOf(k.id)
	}
	return int(maphash.String(keySeed, k.s)^uint64(k.kind)) & (nShards - 1)
}

func (t *table) get(id compliance.ProcessorID) *compiled {
	h := hashOf(id)
	return t.procs[h>>(64-shardBits)].get(id, h)
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
	h := hashOf(c.id)
	i := int(h >> (64 - shardBits))
	sh := &t.procs[i]
	old := sh.get(c.id, h)
	switch {
	case copyOnWrite || 2*(sh.n+1) > len(sh.slots):
		t.procs[i] = sh.with(c, h)
	default:
		if !sh.put(c, h) {
			sh.n++
		}
	}
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
	t.each(func(c *compiled) { out = append(out, c) })
	slices.SortFunc(out, func(a, b *compiled) int { return a.id.Compare(b.id) })
	return out
}

// each calls f for every processor, in no particular order.
func (t *table) each(f func(*compiled)) {
	for i := range t.procs {
		for _, sl := range t.procs[i].slots {
			if sl.c != nil {
				f(sl.c)
			}
		}
	}
}
