package compliance

import (
	"iter"
	"strconv"
	"strings"

	"github.com/tillid/tillid/internal/enum"
)

// Instrument is the legal instrument or guidance a [Ref] points into.
type Instrument uint8

// Instruments. Those marked "Doc" need [Ref.Doc] to say which document of the
// family is meant.

// Regulation (EU) 2016/679, the General Data Protection Regulation.
const GDPRRegulation Instrument = 1

// The Danish databeskyttelsesloven, lov nr. 502 af 23/05/2018.
const DKDataProtectionAct Instrument = 2

// The Norwegian personopplysningsloven, LOV-2018-06-15-38.
const NOPersonalDataAct Instrument = 3

// Regulation (EEC, Euratom) No 1182/71 determining the rules applicable
// to periods, dates and time limits.
const TimeLimitsRegulation Instrument = 4

// Another EU act or Commission decision; Doc is its number, e.g.
// "2021/914" (the SCCs for transfers) or "2023/1795" (the EU-US DPF
// adequacy decision).
const EUAct Instrument = 5

// A judgment of the Court of Justice of the EU; Doc is the case number,
// e.g. "C-311/18".
const CJEU Instrument = 6

// EDPB guidelines; Doc is the number, e.g. "01/2021".
const EDPBGuidelines Instrument = 7

// EDPB recommendations; Doc is the number, e.g. "01/2020".
const EDPBRecommendations Instrument = 8

// An EDPB opinion or statement; Doc is the number, e.g. "22/2024".
const EDPBOpinion Instrument = 9

// An Article 29 Working Party document; Doc is its WP number, e.g.
// "WP248 rev.01".
const WP29 Instrument = 10

// ENISA publications; Doc names the publication, e.g. "2013" for the
// Recommendations for a methodology of the assessment of severity of
// personal data breaches.
const ENISA Instrument = 11

// Guidance, decisions or lists of the Danish Datatilsynet; Doc names the
// document.
const DKDatatilsynet Instrument = 12

// Guidance, decisions or lists of the Norwegian Datatilsynet; Doc names
// the document.
const NODatatilsynet Instrument = 13

// The Danish arkivloven (LBK nr. 1201 af 28/09/2016) and its
// bekendtgørelser; Doc is empty for the act itself and names a
// bekendtgørelse under it ("arkivbekendtgørelsen").
const DKArchivesAct Instrument = 14

// The Norwegian arkivlova (LOV-2025-06-20-96 from 1 January 2026;
// LOV-1992-12-04-126 before) and its forskrifter; Doc is empty for the
// act in force and names an earlier act or a forskrift otherwise
// ("arkivlova 1992", "riksarkivarens forskrift"), so that a citation
// stored before 2026 keeps its meaning.
const NOArchivesAct Instrument = 15

// Another Danish act, a sector act such as serviceloven or
// forvaltningsloven; Doc is its short name as Danish law cites it.
const DKAct Instrument = 16

// Another Norwegian act, a sector act such as opplæringslova or
// forvaltningsloven; Doc is its short name as Norwegian law cites it.
const NOAct Instrument = 17

// A decision of a court, an appeal board or an ombudsman; Doc names the
// body and the case as they cite themselves: "Højesteret BS-49623/2023-HJR",
// "Personvernnemnda PVN-2018-13".
const Court Instrument = 18

// A technical or professional standard; Doc names it and its version:
// "Noark 5 v5.0", "KLE-XML 2.0", "ISAE 3000".
const Standard Instrument = 19

// Guidance of a supervisory authority other than the Danish and the
// Norwegian Datatilsynet; Doc names the authority and the document:
// "CNIL: PIA methodology (2018)".
const OtherAuthority Instrument = 20

var instruments = enum.New[Instrument]("instrument", "compliance.instrument", UnknownCode,
	"gdpr", "dk-dbl", "no-popplyl", "eu-1182-71", "eu-act", "cjeu",
	"edpb-guidelines", "edpb-recommendations", "edpb-opinion", "wp29", "enisa",
	"dk-datatilsynet", "no-datatilsynet", "dk-arkivloven", "no-arkivlova", "dk-act", "no-act",
	"court", "standard", "other-authority")

// ParseInstrument returns the Instrument with the given code.
func ParseInstrument(s string) (Instrument, error) { return instruments.Parse(s) }

// AllInstruments yields every Instrument.
func AllInstruments() iter.Seq[Instrument] { return instruments.All() }

// String returns the stable code.
func (i Instrument) String() string { return instruments.String(i) }

