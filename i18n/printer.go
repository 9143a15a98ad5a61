package i18n

import (
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"

	"github.com/tillid/tillid/compliance"
)

// Language indexes, in the order of [Supported].
const (
	langDA = iota
	langNB
	langNN
	langEN
)

// Printer renders tillid's language-neutral values — findings, messages,
// documents, legal references, vocabulary names, dates, durations and
// numbers — in one supported language. It is safe for concurrent use. Get
// one from [NewPrinter]. A nil or zero Printer renders in English, as
// NewPrinter(language.English) does, instead of panicking.
type Printer struct {
	lang int
	tag  language.Tag
	mp   *message.Printer
	j    compliance.Jurisdiction // the data's jurisdiction; see In
}

// NewPrinter returns a Printer for tag, which is matched to the nearest
// supported language by its base language (nb-NO is nb, "no" is nb); any
// other language gets English. To honour an Accept-Language header, pass the
// result of [Match].
func NewPrinter(tag language.Tag) *Printer {
	i := index(tag)
	if i < 0 {
		i = langEN
	}
	t := Supported()[i]
	return &Printer{lang: i, tag: t, mp: message.NewPrinter(t, message.Catalog(theCatalog()))}
}

// english is the Printer a nil or zero Printer stands for.
var english = sync.OnceValue(func() *Printer { return NewPrinter(language.English) })

// usable returns p, or the English Printer for a nil or zero p.
func (p *Printer) usable() *Printer {
	if p == nil || p.mp == nil {
		return english()
	}
	return p
}

// Tag returns the Printer's language, one of [Supported].
func (p *Printer) Tag() language.Tag {
	p = p.usable()
	return p.tag
}

// In returns a Printer for the same language that renders data of
// jurisdiction j: the national identity number is the one j issues — a
// Danish "CPR-nummer" also in a Norwegian text, a Norwegian "fødselsnummer"
// also in a Danish one — and instants are shown in j's local time. A
// notice to Datatilsynet, a letter to citizens or a register export is
// rendered with the Printer of its kommune's jurisdiction; without In, a
// Printer names the identity number without assuming a jurisdiction
// ("nationalt identifikationsnummer (CPR-nummer, fødselsnummer)"). An
// invalid j gives that neutral Printer.
//
// Every message whose text depends on the jurisdiction has the variants
// KEY.dk and KEY.no beside KEY in the message files.
func (p *Printer) In(j compliance.Jurisdiction) *Printer {
	p = p.usable()
	q := *p
	q.j = 0
	if j.Valid() {
		q.j = j
	}
	return &q
}

// key returns the message key to render for k: its jurisdiction's variant
// when the Printer has a jurisdiction and the message has variants.
func (p *Printer) key(k string) string {
	if p.j == 0 || !theVariants()[k] {
		return k
	}
	return k + "." + p.j.String()
}

// Name returns the localised name of a vocabulary value or the text of a
// message key without arguments. An invalid value (empty key) and a nil v
// give "".
func (p *Printer) Name(v compliance.Keyed) string {
	p = p.usable()
	if v == nil {
		return ""
	}
	k := v.Key()
	if k == "" {
		return ""
	}
	return p.mp.Sprintf(p.key(k))
}

// Message renders m: each argument is formatted for the language, then
// inserted into the message for m.Key.
func (p *Printer) Message(m compliance.Message) string {
	p = p.usable()
	key := p.key(string(m.Key))
	if len(m.Args) == 0 {
		return p.mp.Sprintf(key)
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = p.arg(a)
	}
	return p.mp.Sprintf(key, args...)
}

// arg formats one argument; counts stay ints so that they select plural
// forms (and are grouped by the message printer).
func (p *Printer) arg(a compliance.Arg) any {
	switch a.Kind {
	case compliance.ArgInt:
		return int(a.Int)
	case compliance.ArgText:
		return a.Text
	case compliance.ArgName:
		if len(a.Keys) == 0 {
			return ""
		}
		return p.mp.Sprintf(p.key(a.Keys[0]))
	case compliance.ArgNames:
		names := make([]string, len(a.Keys))
		for i, k := range a.Keys {
			names[i] = p.mp.Sprintf(p.key(k))
		}
		return p.List(names)
	case compliance.ArgDate:
		return p.Date(a.Date)
	case compliance.ArgTime:
		return p.Time(a.Time)
	case compliance.ArgDuration:
		return p.Duration(a.Duration)
	case compliance.ArgDecimal:
		return p.Decimal(a.Decimal, -1)
	case compliance.ArgRef:
		if a.Ref == nil {
			return ""
		}
		return p.Ref(*a.Ref)
	case compliance.ArgPeriod:
		return p.Period(a.Period)
	case compliance.ArgCountry:
		return p.countryInText(a.Country)
	}
	return ""
}

