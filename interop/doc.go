// Package interop holds what every importer and exporter of tillid shares:
// the [Report] of an import — what would be created, changed or left alone,
// and every value that could not be mapped, with where it came from — and
// the [Batch] that plans and applies processor records.
//
// The importers live in sub-packages, one per source:
//
//   - interop/kitos: KITOS API v2, the Danish kommuners' shared IT-system
//     catalogue (data processing registrations, system usages, the deleted
//     entities feed), into the processor registry;
//   - interop/os2compliance: OS2compliance's REST API v1 or its export
//     files (suppliers and assets), into the processor registry;
//   - interop/art30: the Norwegian Datatilsynet's Art 30 templates
//     ("protokoll" for behandlingsansvarlig and for databehandler) as CSV,
//     into records of processing, and back.
//
// Every import runs in two steps. Plan reads the source and the store,
// maps, validates every record and returns the report; nothing is written.
// Apply writes the planned records. A dry run is Plan alone.
//
// All or nothing, honestly: tillid's stores have no transactions, so Apply
// cannot roll back. What it guarantees is that every record is mapped and
// validated before the first write, so an import with any invalid record
// writes nothing; that each record is written with the optimistic version
// it was planned against, so a record changed by someone else in between
// stops the import with a conflict instead of overwriting it; and that when
// the store fails part-way the report names exactly the records written
// before the failure (see [Report.Written] and [Report.Failed]). Running
// the same import again is safe: the importers identify records by the
// source's stable identities, so a re-run creates nothing twice and
// completes what a failed run left.
//
// Values from a source that cannot be mapped are reported as [Issue]s with
// their [Source] location. They are never guessed. An issue carries the
// unmapped value only for vocabulary fields (option names, category
// names, country names), never a remark or other free text, so a report
// holds no personal data.
package interop