// Key returns the i18n message key.
func (i Instrument) Key() string { return instruments.Key(i) }

// Valid reports whether i is a known Instrument.
func (i Instrument) Valid() bool { return instruments.Valid(i) }

// MarshalText implements [encoding.TextMarshaler].
func (i Instrument) MarshalText() ([]byte, error) { return instruments.MarshalText(i) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (i *Instrument) UnmarshalText(b []byte) error { return instruments.UnmarshalText(i, b) }

// NeedsDoc reports whether a Ref into i must name the document ([Ref.Doc]).
func (i Instrument) NeedsDoc() bool {
	switch i {
	case EUAct, CJEU, EDPBGuidelines, EDPBRecommendations, EDPBOpinion, WP29, ENISA,
		DKDatatilsynet, NODatatilsynet, DKAct, NOAct, Court, Standard, OtherAuthority:
		return true
	}
	return false
}

// AllowsDoc reports whether a Ref into i may name a document: always where
// [Instrument.NeedsDoc], and optionally for the archives acts, whose Doc
// names a regulation under the act or an earlier act.
func (i Instrument) AllowsDoc() bool {
	return i.NeedsDoc() || i == DKArchivesAct || i == NOArchivesAct
}

// National reports whether i is a Danish or Norwegian act, whose provisions
// are sections (§) rather than articles.
func (i Instrument) National() bool {
	switch i {
	case DKDataProtectionAct, NOPersonalDataAct, DKArchivesAct, NOArchivesAct, DKAct, NOAct:
		return true
	}
	return false
}

// Ref is a legal reference: a provision of an act, or a paragraph or case of
// a guidance document. Every [Finding] carries at least one, so a DPO can
// check the rule behind it.
//
// Ref is a comparable value. Its canonical text form ([Ref.String]) is
// language-neutral and stable, and is also its JSON form; citations in the
// style of each language ("Article 33(1)", "databeskyttelsesforordningens
// artikel 33, stk. 1", "personvernforordningen artikkel 33 nr. 1") are made
// by package i18n. The zero value is invalid.
type Ref struct {
	// Instrument is the act or the family of guidance.
	Instrument Instrument
	// Doc names the document within the instrument when
	// [Instrument.NeedsDoc]: "01/2021", "WP248 rev.01", "serviceloven".
	Doc string
	// Article is the article (EU acts) or section (national acts, §) as the
	// act numbers it: "33", "9 c", "7-26". Empty refers to the whole
	// document.
	Article string
	// Paragraph is the numbered paragraph: Art 33(1), stk. 1, nr. 1, første
	// ledd.
	Paragraph int
	// Subparagraph is the unnumbered subparagraph, counted from 1:
	// Art 6(1) second subparagraph, 2. afsnit, andre ledd.
	Subparagraph int
	// Point is the point: "f" in Art 6(1)(f) (litra f, bokstav f), or "3" in
	// databeskyttelsesloven § 8, stk. 2, nr. 3.
	Point string
	// Recital is the number of a recital of an EU act.
	Recital int
	// Para is a numbered paragraph or section of a guidance document: "7",
	// "5.3".
	Para string
	// Clause is a clause of standard contractual clauses: "8.1", "14".
	Clause string
	// Case is a numbered example or case in a guidance document: "01".
	Case string
}

// GDPR returns a reference to Article art, paragraph para (0 for none) and
// point (empty for none) of the GDPR.
func GDPR(art, para int, point string) Ref {
	return Ref{Instrument: GDPRRegulation, Article: strconv.Itoa(art), Paragraph: para, Point: point}
}

// Recital returns a reference to recital n of the GDPR.
func Recital(n int) Ref { return Ref{Instrument: GDPRRegulation, Recital: n} }

// Section returns a reference to section (§) sec, paragraph (stk., ledd) para
// and point (nr., bokstav) of a national act. doc names the act for [DKAct]
// and [NOAct] and is empty otherwise.
func Section(in Instrument, doc string, sec string, para int, point string) Ref {
	return Ref{Instrument: in, Doc: doc, Article: sec, Paragraph: para, Point: point}
}

// Guidance returns a reference to paragraph para (empty for the whole
// document) of a guidance document doc of instrument in.
func Guidance(in Instrument, doc, para string) Ref {
	return Ref{Instrument: in, Doc: doc, Para: para}
}

// IsZero reports whether r is the zero Ref.
func (r Ref) IsZero() bool { return r == Ref{} }

// Validate reports whether r is well formed: a known instrument, a document
// where the instrument needs one (and none where it does not), a paragraph
// only under an article, a point only under an article, and text fields free
// of the characters the canonical form uses as delimiters.
func (r Ref) Validate() error {
	var v Validation
	if !r.Instrument.Valid() {
		v.Add("instrument", ReasonRequired)
	}
	if r.Instrument.NeedsDoc() {
		v.Require("doc", r.Doc != "")
	} else if r.Doc != "" && r.Instrument.Valid() && !r.Instrument.AllowsDoc() {
		v.Add("doc", ReasonInconsistent)
	}
	if (r.Paragraph != 0 || r.Point != "" || r.Subparagraph != 0) && r.Article == "" {
		v.Add("article", ReasonRequired)
	}
	if r.Paragraph < 0 {
		v.Add("paragraph", ReasonRange)
	}
	if r.Subparagraph < 0 {
		v.Add("subparagraph", ReasonRange)
	}
	if r.Recital < 0 {
		v.Add("recital", ReasonRange)
	}
	checkToken(&v, "doc", r.Doc, true)
	checkToken(&v, "article", r.Article, true)
	checkToken(&v, "point", r.Point, false)
	checkToken(&v, "para", r.Para, false)
	checkToken(&v, "clause", r.Clause, false)
	checkToken(&v, "case", r.Case, false)
	return v.Err("ref")
}

// maxRefText bounds every text field of a Ref.
const maxRefText = 120

func checkToken(v *Validation, field, s string, spaces bool) {
	switch {
	case len(s) > maxRefText:
		v.Add(field, ReasonTooLong)
	case s == "":
	case strings.TrimSpace(s) != s || strings.Contains(s, "  "):
		v.Add(field, ReasonFormat)
	case strings.ContainsAny(s, "\"\n\r\t"):
		v.Add(field, ReasonFormat)
	case field != "doc" && strings.ContainsAny(s, "()"):
		// Parentheses delimit paragraphs and points; the document name is
		// quoted, so it may contain them ("CNIL: PIA Methodology (2018)").
		v.Add(field, ReasonFormat)
	case !spaces && strings.Contains(s, " "):
		v.Add(field, ReasonFormat)
	case field == "article" && hasKeyword(s):
		v.Add(field, ReasonFormat)
	}
}

// Locator keywords of the canonical form.
var refKeywords = [...]string{"art", "§", "subpara", "recital", "para", "clause", "case", "pt"}

func hasKeyword(s string) bool {
	for w := range strings.FieldsSeq(s) {
		for _, k := range refKeywords {
			if w == k {
				return true
			}
		}
	}
	return false
}

// String returns the canonical, language-neutral form of r:
//
//	gdpr art 33(1)
//	gdpr art 6(1)(f)
//	gdpr art 6(1) subpara 2
//	gdpr recital 43
//	dk-dbl § 8(2)(3)
//	edpb-guidelines "01/2021" para 7 case 01
//	dk-act "serviceloven" § 81
//
// It is the JSON and database form; [ParseRef] reads it back.
func (r Ref) String() string {
	var b strings.Builder
	b.Grow(32)
	b.WriteString(r.Instrument.String())
	if r.Doc != "" {
		b.WriteString(` "`)
		b.WriteString(r.Doc)
		b.WriteByte('"')
	}
	if r.Article != "" {
		if r.Instrument.National() {
			b.WriteString(" § ")
		} else {
			b.WriteString(" art ")
		}
		b.WriteString(r.Article)
		if r.Paragraph > 0 {
			b.WriteByte('(')
			b.WriteString(strconv.Itoa(r.Paragraph))
			b.WriteByte(')')
			if r.Point != "" {
				b.WriteByte('(')
				b.WriteString(r.Point)
				b.WriteByte(')')
			}
		} else if r.Point != "" {
			b.WriteString(" pt ")
			b.WriteString(r.Point)
		}
		if r.Subparagraph > 0 {
			b.WriteString(" subpara ")
			b.WriteString(strconv.Itoa(r.Subparagraph))
		}
	}
	writeLocator(&b, " recital ", r.Recital)
	writeText(&b, " para ", r.Para)
	writeText(&b, " clause ", r.Clause)
	writeText(&b, " case ", r.Case)
	return b.String()
}

func writeLocator(b *strings.Builder, kw string, n int) {
	if n > 0 {
		b.WriteString(kw)
		b.WriteString(strconv.Itoa(n))
	}
}

func writeText(b *strings.Builder, kw, s string) {
	if s != "" {
		b.WriteString(kw)
		b.WriteString(s)
	}
}

// ParseRef reads the canonical form written by [Ref.String] and validates
// it. "art" and "§" are accepted for any instrument.
func ParseRef(s string) (Ref, error) {
	var r Ref
	bad := func(field string) (Ref, error) {
		return Ref{}, &FieldError{Field: field, Reason: ReasonFormat}
	}
	if len(s) > 8*maxRefText {
		return Ref{}, &FieldError{Field: "ref", Reason: ReasonTooLong}
	}
	code, rest, _ := strings.Cut(s, " ")
	in, err := ParseInstrument(code)
	if err != nil {
		return Ref{}, err
	}
	r.Instrument = in
	if strings.HasPrefix(rest, `"`) {
		doc, after, ok := strings.Cut(rest[1:], `"`)
		if !ok {
			return bad("doc")
		}
		r.Doc = doc
		rest = strings.TrimPrefix(after, " ")
		if after != "" && !strings.HasPrefix(after, " ") {
			return bad("doc")
		}
	}
	for rest != "" {
		kw, tail, _ := strings.Cut(rest, " ")
		var val string
		switch kw {
		case "art", "§":
			// The article runs to "(", to the next keyword, or to the end.
			val, rest = cutArticle(tail)
			if val == "" || r.Article != "" {
				return bad("article")
			}
			r.Article = val
			if strings.HasPrefix(rest, "(") {
				p, after, ok := strings.Cut(rest[1:], ")")
				n, err := strconv.Atoi(p)
				if !ok || err != nil || n <= 0 || strconv.Itoa(n) != p {
					return bad("paragraph")
				}
				r.Paragraph, rest = n, after
				if strings.HasPrefix(rest, "(") {
					pt, after, ok := strings.Cut(rest[1:], ")")
					if !ok || pt == "" {
						return bad("point")
					}
					r.Point, rest = pt, after
				}
			}
			if rest != "" && !strings.HasPrefix(rest, " ") {
				return bad("article")
			}
			rest = strings.TrimPrefix(rest, " ")
			continue
		}
		switch kw {
		case "pt", "subpara", "recital", "para", "clause", "case":
		default:
			return bad("ref") // never name an unknown word: it is input
		}
		val, rest, _ = strings.Cut(tail, " ")
		if val == "" {
			return bad(kw)
		}
		switch kw {
		case "pt":
			if r.Point != "" || r.Article == "" {
				return bad("point")
			}
			r.Point = val
		case "subpara", "recital":
			n, err := strconv.Atoi(val)
			if err != nil || n <= 0 || strconv.Itoa(n) != val {
				return bad(kw)
			}
			if kw == "subpara" {
				if r.Subparagraph != 0 {
					return bad(kw)
				}
				r.Subparagraph = n
			} else {
				if r.Recital != 0 {
					return bad(kw)
				}
				r.Recital = n
			}
		case "para", "clause", "case":
			p := map[string]*string{"para": &r.Para, "clause": &r.Clause, "case": &r.Case}[kw]
			if *p != "" {
				return bad(kw)
			}
			*p = val
		default:
			return bad("ref")
		}
	}
	if err := r.Validate(); err != nil {
		return Ref{}, err
	}
	if r.String() != s {
		// Accept only the canonical form, so that every stored ref has one
		// spelling (the "§"/"art" keyword is the one exception).
		if alt := strings.Replace(s, " art ", " § ", 1); alt != r.String() {
			if alt := strings.Replace(s, " § ", " art ", 1); alt != r.String() {
				return bad("ref")
			}
		}
	}
	return r, nil
}

// cutArticle splits "9 c(1)(a) recital 4" into "9 c" and "(1)(a) recital 4".
func cutArticle(s string) (article, rest string) {
	end := len(s)
	if i := strings.IndexByte(s, '('); i >= 0 {
		end = i
	}
	words := strings.Split(s[:end], " ")
	for i, w := range words {
		for _, k := range refKeywords {
			if w == k {
				return strings.Join(words[:i], " "), s[len(strings.Join(words[:i], " ")):]
			}
		}
	}
	return s[:end], s[end:]
}

// MarshalText returns the canonical form; an invalid Ref is an error.
func (r Ref) MarshalText() ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return []byte(r.String()), nil
}

// UnmarshalText parses the canonical form.
func (r *Ref) UnmarshalText(b []byte) error {
	x, err := ParseRef(string(b))
	if err != nil {
		return err
	}
	*r = x
	return nil
}
