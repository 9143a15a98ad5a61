//go:build !unix

package main

import "os"

// notifyHangup returns a channel that never delivers: there is no SIGHUP
// here; the keys file is reloaded by polling (-keys-reload) only.
func notifyHangup() (hup <-chan os.Signal, stop func()) { return nil, func() {} }
