// Package merger combines the registers of two or more kommuner that merge
// into the new kommune's, at the merger date, and reports what the project
// group (fellesnemnd, sammenlægningsudvalg) must decide. Nothing is merged
// silently: the package matches and reports, and the new kommune decides.
//
//   - Records of processing (Art 30(1)): activities of the same name in
//     several kommuner are matched and their differences named (purposes,
//     legal basis, data, subjects, recipients, transfers, erasure,
//     processors); the new kommune keeps one record per activity.
//   - Processors: deduplicated by CVR or organisasjonsnummer (by name when
//     neither is recorded), with every conflict between the kommuner's
//     agreements, audits and sub-processors reported; every agreement in
//     force at the merger date is listed for renewal, because it names the
//     old kommune as controller (Art 28(3) and (9)).
//   - DPIAs: every assessment is listed for review, since a new controller
//     and merged systems are a change of the processing (Art 35(11)).
//   - Retention rules: rules for the same KLE or Noark class are matched,
//     and different periods, archive duties or dispositions are listed for a
//     decision (Art 5(1)(e); the archives acts).
//   - Breach statistics are carried over by origin, so the new kommune's
//     committee sees each old kommune's figures (Art 33(5)).
//
// Whether an agreement must be renewed or only updated depends on whether
// the act that merges the kommuner makes the new kommune the old ones'
// successor to their contracts; the sources we have do not settle it for
// every merger, so [Policy.Succession] records the kommune's position, and
// the default asks for renewal.
//
// Package merger sits above the domain packages (it imports record,
// processor, dpia, retention and breach), like the examples and adapters; no
// domain package imports it.
package merger
