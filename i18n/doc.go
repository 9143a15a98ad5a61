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
// Messages are kept one file per area and language (compliance_da.go,
// breach_nb.go, …). x/text prints a missing key as the key itself and its
// fallback language does not fill gaps, so the tests walk every code and
// every enum value of every package in every language and fail on any gap,
// and check that every translation uses the same arguments as the English
// source.
//
// Language matching registers nb and nn explicitly ("no" and "no-NO" match
// nb; with only "no" registered, x/text would match nb to Danish) and returns
// one of [Supported] by the matcher's index, never the matcher's own tag,
// which can carry a region extension.
//
// Numbers and amounts are formatted from their exact decimal digits — x/text
// cannot format a decimal.Decimal — with the language's separators; nb and
// nn group digits with U+00A0 NO-BREAK SPACE. Dates use per-language layouts
// ("2. januar 2026", "2 January 2026").
package i18n
