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
	"slices"
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
//
// A keyring read from a file can be read again while it is in use
// (Reload, ReloadIfChanged): the new controllers and keys replace the old
// ones in one step, so a request authenticates against either the old set
// or the new one, never a mixture; a file that is not valid leaves the old
// set in force.
type Keyring struct {
	mu          sync.RWMutex
	path        string
	controllers []Controller
	keys        []KeyEntry
	byID        map[string]KeyEntry
	ctrl        map[compliance.ControllerID]Controller

	reloadMu sync.Mutex // serialises reloads, and guards seen
	seen     fileStamp  // the content last read from path, valid or not
}

// keysDoc is the keys file's JSON document.
type keysDoc struct {
	Controllers []Controller `json:"controllers"`
	Keys        []KeyEntry   `json:"keys"`
}

// fileStamp identifies a content of the keys file. It is the SHA-256 of
// the whole file rather than its modification time and size: the file is
// small (some 200 bytes a key), so reading it at every poll costs next to
// nothing, and the hash sees every change, also a rewrite within the
// file system's mtime granularity that keeps the size (revoking one key
// and adding another can), or a copy that keeps the old mtime (cp -p,
// rsync -t); a touch without a change is not a reload.
type fileStamp struct {
	unreadable bool // missing or not readable
	sum        [sha256.Size]byte
}

// KeysFileError is a keys file that cannot be used. Field names the
// offending value by its JSON path ("keys[2].sha256"); it is empty when the
// file as a whole is wrong. Neither Field nor Reason quotes the file's
// values, so hashes never reach a log.
type KeysFileError struct {
	File   string // the file's base name
	Field  string
	Reason string
}

// Error names the file, the field when there is one, and the reason.
func (e *KeysFileError) Error() string {
	if e.Field == "" {
		return "keys file " + e.File + ": " + e.Reason
	}
	return "keys file " + e.File + ": " + e.Field + ": " + e.Reason
}

// ErrUnknownKey is returned (wrapped, naming the ID) by Revoke for a key
// ID the keyring does not hold.
var ErrUnknownKey = errors.New("not in the keys file")

// LoadKeyring reads the keys file at path; a missing file is an empty
// keyring. A file that is not valid is an error (a *KeysFileError naming
// the field): every key needs an ID without '_', a SHA-256 of 64 hex
// digits, a role and a controller among the file's controllers; key IDs
// and controller IDs are unique.
func LoadKeyring(path string) (*Keyring, error) {
	k := &Keyring{path: path}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		k.seen = fileStamp{unreadable: true}
	case err != nil:
		return nil, err
	default:
		doc, err := parseKeys(path, b)
		if err != nil {
			return nil, err
		}
		k.controllers, k.keys = doc.Controllers, doc.Keys
		k.seen = fileStamp{sum: sha256.Sum256(b)}
	}
	k.index()
	return k, nil
}

// NewKeyring returns an empty keyring kept in memory only; reloading it
// does nothing.
func NewKeyring() *Keyring {
	k := &Keyring{}
	k.index()
	return k
}

