package server

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tillid/tillid/compliance"
)

// Role is what a key may do. Roles are ordered: a write key may read and
// check, a read key may check.
type Role uint8

// The roles.
const (
	RoleCheck Role = iota + 1 // POST /v1/checks and reading its own evidence
	RoleRead                  // every GET of the kommune's registers
	RoleWrite                 // every create and update
)

var roleNames = [...]string{RoleCheck: "check", RoleRead: "read", RoleWrite: "write"}

// ParseRole parses "check", "read" or "write".
func ParseRole(s string) (Role, error) {
	for r, n := range roleNames {
		if n != "" && n == s {
			return Role(r), nil
		}
	}
	return 0, errors.New("role: want one of check, read, write")
}

// String returns the role's code.
func (r Role) String() string {
	if int(r) < len(roleNames) && r != 0 {
		return roleNames[r]
	}
	return "invalid"
}

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	*r = v
	return err
}

// Controller is a kommune the server serves.
type Controller struct {
	ID           compliance.ControllerID `json:"id"`
	Jurisdiction compliance.Jurisdiction `json:"jurisdiction"`
	// Name is the kommune's name ("Demo Kommune"), used in rendered notices.
	Name string `json:"name"`
}

// KeyEntry is a stored API key: its public ID, the SHA-256 of the whole key,
// the controller it is scoped to and its role. The key itself is never stored.
type KeyEntry struct {
	ID         string                  `json:"id"`
	SHA256     string                  `json:"sha256"`
	Controller compliance.ControllerID `json:"controller"`
	Role       Role                    `json:"role"`
}

// Keyring holds the controllers and keys, read from a keys file: a JSON
// document {"controllers": [...], "keys": [...]}. Keys have the form
// "tk_<id>_<secret>" with 32 random bytes of secret; the file keeps only
// their SHA-256.
type Keyring struct {
	mu          sync.RWMutex
	path        string
	Controllers []Controller `json:"controllers"`
	Keys        []KeyEntry   `json:"keys"`
	byID        map[string]*KeyEntry
	ctrl        map[compliance.ControllerID]Controller
}

// LoadKeyring reads the keys file at path; a missing file is an empty keyring.
func LoadKeyring(path string) (*Keyring, error) {
	k := &Keyring{path: path}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		if err := json.Unmarshal(b, k); err != nil {
			return nil, fmt.Errorf("keys file %s: %w", filepath.Base(path), errors.New("not a valid keys document"))
		}
	}
	k.index()
	return k, nil
}

// NewKeyring returns an empty keyring kept in memory only.
func NewKeyring() *Keyring {
	k := &Keyring{}
	k.index()
	return k
}

func (k *Keyring) index() {
	k.byID = make(map[string]*KeyEntry, len(k.Keys))
	for i := range k.Keys {
		k.byID[k.Keys[i].ID] = &k.Keys[i]
	}
	k.ctrl = make(map[compliance.ControllerID]Controller, len(k.Controllers))
	for _, c := range k.Controllers {
		k.ctrl[c.ID] = c
	}
}

// AddController adds or replaces a controller.
func (k *Keyring) AddController(c Controller) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i := range k.Controllers {
		if k.Controllers[i].ID == c.ID {
			k.Controllers[i] = c
			k.index()
			return
		}
	}
	k.Controllers = append(k.Controllers, c)
	k.index()
}

// Controller returns the controller id.
func (k *Keyring) Controller(id compliance.ControllerID) (Controller, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	c, ok := k.ctrl[id]
	return c, ok
}

// AddKey makes a new key for controller c with role r and returns it; the
// keyring keeps only its hash. The controller must have been added.
func (k *Keyring) AddKey(c compliance.ControllerID, r Role) (string, error) {
	if r < RoleCheck || r > RoleWrite {
		return "", errors.New("role: want one of check, read, write")
	}
	var id [6]byte
	var secret [32]byte
	if _, err := rand.Read(id[:]); err != nil {
		return "", err
	}
	if _, err := rand.Read(secret[:]); err != nil {
		return "", err
	}
	kid := hex.EncodeToString(id[:])
	key := "tk_" + kid + "_" + hex.EncodeToString(secret[:])
	sum := sha256.Sum256([]byte(key))
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.ctrl[c]; !ok {
		return "", errors.New("controller: not in the keys file; add it first")
	}
	k.Keys = append(k.Keys, KeyEntry{ID: kid, SHA256: hex.EncodeToString(sum[:]), Controller: c, Role: r})
	k.index()
	return key, nil
}

// Save writes the keyring to its file (mode 0600), atomically.
func (k *Keyring) Save() error {
	k.mu.RLock()
	b, err := json.MarshalIndent(k, "", "  ")
	k.mu.RUnlock()
	if err != nil {
		return err
	}
	tmp := k.path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, k.path)
}

// Authenticate returns the key entry for key, comparing hashes in
// constant time.
func (k *Keyring) Authenticate(key string) (KeyEntry, bool) {
	rest, ok := strings.CutPrefix(key, "tk_")
	if !ok {
		return KeyEntry{}, false
	}
	kid, _, ok := strings.Cut(rest, "_")
	if !ok {
		return KeyEntry{}, false
	}
	k.mu.RLock()
	e, ok := k.byID[kid]
	var entry KeyEntry
	if ok {
		entry = *e
	}
	k.mu.RUnlock()
	sum := sha256.Sum256([]byte(key))
	var want [sha256.Size]byte
	if ok {
		if n, err := hex.Decode(want[:], []byte(entry.SHA256)); err != nil || n != len(want) {
			ok = false
		}
	}
	if subtle.ConstantTimeCompare(sum[:], want[:]) != 1 || !ok {
		return KeyEntry{}, false
	}
	return entry, true
}
