// Package record keeps a kommune's records of processing activities (Art 30
// GDPR) and assesses them.
//
// An [Activity] is one record, for a controller (Art 30(1)) or a processor
// (Art 30(2)); [Activity.Missing] lists what Art 30 requires and the record
// lacks. [Assess] weighs a record against the principles of Art 5 and the
// bases and conditions of Art 6, 8, 9 and 10 GDPR together with
// databeskyttelsesloven §§ 6, 7, 8 and 11 and personopplysningsloven §§ 5
// and 12, under a [Policy] for what the sources leave to the kommune.
// [Export] is the register as JSON, as a localisable table
// ([compliance.Table]) and as a document for Datatilsynet.
//
// A [Register] over the host's [Store] validates records, assigns IDs,
// stamps times and applies the rules before anything is stored; it is made
// with [NewRegister]. Package recordtest has an in-memory Store and the
// conformance suite a host's Store must pass. [DecodeActivity] reads a
// record from untrusted JSON.
//
// The vocabulary shared with the other packages (jurisdictions, categories,
// legal bases, [compliance.Finding], references) is in package compliance;
// texts for people are made by package i18n.
package record
