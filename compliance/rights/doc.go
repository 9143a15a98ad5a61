// Package rights keeps a kommune's data-subject requests (Art 12 to 22
// GDPR) and their time limits.
//
// A [Request] is one request to exercise a right of Art 15 to 22: access,
// rectification, erasure, restriction, portability, objection, or the
// right not to be subject to an automated decision. [Request.Deadlines]
// counts the periods of Art 12(3) and (4) with a [compliance.Calendar]
// (Regulation 1182/71 and the jurisdiction's holidays), including an
// extension by two further months; [DueOf] lists what is overdue or due
// next, and [Assess] reports an answer or refusal given late.
//
// A [Register] over the host's [Store] validates requests, assigns IDs,
// stamps times and applies the rules before anything is stored; it is made
// with [NewRegister]. Package rightstest has an in-memory Store and the
// conformance suite a host's Store must pass. [DecodeRequest] reads a
// request from untrusted JSON. An erasure request is marked for the
// retention rules (package retention decides whether a duty to keep the
// data refuses it, Art 17(3)); [Register.DecideErasure] records the
// decision.
package rights
