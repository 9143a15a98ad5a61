// Package i18n renders tillid's language-neutral output for people: finding
// messages, structured documents (notices to Datatilsynet, letters to
// citizens, register exports), legal citations, the names of every
// vocabulary value, dates, durations, numbers and amounts — in Danish (da),
// Norwegian bokmål (nb), Norwegian nynorsk (nn) and English (en).
//
// Get a [Printer] for a language and render with it:
//
//	p := i18n.NewPrinter(i18n.Match(language.Danish, r.Header.Get("Accept-Language")))
//	for _, f := range findings {
//		fmt.Println(p.Finding(f))
//	}
//
// Legal terms are the authorities' own: the Danish and Norwegian texts of the
// GDPR ("databeskyttelsesforordningen", "personvernforordningen"), the
// national acts, and Datatilsynet's vocabulary. GLOSSARY.md in this directory
// lists the terms used, per language, with the source of each.
//
// # Design
//
// The messages live in a private x/text catalog built once, on first use
// (sync.OnceValue); the package has no init function and never touches the
// process-wide message.DefaultCatalog, so importing tillid cannot change a
// host's own translations. A host that renders tillid's message keys with its
// own printers merges them in explicitly with [AddTo].
//
// # Messages as data
//
// The texts are data, not code: one file per area in messages/ (breach.txt,
// processor.txt, …), embedded with go:embed, in which each message appears
// once with its four languages together, its placeholders by name and
// meaning, and the legal reference it is about — a format a DPO can review
// in a text editor:
//
//	[breach.authority-due]
//	ref: Art 33(1)
//	arg deadline: when the 72 hours for notifying Datatilsynet end (date and time)
//	arg remaining: the time left until then (hours and minutes)
//	da: De 72 timer udløber {deadline} ({remaining} tilbage).
//	nb: De 72 timene løper ut {deadline} ({remaining} igjen).
//	nn: Dei 72 timane går ut {deadline} ({remaining} att).
//	en: The 72 hours run out on {deadline} ({remaining} left).
//
// "arg" declares a text placeholder, "number" an integer, "count" a number
// of things that selects the plural forms ("plural: days" with "da.one:",
// "da.zero:" beside "da:"). The code supplies arguments by position: the
// declaration order is the argument order, so renaming a placeholder never
// touches a domain package. messages/README.md describes the format in full;
// the parser (internal/msgfile) reports faults with file and line, and has
// a fuzz target.
//
// The files are parsed and loaded into the private catalog on first use.
// x/text prints a missing key as the key itself and its fallback language
// does not fill gaps, so a message lacking a language, using a placeholder
// it does not declare, or leaving out one the English uses is a parse
// error; the tests parse every file, and walk every code and every enum
// value of every package in every language.
//
// [WriteCSV] writes the whole catalog as CSV (key, form, placeholders, ref,
// da, nb, nn, en) for review in a spreadsheet; the command
// i18n/cmd/catalogcsv writes it and reads a corrected CSV back into the
// files. The command i18n/internal/convert folds messages written as Go
// tables ([]entry, the earlier format) into the files.
//
// Language matching registers nb and nn explicitly ("no" and "no-NO" match
// nb; with only "no" registered, x/text would match nb to Danish) and returns
// one of [Supported] by the matcher's index, never the matcher's own tag,
// which can carry a region extension.
//
// # The jurisdiction of the data
//
// A few texts depend on whose data they are about rather than on the
// language: a Danish CPR number is "CPR-nummer" also in a nynorsk notice,
// a Norwegian number "fødselsnummer" also in a Danish one. [Printer.In]
// gives a Printer for a jurisdiction; such messages have variants KEY.dk
// and KEY.no beside KEY in the message files. Instants are always shown in
// local time (Denmark and Norway share CET/CEST), whatever Location a
// time.Time carries: "3. marts 2026 kl. 14.30" in Danish and Norwegian,
// which do not name the zone in running text, and "3 March 2026 at 14:30
// CET" in English.
//
// Several references to one act are cited with the act named once
// ([Printer.Refs]): "databeskyttelsesforordningens artikel 34, stk. 1 og
// 2", "Article 34(1) and (2)".
//
// Numbers and amounts are formatted from their exact decimal digits — x/text
// cannot format a decimal.Decimal — with the language's separators; nb and
// nn group digits with U+00A0 NO-BREAK SPACE. Dates use per-language layouts
// ("2. januar 2026", "2 January 2026").
package i18n