// parseKeys decodes and validates a keys file's content. The fields are
// decoded as strings first, so that a wrong value is reported with its
// path, by the rules of this file rather than by encoding/json (whose
// messages can quote the input).
func parseKeys(path string, b []byte) (keysDoc, error) {
	fail := func(field, reason string) (keysDoc, error) {
		return keysDoc{}, &KeysFileError{File: filepath.Base(path), Field: field, Reason: reason}
	}
	var raw struct {
		Controllers []struct {
			ID           string `json:"id"`
			Jurisdiction string `json:"jurisdiction"`
			Name         string `json:"name"`
		} `json:"controllers"`
		Keys []struct {
			ID         string `json:"id"`
			SHA256     string `json:"sha256"`
			Controller string `json:"controller"`
			Role       string `json:"role"`
		} `json:"keys"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return fail("", fmt.Sprintf("not a valid keys document (JSON syntax error at byte %d)", se.Offset))
		case errors.As(err, &te) && te.Field != "":
			return fail(te.Field, "wrong JSON type")
		}
		return fail("", "not a valid keys document")
	}
	var doc keysDoc
	ctrlAt := map[compliance.ControllerID]int{}
	for i, c := range raw.Controllers {
		at := fmt.Sprintf("controllers[%d]", i)
		id, err := compliance.ParseControllerID(c.ID)
		if err != nil {
			return fail(at+".id", "want a UUID")
		}
		if j, dup := ctrlAt[id]; dup {
			return fail(at+".id", fmt.Sprintf("the same as controllers[%d].id", j))
		}
		ctrlAt[id] = i
		jur, err := compliance.ParseJurisdiction(strings.ToLower(c.Jurisdiction))
		if err != nil {
			return fail(at+".jurisdiction", "want dk or no")
		}
		doc.Controllers = append(doc.Controllers, Controller{ID: id, Jurisdiction: jur, Name: c.Name})
	}
	keyAt := map[string]int{}
	for i, e := range raw.Keys {
		at := fmt.Sprintf("keys[%d]", i)
		switch {
		case e.ID == "":
			return fail(at+".id", "required")
		case strings.Contains(e.ID, "_"):
			return fail(at+".id", "must not contain '_' (a key is tk_<id>_<secret>)")
		}
		if j, dup := keyAt[e.ID]; dup {
			return fail(at+".id", fmt.Sprintf("the same as keys[%d].id", j))
		}
		keyAt[e.ID] = i
		if sum, err := hex.DecodeString(e.SHA256); err != nil || len(sum) != sha256.Size {
			return fail(at+".sha256", "want the key's SHA-256 in 64 hex digits")
		}
		r, err := ParseRole(e.Role)
		if err != nil {
			return fail(at+".role", "want one of check, read, write")
		}
		cid, err := compliance.ParseControllerID(e.Controller)
		if err != nil {
			return fail(at+".controller", "want a UUID")
		}
		if _, ok := ctrlAt[cid]; !ok {
			return fail(at+".controller", "not among the file's controllers")
		}
		doc.Keys = append(doc.Keys, KeyEntry{ID: e.ID, SHA256: strings.ToLower(e.SHA256), Controller: cid, Role: r})
	}
	return doc, nil
}

// index rebuilds the look-up maps from k.controllers and k.keys; k.mu is
// held for writing (or k is not shared yet). The maps are new ones, never
// changed after they are built.
func (k *Keyring) index() {
	k.byID = make(map[string]KeyEntry, len(k.keys))
	for _, e := range k.keys {
		k.byID[e.ID] = e
	}
	k.ctrl = make(map[compliance.ControllerID]Controller, len(k.controllers))
	for _, c := range k.controllers {
		k.ctrl[c.ID] = c
	}
}

// AddController adds or replaces a controller.
func (k *Keyring) AddController(c Controller) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i := range k.controllers {
		if k.controllers[i].ID == c.ID {
			k.controllers[i] = c
			k.index()
			return
		}
	}
	k.controllers = append(k.controllers, c)
	k.index()
}

// Controller returns the controller id.
func (k *Keyring) Controller(id compliance.ControllerID) (Controller, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	c, ok := k.ctrl[id]
	return c, ok
}

// Controllers returns a copy of the controllers, in the file's order.
func (k *Keyring) Controllers() []Controller {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return slices.Clone(k.controllers)
}

// Keys returns a copy of the key entries, in the file's order.
func (k *Keyring) Keys() []KeyEntry {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return slices.Clone(k.keys)
}

// has reports whether the keyring holds a key with the ID id.
func (k *Keyring) has(id string) bool {
	k.mu.RLock()
	defer k.mu.RUnlock()
	_, ok := k.byID[id]
	return ok
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
	if _, ok := k.byID[kid]; ok {
		return "", errors.New("key: the random ID is taken; try again")
	}
	k.keys = append(k.keys, KeyEntry{ID: kid, SHA256: hex.EncodeToString(sum[:]), Controller: c, Role: r})
	k.index()
	return key, nil
}

// Revoke removes the key with the public ID id. It returns an error
// wrapping ErrUnknownKey when there is none. Like AddKey it changes the
// keyring only; Save writes it.
func (k *Keyring) Revoke(id string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	i := slices.IndexFunc(k.keys, func(e KeyEntry) bool { return e.ID == id })
	if i < 0 {
		return fmt.Errorf("key %q: %w", id, ErrUnknownKey)
	}
	k.keys = slices.Delete(k.keys, i, i+1)
	k.index()
	return nil
}

// Save writes the keyring to its file (mode 0600), atomically: to a
// temporary file beside it, renamed over it, so that a server reading the
// file sees the old content or the new, never a part.
func (k *Keyring) Save() error {
	k.mu.RLock()
	b, err := json.MarshalIndent(keysDoc{Controllers: k.controllers, Keys: k.keys}, "", "  ")
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

// Reload reads the keys file again. When it is valid, its controllers and
// keys replace the keyring's in one step: a key no longer in the file is
// refused from the moment Reload returns, a new one accepted. When it is
// not (or it is missing or unreadable), Reload returns the error and the
// keyring keeps the controllers and keys it had. A keyring made by
// NewKeyring has no file; Reload does nothing and returns nil.
//
// A missing file is an error here, not an empty keyring as for
// LoadKeyring: a file deleted by mistake should not lock every kommune
// out. Revoke keys with `tillidd keys revoke` instead.
func (k *Keyring) Reload() error {
	_, err := k.reload(true)
	return err
}

// ReloadIfChanged is Reload when the file's content differs from the one
// last read (by Reload, ReloadIfChanged or LoadKeyring), valid or not; it
// reports whether it read a new content. So a poller that calls it on a
// file that stays invalid gets the error once, not at every call.
func (k *Keyring) ReloadIfChanged() (bool, error) {
	return k.reload(false)
}

func (k *Keyring) reload(force bool) (bool, error) {
	if k.path == "" {
		return false, nil
	}
	k.reloadMu.Lock()
	defer k.reloadMu.Unlock()
	b, rerr := os.ReadFile(k.path)
	st := fileStamp{unreadable: true}
	if rerr == nil {
		st = fileStamp{sum: sha256.Sum256(b)}
	}
	if !force && st == k.seen {
		return false, nil
	}
	k.seen = st
	if errors.Is(rerr, os.ErrNotExist) {
		return true, &KeysFileError{File: filepath.Base(k.path), Reason: "missing; the keys loaded before stay in force"}
	}
	if rerr != nil {
		return true, rerr
	}
	doc, err := parseKeys(k.path, b)
	if err != nil {
		return true, err
	}
	k.mu.Lock()
	k.controllers, k.keys = doc.Controllers, doc.Keys
	k.index()
	k.mu.Unlock()
	return true, nil
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
	entry, ok := k.byID[kid]
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
