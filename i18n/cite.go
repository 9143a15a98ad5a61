package i18n

import (
	"strconv"
	"strings"

	"github.com/tillid/tillid/compliance"
)

// Citation styles. Each language cites the way its own authorities and courts
// do:
//
//	en  Article 33(1); Article 6(1)(f); Article 6(1), second subparagraph;
//	    section 6(2) of the Danish Data Protection Act
//	da  databeskyttelsesforordningens artikel 33, stk. 1; … artikel 6, stk. 1,
//	    litra f; databeskyttelseslovens § 8, stk. 2, nr. 3
//	nb  personvernforordningen artikkel 33 nr. 1; … artikkel 6 nr. 1 bokstav f;
//	    personopplysningsloven § 12 første ledd
//	nn  personvernforordninga artikkel 33 nr. 1; personopplysningslova § 12
//	    første ledd
//
// English omits "GDPR" after an article of the GDPR, as the EDPB does; every
// other instrument is named. The sources of the terms are in GLOSSARY.md.

// instrumentNames holds, per language (da, nb, nn, en), the name of each
// instrument as it stands before a provision (da uses the genitive).
// Instruments that need a document number get it appended or inserted by
// cite.
type instrumentName struct {
	whole [4]string // the instrument on its own: "databeskyttelsesforordningen"
	of    [4]string // before a provision: "databeskyttelsesforordningens"
	// daAfter: Danish cites the provision first, "§ 12, stk. 1, i den
	// norske personopplysningslov", as it does for foreign acts.
	daAfter bool
}

