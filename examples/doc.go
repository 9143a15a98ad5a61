// Package examples holds runnable programs that show tillid end to end. Each
// subdirectory is a main package: go run ./examples/NAME.
//
//   - esdh: an ESDH / sak-arkiv integration that checks share requests
//     against a kommune's processors before case data leave it (the README's
//     main example).
//   - register: the records of processing of a Danish and a Norwegian
//     kommune assessed against the principles and the national rules, the
//     Danish kommune's findings in Danish, the Norwegian's in Norwegian.
//
// Every example prints its usage with -h and its results as JSON with
// -json.
//   - breach: a ransomware attack in a Danish kommune and a misdirected
//     letter in a Norwegian one, with decision, deadline and notices.
//   - dpia: DPIA screening of three kommune services in bokmål, nynorsk and
//     Danish.
//   - retention: KLE-coded Danish and Noark-coded Norwegian cases decided at
//     an instant, with an erasure request refused for an archive duty.
//   - deadlines: the Art 12(3) and Art 33(1) deadlines for an instant,
//     counted with the Danish or Norwegian holidays.
package examples
