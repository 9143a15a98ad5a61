package server

import (
	"context"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/processor"
)

// Reloading on a miss.
//
// A check names its processor by tillid ID, CVR, orgnr or KITOS UUID, and
// the number is resolved in the kommune's snapshot. When another instance
// sharing the store has just created the processor (or given it that
// number), this instance's snapshot does not hold it: the batcher catches
// up only with processors the snapshot already knows. So on a miss the
// handler reloads the kommune's registry ([processor.Registry.Load]) and
// looks the number up again, before it decides.
//
// A miss costs a full read of the kommune's processors, and a caller can
// ask about numbers that no processor has, as often as it likes; so the
// reloads are bounded per kommune:
//
//   - at most one is in flight: a miss while a reload runs waits for it
//     and looks up again in its result, starting none of its own;
//   - at most one starts per Config.MissReload after the last one
//     completed (whether it succeeded or failed): a miss within that
//     interval answers from the snapshot as it is (unknown: deny).
//
// Load never installs an older version of a processor than the snapshot
// holds, so a reload racing the batcher's Refresh of one processor, or a
// Put on this instance, cannot take the snapshot back.
//
// A failed reload leaves the snapshot as it was: the check is answered from
// it (a deny for the unknown processor, as without the reload), and the
// failure is logged (the kommune's ID and the error's type) and counted in
// tillid_store_errors_total. The check's answer does not depend on the
// reload, which only catches up; if the store is down, the evidence commit
// fails too and the check gets its 503 there, as any check does.
type missReload struct {
	mu      sync.Mutex
	last    time.Time     // when the last reload completed; zero before the first
	running chan struct{} // closed when the reload in flight completes; nil when none runs
	waiters int           // misses waiting for the reload in flight (for tests)
}

// missTimeout bounds a reload, which runs for every check waiting on it and
// so does not end with the request that started it.
const missTimeout = 5 * time.Second

// reloadOnMiss reloads t's registry after a look-up missed, within the
// bounds above, and reports whether the snapshot may have changed since
// the look-up (a reload ran and succeeded, or one in flight was joined):
// only then is a second look-up worth its cost.
func (s *Server) reloadOnMiss(ctx context.Context, t *tenant) bool {
	every := s.cfg.MissReload
	if every <= 0 {
		return false
	}
	m := &t.miss
	m.mu.Lock()
	if ch := m.running; ch != nil {
		m.waiters++
		m.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
		}
		m.mu.Lock()
		m.waiters--
		m.mu.Unlock()
		return true
	}
	if !m.last.IsZero() && s.cfg.Options.Clock().Sub(m.last) < every {
		m.mu.Unlock()
		return false
	}
	ch := make(chan struct{})
	m.running = ch
	m.mu.Unlock()

	s.metrics.missReloads.Add(1)
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), missTimeout)
	_, err := t.procs.Load(rctx)
	cancel()

	m.mu.Lock()
	m.running = nil
	m.last = s.cfg.Options.Clock()
	m.mu.Unlock()
	close(ch)
	if err != nil {
		s.metrics.storeErrors.Add(1)
		s.log.ErrorContext(ctx, "processor registry not reloaded after a miss", "controller", t.ctrl.ID, "error_type", errType(err))
		return false
	}
	s.log.DebugContext(ctx, "processor registry reloaded after a miss", "controller", t.ctrl.ID, "processors", t.procs.Snapshot().Len())
	return true
}

// resolve returns the ID of the processor k names in t's snapshot, and
// whether the snapshot holds it. A processor named by ID is asked about by
// that ID either way (the check denies it as unknown); one named by a
// number it does not hold, by the zero ID. k names exactly one identity.
// It adds nothing to the registry's look-up: no allocation, and by ID one
// probe of the snapshot's table.
func resolve(t *tenant, k *processorKey) (compliance.ProcessorID, bool) {
	switch {
	case !k.CVR.IsZero():
		return t.procs.Lookup(processor.KeyCVR(k.CVR))
	case !k.OrgNr.IsZero():
		return t.procs.Lookup(processor.KeyOrgNr(k.OrgNr))
	case k.KITOS != uuid.Nil:
		return t.procs.Lookup(processor.KeyExternal(processor.ExternalID{Scheme: processor.KITOS, ID: k.KITOS.String()}))
	}
	_, ok := t.procs.Lookup(processor.KeyID(k.ID))
	return k.ID, ok
}