func nameOf(in compliance.Instrument, doc string) instrumentName {
	switch in {
	case compliance.GDPRRegulation:
		return instrumentName{
			whole: [4]string{"databeskyttelsesforordningen", "personvernforordningen", "personvernforordninga", "the GDPR"},
			of:    [4]string{"databeskyttelsesforordningens", "personvernforordningen", "personvernforordninga", ""},
		}
	case compliance.DKDataProtectionAct:
		return instrumentName{
			whole: [4]string{"databeskyttelsesloven", "den danske databeskyttelsesloven", "den danske databeskyttelsesloven", "the Danish Data Protection Act"},
			of:    [4]string{"databeskyttelseslovens", "den danske databeskyttelsesloven", "den danske databeskyttelsesloven", "the Danish Data Protection Act"},
		}
	case compliance.NOPersonalDataAct:
		return instrumentName{
			whole:   [4]string{"den norske personopplysningslov", "personopplysningsloven", "personopplysningslova", "the Norwegian Personal Data Act"},
			of:      [4]string{"den norske personopplysningslov", "personopplysningsloven", "personopplysningslova", "the Norwegian Personal Data Act"},
			daAfter: true,
		}
	case compliance.TimeLimitsRegulation:
		n := [4]string{"forordning (EØF, Euratom) nr. 1182/71", "forordning (EØF, Euratom) nr. 1182/71", "forordning (EØF, Euratom) nr. 1182/71", "Regulation (EEC, Euratom) No 1182/71"}
		return instrumentName{whole: n, of: n}
	case compliance.EUAct:
		n := [4]string{"EU-retsakt " + doc, "EU-rettsakt " + doc, "EU-rettsakt " + doc, "EU act " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.CJEU:
		n := [4]string{"EU-Domstolens dom i sag " + doc, "EU-domstolens dom i sak " + doc, "EU-domstolen sin dom i sak " + doc, "CJEU, Case " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.EDPBGuidelines:
		n := [4]string{"EDPB's retningslinjer " + doc, "EDPBs retningslinjer " + doc, "EDPBs retningslinjer " + doc, "EDPB Guidelines " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.EDPBRecommendations:
		n := [4]string{"EDPB's anbefalinger " + doc, "EDPBs anbefalinger " + doc, "EDPB-tilrådingar " + doc, "EDPB Recommendations " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.EDPBOpinion:
		n := [4]string{"EDPB's udtalelse " + doc, "EDPBs uttalelse " + doc, "EDPB-fråsegn " + doc, "EDPB Opinion " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.WP29:
		n := [4]string{"Artikel 29-gruppen, " + doc, "Artikkel 29-gruppen, " + doc, "Artikkel 29-gruppa, " + doc, "Article 29 Working Party, " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.ENISA:
		n := [4]string{"ENISA " + doc, "ENISA " + doc, "ENISA " + doc, "ENISA " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.DKDatatilsynet:
		n := [4]string{"Datatilsynet: " + doc, "Datatilsynet (DK): " + doc, "Datatilsynet (DK): " + doc, "Datatilsynet (DK): " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.NODatatilsynet:
		n := [4]string{"Datatilsynet (NO): " + doc, "Datatilsynet: " + doc, "Datatilsynet: " + doc, "Datatilsynet (NO): " + doc}
		return instrumentName{whole: n, of: n}
	case compliance.DKArchivesAct:
		if doc != "" {
			return nameOf(compliance.DKAct, doc)
		}
		return instrumentName{
			whole: [4]string{"arkivloven", "den danske arkivloven", "den danske arkivloven", "the Danish Archives Act"},
			of:    [4]string{"arkivlovens", "den danske arkivloven", "den danske arkivloven", "the Danish Archives Act"},
		}
	case compliance.NOArchivesAct:
		if doc != "" {
			return nameOf(compliance.NOAct, doc)
		}
		return instrumentName{
			whole:   [4]string{"den norske arkivlov", "arkivlova", "arkivlova", "the Norwegian Archives Act"},
			of:      [4]string{"den norske arkivlov", "arkivlova", "arkivlova", "the Norwegian Archives Act"},
			daAfter: true,
		}
	case compliance.DKAct:
		return instrumentName{
			whole: [4]string{doc, "den danske " + doc, "den danske " + doc, doc + " (DK)"},
			of:    [4]string{genitive(doc), "den danske " + doc, "den danske " + doc, doc + " (DK)"},
		}
	case compliance.NOAct:
		return instrumentName{
			whole:   [4]string{"den norske " + doc, doc, doc, doc + " (NO)"},
			of:      [4]string{"den norske " + doc, doc, doc, doc + " (NO)"},
			daAfter: true,
		}
	case compliance.Court, compliance.Standard, compliance.OtherAuthority:
		n := [4]string{doc, doc, doc, doc}
		return instrumentName{whole: n, of: n}
	}
	return instrumentName{}
}

// genitive forms the Danish genitive of an act's name: serviceloven →
// servicelovens; names ending in s, x or z take no extra s.
func genitive(name string) string {
	if name == "" || strings.ContainsAny(name[len(name)-1:], "sxz") {
		return name
	}
	return name + "s"
}

var ordinalNB = [...]string{"", "første", "annet", "tredje", "fjerde", "femte", "sjette", "syvende", "åttende", "niende", "tiende"}
var ordinalNN = [...]string{"", "første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuande", "åttande", "niande", "tiande"}
var ordinalEN = [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ledd returns the Norwegian "første ledd" for paragraph n.
func ledd(lang, n int) string {
	if lang == langNN && n < len(ordinalNN) {
		return ordinalNN[n] + " ledd"
	}
	if n < len(ordinalNB) {
		return ordinalNB[n] + " ledd"
	}
	return "ledd " + strconv.Itoa(n)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// cite renders r in the citation style of language lang.
func cite(lang int, r compliance.Ref) string {
	if !r.Instrument.Valid() {
		return ""
	}
	name := nameOf(r.Instrument, r.Doc)
	national := r.Instrument.National()
	var b strings.Builder
	var parts []string // trailing locators, joined by ", "

	if r.Article != "" {
		prov := provision(lang, national, r)
		switch {
		case lang == langEN && r.Instrument == compliance.GDPRRegulation:
			b.WriteString(prov)
		case lang == langDA && name.daAfter:
			b.WriteString(prov)
			if r.Paragraph > 0 || r.Point != "" || r.Subparagraph > 0 {
				b.WriteByte(',') // "§ 12, stk. 1, i …", as Danish punctuates
			}
			b.WriteString(" i ")
			b.WriteString(name.of[lang])
		case lang == langEN:
			b.WriteString(prov)
			b.WriteString(" of ")
			b.WriteString(name.of[lang])
		default:
			b.WriteString(name.of[lang])
			b.WriteByte(' ')
			b.WriteString(prov)
		}
	} else if r.Recital > 0 {
		word := [4]string{"præambelbetragtning", "fortalepunkt", "fortalepunkt", "Recital"}[lang]
		if lang == langEN {
			b.WriteString(word + " " + strconv.Itoa(r.Recital))
			if r.Instrument != compliance.GDPRRegulation {
				b.WriteString(" of " + name.whole[lang])
			}
		} else {
			b.WriteString(name.of[lang] + " " + word + " " + strconv.Itoa(r.Recital))
		}
	} else {
		b.WriteString(name.whole[lang])
	}
	if r.Article != "" && r.Recital > 0 {
		parts = append(parts, [4]string{"præambelbetragtning", "fortalepunkt", "fortalepunkt", "recital"}[lang]+" "+strconv.Itoa(r.Recital))
	}
	if r.Para != "" {
		word := [4]string{"punkt", "punkt", "punkt", "paragraph"}[lang]
		para := r.Para
		switch {
		case r.Instrument == compliance.CJEU:
			word = [4]string{"præmis", "avsnitt", "avsnitt", "paragraph"}[lang]
		case strings.HasPrefix(para, "Annex-"):
			// An annex of a guidance document ("Annex-2", the canonical
			// form has no spaces in Para) is cited as one.
			word = [4]string{"bilag", "vedlegg", "vedlegg", "Annex"}[lang]
			para = strings.TrimPrefix(para, "Annex-")
		}
		parts = append(parts, word+" "+para)
	}
	if r.Clause != "" {
		parts = append(parts, [4]string{"klausul", "klausul", "klausul", "Clause"}[lang]+" "+r.Clause)
	}
	if r.Case != "" {
		word := [4]string{"sag nr.", "sak nr.", "sak nr.", "case"}[lang]
		if r.Instrument == compliance.EDPBRecommendations {
			// Recommendations 01/2020, Annex 2: "Use Case 7"; the EDPB's
			// Danish and Norwegian pages call them anvendelsestilfælde and
			// brukstilfelle.
			word = [4]string{"anvendelsestilfælde", "brukstilfelle", "brukstilfelle", "use case"}[lang]
		}
		parts = append(parts, word+" "+r.Case)
	}
	for _, p := range parts {
		b.WriteString(", ")
		b.WriteString(p)
	}
	return b.String()
}

// provision renders the article or section with its paragraph, point and
// subparagraph: "artikel 33, stk. 1", "§ 12 første ledd", "Article 6(1)(f)".
func provision(lang int, national bool, r compliance.Ref) string {
	var b strings.Builder
	switch {
	case national && lang == langEN:
		b.WriteString("section ")
	case national:
		b.WriteString("§ ")
	case lang == langDA:
		b.WriteString("artikel ")
	case lang == langEN:
		b.WriteString("Article ")
	default:
		b.WriteString("artikkel ")
	}
	b.WriteString(r.Article)
	numeric := isDigits(r.Point)
	switch lang {
	case langEN:
		if r.Paragraph > 0 {
			b.WriteString("(" + strconv.Itoa(r.Paragraph) + ")")
			if r.Point != "" {
				b.WriteString("(" + r.Point + ")")
			}
		} else if numeric {
			b.WriteString("(" + r.Point + ")") // Article 4(11), as EUR-Lex writes a definition
		} else if r.Point != "" {
			b.WriteString(", point " + r.Point)
		}
		if r.Subparagraph > 0 {
			b.WriteString(", " + ordinal(ordinalEN[:], r.Subparagraph) + " subparagraph")
		}
	case langDA:
		if r.Paragraph > 0 {
			b.WriteString(", stk. " + strconv.Itoa(r.Paragraph))
		}
		if r.Point != "" {
			if numeric {
				b.WriteString(", nr. " + r.Point)
			} else {
				b.WriteString(", litra " + r.Point)
			}
		}
		if r.Subparagraph > 0 {
			b.WriteString(", " + strconv.Itoa(r.Subparagraph) + ". afsnit")
		}
	default: // nb, nn
		if r.Paragraph > 0 {
			if national {
				b.WriteString(" " + ledd(lang, r.Paragraph))
			} else {
				b.WriteString(" nr. " + strconv.Itoa(r.Paragraph))
			}
		}
		if r.Point != "" {
			if numeric {
				b.WriteString(" nr. " + r.Point)
			} else {
				b.WriteString(" bokstav " + r.Point)
			}
		}
		if r.Subparagraph > 0 {
			b.WriteString(" " + ledd(lang, r.Subparagraph))
		}
	}
	return b.String()
}

func ordinal(words []string, n int) string {
	if n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n) + "th"
}

// mergeable reports whether b can be cited together with a, the act named
// once: "databeskyttelsesforordningens artikel 34, stk. 1 og 2". Only
// provisions of one act merge; guidance, recitals and annexes are cited on
// their own.
func mergeable(a, b compliance.Ref) bool {
	plain := func(r compliance.Ref) bool {
		return r.Instrument.Valid() && r.Article != "" && r.Recital == 0 && r.Para == "" && r.Clause == "" && r.Case == ""
	}
	return plain(a) && plain(b) && a.Instrument == b.Instrument && a.Doc == b.Doc
}

// citeGroup cites refs of one act, all [mergeable], naming the act once:
// "databeskyttelsesforordningens artikel 34, stk. 1 og 2",
// "personvernforordningen artikkel 33 nr. 1 og artikkel 34 nr. 1",
// "Article 34(1) and (2)", "Articles 33(1) and 34(1)".
func citeGroup(lang int, rs compliance.Refs, from, to int) string {
	if to-from == 1 {
		return cite(lang, rs.At(from))
	}
	first := rs.At(from)
	national := first.Instrument.National()
	name := nameOf(first.Instrument, first.Doc)
	// Each item is one provision; a paragraph or point of the same article
	// as the item before joins it ("stk. 1 og 2", "(1) and (2)").
	type item struct {
		text   string
		ref    compliance.Ref
		joined []string
	}
	var items []item
	for i := from; i < to; i++ {
		r := rs.At(i)
		if n := len(items); n > 0 {
			prev := items[n-1].ref
			if extra, ok := sameArticle(lang, national, prev, r); ok {
				items[n-1].joined = append(items[n-1].joined, extra)
				items[n-1].ref = r
				continue
			}
		}
		items = append(items, item{text: provision(lang, national, r), ref: r})
	}
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = it.text
		if len(it.joined) > 0 {
			texts[i] = continueList(lang, it.text, it.joined)
		}
	}
	if lang == langEN && len(texts) > 1 {
		// "Articles 33(1) and 34(1)", "sections 8 and 9".
		for _, w := range []string{"Article ", "section "} {
			if strings.HasPrefix(texts[0], w) {
				for i := range texts {
					texts[i] = strings.TrimPrefix(texts[i], w)
				}
				texts[0] = strings.TrimSuffix(w, " ") + "s " + texts[0]
			}
		}
	}
	if lang != langEN && len(texts) > 1 {
		// "§§ 5 og 13", as Danish and Norwegian cite several whole sections.
		whole := true
		for _, t := range texts {
			rest, ok := strings.CutPrefix(t, "§ ")
			if !ok || strings.Contains(rest, ",") || strings.Contains(rest, "ledd") || strings.Contains(rest, "nr.") {
				whole = false
			}
		}
		if whole {
			for i := range texts {
				texts[i] = strings.TrimPrefix(texts[i], "§ ")
			}
			texts[0] = "§§ " + texts[0]
		}
	}
	list := joinList(lang, texts)
	switch {
	case lang == langEN && first.Instrument == compliance.GDPRRegulation:
		return list
	case lang == langDA && name.daAfter:
		if strings.Contains(list, ",") {
			return list + ", i " + name.of[lang] // "§ 12, stk. 1 og 2, i …"
		}
		return list + " i " + name.of[lang]
	case lang == langEN:
		return list + " of " + name.of[lang]
	}
	return name.of[lang] + " " + list
}

// sameArticle returns the locator by which b continues a when both are the
// same article with only the paragraph (or, in the same paragraph, only the
// point) different: " og 2" for "stk. 1 og 2", " and (2)" for "(1) and (2)".
// Norwegian national acts count paragraphs in words ("første ledd") and are
// not joined.
func sameArticle(lang int, national bool, a, b compliance.Ref) (string, bool) {
	if a.Article != b.Article || a.Subparagraph != 0 || b.Subparagraph != 0 {
		return "", false
	}
	switch {
	case a.Paragraph > 0 && b.Paragraph > 0 && a.Paragraph != b.Paragraph && a.Point == "" && b.Point == "":
		if national && (lang == langNB || lang == langNN) {
			return "", false
		}
		if lang == langEN {
			return "(" + strconv.Itoa(b.Paragraph) + ")", true
		}
		return strconv.Itoa(b.Paragraph), true
	case a.Paragraph == b.Paragraph && a.Point != "" && b.Point != "" && a.Point != b.Point:
		if lang == langEN && a.Paragraph > 0 {
			return "(" + b.Point + ")", true
		}
		if lang == langEN {
			return "", false
		}
		return b.Point, true
	}
	return "", false
}

// joinList joins items with commas and the language's "and". Danish puts
// a comma before "og" when an item itself has commas, as Danish legal
// citations do ("artikel 33, stk. 1, og artikel 34, stk. 1").
func joinList(lang int, items []string) string {
	n := len(items)
	if n == 1 {
		return items[0]
	}
	and := [4]string{" og ", " og ", " og ", " and "}[lang]
	if lang == langDA {
		for _, it := range items {
			if strings.Contains(it, ",") {
				and = ", og "
				break
			}
		}
	}
	return strings.Join(items[:n-1], ", ") + and + items[n-1]
}

// continueList appends further locators to a provision: "stk. 1" with 2
// gives "stk. 1 og 2", with 2 and 3 "stk. 1, 2 og 3".
func continueList(lang int, first string, more []string) string {
	and := [4]string{" og ", " og ", " og ", " and "}[lang]
	if len(more) == 1 {
		return first + and + more[0]
	}
	return first + ", " + strings.Join(more[:len(more)-1], ", ") + and + more[len(more)-1]
}
