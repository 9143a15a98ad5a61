// Package compliance is tillid's shared vocabulary and the general
// obligations of a controller under the GDPR.
//
// The vocabulary is what every other package speaks: [Jurisdiction] (Denmark
// or Norway), legal references ([Ref]) into the GDPR, the Danish
// databeskyttelsesloven, the Norwegian personopplysningsloven, Regulation
// 1182/71, EDPB and Article 29 guidance and national acts; data and subject
// categories with their protection class and vulnerability; the Art 5
// principles, Art 6 bases and Art 9 conditions; [Finding], the language-neutral
// result of a rule; typed IDs; and the error conventions ([ErrNotFound],
// [ErrConflict], [ValidationError]).
//
// The general obligations of a kommune as controller are here too: records of
// processing activities for controllers and for processors ([Activity], Art 30(1)
// and 30(2) GDPR) with a completeness check; [Assess], which weighs a record
// against the principles of Art 5 and the bases and conditions of Art 6, 8, 9
// and 10 GDPR together with databeskyttelsesloven §§ 6, 7, 8 and 11 and
// personopplysningsloven §§ 5 and 12; data-subject requests ([Request], Art
// 12–22 GDPR) with their Art 12(3) and 12(4) deadlines; a [Register] over the
// host's [ActivityStore] and [RequestStore]; and the register's export as JSON,
// as a localisable table and as a document for Datatilsynet.
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
