package ident_test

import (
	"fmt"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
)

func ExampleParseCPR() {
	// A synthetic number (born 2050) that fails the modulus-11 check: CPR
	// numbers without it have been issued since 2007 and are valid.
	c, err := ident.ParseCPR("010150-5007")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("born:", c.BirthDate())
	fmt.Println("sex:", c.Sex())
	fmt.Println("modulus 11:", c.Modulus11())
	fmt.Println("printed:", c)
	fmt.Printf("in a struct: %+v\n", struct{ CPR ident.CPR }{c})
	stored, _ := c.MarshalText()
	fmt.Println("stored:", string(stored))

	_, err = ident.ParseCPR("300290-1234")
	fmt.Println(err)
	// Output:
	// born: 2050-01-01
	// sex: male
	// modulus 11: false
	// printed: ******-****
	// in a struct: {CPR:******-****}
	// stored: 0101505007
	// compliance: cpr: date
}

func ExampleParseFNR() {
	// A D-nummer: the day is raised by 40 (synthetic, born 2039).
	f, err := ident.ParseFNR("41013950170")
	if err != nil {
		fmt.Println(err)
		return
	}
	sex, ok := f.Sex()
	fmt.Println("kind:", f.Kind())
	fmt.Println("born:", f.BirthDate())
	fmt.Println("sex:", sex, ok)
	fmt.Println("printed:", f)

	_, err = ident.ParseFNR("41013950171")
	fmt.Println(err)
	// Output:
	// kind: d-number
	// born: 2039-01-01
	// sex: male true
	// printed: ***********
	// compliance: fnr: checksum
}

func ExampleParseFNRWith() {
	// Skatteetaten's example of a number issued under the rules from
	// 1 January 2032: K1 leaves remainder 1, which today's rules reject.
	_, err := ident.ParseFNR("30108299939")
	fmt.Println(err)

	f, err := ident.ParseFNRWith("30108299939", ident.FNRRules{Accept2032: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, ok := f.Sex()
	fmt.Println("2032 series:", f.Series2032())
	fmt.Println("birth date known:", !f.BirthDate().IsZero())
	fmt.Println("sex known:", ok)
	// Output:
	// compliance: fnr: checksum
	// 2032 series: true
	// birth date known: false
	// sex known: false
}

func ExampleParseCVR() {
	// Erhvervsstyrelsen's worked example, written as a Danish VAT number.
	c, err := ident.ParseCVR("DK 13 74 81 36")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)

	_, err = ident.ParseCVR("13748137")
	fmt.Println(err)
	// Output:
	// 13748136
	// compliance: cvr: checksum
}

func ExampleParseNational() {
	n, err := ident.ParseNational(compliance.NO, "31129956715")
	if err != nil {
		fmt.Println(err)
		return
	}
	stored, _ := n.MarshalText()
	fmt.Println(n.Jurisdiction(), n.BirthDate(), n)
	fmt.Println(string(stored))
	// Output:
	// no 1899-12-31 ***********
	// no:31129956715
}
