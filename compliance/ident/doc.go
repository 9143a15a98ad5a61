// Package ident reads and checks the Danish and Norwegian national
// identifiers: the personal numbers [CPR] (Denmark) and [FNR]
// (fødselsnummer, D-number and H-number, Norway), held together as a
// [National] with its jurisdiction, and the organisation numbers [CVR]
// (Denmark) and [OrgNr] (Norway).
//
// A personal number is personal data that Danish and Norwegian practice
// treats as confidential (the data category [compliance.NationalID]): the
// types print themselves redacted in every fmt verb and in logs, parsers
// never repeat their input in an error, and only MarshalText — the storage
// form — gives the full number. The check digits and the allocation rules
// are those of the CPR and the Norwegian Folkeregister; each parser's doc
// comment cites its source.
package ident
