package i18n_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// Legal references are cited in the style of each language.
func ExamplePrinter_Ref() {
	ref := compliance.GDPR(33, 1, "")
	for _, tag := range i18n.Supported() {
		fmt.Printf("%s: %s\n", tag, i18n.NewPrinter(tag).Ref(ref))
	}
	// Output:
	// da: databeskyttelsesforordningens artikel 33, stk. 1
	// nb: personvernforordningen artikkel 33 nr. 1
	// nn: personvernforordninga artikkel 33 nr. 1
	// en: Article 33(1)
}

// Vocabulary values, dates, durations and amounts in each language.
func ExamplePrinter_Name() {
	d := compliance.Date{Year: 2026, Month: time.May, Day: 17}
	fine := compliance.Amount{Value: decimal.RequireFromString("1600000"), Currency: compliance.NOK}
	for _, tag := range []language.Tag{language.Danish, language.MustParse("nn"), language.English} {
		p := i18n.NewPrinter(tag)
		fmt.Printf("%s | %s | %s | %s | %q\n", p.Name(compliance.Health), p.Name(compliance.PublicTask),
			p.Date(d), p.Duration(72*time.Hour), p.Amount(fine))
	}
	// Output:
	// helbredsoplysninger | opgave i samfundets interesse eller myndighedsudøvelse | 17. maj 2026 | 72 timer | "1.600.000,00 NOK"
	// helseopplysningar | oppgåve i ålmenta si interesse eller utøving av offentleg styresmakt | 17. mai 2026 | 72 timar | "kr 1\u00a0600\u00a0000,00"
	// data concerning health | task carried out in the public interest or in the exercise of official authority | 17 May 2026 | 72 hours | "NOK 1,600,000.00"
}

// Match picks the supported language for an Accept-Language header.
func ExampleMatch() {
	fmt.Println(i18n.Match(language.English, "nb-NO,nb;q=0.9,en;q=0.5"))
	fmt.Println(i18n.Match(language.English, "no"))
	fmt.Println(i18n.Match(language.Danish, "sv-SE"))
	// Output:
	// nb
	// nb
	// da
}

// Validation errors are rendered field by field, without the rejected
// values.
func ExamplePrinter_Error() {
	var v compliance.Validation
	v.Require("controller.name", false)
	v.Check("purposes[0].basis", compliance.UnknownCode("legal-basis", []string{"consent", "public-task"}))
	fmt.Println(i18n.NewPrinter(language.MustParse("nb")).Error(v.Err("activity")))
	// Output:
	// controller.name: må fylles ut
	// purposes[0].basis: ukjent kode (tillatte verdier: consent, public-task)
}
