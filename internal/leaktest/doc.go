// Package leaktest holds tillid's cross-package hardening tests (issue 14):
// a leak scan that plants national identity numbers, names and free text in
// every string field of every entity and checks every error, fmt verb, slog
// handler and rendered finding for them, and a test that calls every
// exported method of every operations type on its zero value and with zero
// arguments. Its one helper, [Pieces] (with [Repeats]), lets the fuzz targets
// of the domain packages check an error for text of their input without
// mistaking the accepted codes an error must name for an echo.
package leaktest