// Finding renders a finding's message followed by its references in
// parentheses: "No lawful basis is recorded for purpose 2 (Article 6(1))."
func (p *Printer) Finding(f compliance.Finding) string {
	p = p.usable()
	msg := p.Message(f.Message())
	if f.Refs.Len() == 0 {
		return msg
	}
	return msg + " (" + p.Refs(f.Refs) + ")"
}

// Ref renders a legal reference in the language's citation style.
func (p *Printer) Ref(r compliance.Ref) string {
	p = p.usable()
	return cite(p.lang, r)
}

// Refs renders references separated by semicolons. Consecutive provisions
// of one act are cited together with the act named once:
// "databeskyttelsesforordningens artikel 34, stk. 1 og 2",
// "personvernforordningen artikkel 34 nr. 1 og 2", "Article 34(1) and (2)",
// "Articles 33(1) and 34(1)".
func (p *Printer) Refs(rs compliance.Refs) string {
	p = p.usable()
	var parts []string
	for i := 0; i < rs.Len(); {
		j := i + 1
		for j < rs.Len() && mergeable(rs.At(i), rs.At(j)) {
			j++
		}
		parts = append(parts, citeGroup(p.lang, rs, i, j))
		i = j
	}
	return strings.Join(parts, "; ")
}

// List joins items as the language lists them: "a, b og c" (da, nb, nn),
// "a, b and c" (en). When an item itself contains a comma or the word for
// "and" ("patienter og brugere af sundhedsydelser"), the items are joined
// with semicolons instead, so the reader can tell where each ends.
func (p *Printer) List(items []string) string {
	p = p.usable()
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := [4]string{" og ", " og ", " og ", " and "}[p.lang]
	for _, it := range items {
		if strings.Contains(it, and) || strings.Contains(it, ",") {
			return strings.Join(items, "; ")
		}
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// Error renders err for a person. A [compliance.ValidationError] or
// [compliance.FieldError] becomes one line per field: the field path and the
// reason in the language ("purposes[0].basis: ukendt kode (tilladte: …)");
// [compliance.ErrNotFound] and [compliance.ErrConflict] get their own
// sentence; any other error gets a generic sentence, because foreign error
// text is neither localised nor guaranteed free of personal data.
func (p *Printer) Error(err error) string {
	p = p.usable()
	if err == nil {
		return ""
	}
	var ve *compliance.ValidationError
	if errors.As(err, &ve) {
		lines := make([]string, len(ve.Fields))
		for i := range ve.Fields {
			lines[i] = p.field(&ve.Fields[i])
		}
		return strings.Join(lines, "\n")
	}
	var fe *compliance.FieldError
	if errors.As(err, &fe) {
		return p.field(fe)
	}
	switch {
	case errors.Is(err, compliance.ErrNotFound):
		return p.mp.Sprintf(keyErrNotFound)
	case errors.Is(err, compliance.ErrConflict):
		return p.mp.Sprintf(keyErrConflict)
	}
	return p.mp.Sprintf(keyErrOther)
}

func (p *Printer) field(f *compliance.FieldError) string {
	text := p.Name(f.Reason)
	if text == "" {
		text = p.mp.Sprintf(keyErrOther)
	}
	if len(f.Accepted) > 0 {
		text = p.mp.Sprintf(keyErrAccepted, text, strings.Join(f.Accepted, ", "))
	}
	if f.Field == "" {
		return text
	}
	return f.Field + ": " + text
}

// Keys of the messages Printer itself uses.
const (
	keyErrNotFound  = "i18n.error.not-found"
	keyErrConflict  = "i18n.error.conflict"
	keyErrOther     = "i18n.error.other"
	keyErrAccepted  = "i18n.error.accepted"
	keyHours        = "i18n.duration.hours"
	keyMinutes      = "i18n.duration.minutes"
	keyDurationJoin = "i18n.duration.join"
	keyRefsLabel    = "i18n.document.refs"
)

// Int formats a count with the language's digit grouping: "12.345" (da),
// "12 345" (nb, nn; with U+00A0), "12,345" (en).
func (p *Printer) Int(n int64) string {
	p = p.usable()
	return groupDigits(p.lang, decimal.NewFromInt(n).StringFixed(0))
}

// Date formats a date: "2. januar 2026" (da, nb, nn), "2 January 2026" (en).
func (p *Printer) Date(d compliance.Date) string {
	p = p.usable()
	return formatDate(p.lang, d)
}

// Time formats an instant in the local time of the Printer's jurisdiction
// (see [Printer.In]; Denmark and Norway keep the same time, CET and CEST),
// whatever Location t carries — an instant given in UTC or read back from
// JSON with a bare offset shows the same: "2. januar 2026 kl. 14.30" (da,
// nb, nn; running text in Danish and Norwegian names no time zone) and "2
// January 2026 at 14:30 CET" (en).
func (p *Printer) Time(t time.Time) string {
	p = p.usable()
	return formatTime(p.lang, p.localTime(t))
}

// Duration formats a length of time in hours and minutes ("72 timer",
// "1 hour and 30 minutes"); the sign is dropped, seconds are truncated.
func (p *Printer) Duration(d time.Duration) string {
	p = p.usable()
	if d < 0 {
		d = -d
	}
	h := int(d / time.Hour)
	m := int((d % time.Hour) / time.Minute)
	switch {
	case m == 0:
		return p.mp.Sprintf(keyHours, h)
	case h == 0:
		return p.mp.Sprintf(keyMinutes, m)
	}
	return p.mp.Sprintf(keyDurationJoin, p.mp.Sprintf(keyHours, h), p.mp.Sprintf(keyMinutes, m))
}

// Country returns the country's name in the language, from the Unicode CLDR
// data that golang.org/x/text carries ("Færøerne", "Færøyane", "Faroe
// Islands"); a code CLDR does not name is returned as the code. Using it
// links x/text's display tables into the host binary (about 3 MB).
func (p *Printer) Country(c compliance.Country) string {
	p = p.usable()
	if !c.Valid() {
		return ""
	}
	r, err := language.ParseRegion(c.String())
	if err != nil {
		return c.String()
	}
	tag := p.tag
	if p.lang == langNB {
		// x/text's display data knows bokmål as "no"; asked for "nb" it
		// falls back to Danish names.
		tag = language.Norwegian
	}
	if name := display.Regions(tag).Name(r); name != "" {
		return name
	}
	return c.String()
}

// Period formats a legal period with its count: "1 måned", "72 timar",
// "10 working days". An invalid period gives "".
func (p *Printer) Period(x compliance.Period) string {
	p = p.usable()
	if x.Validate() != nil {
		return ""
	}
	return p.mp.Sprintf("compliance.period."+x.Unit.String(), x.N)
}

// Decimal formats an exact decimal with the language's separators:
// "1.234.567,5" (da), "1 234 567,5" (nb, nn; grouping with U+00A0),
// "1,234,567.5" (en). places fixes the number of decimals, rounding half
// away from zero ([decimal.Decimal.StringFixed]); a negative places keeps
// every significant decimal the value has. It never goes through float64 and
// never touches the decimal package's global settings.
func (p *Printer) Decimal(d decimal.Decimal, places int) string {
	p = p.usable()
	return formatDecimal(p.lang, d, places)
}

// Amount formats a sum of money with two decimals (rounded half away from
// zero) and the currency: "1.234,50 kr." (da, DKK), "kr 1 234,50" (nb, nn,
// NOK), "DKK 1,234.50" (en); other currencies by ISO code.
func (p *Printer) Amount(a compliance.Amount) string {
	p = p.usable()
	return formatAmount(p.lang, a)
}

// withArticle are the countries whose English name takes "the" in running
// text: "the transfer to the United States" (Oxford Style Manual; the EU
// Interinstitutional Style Guide, section 7.1, lists "the Netherlands",
// "the United Kingdom", "the United States").
var withArticle = map[string]bool{
	"US": true, "GB": true, "NL": true, "PH": true, "AE": true, "BS": true, "GM": true,
	"CF": true, "DO": true, "MV": true, "MH": true, "SB": true, "KY": true, "FO": true,
	"VG": true, "VI": true, "CK": true, "FK": true, "KM": true, "IM": true,
}

// countryInText is the country's name as a message argument, in running
// text: in English with "the" where the name takes it.
func (p *Printer) countryInText(c compliance.Country) string {
	name := p.Country(c)
	if p.lang == langEN && withArticle[c.String()] && name != c.String() {
		return "the " + name
	}
	return name
}
