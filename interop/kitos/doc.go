// Package kitos imports a Danish kommune's data processing registrations
// from KITOS, the kommuners' shared IT-system catalogue run by OS2
// (os2kitos/kitos), into tillid's processor registry, and exports the
// registry back in KITOS's shapes.
//
// [Client] reads KITOS API v2: a token from POST api/authorize/GetToken
// (a JWT sent as a bearer token, renewed before it expires and once on
// 401), GET api/v2/data-processing-registrations, api/v2/it-system-usages
// and api/v2/organizations in pages of at most 250 (KITOS's
// BoundedPaginationQuery) with changedSinceGtEq, and the deleted-entities
// feed api/v2/delta-feed/deleted-entities. Answers are bounded in size and
// count, 429 and 503 answers are retried after their Retry-After within a
// bound, a deadline comes from the context, and an answer that is not what
// the API documents is a [MalformedError] before anything is planned, so
// nothing is written.
//
// [Fetch] reads a [Source]; [Plan] maps it through a [Mapping] into an
// [interop.Batch] whose report is the dry run; the batch's Apply writes.
// [Export] turns the registry back into a Source. Package kitostest is a
// fake KITOS for tests and examples.
package kitos
