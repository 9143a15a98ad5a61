// Package leaktest holds tillid's cross-package hardening tests (issue 14):
// a leak scan that plants national identity numbers, names and free text in
// every string field of every entity and checks every error, fmt verb, slog
// handler and rendered finding for them, and a test that calls every
// exported method of every operations type on its zero value and with zero
// arguments. It has no API; its tests are the point.
package leaktest
