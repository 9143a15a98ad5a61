// Package compliance is tillid's shared vocabulary: what every domain
// package (record, rights, breach, processor, dpia, retention) speaks.
//
// The vocabulary is what every other package speaks: [Jurisdiction] (Denmark
// or Norway), legal references ([Ref], and [Refs], an immutable list of
// them that rules share with their findings) into the GDPR, the Danish
// databeskyttelsesloven, the Norwegian personopplysningsloven, Regulation
// 1182/71, EDPB and Article 29 guidance and national acts; data and subject
// categories with their protection class and vulnerability; the Art 5
// principles, Art 6 bases and Art 9 conditions; [Finding], the language-neutral
// result of a rule; typed IDs; countries ([Country], with EU and EEA
// membership); classification schemes ([Scheme]); the error conventions
// ([ErrNotFound], [ErrConflict], [ValidationError]) and the one rule for
// free text ([Validation.Text]); and legal time: [Calendar] with the Danish
// and Norwegian holidays, [Period] and [Deadline] under Regulation 1182/71.
//
// National identifiers (CPR, fødselsnummer, CVR, organisasjonsnummer) are
// in package [github.com/tillid/tillid/compliance/ident]. Records of
// processing (Art 30 GDPR) and their assessment are in package
// [github.com/tillid/tillid/compliance/record]; data-subject requests (Art
// 12–22 GDPR) and their deadlines in package
// [github.com/tillid/tillid/compliance/rights].
//
// Every vocabulary type is an enum with a stable lower-case text code (its JSON
// and database form), a Parse function that rejects unknown codes by naming the
// accepted set, and an All function for exhaustive tests. Zero values are
// invalid ("unset").
//
// Rules in tillid are pure functions of their inputs and the instant they are
// evaluated at: none reads the clock, a global, or does I/O. Operations types
// take an [Options] with the clock, the ID source and an optional logger.
//
// Texts for people — finding messages, citations, enum names, dates and
// amounts in Danish, Norwegian bokmål and nynorsk, and English — are made by
// package i18n; nothing in this package is localised.
package compliance
