// Package memstore is the in-memory, controller-scoped, versioned map that
// every MemStore of tillid's …test packages is built on.
//
// It implements the store contract the domain packages document: records are
// scoped to a controller; Put creates (Version 0, must not exist) or updates
// (Version must equal the stored one) and stores the record with Version+1;
// values are cloned on the way in and on the way out, so callers never alias
// stored state; List snapshots under the lock and yields without holding it,
// in ID order, checking the context between records and yielding (zero, err)
// as its last pair on failure.
package memstore

import (
	"context"
	"iter"
	"slices"
	"sync"

	"github.com/tillid/tillid/compliance"
)

// Key is the type of a record's ID.
type Key[K any] interface {
	comparable
	Compare(K) int
}

// Map is a controller-scoped, versioned map of records of type V keyed by K.
// It is safe for concurrent use. Its zero value is not usable: use [New].
type Map[K Key[K], V any] struct {
	mu      sync.RWMutex
	rows    map[compliance.ControllerID]map[K]V
	clone   func(V) V
	key     func(V) K
	version func(*V) *uint64
	// unique, when set, is a second key no two records of a controller may
	// share; index maps it to the record's ID.
	unique func(V) string
	index  map[compliance.ControllerID]map[string]K
}

// New returns an empty Map. clone deep-copies a record (every slice, map and
// pointer it holds); key returns its ID; version points at its Version field.
func New[K Key[K], V any](clone func(V) V, key func(V) K, version func(*V) *uint64) *Map[K, V] {
	return &Map[K, V]{
		rows:    make(map[compliance.ControllerID]map[K]V),
		clone:   clone,
		key:     key,
		version: version,
	}
}

// Unique makes unique a second key that no two records of one controller may
// share: Put fails with [compliance.ErrConflict] for a record whose key
// another record of the controller has. Call it before the Map is used.
func (m *Map[K, V]) Unique(key func(V) string) *Map[K, V] {
	m.unique = key
	m.index = make(map[compliance.ControllerID]map[string]K)
	return m
}

// Get returns a copy of the record id of controller c, or
// [compliance.ErrNotFound].
func (m *Map[K, V]) Get(ctx context.Context, c compliance.ControllerID, id K) (V, error) {
	var zero V
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	m.mu.RLock()
	v, ok := m.rows[c][id]
	m.mu.RUnlock()
	if !ok {
		return zero, compliance.ErrNotFound
	}
	return m.clone(v), nil
}

// Put stores a copy of v for controller c. With v's Version 0 it creates the
// record and fails with [compliance.ErrConflict] if the ID exists; otherwise
// it updates the record, failing with [compliance.ErrNotFound] if there is
// none and [compliance.ErrConflict] if the stored Version differs. The stored
// copy has Version+1.
func (m *Map[K, V]) Put(ctx context.Context, c compliance.ControllerID, v V) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	v = m.clone(v)
	id := m.key(v)
	ver := m.version(&v)
	m.mu.Lock()
	defer m.mu.Unlock()
	rows := m.rows[c]
	old, exists := rows[id]
	switch {
	case *ver == 0 && exists:
		return compliance.ErrConflict
	case *ver != 0 && !exists:
		return compliance.ErrNotFound
	case *ver != 0 && *m.version(&old) != *ver:
		return compliance.ErrConflict
	}
	if m.unique != nil {
		u := m.unique(v)
		if other, taken := m.index[c][u]; taken && other != id {
			return compliance.ErrConflict
		}
		if m.index[c] == nil {
			m.index[c] = make(map[string]K)
		}
		if exists {
			delete(m.index[c], m.unique(old))
		}
		m.index[c][u] = id
	}
	*ver++
	if rows == nil {
		rows = make(map[K]V)
		m.rows[c] = rows
	}
	rows[id] = v
	return nil
}

// Delete removes the record id of controller c, or returns
// [compliance.ErrNotFound].
func (m *Map[K, V]) Delete(ctx context.Context, c compliance.ControllerID, id K) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	old, ok := m.rows[c][id]
	if !ok {
		return compliance.ErrNotFound
	}
	if m.unique != nil {
		delete(m.index[c], m.unique(old))
	}
	delete(m.rows[c], id)
	return nil
}

// List yields copies of the records of controller c for which match returns
// true (every record when match is nil), in ID order. The records are
// snapshotted when iteration starts; the lock is not held while yielding, so
// the loop body may call the Map again. The context is checked before each
// record; when it is done List yields (zero, ctx.Err()) and stops. The
// sequence may be ranged over more than once.
func (m *Map[K, V]) List(ctx context.Context, c compliance.ControllerID, match func(V) bool) iter.Seq2[V, error] {
	return func(yield func(V, error) bool) {
		var zero V
		if err := ctx.Err(); err != nil {
			yield(zero, err)
			return
		}
		m.mu.RLock()
		snap := make([]V, 0, len(m.rows[c]))
		for _, v := range m.rows[c] {
			if match == nil || match(v) {
				snap = append(snap, v)
			}
		}
		m.mu.RUnlock()
		slices.SortFunc(snap, func(a, b V) int { return m.key(a).Compare(m.key(b)) })
		for _, v := range snap {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			if !yield(m.clone(v), nil) {
				return
			}
		}
	}
}

// Len returns the number of records of controller c.
func (m *Map[K, V]) Len(c compliance.ControllerID) int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.rows[c])
}
