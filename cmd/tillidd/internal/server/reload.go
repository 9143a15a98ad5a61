package server

import (
	"log/slog"

	"github.com/tillid/tillid/compliance"
)

// ReloadKeys reads the keys file again (Keyring.Reload) and applies it:
// from its return, a key no longer in the file is refused (401) and a new
// one accepted. When the file is not valid the keys loaded before stay in
// force and the error is returned. Either way the result is logged
// (without key material) and counted in tillid_keys_reloads_total. With a
// keyring kept in memory only (NewKeyring) it does nothing.
//
// Requests in flight keep the kommune they were authenticated for. The
// cached operations of a kommune that left the file, or whose
// jurisdiction or name changed, are dropped, and made again on its next
// request.
func (s *Server) ReloadKeys() error {
	_, err := s.reloadKeys(true)
	return err
}

// ReloadKeysIfChanged is ReloadKeys when the keys file's content changed
// since it was last read (Keyring.ReloadIfChanged); it reports whether it
// read the file. A file that stays invalid is logged and counted once.
func (s *Server) ReloadKeysIfChanged() (bool, error) {
	return s.reloadKeys(false)
}

func (s *Server) reloadKeys(force bool) (bool, error) {
	read, err := s.keys.reload(force)
	if !read {
		return false, err
	}
	if err != nil {
		s.metrics.reloadErrors.Add(1)
		s.log.Error("keys: reload failed; the keys loaded before stay in force", "err", err)
		return true, err
	}
	s.metrics.reloads.Add(1)
	s.limits.retain(s.keys.has)
	s.tenantMu.Lock()
	s.tenants.Range(func(id, t any) bool {
		if c, ok := s.keys.Controller(id.(compliance.ControllerID)); !ok || c != t.(*tenant).ctrl {
			s.tenants.Delete(id)
		}
		return true
	})
	s.tenantMu.Unlock()
	s.keys.mu.RLock()
	nc, nk := len(s.keys.controllers), len(s.keys.keys)
	s.keys.mu.RUnlock()
	s.log.Info("keys: reloaded", slog.Int("controllers", nc), slog.Int("keys", nk))
	return true, nil
}
