package dpiatest

// Record exposes the suite's fixture records to the external tests.
var Record = record
